"""Reflow (WCAG 1.4.10): at 320 CSS px wide and at 200% zoom every page template fits the
screen, with no horizontal scrolling of the page (wide tables scroll inside their box)."""

from __future__ import annotations

import pytest

from .site_pages import TEMPLATES, page_path, status_of

pytestmark = pytest.mark.browser

SCREENS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    # A 1280 x 800 screen zoomed to 200%: 640 x 400 CSS px, two device pixels to each.
    "200% zoom": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}
OVERFLOW = """() => {
  const root = document.scrollingElement;
  const wide = Array.from(document.body.querySelectorAll('*')).filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > root.clientWidth + 1
      && getComputedStyle(el).visibility !== 'hidden';
  }).slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className} `
                         + `(right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
  return {scroll: root.scrollWidth, client: root.clientWidth, wide};
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("template", list(TEMPLATES))
def test_template_reflows_without_horizontal_scrolling(template, screen, make_tab, shipped_site):
    tab = make_tab(**SCREENS[screen])
    page = tab.open(page_path(shipped_site, template), status=status_of(template))
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= found["client"], (
        f"the {template} page at {screen} scrolls sideways: {found['scroll']}px of content "
        f"in {found['client']}px; wider than the screen: {found['wide']}")
