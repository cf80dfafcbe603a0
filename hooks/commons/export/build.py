"""Which pages have downloads, what their files are called, and making them all (cached).

Every toolkit has downloads, and so does any page with `download: true`. Files are named
`<page-id>-<version or last-reviewed date>[-cards].<ext>` under downloads/.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from commons.core.paths import page_url
from commons.core.problems import Problem
from commons.export.cache import Cache, cache_key
from commons.export.formats import FORMATS, Document, Format, Style
from commons.export.pandoc import ExportError, ToolLimits
from commons.load.download_source import prepare
from commons.load.settings import Settings
from commons.model.cards import card_problems, find_cards, sheet_markdown
from commons.model.pages import offers_downloads
from commons.model.records import Page

log = logging.getLogger("mkdocs.plugins.commons.downloads")
WORKERS = 2
# Told how far the downloads are: (made so far, of all, taken from the cache), those
# from the cache counting as made.
DownloadProgress = Callable[[int, int, int], None]


@dataclass(frozen=True)
class Download:
    page: Page
    format: Format
    src_uri: str  # inside the site, e.g. downloads/card-pack-1.0.pdf
    data: bytes
    date: dt.date


def page_date(page: Page, today: dt.date) -> dt.date:
    reviewed = page.meta.get("last_reviewed")
    return reviewed if isinstance(reviewed, dt.date) else today


def file_uri(page: Page, fmt: Format, today: dt.date) -> str:
    """downloads/<id>-<version or date><suffix>.<ext>, in characters a site path allows."""
    version = str(page.meta.get("version") or "").strip().lower()
    tag = re.sub(r"[-.]{2,}", "-", re.sub(r"[^a-z0-9.]+", "-", version)).strip("-.")
    tag = tag or page_date(page, today).isoformat()
    return f"downloads/{page.id}-{tag}{fmt.suffix}.{fmt.extension}"


def download_paths(pages: list[Page], today: dt.date) -> list[str]:
    """Where every download will be published, without making any (for the link check):
    a card sheet only for a page whose body has cards."""
    paths = []
    for page in (p for p in pages if offers_downloads(p)):
        has_cards = bool(find_cards(page, page.body, page.body_line))
        paths += [file_uri(page, fmt, today) for fmt in FORMATS
                  if fmt.key != "cards" or has_cards]
    return paths


def document(page: Page, content_dir: Path, settings: Settings
             ) -> tuple[Document, list[Problem]]:
    """The page made ready for export, and every problem that stops it."""
    label = page.origin.path
    folder = (Path(content_dir) / page.src_path).parent
    limits = settings.limits
    prepared = prepare(label, page.body, page.body_line, page.src_path, folder,
                       settings.site_url, limit_kb=limits.download_kb)
    cards = find_cards(page, page.body, page.body_line)
    card_text = ""
    if cards:  # the cards' images share the page's names; their problems are already above
        card_text = prepare(label, sheet_markdown(cards), page.body_line, page.src_path,
                            folder, settings.site_url, prepared.assets).text
    document_ = Document(
        page_id=page.id, title=page.title, summary=page.summary,
        version=str(page.meta.get("version") or ""), date=page_date(page, settings.today),
        owner=str(page.meta.get("owner") or ""), url=page_url(settings.site_url, page.src_path),
        text=prepared.text, assets=prepared.assets, cards=tuple(cards), card_text=card_text,
        notice=settings.sample_notice,
        limits=ToolLimits(float(limits.tool_seconds), limits.tool_memory_mb))
    return document_, prepared.problems + card_problems(label, page, cards)


def export_all(pages: list[Page], content_dir: Path, cache_dir: Path, settings: Settings,
               style: Style | None = None, progress: DownloadProgress | None = None,
               make_missing: bool = True) -> tuple[list[Download], list[Problem]]:
    """Every download of every page that has them, from the cache where it can be; with
    make_missing=False (the preview) those not in the cache are left out."""
    style = style or Style()
    progress = progress or _ignore
    cache = Cache(cache_dir)
    jobs: list[tuple[Page, Document, Format, str]] = []
    problems: list[Problem] = []
    for page in sorted((p for p in pages if offers_downloads(p)), key=lambda p: p.id):
        doc, found = document(page, content_dir, settings)
        problems += found
        if not found:
            jobs += [(page, doc, fmt, cache_key(fmt, doc, style)) for fmt in FORMATS
                     if fmt.key != "cards" or doc.cards]
    if problems:
        return [], problems
    made: dict[int, bytes] = {}
    misses = []
    for index, (source, doc, fmt, key) in enumerate(jobs):
        cached = cache.get(doc.page_id, fmt, key)
        if cached is None:
            misses.append(index)
        else:
            made[index] = cached
    from_cache = len(jobs) - len(misses)
    progress(from_cache, len(jobs), from_cache)
    if misses and make_missing:
        log.info("downloads: %d from the cache, making %d", from_cache, len(misses))
        problems += _make(jobs, misses, made, cache, style,
                          lambda done: progress(from_cache + done, len(jobs), from_cache))
    downloads = [Download(p, fmt, file_uri(p, fmt, settings.today), made[i], doc.date)
                 for i, (p, doc, fmt, _) in enumerate(jobs) if i in made]
    return downloads, problems


def _make(jobs: list, misses: list[int], made: dict[int, bytes], cache: Cache,
          style: Style, finished: Callable[[int], None]) -> list[Problem]:
    """Run the missing exports two at a time, logging each as it finishes; finished is told
    how many have."""
    problems: list[Problem] = []
    started = time.monotonic()

    def one(index: int) -> tuple[int, bytes | Problem]:
        page, doc, fmt, key = jobs[index]
        try:
            data = fmt.make(doc, style)
        except ExportError as error:
            return index, Problem(page.origin.path, 1, message=f"the {fmt.label} download could "
                                  f"not be made: {error}",
                                  hint="simplify the page (very deep lists or huge tables) "
                                       "or split it into smaller pages")
        cache.put(doc.page_id, fmt, key, data)
        return index, data

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for done, (index, result) in enumerate(pool.map(one, misses), start=1):
            finished(done)
            _, doc, fmt, _ = jobs[index]
            if isinstance(result, Problem):
                problems.append(result)
                continue
            made[index] = result
            log.info("downloads: %d of %d made, %s %s (%.1f s)", done, len(misses),
                     doc.page_id, fmt.label, time.monotonic() - started)
    return problems


def _ignore(done: int, total: int, cached: int) -> None:
    pass
