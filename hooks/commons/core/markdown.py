"""Markdown structure that several stages must agree on: where fenced code blocks are.

A fence is three or more backticks or tildes at the start of a line (after indentation or
a quote's '>'); the block ends at a line of the same character, at least as long, with
nothing else on it, or at the end of the text.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")


def fence_end(lines: list[str], start: int) -> int:
    """The index of the line that closes the fence opened at lines[start], or the last line
    when it is never closed."""
    opening = FENCE.match(lines[start]).group(1)
    for index in range(start + 1, len(lines)):
        match = FENCE.match(lines[index])
        if match and match.group(1)[0] == opening[0] and len(match.group(1)) >= len(opening) \
                and not lines[index].strip(" \t>").strip(opening[0]):
            return index
    return len(lines) - 1


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (its fences included)."""
    inside = [False] * len(lines)
    index = 0
    while index < len(lines):
        if FENCE.match(lines[index]):
            end = fence_end(lines, index)
            inside[index:end + 1] = [True] * (end + 1 - index)
            index = end + 1
        else:
            index += 1
    return inside


def without_fenced_code(text: str) -> str:
    """The text with the lines of fenced code blocks emptied, so line numbers still hold."""
    lines = text.split("\n")
    return "\n".join("" if code else line for line, code in zip(lines, fenced_lines(lines)))
