"""A page's Markdown turned into plain pandoc Markdown, for every download format.

Material-only syntax becomes something every format can show: admonitions become quotes with
a bold title, content tabs become headings, card grids lose their HTML wrapper, attribute
lists and icon shortcodes go, abbreviations become a glossary. Relative links point to the
live site. Every image and include must stay inside the page's own folder; the text names
vetted images `commons-asset-N.ext` and `Prepared.assets` says which file each one is.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from commons.core.markdown import FENCE, fence_end, fenced_lines
from commons.core.paths import page_url
from commons.core.problems import Problem
from commons.load.includes import MAX_DEPTH, include_targets, inside

IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".svg": "image/svg+xml", ".webp": "image/webp"}
_LINK_SCHEMES = ("https:", "http:", "mailto:", "tel:")

_ATX = re.compile(r"^(#{1,6})\s+\S")
_ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+([\w-]+)(?:\s+[\w-]+)*\s*(?:"(.*)")?\s*$')
_TAB = re.compile(r'^(\s*)===[!+]*\s+"(.*)"\s*$')
_ABBR = re.compile(r"^\*\[([^\]]+)\]:\s*(.*)$")
_HTML_OPEN = re.compile(r"^\s*<([a-zA-Z][\w-]*)\b([^<>]*)>\s*$")  # with a markdown attribute
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown\b")
_HTML_CLOSE = re.compile(r"^\s*</([a-zA-Z][\w-]*)>\s*$")
# Each pattern takes time linear in the text: a scan for a closing mark also stops at the next
# opening one, and leading space is taken only from where it starts.
_ATTR_ITEM = r"(?:[#.][\w:-]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+))"
_ATTR_LIST = re.compile(r"(?<!\s)\s*\{:?\s*" + _ATTR_ITEM + r"(?:\s+" + _ATTR_ITEM + r")*\s*\}")
_ICON = re.compile(r":(?:material|fontawesome|octicons|simple)-[a-z0-9-]+: ?")
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\(\s*<?([^)\s<>\[\]]*)>?((?:\s+\"[^\"]*\")?)\s*\)")
_LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?([^)\s<>\[\]]*)>?((?:\s+\"[^\"]*\")?)\s*\)")
_DEFINITION = re.compile(r"^(\s{0,3}\[[^\]]+\]:\s*)<?(\S+?)>?(\s+\".*\")?\s*$")
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")

Line = tuple[int, str]  # (file line, text)


@dataclass
class Prepared:
    text: str
    assets: dict[str, Path] = field(default_factory=dict)  # name in text -> vetted file
    problems: list[Problem] = field(default_factory=list)


@dataclass
class _Context:
    label: str  # the page's path for messages, e.g. content/toolkits/x.md
    src_path: str  # inside content/
    folder: Path | None  # the page's folder; None checks paths by their text only
    site_url: str
    assets: dict[str, Path] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    limit_kb: int | None = None  # the most the source may be, with its includes
    size: int = 0  # characters read so far
    too_big: Problem | None = None  # the source passed limit_kb here
    too_deep: bool = False  # includes nested too deeply, reported once

    def problem(self, line: int, message: str, hint: str) -> None:
        self.problems.append(Problem(self.label, line, message=message, hint=hint))


def prepare(label: str, body: str, body_line: int, src_path: str, folder: Path | None,
            site_url: str, assets: dict[str, Path] | None = None,
            limit_kb: int | None = None) -> Prepared:
    """The page body as pandoc Markdown, with its vetted images and every problem found;
    `assets` carries image names on from an earlier call, so that names never clash; a
    source larger than limit_kb with its includes is one problem, and is read no further."""
    ctx = _Context(label, src_path, folder, site_url, limit_kb=limit_kb)
    ctx.assets = assets if assets is not None else {}
    lines = [(body_line + i, text) for i, text in enumerate(body.splitlines())]
    lines = _includes(ctx, lines, 0)
    if _over_limit(ctx):
        return Prepared("", ctx.assets, ctx.problems)
    lines = _drop_title(lines)
    out = _blocks(ctx, lines, heading=1)
    if ctx.abbreviations:
        out += ["", "## Abbreviations", ""]
        for term in sorted(ctx.abbreviations, key=str.lower):
            out += [term, f":   {ctx.abbreviations[term]}", ""]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"
    return Prepared(text, ctx.assets, ctx.problems)


def check_paths(label: str, body: str, body_line: int, src_path: str,
                folder: Path | None = None) -> list[Problem]:
    """Only the problems: images and includes that leave the page's folder, and the like."""
    return prepare(label, body, body_line, src_path, folder, "").problems


def size_problems(label: str, body: str, body_line: int, src_path: str, folder: Path,
                  limit_kb: int) -> list[Problem]:
    """Only whether the source, with its includes read from folder, is over limit_kb: the
    includes are read, but nothing else is done."""
    ctx = _Context(label, src_path, folder, "", limit_kb=limit_kb)
    _includes(ctx, [(body_line + i, text) for i, text in enumerate(body.splitlines())], 0)
    return [ctx.too_big] if ctx.too_big else []


def _over_limit(ctx: _Context) -> bool:
    return ctx.too_big is not None


def _counted(ctx: _Context, number: int, size: int) -> bool:
    """Count size characters into the source; False, and one problem, once it is too big."""
    ctx.size += size
    if ctx.limit_kb is None or ctx.size <= ctx.limit_kb * 1024:
        return True
    ctx.too_big = Problem(
        ctx.label, number, message=f"the download's source, with its includes, is more than "
                                   f"the limit of {ctx.limit_kb} KB "
                                   "(extra.commons.limits.download_kb in mkdocs.yml)",
        hint="split the page or what it includes into smaller pages, or stop offering it as "
             "a download; a maintainer may raise the limit")
    ctx.problems.append(ctx.too_big)
    return False


def _inside(ctx: _Context, line: int, target: str, what: str) -> Path | None:
    """The file a relative path names, when it stays inside the page's folder."""
    found, message, hint = inside(ctx.folder, target, what)
    if found is None:
        ctx.problem(line, message, hint or f"check the spelling; paths are relative to {ctx.label}")
    return found


def _includes(ctx: _Context, lines: list[Line], depth: int) -> list[Line]:
    """Snippet includes (both forms) replaced by the file, inside the folder only."""
    out: list[Line] = []
    for (number, text), target in zip(lines, include_targets([t for _, t in lines])):
        if not _counted(ctx, number, len(text) + 1):  # an include line is work too
            break
        if target is None:
            out.append((number, text))
            continue
        if not target:
            continue  # a block's marks
        if depth >= MAX_DEPTH:
            if not ctx.too_deep:
                ctx.too_deep = True
                ctx.problem(number, "includes are nested too deeply",
                            f"include at most {MAX_DEPTH} levels deep")
            continue
        found = _inside(ctx, number, target, "include")
        if found is not None and ctx.folder is not None \
                and _counted(ctx, number, found.stat().st_size):
            ctx.size -= found.stat().st_size  # counted again line by line as it is read
            included = found.read_text(encoding="utf-8", errors="replace").splitlines()
            out += _includes(ctx, [(number, t) for t in included], depth + 1)
    return out


def _drop_title(lines: list[Line]) -> list[Line]:
    """Without the page's H1: the title page and the document title stand for it."""
    for index, ((_, text), fenced) in enumerate(zip(lines, fenced_lines([t for _, t in lines]))):
        if not fenced and re.match(r"^#\s+\S", text):
            return lines[:index] + lines[index + 1:]
        if not fenced and text.strip():
            return lines
    return lines


def _blocks(ctx: _Context, lines: list[Line], heading: int) -> list[str]:
    out: list[str] = []
    html_stack: list[str] = []
    index = 0
    while index < len(lines):
        number, text = lines[index]
        index += 1
        end = fence_end([t for _, t in lines], index - 1) if FENCE.match(text) else None
        if end is not None:  # code is copied as it is
            out += [t for _, t in lines[index - 1:end + 1]]
            index = end + 1
            continue
        atx = _ATX.match(text)
        if atx:
            heading = len(atx.group(1))
        container = _ADMONITION.match(text) or _TAB.match(text)
        if container:
            inner, index = _indented(lines, index, len(container.group(1)))
            if container.re is _TAB:
                level = min(heading + 1, 6)
                out += ["", "#" * level + " " + _inline(ctx, number, container.group(2)), ""]
                out += _blocks(ctx, inner, level)
            else:
                out += ["", *_quote(ctx, number, container, _blocks(ctx, inner, heading)), ""]
            continue
        abbr = _ABBR.match(text)
        if abbr:
            ctx.abbreviations[abbr.group(1).strip()] = _inline(ctx, number, abbr.group(2))
            continue
        opened, closed = _HTML_OPEN.match(text), _HTML_CLOSE.match(text)
        if opened and not _MARKDOWN_ATTRIBUTE.search(opened.group(2)):
            opened = None
        if opened:
            html_stack.append(opened.group(1).lower())
            out.append("")
            continue
        if closed and html_stack and html_stack[-1] == closed.group(1).lower():
            html_stack.pop()
            out.append("")
            continue
        if html_stack and _RULE.match(text):
            continue  # a card grid's separator line
        if text.strip() and not _ATTR_LIST.sub("", text).strip():
            continue  # a line that is only an attribute list
        out.append(_inline(ctx, number, _definition(ctx, number, text)))
    return out


def _indented(lines: list[Line], start: int, indent: int) -> tuple[list[Line], int]:
    """The block indented under a container line, dedented by four spaces."""
    end = start
    while end < len(lines):
        text = lines[end][1].expandtabs(4)
        if text.strip() and len(text) - len(text.lstrip()) < indent + 4:
            break
        end += 1
    while end > start and not lines[end - 1][1].strip():
        end -= 1
    inner = [(n, t.expandtabs(4)[indent + 4:]) for n, t in lines[start:end]]
    return inner, end


def _quote(ctx: _Context, number: int, match: re.Match, inner: list[str]) -> list[str]:
    title = match.group(3)
    if title is None:
        title = match.group(2).replace("-", " ").capitalize()
    head = [f"**{_inline(ctx, number, title)}**", ""] if title.strip() else []
    return [f"> {t}".rstrip() for t in head + inner]


def _definition(ctx: _Context, number: int, text: str) -> str:
    """A reference-style link definition, with its target made safe like any link."""
    match = _DEFINITION.match(text)
    if not match:
        return text
    target = match.group(2)
    if posixpath.splitext(target.split("#")[0])[1].lower() in IMAGE_TYPES:
        name = _asset(ctx, number, target)
        return f"{match.group(1)}{name}" if name else ""
    return f"{match.group(1)}{_link_target(ctx, target)}{match.group(3) or ''}"


def _inline(ctx: _Context, number: int, text: str) -> str:
    text = _ICON.sub("", _ATTR_LIST.sub("", text))
    text = _IMAGE.sub(lambda m: _image(ctx, number, m), text)
    return _LINK.sub(lambda m: _link(ctx, m), text)


def _image(ctx: _Context, number: int, match: re.Match) -> str:
    name = _asset(ctx, number, match.group(2))
    return f"![{match.group(1)}]({name}{match.group(3)})" if name else match.group(1)


def _asset(ctx: _Context, number: int, target: str) -> str | None:
    suffix = posixpath.splitext(target)[1].lower()
    if target and not _SCHEME.match(target) and suffix not in IMAGE_TYPES:
        ctx.problem(number, f"the image '{target}' is not a picture the downloads can hold",
                    "use a .png, .jpg, .gif, .svg or .webp file")
        return None
    found = _inside(ctx, number, target, "image")
    if found is None:
        return None
    for name, path in ctx.assets.items():
        if path == found:
            return name
    name = f"commons-asset-{len(ctx.assets) + 1}{suffix}"
    ctx.assets[name] = found
    return name


def _link(ctx: _Context, match: re.Match) -> str:
    target = _link_target(ctx, match.group(2))
    return f"[{match.group(1)}]({target}{match.group(3)})" if target else match.group(1)


def _link_target(ctx: _Context, target: str) -> str:
    """Links to pages point to the live site; unsafe or broken ones become plain text ('')."""
    if not target or target.startswith("#"):
        return target
    if _SCHEME.match(target) or target.startswith("//"):
        return target if target.lower().startswith(_LINK_SCHEMES) else ""
    path, _, anchor = target.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(ctx.src_path), path))
    if path.startswith("/") or resolved == ".." or resolved.startswith("../"):
        return ""
    return page_url(ctx.site_url, resolved) + (f"#{anchor}" if anchor else "")
