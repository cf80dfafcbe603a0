"""An A to Z of every page in the commons (a-z/): where the search box leads when script
cannot run, and a way in from the 404 page and the footer. Pure: it takes each page's path
and Markdown and returns the Markdown of the index, sorted, so the output is repeatable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable

SRC_URI = "a-z.md"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_TITLE = re.compile(r"^title:\s*(.+?)\s*$", re.MULTILINE)
_H1 = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|])")
_ESCAPES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


@dataclass(frozen=True)
class Entry:
    title: str
    src_uri: str


def title_of(src_uri: str, markdown: str) -> str:
    """The title a reader sees: front matter `title`, else the first # heading, else the
    file name in words."""
    front = _FRONT_MATTER.match(markdown)
    found = _TITLE.search(front.group(1)) if front else None
    if found:
        return found.group(1).strip("'\"")
    body = markdown[front.end():] if front else markdown
    heading = _H1.search(body)
    if heading:
        return heading.group(1)
    stem = src_uri.rsplit("/", 1)[-1].removesuffix(".md")
    if stem == "index" and "/" in src_uri:
        stem = src_uri.rsplit("/", 2)[-2]
    return stem.replace("-", " ").capitalize()


def entries(pages: Iterable[tuple[str, str]]) -> list[Entry]:
    """Every page but the index itself, by title (then path), case and accents aside."""
    made = [Entry(title_of(src, text), src) for src, text in pages if src != SRC_URI]
    return sorted(made, key=lambda e: (e.title.casefold(), e.src_uri))


def markdown(found: list[Entry]) -> str:
    """The index page: one heading a letter, one link a page, titles escaped."""
    lines = ["---", "title: All pages, A to Z",
             "summary: Every page in the commons, by title.", "hide: [feedback]", "---", "",
             "# All pages, A to Z", ""]
    for letter, group in groupby(found, key=_letter):
        lines += [f"## {letter}", ""]
        lines += [f"- [{_escape(e.title)}]({e.src_uri})" for e in group]
        lines.append("")
    return "\n".join(lines)


def _letter(entry: Entry) -> str:
    first = entry.title[:1].upper()
    return first if first.isalpha() else "0–9"


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(lambda m: _ESCAPES.get(m.group(1), "\\" + m.group(1)), text)
