"""Clean text: no control character (other than tab and line end) and no unbalanced
bidirectional control anywhere a reader or a file format will see it.

A NUL, an escape or a vertical tab breaks the feed's XML, the EPUB and the HTML; a right-to-
left override that is never closed turns the text after it around, in the navigation of every
page, the feed and the downloads (a title can be made to read as something else).
"""

from __future__ import annotations

import re
from typing import Any

from commons.core.problems import Problem
from commons.load.frontmatter import strings
from commons.load.settings import Settings
from commons.model.records import Commons

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_OPENERS = {"\u202a": "\u202c", "\u202b": "\u202c", "\u202d": "\u202c", "\u202e": "\u202c",
            "\u2066": "\u2069", "\u2067": "\u2069", "\u2068": "\u2069"}
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
# How repr() writes a control or a bidirectional control (escaped, as it writes every
# character no one can see): a front matter whose repr holds neither is clean.
_MAY_BE_UNCLEAN_REPR = re.compile(r"\\x[0-9a-f]{2}|\\u20[26][0-9a-f]")
_HINT = "delete it: copy the text again from its source as plain text, or retype it"


def clean_text_rule(commons: Commons, settings: Settings) -> list[Problem]:
    problems = []
    for page in commons.pages.values():
        if _MAY_BE_UNCLEAN_REPR.search(repr(page.meta)):  # one pass in C over most pages
            for line, text in strings(page.meta):
                problems += _issues(text, page.origin.path, line=line)
        if _suspect(page.body):
            for offset, text in enumerate(page.body.split("\n")):
                problems += _issues(text, page.origin.path, line=page.body_line + offset)
    for table, rows in sorted(commons.tables.items()):
        if not _suspect(commons.table_texts.get(table)):
            continue  # no cell holds what its file's text does not
        for row in rows:
            for column, value in row.items():
                for text in value if isinstance(value, list) else [value]:
                    if isinstance(text, str) and not column.startswith("_"):
                        problems += _issues(text, f"{commons.data_label}/{table}.csv",
                                            row=row.get("_row"), field=column)
    return problems


def _suspect(text: str | None) -> bool:
    """Whether a part of text may be unclean (a whole text is read in one pass, and most
    hold no control at all); None, a text not known, may be."""
    return text is None or bool(_CONTROL.search(text) or _BIDI.search(text))


def unclean(text: str) -> str | None:
    """Why text is not clean, or None."""
    control = _CONTROL.search(text)
    if control:
        return f"holds the control character U+{ord(control.group(0)):04X}, which no reader sees"
    if _BIDI.search(text) and not _balanced(text):
        return ("holds a right-to-left or left-to-right control that is never closed, which "
                "turns the text after it around")
    return None


def _balanced(text: str) -> bool:
    open_marks: list[str] = []
    for mark in _BIDI.findall(text):
        if mark in _OPENERS:
            open_marks.append(_OPENERS[mark])
        elif not open_marks or open_marks.pop() != mark:
            return False
    return not open_marks


def _issues(text: str, path: str, **where: Any) -> list[Problem]:
    reason = unclean(text)
    return [Problem(path, message=f"the text {reason}", hint=_HINT, **where)] if reason else []
