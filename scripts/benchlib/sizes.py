"""Sizes of a built site as a reader's browser sees them: gzip bytes on the wire."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .searchprobe import gzip_size

# Stylesheets, scripts, icons and images a page asks for as it loads.
_ASSET = re.compile(r'<(?:link|script|img)\b[^>]*?\b(?:href|src)="([^"#?]+)[^"]*"[^>]*>')
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_NOT_LOADED = ("canonical", "prev", "next", "alternate", "preconnect")


def html_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def tree_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def stock_search_bytes(site: Path) -> int:
    """Material's first search: the whole JSON index and its search worker."""
    files = [site / "search/search_index.json",
             *sorted(site.glob("assets/javascripts/workers/search.*.min.js"))]
    return sum(gzip_size(f) for f in files if f.is_file())


def page_assets(site: Path, page: Path) -> list[Path]:
    """Local files a page loads on a first visit: CSS, JS, icons, and fonts and images the
    stylesheets name. Links to other pages are not fetched."""
    html = page.read_text(encoding="utf-8")
    found: set[Path] = set()
    for match in _ASSET.finditer(html):
        tag = match.group(0)
        if tag.startswith("<link") and any(f'rel="{rel}"' in tag for rel in _NOT_LOADED):
            continue
        found.add(_resolve(site, page, match.group(1)))
    for sheet in [f for f in sorted(found) if f.suffix == ".css" and f.is_file()]:
        for url in _CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            if not url.startswith(("data:", "#")):
                found.add(_resolve(site, sheet, url))
    return sorted(f for f in found if f.is_file() and site in f.parents)


def _resolve(site: Path, base: Path, url: str) -> Path:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return site / "__external__"
    if url.startswith("/"):
        return (site / url.lstrip("/")).resolve()
    return (base.parent / parts.path).resolve()


def first_visit_bytes(site: Path, page: Path) -> int:
    """Gzip bytes of a page and everything it loads on a first visit."""
    return gzip_size(page) + sum(gzip_size(f) for f in page_assets(site.resolve(), page.resolve()))
