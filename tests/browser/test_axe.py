"""axe-core on every page of the built commons, and on What's on and the region pages as
built on other days: WCAG 2.2 A and AA and best practice, zero violations."""

from __future__ import annotations

from pathlib import Path

import pytest

from .site_pages import MISSING_PATH, TEMPLATES, page_path

pytestmark = pytest.mark.browser

# target-size is only checked when wcag22aa is asked for.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => ({target: n.target.join(' '), summary: n.failureSummary}))
  }));
}"""


def axe_violations(page, axe_source: str) -> list[dict]:
    page.evaluate(axe_source)
    return page.evaluate(RUN_AXE, TAGS)


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    at {node['target']}: {summary[:240]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    ... and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


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


def test_every_page_has_no_axe_violations(tab, built_site, axe_source):
    paths = site_pages(built_site)
    assert {page_path(built_site, template) for template in TEMPLATES} <= set(paths)
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


def test_open_search_results_have_no_axe_violations(tab, built_site, axe_source):
    page = tab.open("")
    page.keyboard.press("/")
    page.keyboard.type("safeguarding")
    page.wait_for_selector("#commons-search-results li a", timeout=10_000)
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe with search results open:\n{describe(violations)}"
