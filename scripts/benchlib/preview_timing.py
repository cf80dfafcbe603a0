"""How fast the preview (`make serve`) is: from starting it to its first page, and from a
save to the page showing it, for a page, a teacher row and an event row, each edited again
and again. Times are taken as a contributor sees them: over HTTP, until the served page
holds the new text."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "preview.py"
POLL = 0.02  # seconds between looks at the page


@dataclass
class Timings:
    startup: float  # seconds from starting the preview to its first page
    restart: float  # the same when it takes up the pages an earlier preview saved
    edits: dict[str, list[float]]  # kind of edit: seconds from each save to the page showing it


def median_p95(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def measure(root: Path, site_dir: Path, env: dict[str, str], today: dt.date,
            edits: int = 20) -> Timings:
    """Start the preview of the commons at root, time its first page, then `edits` saves of
    each kind; the preview is stopped afterwards."""
    page, teacher, event = _targets(root, today)
    server, base, startup = _start(root, site_dir, env, page.address)
    try:
        _until(lambda: not json.loads(_get(base + ".preview/changes?since=-1"))["busy"], server,
               seconds=1800)  # downloads and search: not part of an edit's time
        times = {kind: [_time_edit(target, number, base, server) for number in range(edits)]
                 for kind, target in (("page", page), ("teacher row", teacher),
                                      ("event row", event))}
    finally:
        _stop(server)
    server, _, restart = _start(root, site_dir, env, page.address)  # takes up the saved pages
    _stop(server)
    return Timings(startup, restart, times)


def _start(root: Path, site_dir: Path, env: dict[str, str], address: str
           ) -> tuple[subprocess.Popen, str, float]:
    """The preview started, once it serves the page at address: (process, base, seconds)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, str(SCRIPT), "--root", str(root), "--port", str(port), "--site-dir",
         str(site_dir)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _until(lambda: "<article" in _get(base + address), server)
    except BaseException:
        _stop(server)
        raise
    return server, base, time.perf_counter() - started


def _stop(server: subprocess.Popen) -> None:
    server.terminate()  # the preview saves its pages for the next start
    server.wait(timeout=120)


@dataclass
class _Target:
    """A file to edit, how to put a marker in it, and the page that shows the marker."""

    path: Path
    address: str
    change: object  # (text, marker) -> text

    def save(self, marker: str) -> None:
        self.path.write_text(self.change(self.path.read_text(encoding="utf-8"), marker),
                             encoding="utf-8")


def _targets(root: Path, today: dt.date) -> tuple[_Target, _Target, _Target]:
    policy = sorted((root / "content" / "policies").glob("*.md"))[0]
    teachers = _rows(root / "data" / "teachers.csv")
    teacher = next(row for row in teachers if row["listed"] == "yes"
                   and row["status"] == "active")
    events = _rows(root / "data" / "events.csv")
    soonest = min((row for row in events if row["mode"] == "in person"
                   and row["start"][:10] >= today.isoformat()), key=lambda row: row["start"])

    def in_body(text: str, marker: str) -> str:
        return _without_marker(text).rstrip("\n") + f"\n\n{marker}.\n"

    def in_cell(table: str, key: str, column: str):
        def change(text: str, marker: str) -> str:
            rows = list(csv.DictReader(io.StringIO(text)))
            for row in rows:
                if row["id"] == key:
                    row[column] = _without_marker(row[column]).rstrip() + f" {marker}"
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
            return out.getvalue()
        return change

    return (
        _Target(policy, f"policies/{policy.stem}/", in_body),
        _Target(root / "data" / "teachers.csv", f"teachers/{teacher['id']}/",
                in_cell("teachers", teacher["id"], "bio")),
        _Target(root / "data" / "events.csv", f"sessions/{soonest['session']}/",
                in_cell("events", soonest["id"], "venue")),
    )


def _time_edit(target: _Target, number: int, base: str, server: subprocess.Popen) -> float:
    marker = f"Bench edit {number + 1}"
    started = time.perf_counter()
    target.save(marker)
    _until(lambda: marker in _get(base + target.address), server)
    return time.perf_counter() - started


def _without_marker(text: str) -> str:
    """The text without an earlier edit's marker ('Bench edit N.' or ' Bench edit N')."""
    return re.sub(r"\n\nBench edit \d+\.\n$| Bench edit \d+$", "", text)


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")
    except OSError:
        return ""


def _until(check, server: subprocess.Popen, seconds: float = 600) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if server.poll() is not None:
            raise SystemExit(f"the preview stopped: {server.stderr.read().decode()[-4000:]}")
        if time.monotonic() > deadline:
            raise SystemExit(f"the preview did not show the change within {seconds:.0f} s")
        time.sleep(POLL)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
