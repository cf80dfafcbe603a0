"""Markdown structure that several stages must agree on: where fenced code blocks are, and
which ids (link anchors) a page's headings get.

A fence is three or more backticks or tildes at the start of a line (after indentation or
a quote's '>'); the block ends at a line of the same character, at least as long, with
nothing else on it. A fence never closed is no code block but text, as both the site's
Markdown (pymdownx.superfences) and pandoc read it: what follows it is checked like any text.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata

FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")


def fence_end(lines: list[str], start: int) -> int | None:
    """The index of the line that closes the fence opened at lines[start], or None when it
    is never closed (then it is text)."""
    opening = FENCE.match(lines[start]).group(1)
    for index in range(start + 1, len(lines)):
        match = FENCE.match(lines[index])
        if match and match.group(1)[0] == opening[0] and len(match.group(1)) >= len(opening) \
                and not lines[index].strip(" \t>").strip(opening[0]):
            return index
    return None


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included)."""
    inside = [False] * len(lines)
    index = 0
    while index < len(lines):
        end = fence_end(lines, index) if FENCE.match(lines[index]) else None
        if end is not None:
            inside[index:end + 1] = [True] * (end + 1 - index)
            index = end + 1
        else:
            index += 1
    return inside


def without_fenced_code(text: str) -> str:
    """The text with the lines of fenced code blocks emptied, so line numbers still hold."""
    lines = text.split("\n")
    return "\n".join("" if code else line for line, code in zip(lines, fenced_lines(lines)))


class Lines:
    """The line of any position in a text, found by bisection: counting the line ends before
    each match anew takes time quadratic in a text with many matches."""

    def __init__(self, text: str) -> None:
        self._ends = [match.start() for match in re.finditer("\n", text)]

    def at(self, position: int) -> int:
        """The 1-based line of the character at position."""
        return bisect.bisect_left(self._ends, position) + 1


_BACKTICKS = re.compile(r"`+")


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span, taken narrowly so that nothing live is ever blanked:
    a run of backticks up to the next run of the same length on the same line, not opened by
    an escaped backtick (a span over lines is checked as text, as is safe). Found run by
    run, in time linear in the text (a pattern that looks ahead for the closing run from
    every opening one takes quadratic time on runs that never close)."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        spans += [(offset + start, offset + end) for start, end in _line_spans(line)]
        offset += len(line) + 1
    return spans


def _line_spans(line: str) -> list[tuple[int, int]]:
    found = [(match.start(), len(match.group(0))) for match in _BACKTICKS.finditer(line)]
    later: dict[int, list[int]] = {}  # run length: the starts of the runs of that length
    for start, length in found:
        later.setdefault(length, []).append(start)
    following = {length: 0 for length in later}  # the next unused run of each length
    spans: list[tuple[int, int]] = []
    covered = 0
    for start, length in found:
        if start < covered or (start and line[start - 1] == "\\"):
            continue
        starts, index = later[length], following[length]
        while index < len(starts) and starts[index] <= start:
            index += 1
        following[length] = index
        if index < len(starts):
            covered = starts[index] + length
            spans.append((start, covered))
            following[length] = index + 1
    return spans


def without_code(text: str) -> str:
    """The text with fenced code blocks and code spans blanked, keeping every line."""
    text = without_fenced_code(text)
    pieces, last = [], 0
    for start, end in code_spans(text):
        pieces += [text[last:start], " " * (end - start)]
        last = end
    return "".join(pieces) + text[last:]


# Where a body names a link's target: inline links and images, autolinks, and reference
# definitions, whose target may stand on the next line (as Python-Markdown and pandoc both
# read it), and which may stand in a quote, a list item or an admonition or tab (indented).
# A footnote's text ('[^1]: ...') is not a target.
INLINE_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_TARGET = re.compile(r"^(?=[^\n]*\]:)"
                              r"(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*"
                              r"\[(?!\^)(?:[^\[\]]|\[[^\]]*\])+\]:[ \t]*\n?[ \t>]*<?([^\s>]+)",
                              re.MULTILINE)
AUTOLINK_TARGET = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>")


# Headings and ids, as the table of contents names them: `## Title {#id}` keeps its id; a
# heading without one gets the slug of its text (Python-Markdown's toc), made unique with
# _1, _2 ... after the ids already on the page. Every pattern that sees a page's text takes
# time linear in it: a scan that may stop only at a closing mark also stops at the next
# opening one, and closing hashes are stripped in Python (closing_hashes).
_ATX = re.compile(r"^[ \t>]*(#{1,6})[ \t]+(.*)$")
_SETEXT = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
_HEADING_ATTRS = re.compile(r"\{:?[ \t]*([^{}\n]*)\}[ \t]*$")
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([\w:.-]+)")
_HTML_ID = re.compile(r"""<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*["']([^"']+)["']""")
_INLINE_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^)\[\]]*\)")
_INLINE_LINK = re.compile(r"\[([^\[\]]*)\](?:\([^()]*\)|\[[^\[\]]*\])")
_TAG = re.compile(r"<[^<>]+>")
_MARKS = re.compile(r"[*_`~]+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def closing_hashes(text: str) -> str:
    """An ATX heading's text without its closing hashes and the spaces around them."""
    return text.rstrip(" \t").rstrip("#").rstrip(" \t")


def heading_text(raw: str) -> str:
    """A heading's Markdown as the reader sees it: no links' targets, marks or tags."""
    text = _INLINE_IMAGE.sub("", raw)
    text = _INLINE_LINK.sub(lambda m: m.group(1), text)
    text = _TAG.sub("", text)
    text = _ESCAPE.sub(lambda m: "\0" + m.group(1), text)  # escaped marks stay
    text = _MARKS.sub("", text).replace("\0", "")
    return html.unescape(text)


def slug(text: str) -> str:
    """The id the table of contents gives a heading with this text."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def anchors(text: str) -> set[str]:
    """Every id a page rendered from this Markdown has: headings' and raw HTML's."""
    lines = text.split("\n")
    code = fenced_lines(lines)
    explicit: set[str] = set()
    titled: list[str] = []
    for index, line in enumerate(lines):
        if code[index]:
            continue
        explicit.update(_HTML_ID.findall(line))
        heading = _ATX.match(line)
        if heading is None and index and _SETEXT.match(line) and lines[index - 1].strip() \
                and not code[index - 1] and not _ATX.match(lines[index - 1]):
            raw = lines[index - 1].strip()
        elif heading is not None:
            raw = closing_hashes(heading.group(2))
        else:
            continue
        attrs = _HEADING_ATTRS.search(raw)
        given = _ID_IN_ATTRS.search(attrs.group(1)) if attrs else None
        if given:
            explicit.add(given.group(1))
        else:
            titled.append(heading_text(raw[:attrs.start()] if attrs else raw))
    ids = set(explicit)
    for title in titled:
        _unique(slug(title), ids)
    return ids


def _unique(value: str, ids: set[str]) -> None:
    if value in ids or not value:
        count = 1
        while f"{value}_{count}" in ids:
            count += 1
        value = f"{value}_{count}"
    ids.add(value)


_RULE_LINE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])")


def nesting_depth(line: str) -> int:
    """How many lists and block quotes a line is inside, counted from its start: each '>',
    each list marker and each four columns of indentation (a line that is a horizontal rule
    of '- - -' counts as none)."""
    if _RULE_LINE.match(line):
        return 0
    depth, position = 0, 0
    for match in iter(lambda: _CONTAINER.match(line, position), None):
        if match.end() == position:
            break
        depth += 1
        position = match.end()
    indent = len(line[position:].expandtabs(4)) - len(line[position:].expandtabs(4).lstrip())
    columns = len(line[:len(line) - len(line.lstrip(" \t"))].expandtabs(4))
    return depth + max(columns, indent) // 4


def too_deep(text: str, limit: int) -> int | None:
    """The index of the first line nested more than limit deep (fenced code left out)."""
    lines = text.split("\n")
    for index, (line, code) in enumerate(zip(lines, fenced_lines(lines))):
        if not code and len(line) - len(line.lstrip(" \t>-*+0123456789.)")) > limit \
                and nesting_depth(line) > limit:
            return index
    return None
