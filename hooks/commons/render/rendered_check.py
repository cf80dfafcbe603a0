"""The second line of defence: the HTML MkDocs produced, checked page by page.

The source checks (html_policy, the schemas, the escaping in generators) should stop script
before it is rendered. This looks at what actually came out, in case a Markdown extension,
a template or a generator made HTML the source checks did not foresee:
- in a page's content: no script, frames, plugins, styles or forms that post elsewhere;
- anywhere on the page: no `on*` event handler, no `javascript:`, `vbscript:` or `data:`
  address in a link or source, and no script that is not the theme's own.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

from commons.rules.html_policy import url_problem

CONTENT_FORBIDDEN = frozenset({
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "link",
    "meta", "style", "svg", "math", "template",
})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster",
                            "background", "cite", "data", "srcset", "ping"})
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
_TEMPLATE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_SHORTEST_PREFIX = 16


def theme_scripts(template_dirs: tuple[str, ...]) -> frozenset[str]:
    """The fixed opening of each inline script the theme's templates write (up to the first
    template expression), so that the theme's own scripts are told apart from injected ones;
    worked out once per build (render.site.Site)."""
    prefixes = set()
    for folder in template_dirs:
        for template in sorted(Path(folder).rglob("*.html")):
            text = template.read_text(encoding="utf-8", errors="replace")
            for body in _TEMPLATE_SCRIPT.findall(text):
                fixed = re.split(r"\{[{%]", body, maxsplit=1)[0]
                if len(fixed) >= _SHORTEST_PREFIX:
                    prefixes.add(fixed)
    return frozenset(prefixes)


def content_issues(html: str) -> list[str]:
    """What must not be in the HTML rendered from a page's Markdown."""
    return _Scanner.run(html, in_content=True, theme=frozenset())


def page_issues(html: str, theme: frozenset[str]) -> list[str]:
    """What must not be anywhere in a finished page; theme is from theme_scripts().

    A whole page is parsed by libxml2 (through lxml), which tokenises as a browser does and
    is many times faster than html.parser on a page full of navigation; input it cannot
    parse at all goes through the html.parser scan instead."""
    try:
        root = etree.fromstring(html.encode("utf-8"), _PAGE_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return _Scanner.run(html, in_content=False, theme=theme)
    issues: list[str] = []
    for element in root.iter():
        if element.tag == "script":
            issues += _script_issues(element.sourceline or 0, dict(element.attrib),
                                     element.text or "", theme)
        for name, value in element.items():
            # the parser has decoded entities once; url_problem finds nothing in a value
            # without a ':' or, from a second entity, a '&'
            name = name.lower()
            if name.startswith("on") or (name in URL_ATTRIBUTES
                                         and (":" in value or "&" in value)):
                issues += _attribute_issues(element.tag.lower(), element.sourceline or 0,
                                            [(name, value)], in_content=False)
    return issues


_PAGE_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True)


def _attribute_issues(tag: str, line: int, attrs, in_content: bool) -> list[str]:
    issues = []
    for name, value in attrs:
        name = name.lower()
        if name.startswith("on"):
            issues.append(f"line {line}: an event handler '{name}' on <{tag}>")
        elif name == "style" and in_content:
            issues.append(f"line {line}: a style attribute on <{tag}>")
        elif name in URL_ATTRIBUTES and value:
            for part in (value.split(",") if name == "srcset" else [value]):
                problem = url_problem(part.strip())
                if problem:
                    issues.append(f"line {line}: on <{tag} {name}>, {problem}")
    return issues


def _script_issues(line: int, values: dict[str, str | None], text: str,
                   theme: frozenset[str]) -> list[str]:
    """A script from another site, or an inline script that is not the theme's own."""
    src = (values.get("src") or "").strip()
    if src:
        if _OTHER_SITE.match(src):
            return [f"line {line}: a script from another site, '{src}'"]
    elif ((values.get("type") or "").strip().lower() not in DATA_SCRIPT_TYPES
          and not any(text.startswith(prefix) for prefix in theme)):
        return [f"line {line}: an inline script that is not the theme's: "
                f"'{text.strip()[:60]}'"]
    return []


_OTHER_SITE = re.compile(r"^([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


class _Scanner(HTMLParser):
    def __init__(self, in_content: bool, theme: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.in_content, self.theme = in_content, theme
        self.issues: list[str] = []
        self.script: tuple[int, str] | None = None  # (line, text so far) of an inline script

    @classmethod
    def run(cls, html: str, in_content: bool, theme: frozenset[str]) -> list[str]:
        scanner = cls(in_content, theme)
        scanner.feed(html)
        scanner.close()
        return scanner.issues

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        values = dict(attrs)
        if self.in_content and tag in CONTENT_FORBIDDEN:
            self.issues.append(f"line {line}: a <{tag}> element in the page content")
        elif tag == "script" and not self.in_content:
            self._check_script(line, values)
        self.issues += _attribute_issues(tag, line, attrs, self.in_content)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def _check_script(self, line: int, values: dict[str, str | None]) -> None:
        if (values.get("src") or "").strip():
            self.issues += _script_issues(line, values, "", self.theme)
        elif (values.get("type") or "").strip().lower() not in DATA_SCRIPT_TYPES:
            self.script = (line, "")

    def handle_data(self, data):
        if self.script is not None:
            self.script = (self.script[0], self.script[1] + data)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            line, text = self.script
            self.script = None
            self.issues += _script_issues(line, {}, text, self.theme)


def page_label(src_uri: str, generated: bool) -> str:
    """How a page is named in messages: its Markdown file, or the page made from data."""
    return f"the page made for {src_uri}" if generated else f"content/{src_uri}"
