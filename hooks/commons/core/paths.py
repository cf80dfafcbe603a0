"""Output paths that cannot leave the site folder."""

from __future__ import annotations

import re

_SEGMENT = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")
OWN_NAMES = frozenset({"README.md"})  # names the pipeline gives itself, never from data
WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def unsafe_output_path(src_uri: str) -> str | None:
    """Why src_uri may not be written inside the site, or None when it is safe.

    Accepts only relative paths of lower-case segments (letters, digits, '-', '_', '.'
    between them, or a name in OWN_NAMES): no absolute paths, '..', NUL or control characters, backslashes,
    or names Windows reserves.
    """
    if not src_uri or src_uri.startswith("/") or "\\" in src_uri:
        return "the path must be relative and use '/'"
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in src_uri):
        return "the path contains a control character"
    for segment in src_uri.split("/"):
        if segment in ("", ".", ".."):
            return "the path has an empty, '.' or '..' part"
        if WINDOWS_RESERVED.match(segment):
            return f"'{segment}' is a name Windows reserves"
        if not _SEGMENT.match(segment) and segment not in OWN_NAMES:
            return f"'{segment}' has characters outside a-z, 0-9, '-', '_' and '.'"
    return None


def page_url(site_url: str, path: str) -> str:
    """The live address of a file inside content/, with MkDocs' directory URLs for Markdown
    pages: 'sessions/x.md' -> '<site>/sessions/x/', 'index.md' -> '<site>/'."""
    if path.endswith(".md"):
        stem = path[:-3]
        path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return site_url.rstrip("/") + "/" + path
