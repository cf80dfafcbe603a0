"""axe-core on every page of the built commons, and on What's on and the region pages as
built on other days: WCAG 2.2 A and AA and best practice, zero violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from .axe import axe_violations, describe
from .site_pages import MISSING_PATH, TEMPLATES, page_path

pytestmark = pytest.mark.browser


def site_pages(site: Path) -> list[str]:
    """The URL path of every page in a built site (404.html by a missing address)."""
    paths = []
    for page in sorted(site.rglob("*.html")):
        relative = page.relative_to(site).as_posix()
        if relative == "404.html":
            relative = MISSING_PATH
        elif not relative.endswith("index.html"):
            continue  # redirects and fragments, not pages
        paths.append(relative.removesuffix("index.html"))
    return paths


def violations_on(tab, paths: list[str], axe_source: str) -> list[str]:
    found = []
    for path in paths:
        page = tab.open(path, status=404 if path == MISSING_PATH else 200)
        violations = axe_violations(page, axe_source)
        if violations:
            found.append(f"/{path}:\n{describe(violations)}")
    return found


def test_every_page_has_no_axe_violations(tab, shipped_site, axe_source):
    paths = site_pages(shipped_site)
    assert {page_path(shipped_site, template) for template in TEMPLATES} <= set(paths)
    found = violations_on(tab, paths, axe_source)
    assert not found, f"axe on {len(found)} of {len(paths)} pages:\n" + "\n".join(found)


@pytest.mark.parametrize("day", ["2026-01-15", "2027-07-01"])
def test_dated_pages_have_no_axe_violations_on_other_days(day, tab_for_site, axe_source,
                                                          site_built_on):
    """What's on and the region pages change with the build day (SOURCE_DATE_EPOCH)."""
    site = site_built_on(day)
    paths = [p for p in site_pages(site) if p.startswith(("whats-on/", "regions/"))]
    assert "whats-on/" in paths and len(paths) > 2
    found = violations_on(tab_for_site(site), paths, axe_source)
    assert not found, f"axe on the {day} build:\n" + "\n".join(found)


def test_open_search_results_have_no_axe_violations(tab, shipped_site, axe_source):
    page = tab.open("")
    page.keyboard.press("/")
    page.keyboard.type("safeguarding")
    page.wait_for_selector("#commons-search-results li a", timeout=10_000)
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe with search results open:\n{describe(violations)}"
