"""Links and images in every page, resolved without rendering the site: to authored pages,
to the pages and files the build makes, to files beside the pages, and to anchors named as
the table of contents names them. External links are checked for their form only; whether
they answer is the weekly link job's.

The pipeline hands the rule what the site will hold (`SiteMap`), since only it sees both the
model and what the generators make.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from commons.core.hints import nearest
from commons.core.markdown import (
    AUTOLINK_TARGET,
    INLINE_TARGET,
    REFERENCE_TARGET,
    Lines,
    anchors,
    without_code,
)
from commons.core.memo import each
from commons.core.problems import Problem
from commons.model.records import Commons

# Where a Markdown body names a target: inline links and images, reference definitions,
# autolinks, and the href or src of raw HTML. Code spans and fenced code are blanked first.
_HTML_URL = re.compile(r"""<[a-zA-Z][^<>]*?\s(?:href|src)\s*=\s*["']([^"']*)["']""")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
SHOWN = 80  # characters of a link's target that a message shows
_FILE_HINT = "link to the page's .md file with a relative path, e.g. ../policies/learning-policy.md"


@dataclass(frozen=True)
class SiteMap:
    """What the built site will hold, by path inside content/ (the docs): each Markdown page
    with its text (its anchors are worked out from it when a link names one), and every other
    file (images, downloads, calendars, open data)."""

    pages: dict[str, str]  # "policies/x.md" -> its Markdown, as the build will render it
    files: frozenset[str]
    site_url: str = ""
    complete: bool = True  # False: the build's own pages are not known (other errors first)


def link_problems(commons: Commons, site: SiteMap, cache: Path | None = None) -> list[Problem]:
    """Every link and image in an authored page, or in a file it includes, that leads
    nowhere, at its file line (an included file's links lead from the page). The links of
    texts the last run read are taken from the cache; what they lead to is looked up anew."""
    texts = []  # (where a problem is reported, the text, its first line, the page it is in)
    for page in commons.pages.values():
        if page.body_line <= 0:
            continue  # front matter never closed: reported already
        texts.append((page.origin.path, page.body, page.body_line, page.src_path))
        texts += [(included.label, included.text, 1, page.src_path)
                  for included in page.includes]
    found = each(cache, "links", [(text,) for _, text, _, _ in texts], link_targets)
    problems = []
    for (path, _, first_line, here), targets in zip(texts, found):
        for line, target in targets:
            issue = _check(target, here, site)
            if issue and len(target) > SHOWN:
                issue = (issue[0].replace(target, target[:SHOWN] + "…"), issue[1])
            if issue:
                problems.append(Problem(path, first_line + line - 1, message=issue[0],
                                        hint=issue[1]))
    return problems


def link_targets(body: str) -> list[tuple[int, str]]:
    """(line in body, target) of every link, image and raw-HTML address a body names."""
    text = without_code(body)
    lines = Lines(text)
    return [(lines.at(match.start()), match.group(1))
            for pattern in (INLINE_TARGET, REFERENCE_TARGET, AUTOLINK_TARGET, _HTML_URL)
            for match in pattern.finditer(text)]


def _check(target: str, here: str, site: SiteMap) -> tuple[str, str] | None:
    """Why target, written in the page at here, leads nowhere; None when it is good."""
    if _SCHEME.match(target):
        return _external(target, site)
    if target.startswith("/"):
        return (f"the link '{target}' starts with '/', which breaks when the site is not at "
                "the root of its address", _FILE_HINT)
    path, _, anchor = target.partition("#")
    path = unquote(path)
    if not path:
        return _anchor(target, anchor, here, site) if anchor else None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(here), path))
    if resolved == ".." or resolved.startswith("../"):
        return (f"the link '{target}' leads out of the site", _FILE_HINT)
    if resolved in site.pages:
        return _anchor(target, anchor, resolved, site) if anchor else None
    if resolved in site.files or not site.complete:
        return None  # a file, or perhaps a page the build makes: it cannot be told yet
    page = _page_at_address(resolved, site)
    if page:
        return (f"the link '{target}' is a page's address, which the build does not check",
                f"link to its file instead: {_relative(here, page)}"
                + (f"#{anchor}" if anchor else ""))
    return (f"the link '{target}' leads to no page or file", _nearest_target(path, here, site))


def _external(target: str, site: SiteMap) -> tuple[str, str] | None:
    scheme = target.split(":", 1)[0].lower()
    if scheme == "mailto":
        return None if "@" in target else (f"the email link '{target}' has no address",
                                           "write mailto:name@example.org")
    if scheme == "http":
        return (f"the link '{target}' is not secure (http)",
                "use the https:// address of the page, if it has one")
    if scheme != "https":
        return None  # tel: and the like; which schemes may appear at all is CM202's
    parts = urlsplit(target)
    if not parts.netloc or " " in target:
        return (f"the address '{target}' is not a complete https:// address",
                "copy the whole address from the browser")
    own = urlsplit(site.site_url)
    if own.netloc and parts.netloc == own.netloc:
        return (f"the link '{target}' is to this site by its full address", _FILE_HINT)
    return None


def _anchor(target: str, anchor: str, page: str, site: SiteMap) -> tuple[str, str] | None:
    ids = anchors(site.pages[page])  # worked out only for pages a link names a place on
    if unquote(anchor) in ids:
        return None
    where = "this page" if target.startswith("#") else page
    return (f"the link '{target}' names a place '#{anchor}' that {where} does not have",
            nearest(anchor, set(ids)) if ids else "the page has no headings to link to")


def _page_at_address(resolved: str, site: SiteMap) -> str | None:
    """The page whose address (directory URL) resolved is, e.g. 'policies/x' -> x.md."""
    stem = resolved.removesuffix("/").removesuffix("/index.html")
    for candidate in (f"{stem}.md", f"{stem}/index.md", "index.md" if stem == "." else ""):
        if candidate in site.pages:
            return candidate
    return None


def _relative(here: str, to: str) -> str:
    return posixpath.relpath(to, posixpath.dirname(here) or ".")


def _nearest_target(path: str, here: str, site: SiteMap) -> str:
    choices = {_relative(here, page) for page in site.pages}
    hint = nearest(path, choices)
    if hint.startswith("did you mean"):
        return hint
    return "check the spelling; links go to a page's .md file, relative to this page"
