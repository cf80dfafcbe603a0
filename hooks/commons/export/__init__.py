"""Downloads of toolkits and of pages that ask for them: PDF, DOCX, EPUB and card sheets,
made by pandoc (sandboxed) and typst from the same Markdown the site renders, and cached."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content import Source, page_id
from ..generate import GeneratedFile
from ..model import Commons
from ..problems import Problem
from ..settings import Settings
from .build import export_all, wanted
from .cards import card_problems, find_cards
from .listing import buttons, site_files
from .source import check_paths

CACHE_FOLDER = Path(".cache") / "downloads"

__all__ = ["CACHE_FOLDER", "download_files", "download_rule", "page_buttons"]


def download_files(sources: list[Source], content_dir: Path, root: Path, settings: Settings
                   ) -> tuple[list[GeneratedFile], list[Problem]]:
    """Every download and the downloads page, for the build; or the problems that stop it."""
    downloads, problems = export_all(sources, content_dir, root / CACHE_FOLDER, settings)
    return (site_files(downloads) if not problems else []), problems


def page_buttons(src_uri: str, url: str, files: Any, commons: Commons, settings: Settings
                 ) -> list[dict[str, str]]:
    """The download buttons of the page at src_uri; `files` is the build's MkDocs Files."""
    page = commons.pages.get(page_id(src_uri))
    if page is None or page.src_path != src_uri:
        return []

    def size_of(uri: str) -> int | None:
        found = files.get_file_from_path(uri)
        return None if found is None else len(found.content_bytes)

    return buttons(page, settings.today, url, size_of)


def download_rule(commons: Commons, sources: list[Source]) -> list[Problem]:
    """For `make check`: images and includes that leave the page's folder, card packs
    without cards. (The build also checks links out of the folder and missing files.)"""
    problems: list[Problem] = []
    for source in sources:
        if wanted(source.page):
            doc = source.document
            problems += check_paths(source.path, doc.body, doc.body_line, source.page.src_path)
            cards = find_cards(source.page, doc.body, doc.body_line)
            problems += card_problems(source.path, source.page, cards)
    return problems
