"""Readability: public pages are held to plain English.

The score is the Flesch reading ease of a page's body text, once the Markdown that a reader
never reads as prose is taken out: front matter, code, tables, link addresses, heading marks,
admonition markers, attribute lists, HTML tags and abbreviation definitions. Higher is easier;
60 and above is plain English that most adults read without effort.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import threading
from functools import lru_cache

from commons.core.markdown import closing_hashes, without_fenced_code
from commons.core.memo import remembered
from commons.core.problems import Problem
from commons.load.settings import Settings
from commons.model.records import Commons

THRESHOLD = 60.0
MIN_WORDS = 40  # below this the score says more about chance than about the writing

_INLINE_CODE = re.compile(r"`[^`\n]+`")
_ABBR_DEF = re.compile(r"^\*\[[^\]\n]+\]:.*$", re.M)
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\n]+\]:", re.M)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*$", re.M)
_HTML_TAG = re.compile(r"<[^<>\n]+>")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^)\[\]]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\([^)\[\]]*\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_LINK_DEF = re.compile(r"^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
_BARE_URL = re.compile(r"(?:https?|mailto):\S+")
_ADMONITION = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+\"([^\"]*)\")?[ \t]*$",
                         re.M)
_TAB = re.compile(r"^[ \t]*===\+?[ \t]*\"([^\"]*)\"[ \t]*$", re.M)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.*)$", re.M)
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", re.M)
_DEF_MARK = re.compile(r"^[ \t]*:[ \t]+", re.M)
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
# A run of more than 60 characters without a space is no word a reader reads, and
# hyphenating it for the syllable count takes time quadratic in its length.
_NOT_A_WORD = re.compile(r"\S{61,}")
# Each pattern takes time linear in the text: a scan for a closing mark also stops at the next
# opening one ('[', '<', '('), or, for emphasis, at the next mark of the same kind; a heading's
# closing hashes are stripped in Python.


def plain_text(body: str) -> str:
    """The prose of a Markdown body, without markup a reader does not read as sentences.

    Headings, list items and admonition titles become sentences of their own, so that a
    short heading does not run on into the paragraph after it.
    """
    text = without_fenced_code(body) if "```" in body or "~~~" in body else body
    for pattern, replacement, marks in _STRIPS:
        if any(mark in text for mark in marks):
            text = pattern.sub(replacement, text)
    text = " ".join(_sentence(part) for part in _parts(text))
    return re.sub(r"\s+", " ", _NOT_A_WORD.sub(" ", text)).strip()


# Each pattern in the order plain_text applies it, its replacement, and the marks one of which
# any match contains: a pattern runs only on a body with one of its marks (most bodies have
# no tables, code, footnotes or admonitions, and each pass over every page costs).
_STRIPS = (
    (_ABBR_DEF, "", ("*[",)),
    (_LINK_DEF, "", ("]:",)),
    (_TABLE_ROW, "", ("|",)),
    (_RULE, "", ("-", "*", "_")),
    (_FOOTNOTE_DEF, "", ("[^",)),
    (_INLINE_CODE, "", ("`",)),
    (_IMAGE, r"\1", ("![",)),
    (_LINK, r"\1", ("](",)),
    (_REF_LINK, r"\1", ("][",)),
    (_BARE_URL, "", ("http", "mailto:")),
    (_HTML_TAG, "", ("<",)),
    (_ATTR_LIST, "", ("{",)),
    (_ADMONITION, lambda m: _sentence(m.group(1) or ""), ("!!!", "???")),
    (_TAB, lambda m: _sentence(m.group(1)), ("===",)),
    (_HEADING, lambda m: _sentence(closing_hashes(m.group(1))), ("#",)),
)


def _parts(text: str) -> list[str]:
    """Paragraphs, list items and definitions, each as one line of plain words."""
    parts: list[str] = []
    for block in re.split(r"\n[ \t]*\n", text):
        current: list[str] = []
        for line in block.splitlines():
            if _LIST_MARK.match(line) or _DEF_MARK.match(line):
                parts.append(" ".join(current))
                current = []
                line = _DEF_MARK.sub("", _LIST_MARK.sub("", line))
            current.append(_EMPHASIS.sub(r"\2", line.strip()))
        parts.append(" ".join(current))
    return [part.strip() for part in parts if part.strip()]


def _sentence(text: str) -> str:
    text = text.strip().rstrip(":;,")
    return text if not text or text[-1] in ".!?" else text + "."


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


class _RememberedHyphenation:
    """textstat's hyphenator, remembering each word: textstat counts a text's syllables
    word by word, and a commons of thousands of pages uses a few thousand words."""

    def __init__(self, hyphenator) -> None:
        self._hyphenator, self._known = hyphenator, {}

    def positions(self, word: str) -> list[int]:
        found = self._known.get(word)
        if found is None:
            found = self._known[word] = self._hyphenator.positions(word)
        return found


@lru_cache(maxsize=1)
def _statistics():
    """Our own textstat instance (its shared one is left untouched), made on first use:
    importing textstat takes longer than a check whose scores are all remembered."""
    import textstat

    stats = type(textstat.textstat)()
    stats.pyphen = _RememberedHyphenation(stats.pyphen)
    return stats


def reading_ease(body: str) -> float | None:
    """The Flesch reading ease of a Markdown body, or None when it is too short to judge."""
    text = plain_text(body)
    if word_count(text) < MIN_WORDS:
        return None
    return float(_statistics().flesch_reading_ease(text))


def readability_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """Every public page whose body reads harder than the threshold, at its line 1; the
    scores of bodies scored by the last run are taken from the cache."""
    problems = []
    pages = list(commons.pages.values())
    bodies = [page.body for page in pages]
    for page, score in zip(pages, remembered(settings.cache, "readability", bodies,
                                             str.encode, scores)):
        if score is not None and score < THRESHOLD:
            problems.append(Problem(
                page.origin.path, 1,
                message=f"the page is hard to read (Flesch reading ease {score:.0f}, "
                        f"at least {THRESHOLD:.0f} needed)",
                hint="use shorter sentences and everyday words; split long paragraphs; "
                     "explain or expand any jargon"))
    return problems


PARALLEL_FROM = 400  # bodies; below this, starting processes costs more than it saves


def scores(bodies: list[str]) -> list[float | None]:
    """reading_ease of each body, in order: on a large commons spread over the machine's
    cores (forked, so nothing is imported again), unless threads are running (a fork would
    copy them in an unknown state, as under `mkdocs serve`)."""
    processes = min(os.cpu_count() or 1, 4)
    if (processes < 2 or len(bodies) < PARALLEL_FROM or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return [reading_ease(body) for body in bodies]
    _statistics()  # made before the fork, so that each process has it
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(reading_ease, bodies, chunksize=max(1, len(bodies) // (processes * 4)))
