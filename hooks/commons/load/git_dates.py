"""When each source file last changed: its last commit, from one `git log` over the whole
project (a process per page would cost seconds on a large commons), or outside git, or for
a file not yet committed, the file's modification time."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

Dates = dict[str, tuple[dt.datetime, dt.datetime]]  # path: (first commit, last commit)


@dataclass(frozen=True)
class Changed:
    day: dt.date
    recorded_by: str  # "git" or "file" (modification time, when git has no record)


def commit_times(folder: str) -> Dates:
    """(first, last) commit time of each file under folder, by folder-relative path, from
    one `git log` call, read once per build; empty when folder is not in a git work tree or
    git is missing."""
    try:
        result = subprocess.run(
            ["git", "-C", folder, "log", "--format=%x00%cI", "--name-only", "--relative",
             "--no-renames", "--", "."], capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: Dates = {}
    for block in result.stdout.split("\0")[1:]:  # newest commit first
        stamp, *names = block.strip().split("\n")
        when = dt.datetime.fromisoformat(stamp)
        for name in filter(None, names):
            dates[name] = (when, dates[name][1] if name in dates else when)
    return dates


def last_days(dates: Dates) -> dict[str, dt.date]:
    """The day each file last changed, from its commit times."""
    return {name: last.date() for name, (_, last) in dates.items()}


def last_changed(root: Path, source: str, known: dict[str, dt.date]) -> Changed | None:
    """When source (root-relative) last changed; None when it is not a file."""
    if source in known:
        return Changed(known[source], "git")
    try:
        stamp = (root / source).stat().st_mtime
    except OSError:
        return None
    return Changed(dt.datetime.fromtimestamp(stamp, dt.timezone.utc).date(), "file")
