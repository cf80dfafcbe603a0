"""The published accessibility statement names the versions these tests ran with."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess

import pytest

from .chromium import CHROMIUM, ROOT
from .site_pages import page_path

pytestmark = pytest.mark.browser


def test_statement_lists_the_tools_and_versions_these_tests_use(tab, shipped_site):
    page = tab.open(page_path(shipped_site, "accessibility statement"))
    text = " ".join(page.inner_text("article").split())
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    chromium = subprocess.run([str(CHROMIUM), "--version"], capture_output=True,
                              text=True).stdout.split()[1]
    for tool in (f"axe-core {lock['packages']['node_modules/axe-core']['version']}",
                 f"Playwright {importlib.metadata.version('playwright')}",
                 f"Chromium {chromium}",
                 f"LinkChecker {importlib.metadata.version('linkchecker')}"):
        assert tool in text, f"the statement does not say '{tool}'"
    assert "How we test this site" in text
