"""The download formats: PDF through typst, DOCX with real Word styles, EPUB, and card sheets.

Each maker takes a Document (prepared text, vetted images, details) and the Style, and returns
the file's bytes. Values reach typst only as string literals, never as markup.
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

from commons.core.markup import md_text
from commons.export import pandoc
from commons.export.typeset import compile_pdf
from commons.load.download_source import IMAGE_TYPES
from commons.model.cards import CARD_BREAK, Card

TEMPLATES = Path(__file__).resolve().parent / "templates"
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_DOCX_BLUES = ("0F4761", "365F91", "4F81BD")  # heading and title colours in pandoc's docx


@dataclass(frozen=True)
class Style:
    """How downloads look; part of every cache key."""

    site_name: str = "Learning Commons"
    primary: str = "#1d5c57"  # the site's colours (site-overrides/assets/commons.css)
    accent: str = "#a13b00"
    section_colours: tuple[str, ...] = ("#1d5c57", "#6b2d5c", "#1d4f91", "#9a3b12",
                                        "#2f6b2a", "#3d4a5c", "#7a4a00", "#5a3d8a")
    # colour names a card pack's section headings may use, darkened for white text on them
    named_colours: tuple[tuple[str, str], ...] = (
        ("light green", "#3b7a2a"), ("blue-grey", "#455a64"), ("blue grey", "#455a64"),
        ("grey-green", "#4f6b58"), ("grey green", "#4f6b58"), ("mauve", "#7b4f7a"),
        ("pink", "#a3305f"), ("brown", "#6d4c30"), ("green", "#2f6b2a"), ("blue", "#1d4f91"),
        ("purple", "#5a3d8a"), ("red", "#a12a2a"), ("orange", "#9a3b12"), ("grey", "#4a4a4a"),
        ("teal", "#1d5c57"), ("yellow", "#7a5a00"))
    fonts: tuple[str, ...] = ("DejaVu Sans", "Libertinus Serif")
    licence: str = "Shared under the Creative Commons Attribution 4.0 licence (CC BY 4.0)."
    font_dirs: tuple[str, ...] = field(
        default_factory=lambda: tuple(d for d in _FONT_DIRS if Path(d).is_dir()))


@dataclass(frozen=True)
class Document:
    page_id: str
    title: str
    summary: str
    version: str  # "" for pages without one
    date: dt.date
    owner: str
    url: str  # the page on the live site
    text: str  # prepared pandoc Markdown
    assets: dict[str, Path] = field(default_factory=dict, hash=False)
    cards: tuple[Card, ...] = ()
    card_text: str = ""  # prepared Markdown of the cards' bodies, split by CARD_BREAK
    notice: str = ""  # the sample-data notice, in sample-data mode (Settings.sample_notice)
    limits: pandoc.ToolLimits = pandoc.ToolLimits()  # for pandoc and typst; not in the cache key

    @property
    def epoch(self) -> int:
        """Noon UTC on the page's date: the timestamp inside every file, for repeatable bytes."""
        moment = dt.datetime.combine(self.date, dt.time(12), dt.timezone.utc)
        return int(moment.timestamp())


@dataclass(frozen=True)
class Format:
    key: str  # "pdf", "docx", "epub" or "cards"
    label: str  # for people: "PDF", "Word (DOCX)", ...
    extension: str
    make: Callable[[Document, Style], bytes]
    suffix: str = ""  # added to the file name, e.g. "-cards"


def docx(doc: Document, style: Style) -> bytes:
    with tempfile.TemporaryDirectory(prefix="commons-docx-") as tmp:
        reference = Path(tmp) / "reference.docx"
        reference.write_bytes(reference_docx(style.primary))
        data = pandoc.run(_with_data_uris(doc) + _colophon(doc, style), "docx",
                          (f"--reference-doc={reference}", "--toc", "--toc-depth=2",
                           *_common_args(doc, style)), limits=doc.limits)
    return _dated(data, "docProps/core.xml", doc)


def epub(doc: Document, style: Style) -> bytes:
    data = pandoc.run(_with_data_uris(doc) + _colophon(doc, style), "epub3",
                      ("--toc", "--toc-depth=2", "--split-level=1",
                       "--metadata=publisher:" + style.site_name,
                       "--metadata=identifier:" + doc.url, *_common_args(doc, style)),
                      limits=doc.limits)
    return _dated(data, "EPUB/content.opf", doc)


def pdf(doc: Document, style: Style) -> bytes:
    body = pandoc.run(doc.text, "typst", ("--shift-heading-level-by=-1",),
                      limits=doc.limits).decode("utf-8")
    details = [("Version", doc.version), ("Last reviewed", long_date(doc.date)),
               ("Kept current by", doc.owner)]
    call = _typst_call("conf.with", {
        "title": doc.title, "summary": doc.summary, "url": doc.url, "site": style.site_name,
        "licence": " ".join(filter(None, (style.licence, doc.notice))),
    }, style, extra=("details: (" + "".join(
        f"({_typ(k)}, {_typ(v)}), " for k, v in details if v) + ")",))
    return _typeset(doc, style, f"#show: {call}\n\n{body}")


def cards(doc: Document, style: Style) -> bytes:
    """Four A6 cards to an A4 page, each with its code, section colour, title and text."""
    body = pandoc.run(doc.card_text, "typst", limits=doc.limits).decode("utf-8")
    texts = [part.strip() for part in body.split(f"\n{CARD_BREAK}\n")]
    if len(texts) != len(doc.cards):
        raise pandoc.ExportError(f"the card sheet has {len(doc.cards)} cards but their text "
                                 f"came back in {len(texts)} parts")
    entries = "".join(
        f"(code: {_typ(c.code)}, title: {_typ(c.title)}, section: {_typ(c.section)}, "
        f"colour: rgb({_typ(card_colour(c, style))}), body: [\n{text}\n]),\n"
        for c, text in zip(doc.cards, texts))
    call = _typst_call("card-sheet", {"title": doc.title, "site": style.site_name}, style,
                       extra=(f"cards: (\n{entries})",), colours=False)
    return _typeset(doc, style, f"#{call}\n")


def card_colour(card: Card, style: Style) -> str:
    """The colour the section heading names, else the section's place in the palette."""
    note = card.note.lower()
    for name, colour in style.named_colours:  # longer names come first
        if re.search(rf"\b{re.escape(name)}\b", note):
            return colour
    return style.section_colours[card.section_index % len(style.section_colours)]


FORMATS: tuple[Format, ...] = (
    Format("pdf", "PDF", "pdf", pdf),
    Format("docx", "Word (DOCX)", "docx", docx),
    Format("epub", "EPUB", "epub", epub),
    Format("cards", "Printable cards (PDF)", "pdf", cards, suffix="-cards"),
)


@lru_cache(maxsize=4)
def reference_docx(primary: str) -> bytes:
    """pandoc's own reference.docx with headings and title in the commons' colour."""
    colour = primary.lstrip("#").upper()

    def recolour(text: str) -> str:
        for blue in _DOCX_BLUES:
            text = text.replace(f'w:val="{blue}"', f'w:val="{colour}"')
        return text

    return _rewrite_zip(pandoc.default_data_file("reference.docx"), "word/styles.xml",
                        recolour)


def _dated(data: bytes, member: str, doc: Document) -> bytes:
    """The page's date where pandoc, with no clock in its sandbox, wrote 1970, and on every
    file inside (pandoc stamps some with the time of the export)."""
    moment = dt.datetime.fromtimestamp(doc.epoch, dt.timezone.utc)
    stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return _rewrite_zip(data, member, lambda text: text.replace("1970-01-01T00:00:00Z", stamp),
                        moment.timetuple()[:6])


def _rewrite_zip(data: bytes, member: str, edit: Callable[[str], str],
                 when: tuple[int, ...] | None = None) -> bytes:
    """The zip with one text member edited, and every entry dated `when` if given; order
    and compression kept (an EPUB's uncompressed mimetype must stay first)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == member:
                content = edit(content.decode("utf-8")).encode("utf-8")
            if when is not None:
                info.date_time = when
            target.writestr(info, content)
    return out.getvalue()


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _common_args(doc: Document, style: Style) -> tuple[str, ...]:
    meta = {"title": doc.title, "subtitle": doc.summary, "description": doc.summary,
            "author": doc.owner or style.site_name, "date": doc.date.isoformat(),
            "lang": "en-GB", "rights": style.licence}
    return ("--shift-heading-level-by=-1",
            *(f"--metadata={key}:{value}" for key, value in meta.items() if value))


def _colophon(doc: Document, style: Style) -> str:
    version = f"version {doc.version}, " if doc.version else ""
    return (f"\n\n---\n\n*{md_text(doc.title)}*, {version}last reviewed "
            f"{long_date(doc.date)}. The current version is always at "
            f"<{doc.url}>. {style.licence}\n" + (f"\n**{md_text(doc.notice)}**\n"
                                                   if doc.notice else ""))


def _with_data_uris(doc: Document) -> str:
    """The text with each vetted image inlined: pandoc in its sandbox reads no files."""
    text = doc.text
    for name, path in sorted(doc.assets.items()):
        mime = IMAGE_TYPES[path.suffix.lower()]
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        text = text.replace(f"]({name}", f"](data:{mime};base64,{data}")
    return text


def _typeset(doc: Document, style: Style, main: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="commons-typst-") as tmp:
        root = Path(tmp)
        shutil.copy(TEMPLATES / "commons.typ", root / "commons.typ")
        for name, path in doc.assets.items():
            shutil.copy(path, root / name)
        (root / "main.typ").write_text('#import "commons.typ": *\n\n' + main, encoding="utf-8")
        return compile_pdf(root / "main.typ", root, style.font_dirs, doc.epoch,
                           limits=doc.limits)


def _typst_call(function: str, strings: dict[str, str], style: Style, *,
                extra: tuple[str, ...] = (), colours: bool = True) -> str:
    args = [f"{key}: {_typ(value)}" for key, value in strings.items()]
    args.append("fonts: (" + "".join(f"{_typ(f)}, " for f in style.fonts) + ")")
    if colours:
        args += [f"primary: rgb({_typ(style.primary)})", f"accent: rgb({_typ(style.accent)})"]
    return f"{function}({', '.join([*args, *extra])})"


def _typ(value: str) -> str:
    """A typst string literal: the text can never become typst code."""
    escaped = (str(value).replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"'
