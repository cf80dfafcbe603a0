"""Downloads as site files: the files themselves, the downloads page, and each page's buttons."""

from __future__ import annotations

import datetime as dt
import posixpath
from itertools import groupby
from typing import Callable

from commons.core.markup import md_text
from commons.core.problems import Origin
from commons.export.build import Download, file_uri
from commons.export.formats import FORMATS, long_date
from commons.generate.files import GeneratedFile
from commons.model.pages import offers_downloads
from commons.model.records import Page

INDEX = "downloads/index.md"
_INTRO = """\
# Downloads

Every toolkit, and some guides, to print, adapt and use offline. The **PDF** is ready to
print on A4; the **Word (DOCX)** file keeps its headings and lists so that you can adapt it
for your team; the **EPUB** reads well on a phone or e-reader. Card packs also come as a
sheet of cards to print on A4 and cut out.

Downloads are made from the same pages you read on this site, so they are always current.
You may share and adapt them under the Creative Commons Attribution 4.0 licence (CC BY 4.0):
please credit the Learning Commons.
"""


def human_size(size: int) -> str:
    """"84 KB", "1.2 MB": what a person on a phone contract wants to know."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def site_files(downloads: list[Download]) -> list[GeneratedFile]:
    """The download files and the page listing them all."""
    files = [GeneratedFile(d.src_uri, d.data, d.page.origin) for d in downloads]
    return files + [GeneratedFile(INDEX, downloads_page(downloads), Origin(INDEX), in_nav=True)]


def downloads_page(downloads: list[Download]) -> str:
    lines = [_INTRO]
    if not downloads:
        lines.append("There are no downloads yet.\n")
    ordered = sorted(downloads, key=lambda d: (d.page.title.lower(), d.page.id))
    for _, group in groupby(ordered, key=lambda d: d.page.id):
        items = list(group)
        page = items[0].page
        version = f"Version {md_text(page.meta['version'])}, last" if page.meta.get(
            "version") else "Last"
        lines += [f"## {md_text(page.title)}", "", md_text(page.summary), "",
                  f"{version} reviewed {long_date(items[0].date)} · "
                  f"[Read it online]({_relative(page.src_path)})", ""]
        lines += [f"- [{md_text(_label(d.format.label, len(d.data)))}]"
                  f"({posixpath.basename(d.src_uri)})" for d in items]
        lines.append("")
    return "\n".join(lines)


def buttons(page: Page, today: dt.date, page_url: str,
            size_of: Callable[[str], int | None]) -> list[dict[str, str]]:
    """What a page's download buttons say and point to (relative to the page's URL);
    size_of gives a site file's size, or None when the file was not made."""
    if not offers_downloads(page):
        return []
    result = []
    for fmt in FORMATS:
        uri = file_uri(page, fmt, today)
        size = size_of(uri)
        if size is not None:
            result.append({"label": fmt.label, "size": human_size(size),
                           "url": _relative_url(uri, page_url), "format": fmt.key})
    return result


def _label(label: str, size: int) -> str:
    return f"{label}, {human_size(size)}"


def _relative(src_path: str) -> str:
    return posixpath.relpath(src_path, posixpath.dirname(INDEX))


def _relative_url(uri: str, page_url: str) -> str:
    """uri (a site path) as seen from a page's directory URL."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    return posixpath.relpath(uri, base or ".")
