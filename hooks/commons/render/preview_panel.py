"""What the preview adds to each page it sends (never to the files of the built site): its
reload script and, while the last edit does not build, the panel listing the problems over
the last good page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from commons.core.problems import Problem
from commons.generate.templates import fragment

ASSETS = Path(__file__).resolve().parent / "preview_assets"
PREFIX = "/.preview/"  # the preview's own addresses: its script, stylesheet and changes
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Shown:
    """The preview's state as a page shows it."""

    version: int
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()
    stale: bool = True  # the pages behind the panel are from an earlier build

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.warnings)


def panel(shown: Shown) -> str:
    return fragment("preview_panel", problems=shown.problems, warnings=shown.warnings,
                    count=len(shown.problems) + len(shown.warnings), stale=shown.stale)


def nothing_built(building: bool) -> str:
    """The page for every address while no build has succeeded yet: the first is still
    being built, or it failed (the panel then lists why)."""
    return fragment("preview_page", building=building)


def with_preview(html: str, shown: Shown) -> str:
    """The page with the preview's stylesheet and script in its head and, after a failed
    build, the problem panel first in its body. Both come from the site's own origin, so the
    page's Content-Security-Policy lets them in."""
    head = (f'<link rel="stylesheet" href="{PREFIX}preview.css">'
            f'<script src="{PREFIX}preview.js" data-version="{shown.version}" defer></script>')
    found = _HEAD_END.search(html)
    html = html[:found.start()] + head + html[found.start():] if found else head + html
    if shown.failed:
        body = _BODY.search(html)
        at = body.end() if body else len(html)
        html = html[:at] + panel(shown) + html[at:]
    return html
