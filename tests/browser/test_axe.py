"""axe-core on every page template: WCAG 2.2 A and AA and best practice, zero violations."""

from __future__ import annotations

import pytest

from .site_pages import TEMPLATES, page_path, status_of

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


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_template_has_no_axe_violations(template, tab, shipped_site, axe_source):
    page = tab.open(page_path(shipped_site, template), status=status_of(template))
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe on the {template} page {page.url}:\n{describe(violations)}"


def test_open_search_results_have_no_axe_violations(tab, shipped_site, axe_source):
    page = tab.open("")
    page.keyboard.press("/")
    page.keyboard.type("safeguarding")
    page.wait_for_selector("#commons-search-results li a", timeout=10_000)
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe with search results open:\n{describe(violations)}"
