"""The benchmark's hostile rows: the checks on a page with a 1 MB line of each check's worst
pattern, and a legal events table of 1,000 and of 10,000 rows (time linear in its size)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

from benchlib import fixture

# For each check, the line that made one of its patterns take time quadratic in its length.
WORST_LINES = ("We go *on. ", "[", "![", "``", "` ``", "{a=b", "](", "a@", "# ", "<a ",
               "<div markdown", "{.card ", "!!! a ")
LINE_BYTES = 1_000_000


def commons_with_line(base: Path, target: Path, unit: str) -> Path:
    """A copy of the commons at base with one toolkit ending in a 1 MB line of unit."""
    shutil.copytree(base, target, ignore=shutil.ignore_patterns(".cache", "site*"))
    page = sorted((target / "content/toolkits").glob("*.md"))[0]
    page.write_text(page.read_text(encoding="utf-8") + "\n" + unit * (LINE_BYTES // len(unit))
                    + "\n", encoding="utf-8")
    return target


def commons_with_events(base: Path, target: Path, count: int) -> Path:
    """A copy of the commons at base whose events table has count online dates, three a day
    from the benchmark's day, all of one session."""
    shutil.copytree(base, target, ignore=shutil.ignore_patterns(".cache", "site*"))
    path = target / "data/events.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, template = reader.fieldnames, next(reader)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for n in range(count):
        day = fixture.BENCH_DAY + dt.timedelta(days=n // 3)
        hour = 9 + 3 * (n % 3)
        writer.writerow({**{f: "" for f in fields}, "id": f"bench-{n}",
                         "session": template["session"], "start": f"{day}T{hour:02d}:00",
                         "end": f"{day}T{hour + 1:02d}:00", "mode": "online", "places": "20",
                         "booking": f"https://book.example.org/bench-{n}"})
    path.write_text(out.getvalue(), encoding="utf-8")
    return target
