"""A Content-Security-Policy for each built page, as a meta tag at the top of its <head>.

Scripts run only from the site itself, or inline when their exact text is hashed here:
Material writes a few small inline scripts (storage helpers, tab restore) whose text
differs from page to page, so the hashes are computed from each page's final HTML. No
'unsafe-inline' for scripts; 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly.
A meta policy governs only what follows it, so it goes before the first script.
"""

from __future__ import annotations

import base64
import hashlib
import re

META_NAME = "Content-Security-Policy"
# Fixed directives, in order; script-src gets the page's hashes appended.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    # Material's stylesheets draw their icons from data: SVGs.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("media-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# A <script> whose type is one of these (or absent) is executed, so CSP applies to it;
# any other type (application/json, application/ld+json) is a data block and is not.
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript",
                 "application/ecmascript", "text/ecmascript"}
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_EXISTING = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"[^>]*>', re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


def _attributes(raw: str) -> dict[str, str]:
    return {m.group(1).lower(): next((g for g in m.groups()[1:] if g is not None), "")
            for m in _ATTR.finditer(raw)}


def _without_policies(html: str) -> str:
    """The page without any CSP meta tag, nor the white space just before each. (Found
    without a leading `\\s*` in the pattern, which would retry every white-space run of the
    page character by character.)"""
    kept, end = [], 0
    for match in _EXISTING.finditer(html):
        start = match.start()
        while start > end and html[start - 1].isspace():
            start -= 1
        kept.append(html[end:start])
        end = match.end()
    return "".join(kept) + html[end:] if kept else html


def inline_scripts(html: str) -> list[str]:
    """The text of each executable inline <script> in the page, in order."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs = _attributes(match.group(1))
        kind = attrs.get("type", "").strip().lower()
        if "src" not in attrs and kind in _SCRIPT_TYPES:
            found.append(match.group(2))
    return found


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(hashes: list[str]) -> str:
    """The policy text, with hashes (sorted, without repeats) added to script-src."""
    extra = sorted(set(hashes))
    return "; ".join(" ".join([name, value, *extra]) if name == "script-src"
                     else f"{name} {value}" for name, value in DIRECTIVES)


def apply(html: str) -> str:
    """The page with one CSP meta tag, right after <meta charset> (or <head>), that allows
    the page's own inline scripts. Running it again on its output changes nothing."""
    html = _without_policies(html)
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    hashes = [script_hash(text) for text in inline_scripts(html)]
    meta = f'<meta http-equiv="{META_NAME}" content="{policy(hashes)}">'
    return html[:anchor.end()] + meta + html[anchor.end():]
