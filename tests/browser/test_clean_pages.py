"""Every page template loads with no request to another host, no JavaScript error and no
Content-Security-Policy violation, search and its WebAssembly included."""

from __future__ import annotations

import re

import pytest

from .site_pages import TEMPLATES, page_path, status_of

pytestmark = pytest.mark.browser

# Addresses of other hosts in the built HTML (links to other sites are fine; loading is not).
_LOADED_FROM_ELSEWHERE = re.compile(
    r"<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=\"(?:https?:)?//"
    r"|<link\b[^>]*\bhref=\"(?:https?:)?//[^\"]*\"[^>]*\brel=\"(?:stylesheet|preload|preconnect|modulepreload|icon)",
    re.IGNORECASE)


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_template_loads_nothing_from_elsewhere_and_raises_no_error(template, tab, shipped_site):
    page = tab.open(page_path(shipped_site, template), status=status_of(template))
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 20_000)  # anything loaded lazily further down the page
    page.wait_for_load_state("networkidle")
    tab.assert_clean()


def test_search_with_filters_loads_nothing_from_elsewhere(tab):
    page = tab.open("")
    page.keyboard.press("/")
    page.keyboard.type("learning")
    page.wait_for_selector("#commons-search-results li a")
    page.wait_for_load_state("networkidle")
    tab.assert_clean()


def test_the_watch_catches_a_request_to_another_host(tab):
    page = tab.open("")
    page.evaluate("() => fetch('https://fonts.googleapis.com/css').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert any("fonts.googleapis.com" in problem for problem in tab.problems())


def test_the_watch_catches_a_blocked_inline_script(tab):
    page = tab.open("")
    page.evaluate("""() => { const s = document.createElement('script');
                             s.textContent = 'window.injected = 1';
                             document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.injected === undefined"), "the policy let it run"
    assert any("Content-Security-Policy" in problem for problem in tab.problems())


def test_no_page_asks_for_anything_from_another_host(shipped_site):
    offenders = []
    for html in sorted(shipped_site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        offenders += [f"{html.relative_to(shipped_site)}: {m.group(0)[:120]}"
                      for m in _LOADED_FROM_ELSEWHERE.finditer(text)]
    assert not offenders, "\n".join(offenders)
