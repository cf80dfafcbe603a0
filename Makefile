# The commands that are the commons' contract with its users (see README.md).
# Each sets itself up on first use: a virtual environment in .venv with pinned packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build check test bench new clean setup browser audit screenshots

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

serve: $(INSTALLED)
	$(PY) scripts/build.py
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(INSTALLED)
	$(PY) scripts/build.py

check: $(INSTALLED)
	$(PY) scripts/check.py $(ARGS)

browser:
	bash scripts/setup_browser.sh

test: $(INSTALLED) browser
	$(PY) -m pytest $(PYTEST_ARGS)

# Lighthouse on six pages, served with gzip and cache headers; prints the scores.
audit: build browser
	$(PY) scripts/audit.py site

# PNGs of every page template at 360 and 1280 px wide, into screenshots/.
screenshots: build browser
	$(PY) scripts/screenshots.py site screenshots

bench: $(INSTALLED)
	$(PY) scripts/bench.py $(ARGS)

new: $(INSTALLED)
	$(PY) scripts/new_page.py $(ARGS)

clean:
	rm -rf site .site-build-* .site-old-* .cache screenshots
