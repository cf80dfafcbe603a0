"""When each source file last changed: its last commit, from one `git log` over the whole
project (a process per page would cost seconds on a large commons), or outside git, or for
a file not yet committed, the file's modification time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .generate.feed import git_dates


@dataclass(frozen=True)
class Changed:
    day: dt.date
    recorded_by: str  # "git" or "file" (modification time, when git has no record)


def history(root: Path) -> dict[str, dt.date]:
    """The last commit day of every file git knows under root, by root-relative path."""
    return {name: updated.date() for name, (_, updated) in git_dates(str(root)).items()}


def last_changed(root: Path, source: str, known: dict[str, dt.date]) -> Changed | None:
    """When source (root-relative) last changed; None when it is not a file."""
    if source in known:
        return Changed(known[source], "git")
    try:
        stamp = (root / source).stat().st_mtime
    except OSError:
        return None
    return Changed(dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date(), "file")
