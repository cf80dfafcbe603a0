"""The accessibility statement's testing section: current tool versions and build date."""

from __future__ import annotations

import datetime as dt
import json

from commons.render import a11y_statement as statement
from commons.render.a11y_statement import PLACEHOLDER, STATEMENT, Tools

USED = Tools(axe_core="4.14.1", playwright="1.65.2", chromium="156.0.8078.79",
             linkchecker="10.6.0")
DAY = dt.date(2026, 11, 3)


def test_section_names_every_tool_version_and_the_build_date():
    text = statement.section(USED, DAY)
    for expected in ("axe-core 4.14.1", "Playwright 1.65.2", "Chromium 156.0.8078.79",
                     "LinkChecker 10.6.0", "3 November 2026", "WCAG 2.2", "320 pixels",
                     "200%", "keyboard"):
        assert expected in text, expected
    assert text.startswith("## How we test this site\n")


def test_placeholder_is_replaced_and_other_pages_are_left_alone(tmp_path):
    page = f"# Accessibility statement\n\nIntro.\n\n{PLACEHOLDER}\n\n## Tell us\n"
    filled = statement.fill(page, STATEMENT, tmp_path, DAY)
    assert PLACEHOLDER not in filled
    assert filled.index("## How we test this site") < filled.index("## Tell us")
    assert statement.fill(page, "about/index.md", tmp_path, DAY) == page


def test_without_placeholder_the_section_goes_at_the_end(tmp_path):
    filled = statement.fill("# Accessibility statement\n\nIntro.\n", STATEMENT, tmp_path, DAY)
    assert filled.startswith("# Accessibility statement\n\nIntro.\n\n## How we test")


def test_axe_version_comes_from_the_lock_file(tmp_path):
    lock = {"packages": {"node_modules/axe-core": {"version": "9.9.9"}}}
    (tmp_path / "package-lock.json").write_text(json.dumps(lock), encoding="utf-8")
    assert statement.axe_version(tmp_path) == "9.9.9"
    assert statement.axe_version(tmp_path / "nowhere") == statement.UNKNOWN


def test_chromium_version_is_read_from_the_browser(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\necho 'Chromium 150.1.2.3 built on Debian GNU/Linux 12'\n")
    fake.chmod(0o755)
    assert statement.chromium_version(str(fake)) == "150.1.2.3"
    assert statement.chromium_version(str(tmp_path / "missing")) == statement.UNKNOWN


def test_chromium_is_asked_once_while_it_is_the_same_file(tmp_path):
    fake, asked, kept = tmp_path / "chromium", tmp_path / "asked", tmp_path / "cache.json"
    fake.write_text(f"#!/bin/sh\necho x >> {asked}\necho 'Chromium 150.1.2.3 built on x'\n")
    fake.chmod(0o755)
    for _ in range(2):
        statement.chromium_version.cache_clear()  # as a new build process would
        assert statement.chromium_version(str(fake), kept) == "150.1.2.3"
    assert asked.read_text() == "x\n"
    fake.write_text(f"#!/bin/sh\necho y >> {asked}\necho 'Chromium 151.0.0.1 built on x'\n")
    statement.chromium_version.cache_clear()
    assert statement.chromium_version(str(fake), kept) == "151.0.0.1"  # an upgrade is seen
