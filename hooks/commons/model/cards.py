"""Cards in a toolkit, found from its structure, for a printable card sheet.

A card is an H3 that starts with a code, such as `### KC 1 · Shared purpose`, in a toolkit
that says `cards: true` or has at least four of them; with `cards: true` and no codes, every
H3 is a card; any heading marked `{ .card }` is one. Its section is the H2 above it (words in
brackets there, such as "(KC, light green)", may name the section's colour); its text runs to
the next heading of its level or above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from commons.core.markdown import closing_hashes, fenced_lines
from commons.core.problems import Problem
from commons.model.records import Page

CARD_BREAK = "COMMONSCARDBREAK"  # a paragraph of its own between cards, for splitting
# Linear in a heading's length: closing hashes and spaces are stripped in Python, and an
# attribute list is found from its '{' alone.
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ATTRS = re.compile(r"\{:?([^{}]*)\}\s*$")
_CARD_CLASS = re.compile(r"\.card\b")
_CODE = re.compile(r"^([A-Z]{1,5}[ -]?\d{1,3}[a-z]?)\b[\s.:)|\u00b7\u2013\u2014-]*(.*)$")
_NOTE = re.compile(r"^(.*?)\(([^()]*)\)$")
MIN_UNMARKED_CARDS = 4


@dataclass(frozen=True)
class Card:
    code: str
    title: str
    section: str
    note: str  # what the section heading says in brackets, e.g. "KC, light green"
    section_index: int  # 0 for cards before any H2; 1 for the first section, and so on
    body: str
    line: int  # file line of the card's heading


def expects_cards(page: Page) -> bool:
    """Whether the page says it is a card pack."""
    return page.meta.get("cards") is True


def find_cards(page: Page, body: str, body_line: int) -> list[Card]:
    """The page's cards: with `cards: true`, its coded H3s (or every H3 when none has a
    code); otherwise headings marked `{ .card }`, or its coded H3s when there are enough
    of them to be a pack."""
    coded = _cards(body, body_line, "coded")
    if expects_cards(page):
        return coded or _cards(body, body_line, "all")
    return coded if len(coded) >= MIN_UNMARKED_CARDS else _cards(body, body_line, "marked")


def _cards(body: str, body_line: int, mode: str) -> list[Card]:
    cards: list[Card] = []
    section, note, section_index = "", "", 0
    current: dict | None = None
    lines = body.splitlines()
    for offset, (text, fenced) in enumerate(zip(lines, fenced_lines(lines))):
        heading = None if fenced else _HEADING.match(text)
        if heading and current and len(heading.group(1)) <= current["level"]:
            cards.append(_card(current))
            current = None
        if not heading:
            if current is not None:
                current["body"].append(text)
            continue
        level, title = len(heading.group(1)), closing_hashes(heading.group(2).rstrip())
        attrs = _ATTRS.search(title)
        marked = bool(attrs and _CARD_CLASS.search(attrs.group(1)))
        title = title[:attrs.start()].rstrip() if attrs else title
        if level == 2:
            named = _NOTE.match(title)
            section, note = (named.group(1).rstrip(), named.group(2)) if named else (title, "")
            section_index += 1
        wanted = level == 3 and (mode == "all" or (mode == "coded" and _CODE.match(title)))
        if marked or wanted:
            current = {"level": level, "title": title, "section": section, "note": note,
                       "section_index": section_index, "line": body_line + offset, "body": []}
        elif current is not None:
            current["body"].append(text)
    if current:
        cards.append(_card(current))
    return cards


def card_problems(label: str, page: Page, cards: list[Card]) -> list[Problem]:
    """A card pack with no cards is a mistake worth stopping for."""
    if cards or not expects_cards(page):
        return []
    line = page.meta.line_of("cards")
    return [Problem(label, line, field="cards",
                    message="'cards: true' says this toolkit is a card pack, but it has no "
                            "cards, so its printable card sheet cannot be made",
                    hint="start each card with an H3 heading that begins with its code, "
                         "e.g. '### KC 1 Shared purpose', under an H2 for its section")]


def sheet_markdown(cards: list[Card]) -> str:
    """Every card's text in one document, cards split by a paragraph CARD_BREAK."""
    return f"\n\n{CARD_BREAK}\n\n".join(card.body.strip() or "\u00a0" for card in cards) + "\n"


def _card(current: dict) -> Card:
    coded = _CODE.match(current["title"])
    code, title = (coded.group(1), coded.group(2) or coded.group(1)) if coded else (
        "", current["title"])
    return Card(code=code, title=title, section=current["section"], note=current["note"],
                section_index=current["section_index"], body="\n".join(current["body"]),
                line=current["line"])
