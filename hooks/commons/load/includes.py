"""Snippet includes: the files a page pulls in with '--8<--', read once, so that whatever a
page includes is checked as the page is, at the included file's own lines.

Both of pymdownx.snippets' forms are read: one line, `--8<-- "notes.md"`, and a block of file
names, one a line, between two lines of `--8<--`. As snippets does, includes are found in
code blocks too, and a name starting with ';' is left as text. A path is relative to the
page's folder and must stay inside it; the downloads rule (CM204) reports one that does not.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

MAX_DEPTH = 5

_SINGLE = re.compile(r"^\s*-{2}8<-{2}\s+([\"'])([^\"']+)\1\s*$")
_MARK = re.compile(r"^\s*-{2}8<-{2}\s*$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Included:
    """A file a page includes, as read: its path for messages and its text."""

    label: str  # relative to the project root: content/toolkits/huddles/notes.txt
    text: str


def include_targets(lines: list[str]) -> list[str | None]:
    """For each line: the file it includes, '' for a line of a block that shows nothing (its
    marks, a blank line), or None for a line of text."""
    targets: list[str | None] = [None] * len(lines)
    index = 0
    while index < len(lines):
        single = _SINGLE.match(lines[index])
        if single:
            targets[index] = single.group(2)
        elif _MARK.match(lines[index]):
            end = next((i for i in range(index + 1, len(lines)) if _MARK.match(lines[i])), None)
            if end is not None:
                for inner in range(index + 1, end):
                    name = lines[inner].strip().strip("\"'")
                    targets[inner] = "" if not name or name.startswith(";") else name
                targets[index] = targets[end] = ""
                index = end
        index += 1
    return targets


def inside(folder: Path | None, target: str, what: str) -> tuple[Path | None, str, str]:
    """The file a relative path names when it stays inside folder, or None with the message
    and hint that say why not; with no folder, the path's text alone is checked."""
    hint = f"put the {what} in the page's own folder and point to it with a relative path"
    if not target or target.startswith(("/", "\\")) or _SCHEME.match(target) or "\\" in target:
        return None, f"the {what} '{target}' is not a relative path inside the page's folder", hint
    relative = posixpath.normpath(target)
    if relative == ".." or relative.startswith("../"):
        return None, f"the {what} '{target}' points outside the page's folder", hint
    if folder is None:
        return Path(relative), "", ""
    base = folder.resolve()
    resolved = (base / relative).resolve()
    if not resolved.is_relative_to(base):
        return (None, f"the {what} '{target}' leads outside the page's folder (through a link)",
                hint)
    if not resolved.is_file():
        return None, f"the {what} '{target}' does not exist", ""
    return resolved, "", ""


def read_includes(content_dir: Path, label: str, src_path: str, body: str
                  ) -> tuple[Included, ...]:
    """Every file the body includes, and those they include in turn, each once; `label`
    names content_dir in messages. Paths that cannot be followed are left to CM204."""
    folder = (content_dir / src_path).parent
    found: dict[Path, Included] = {}
    texts, depth = [body], 0
    while texts and depth < MAX_DEPTH:
        nested = []
        for text in texts:
            for target in filter(None, include_targets(text.splitlines())):
                path = inside(folder, target, "include")[0]
                if path is None or path in found:
                    continue
                included = path.read_text(encoding="utf-8", errors="replace")
                where = path.relative_to(content_dir.resolve()).as_posix()
                found[path] = Included(f"{label}/{where}", included)
                nested.append(included)
        texts, depth = nested, depth + 1
    return tuple(found.values())
