# The commands that are the commons' contract with its users (see README.md).
# Each sets itself up on first use: a virtual environment in .venv with pinned packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
INSTALLED := $(VENV)/.installed
# The editor's bundle (Decap CMS) and decap-server, pinned in package-lock.json.
NODE := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve edit build check test bench new clean setup browser audit screenshots

setup: $(INSTALLED)

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

$(NODE): package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The preview: built once, then rebuilt in part after each save (scripts/preview.py).
serve: $(INSTALLED) $(NODE)
	$(PY) scripts/preview.py --port 8000

# The preview and the browser editor together: the editor writes straight into content/.
edit: $(INSTALLED) $(NODE)
	@echo "Editor: open http://127.0.0.1:8000/admin/ and choose Login (the preview is http://127.0.0.1:8000/)."
	@PORT=8081 BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn \
	  node node_modules/decap-server/dist/index.js & server=$$!; \
	  trap 'kill $$server' EXIT INT TERM; \
	  $(PY) scripts/preview.py --port 8000 --local-editor

build: $(INSTALLED) $(NODE)
	$(PY) scripts/build.py $(ARGS)

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
