"""Escaping for values from content and data that reach HTML or Markdown.

Jinja in MkDocs does not autoescape and Python-Markdown does not sanitise, so every value a
contributor controls passes through one of these on its way into a page. HTML escaping is
markupsafe's, the rule the generators' templates (generate/templates.py) apply too.
"""

from __future__ import annotations

import functools
import re

import markupsafe

# Only what Python-Markdown unescapes (its ESCAPED_CHARS with `tables`): escaping any other
# character, such as ':', would show the backslash to readers. With &, < and > as HTML
# escapes them and a line end as a space, one character at a time: the generators write
# this for every link of every list on a large commons.
_MD_TEXT = str.maketrans({**{char: "\\" + char for char in "\\`*_{}[]()#+-.!|"},
                          "&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " "})
_SAFE_URL = re.compile(r"^(https://|mailto:)[^\s\"'<>`]+$", re.IGNORECASE)


def esc(value: object) -> str:
    """Text for an HTML element or attribute: &, <, >, " and ' escaped."""
    return str(markupsafe.escape("" if value is None else str(value)))


def md_text(value: object) -> str:
    """Text for a line of Markdown: &, < and > escaped (quotes are plain text outside an
    attribute, and must stay so for heading anchors), Markdown punctuation made literal."""
    return _md_text("" if value is None else str(value))


@functools.lru_cache(maxsize=32768)  # a page's title and summary are listed on many pages
def _md_text(text: str) -> str:
    text = text.translate(_MD_TEXT)
    return "&#58;" + text[1:] if text.startswith(":") else text  # not a definition list


def safe_url(value: object) -> str | None:
    """The URL when it is an https: or mailto: address, else None (never javascript:)."""
    text = "" if value is None else str(value).strip()
    return text if _SAFE_URL.match(text) else None
