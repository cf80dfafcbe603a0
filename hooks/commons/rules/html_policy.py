"""What a Markdown body may contain: raw HTML from an allowlist, and links that cannot run
script.

Python-Markdown passes raw HTML through untouched and does not sanitise link targets, so a
page could carry `<script>`, an `onerror=` handler or a `javascript:` link straight to
readers. This module reads each body (code blocks and code spans left out) and reports every
tag, attribute or address outside the allowlist at the file line where it is written.
"""

from __future__ import annotations

import html
import re

from commons.core.markdown import (
    AUTOLINK_TARGET,
    INLINE_TARGET,
    REFERENCE_TARGET,
    Lines,
    without_code,
)
from commons.core.memo import each
from commons.core.problems import Problem
from commons.load.settings import Settings
from commons.model.records import Commons

ALLOWED_TAGS = frozenset({
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
    "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "wbr",
})
ALLOWED_ATTRIBUTES = frozenset({
    "alt", "class", "colspan", "datetime", "height", "href", "id", "lang", "loading",
    "markdown", "open", "rel", "role", "rowspan", "scope", "src", "start", "title", "width",
})
URL_ATTRIBUTES = frozenset({"href", "src"})
SAFE_SCHEMES = ("https", "http", "mailto", "tel")
_SCHEMES_TEXT = "https:, http:, mailto: or tel:"
_WHY_TAG = {
    "script": "it would run code in readers' browsers",
    "style": "styles belong in the theme's stylesheet",
    "iframe": "it would embed another site",
    "form": "forms would send readers' data elsewhere",
    "svg": "it can carry script",
}

_MAIL_AUTOLINK = re.compile(r"<[^\s<>@]+@[^\s<>@]+>")
_ATTR_LIST = re.compile(r"\{:?[ ]*([^{}\n]*)\}")
_ATTR_PAIR = re.compile(r"(?<![^\s=\"'{}])([^\s=\"'{}]+)=(\"[^\"]*\"|'[^']*'|[^\s}]+)")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")


def url_problem(url: str) -> str | None:
    """Why a link target could run script or load something unsafe, or None when it is a
    relative link or an https:, http:, mailto: or tel: address."""
    plain = _INVISIBLE.sub("", html.unescape(url)).lower()
    scheme, colon, _ = plain.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return None
    if scheme in SAFE_SCHEMES:
        return None
    return f"the address '{_shown(url)}' uses '{scheme}:', which is not allowed"


def _shown(value: str, limit: int = 60) -> str:
    """A value for a message: control characters made visible, long values cut short."""
    text = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value)
    return text if len(text) <= limit else text[:limit] + "…"


def attribute_problem(tag: str, name: str, value: str | None) -> tuple[str, str] | None:
    """(message, hint) for an attribute outside the allowlist, or None."""
    name = name.lower()
    where = f"<{tag}>" if tag else "a Markdown attribute list { }"
    if name.startswith("on"):
        return (f"the event handler '{name}' on {where} is not allowed",
                "remove it: pages cannot run script")
    if name == "style":
        return (f"a style attribute on {where} is not allowed",
                "use a class from the theme instead; the site's security policy blocks inline "
                "styles")
    if name in URL_ATTRIBUTES and value:
        problem = url_problem(value)
        if problem:
            return problem, f"link to a page in the commons or to a {_SCHEMES_TEXT} address"
    if name in ALLOWED_ATTRIBUTES or name.startswith("aria-"):
        return None
    return (f"the attribute '{name}' on {where} is not allowed",
            "allowed attributes are " + ", ".join(sorted(ALLOWED_ATTRIBUTES)) + " and aria-*")


def tag_problem(tag: str) -> tuple[str, str] | None:
    if tag in ALLOWED_TAGS:
        return None
    why = _WHY_TAG.get(tag)
    if why or tag in {"object", "embed", "link", "meta", "base", "frame", "frameset",
                      "applet", "math", "template", "input", "button", "textarea", "select"}:
        reason = why or "it can load or run content from elsewhere"
        return (f"the HTML tag <{tag}> is not allowed: {reason}",
                "remove it; ask the site's maintainers if the page needs something it cannot "
                "do in Markdown")
    return (f"the HTML tag <{tag}> is not in the allowlist",
            "use Markdown, or one of: " + ", ".join(sorted(ALLOWED_TAGS)))


def body_problems(path: str, body: str, first_line: int) -> list[Problem]:
    """Every disallowed tag, attribute or link in a Markdown body, at its file line."""
    text = without_code(body)
    lines = Lines(text)
    found: list[tuple[int, str, str]] = []
    for pattern in (AUTOLINK_TARGET, INLINE_TARGET, REFERENCE_TARGET):
        for match in pattern.finditer(text):
            problem = url_problem(match.group(1))
            if problem:
                found.append((lines.at(match.start()), problem,
                              f"link to a page in the commons or to a {_SCHEMES_TEXT} address"))
    for match in _ATTR_LIST.finditer(text):
        for pair in _ATTR_PAIR.finditer(match.group(1)):
            issue = attribute_problem("", pair.group(1), pair.group(2).strip("\"'"))
            if issue:
                found.append((lines.at(match.start()), *issue))
    for autolink in (AUTOLINK_TARGET, _MAIL_AUTOLINK):
        text = autolink.sub(lambda m: " " * len(m.group(0)), text)
    found += _tag_problems(text)
    return [Problem(path, first_line + line - 1, message=message, hint=hint)
            for line, message, hint in sorted(set(found))]


# Start tags and their attributes, as a browser reads them, found in time linear in the text:
# the standard library's HTMLParser takes quadratic time on tags that are never closed. A
# tag runs to its '>', or to the next '<' outside quotes; comments are skipped.
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
_START_TAG = re.compile(r"<([a-zA-Z][^\t\n\r\f />\x00<]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)")
_ATTRIBUTE = re.compile(r"([^\s/>=\"'][^\s/=>]*)(?:\s*=+\s*('[^']*'|\"[^\"]*\"|[^>\s]*))?")


def tags(text: str) -> list[tuple[int, str, list[tuple[str, str | None]]]]:
    """(line, tag, attributes) of each start tag in text, names in lower case and values
    with character references read."""
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    lines = Lines(text)
    found = []
    for match in _START_TAG.finditer(text):
        attributes = []
        for pair in _ATTRIBUTE.finditer(match.group(2)):
            value = pair.group(2)
            if value is not None:
                value = html.unescape(value[1:-1] if value[:1] in "'\"" and len(value) > 1
                                      and value[-1] == value[0] else value)
            attributes.append((pair.group(1).lower(), value))
        found.append((lines.at(match.start()), match.group(1).lower(), attributes))
    return found


def _tag_problems(text: str) -> list[tuple[int, str, str]]:
    found = []
    for line, tag, attributes in tags(text):
        issue = tag_problem(tag)
        if issue:
            found.append((line, *issue))
        for name, value in attributes:
            issue = attribute_problem(tag, name, value)
            if issue:
                found.append((line, *issue))
    return found


def html_policy_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """The raw-HTML and link allowlist over every authored page body and every file a page
    includes, each at its own file line."""
    texts = []
    for page in commons.pages.values():
        if page.body_line > 0:
            texts.append((page.origin.path, page.body, page.body_line))
        texts += [(included.label, included.text, 1) for included in page.includes]
    return [problem for found in each(settings.cache, "html-policy", texts, body_problems)
            for problem in found]
