"""State shared between the events of one MkDocs build, reset at the start of each build
(`mkdocs serve` keeps hook modules loaded between rebuilds)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .pipeline import Loaded
from .settings import Settings


@dataclass
class BuildState:
    loaded: Loaded | None = None
    root: Path | None = None
    settings: Settings | None = None
    page_dates: dict | None = None  # root-relative file -> last commit day (page_info)
    origins: dict | None = None  # generated page -> what it is made from (page_info)
    # `mkdocs serve` injects an inline live-reload script whose text changes on every
    # rebuild, so the preview goes without the Content-Security-Policy; builds keep it.
    previewing: bool = False  # set once per process, not reset between rebuilds

    def reset(self) -> None:
        self.loaded = None
        self.root = None
        self.settings = None
        self.page_dates = self.origins = None


STATE = BuildState()
