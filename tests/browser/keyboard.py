"""Moving through a page the way a keyboard user does: Tab until the wanted control."""

from __future__ import annotations

import pytest

# More Tab presses than any page here needs: the navigation and a long page of links.
TAB_LIMIT = 400


def tab_to(page, selector: str, what: str, limit: int = TAB_LIMIT, back: bool = False):
    """Press Tab (or Shift+Tab) until the focus is on the first element matching selector;
    fail, naming what could not be reached, if it never gets there."""
    target = page.query_selector(selector)
    if target is None:
        pytest.fail(f"{what}: nothing matches {selector!r} on {page.url}", pytrace=False)
    key = "Shift+Tab" if back else "Tab"
    for _ in range(limit):
        if page.evaluate("(el) => document.activeElement === el", target):
            return target
        page.keyboard.press(key)
    pytest.fail(f"{what} ({selector!r}) on {page.url} was not reached after {limit} presses "
                f"of {key}: it is not in the keyboard order", pytrace=False)


def focused_description(page) -> str:
    return page.evaluate("""() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} `
                  + `"${(el.textContent || '').trim().slice(0, 40)}"` : 'nothing';
    }""")
