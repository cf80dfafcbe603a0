"""axe-core on every page template: WCAG 2.2 A and AA and best practice, zero violations."""

from __future__ import annotations

import pytest

from .axe import axe_violations, describe
from .site_pages import TEMPLATES, page_path, status_of

pytestmark = pytest.mark.browser


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
