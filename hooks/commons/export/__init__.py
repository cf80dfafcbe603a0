"""Downloads of toolkits and of pages that ask for them: PDF, DOCX, EPUB and card sheets,
made by pandoc (sandboxed) and typst from the same Markdown the site renders, and cached."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from commons.core.problems import Problem
from commons.export.build import DownloadProgress, download_paths, export_all
from commons.export.listing import buttons, site_files
from commons.generate.files import GeneratedFile
from commons.load.settings import Settings
from commons.model.records import Commons, Page

CACHE_FOLDER = Path(".cache") / "downloads"

__all__ = ["CACHE_FOLDER", "DownloadProgress", "download_files", "page_buttons"]


def download_files(pages: list[Page], content_dir: Path, root: Path, settings: Settings,
                   progress: DownloadProgress | None = None, make_missing: bool = True
                   ) -> tuple[list[GeneratedFile], list[Problem], int]:
    """Every download and the downloads page, for the build, or the problems that stop it;
    and how many downloads were left out, not being in the cache (make_missing=False)."""
    downloads, problems = export_all(pages, content_dir, root / CACHE_FOLDER, settings,
                                     progress=progress, make_missing=make_missing)
    if problems:
        return [], problems, 0
    return site_files(downloads), [], len(download_paths(pages, settings.today)) - len(downloads)


def page_buttons(src_uri: str, url: str, size_of: Callable[[str], int | None],
                 commons: Commons, settings: Settings) -> list[dict[str, str]]:
    """The download buttons of the page at src_uri; size_of gives a built file's size."""
    page = commons.index.by_path.get(src_uri)
    if page is None:
        return []
    return buttons(page, settings.today, url, size_of)
