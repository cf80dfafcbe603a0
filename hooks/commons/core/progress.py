"""Progress of long work: reported by a build running in a child process, shown by its parent.

The parent (`make build`, `make bench`) opens a pipe and names its write end in the
environment (COMMONS_PROGRESS_FD); the build's hooks write one JSON line per event into it.
Without that variable (plain `mkdocs build`, `mkdocs serve`) reporting does nothing, and the
child's own output is never touched. The parent shows the events as a bar redrawn on one
line when its stream is a terminal, else as plain lines: one when a stage starts or ends and
at most one every few seconds in between, for CI logs.
"""

from __future__ import annotations

import json
import os
import stat
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Callable, Iterator, Mapping, TextIO

ENVIRONMENT = "COMMONS_PROGRESS_FD"
STAGES = {  # what each stage of a build is called while it runs
    "start": "starting the build",
    "check": "checking content and data",
    "downloads": "making downloads",
    "read": "reading pages",
    "pages": "rendering pages",
    "search": "indexing search",
    "publish": "publishing",
}
LINE_INTERVAL = 5.0  # seconds between two lines of one stage in a log
BAR_INTERVAL = 0.1  # seconds between two redraws of the bar
TICK = 1.0  # seconds between two redraws of the bar's clock when no event comes
BAR_WIDTH = 20
CLEAR_LINE = "\r\x1b[K"  # back to the start of the line, and erase it


@dataclass(frozen=True)
class Event:
    """A stage started or moved on: done of total (None when it is not counted), cached of
    them taken from a cache."""

    stage: str
    done: int = 0
    total: int | None = None
    cached: int = 0


def encode(event: Event) -> bytes:
    return (json.dumps(asdict(event), separators=(",", ":")) + "\n").encode()


def decode(line: str) -> Event | None:
    """The event on one line of the pipe; None for anything else."""
    try:
        fields = json.loads(line)
        return Event(str(fields["stage"]), int(fields["done"]),
                     None if fields["total"] is None else int(fields["total"]),
                     int(fields["cached"]))
    except (ValueError, TypeError, KeyError):
        return None


def describe(event: Event) -> str:
    """`rendering pages 512 of 1,026`, `making downloads 3 of 12 (10 cached)`."""
    text = STAGES.get(event.stage, event.stage)
    if event.total is not None:
        text += f" {event.done:,} of {event.total:,}"
    if event.cached:
        text += f" ({event.cached:,} cached)"
    return text


def log_line(text: str, elapsed: float) -> str:
    return f"[{elapsed:6.1f} s] {text}\n"


def bar_line(event: Event, text: str, elapsed: float, columns: int) -> str:
    """The bar, redrawn over the last one and cut to the terminal's width so that it never
    wraps onto a second line."""
    bar = ""
    if event.total:
        filled = min(BAR_WIDTH, BAR_WIDTH * event.done // event.total)
        bar = "[" + "#" * filled + "-" * (BAR_WIDTH - filled) + "] "
    line = f"{bar}{text}  {elapsed:.1f} s"
    return CLEAR_LINE + line[:max(columns - 1, 1)]


def is_due(event: Event, same_stage: bool, since_shown: float, live: bool) -> bool:
    """Whether an event is shown: the first of its stage always, its stage's end in a log,
    others once the interval has passed since the last one shown."""
    if not same_stage:
        return True
    if not live and event.total is not None and event.done >= event.total:
        return True
    return since_shown >= (BAR_INTERVAL if live else LINE_INTERVAL)


def summary(site: str, seconds: float, latest: Mapping[str, Event]) -> str:
    """`built site in 41.2 s: 1,026 pages, 12 downloads (10 cached), search 1,026 pages
    indexed`, from the last event of each stage."""
    parts = []
    if "pages" in latest:
        parts.append(_count(latest["pages"].done, "page"))
    if "downloads" in latest:
        downloads = latest["downloads"]
        parts.append(_count(downloads.total or 0, "download") + f" ({downloads.cached:,} cached)")
    if "search" in latest:
        parts.append(f"search {_count(latest['search'].done, 'page')} indexed")
    return f"built {site} in {seconds:.1f} s" + (": " + ", ".join(parts) if parts else "")


def terminal_columns(stream: TextIO, fallback: int = 80) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns or fallback
    except (AttributeError, ValueError, OSError):  # not a terminal, or one of no size
        return fallback


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


class Display:
    """Shows events on a stream as they come: a bar on a terminal, lines in a log. A step
    (the benchmark's "cold full build") is put before each event's text. Safe to call from
    the thread that reads a child's events and from the one that moves the bar's clock."""

    def __init__(self, stream: TextIO, *, live: bool | None = None,
                 clock: Callable[[], float] = time.monotonic, columns: int | None = None):
        self.stream = stream
        self.live = stream.isatty() if live is None else live
        self.clock = clock
        self.columns = columns or terminal_columns(stream)
        self.started = clock()
        self.step = ""
        self.latest: dict[str, Event] = {}  # the last event of each stage, for the summary
        self._shown: tuple[str, str] | None = None  # (step, stage) of the last event shown
        self._shown_at = self.started
        self._current: tuple[Event, str] | None = None  # the last event and its text
        self._bar_drawn = False
        self._lock = threading.RLock()

    def show(self, event: Event) -> None:
        with self._lock:
            self.latest[event.stage] = event
            now = self.clock()
            key = (self.step, event.stage)
            text = f"{self.step}: {describe(event)}" if self.step else describe(event)
            self._current = (event, text)
            if not is_due(event, key == self._shown, now - self._shown_at, self.live):
                return
            self._shown, self._shown_at = key, now
            if self.live:
                self._draw(now)
            else:
                self.stream.write(log_line(text, now - self.started))
                self.stream.flush()

    def refresh(self) -> None:
        """Redraw the bar with the latest event and the time now, between events."""
        with self._lock:
            if self.live and self._bar_drawn:
                self._draw(self.clock())

    @contextmanager
    def ticking(self, every: float = TICK) -> Iterator["Display"]:
        """While the block runs, the bar's clock moves on when no event comes (a long check,
        the search index); a log gets nothing more."""
        stop = threading.Event()

        def tick() -> None:
            while not stop.wait(every):
                self.refresh()

        ticker = threading.Thread(target=tick, daemon=True)
        if self.live:
            ticker.start()
        try:
            yield self
        finally:
            stop.set()
            if ticker.is_alive():
                ticker.join()

    def begin_step(self, step: str) -> None:
        """A step of several stages (the benchmark's); shown at once, as its own stage."""
        with self._lock:
            self.step = ""
            self.show(Event(step))
            self.step = step

    def note(self, text: str) -> None:
        """A line that stays, above the bar."""
        with self._lock:
            self.close()
            self.stream.write(text + "\n")
            self.stream.flush()

    def close(self) -> None:
        """Erase the bar, so that what is written next starts on a clean line."""
        with self._lock:
            if self._bar_drawn:
                self.stream.write(CLEAR_LINE)
                self.stream.flush()
                self._bar_drawn = False

    def _draw(self, now: float) -> None:
        event, text = self._current
        self.stream.write(bar_line(event, text, now - self.started, self.columns))
        self.stream.flush()
        self._bar_drawn = True


class Reporter:
    """The child's side: writes events into the parent's pipe, or does nothing without one.
    One per build (kept with the build's own objects, never in module state)."""

    def __init__(self, fd: int | None = None):
        self.fd = fd
        self._done: dict[str, int] = {}

    @classmethod
    def from_environment(cls, environ: Mapping[str, str]) -> "Reporter":
        """The pipe named in the environment; only a pipe, so that a variable left over in a
        shell never makes the build write into some other open file."""
        value = environ.get(ENVIRONMENT, "")
        try:
            fd = int(value)
            return cls(fd if stat.S_ISFIFO(os.fstat(fd).st_mode) else None)
        except (ValueError, OSError):
            return cls(None)

    def report(self, stage: str, done: int = 0, total: int | None = None, cached: int = 0
               ) -> None:
        self._done[stage] = done
        self.send(Event(stage, done, total, cached))

    def advance(self, stage: str, total: int | None = None) -> None:
        """One more of the stage done."""
        self.report(stage, self._done.get(stage, 0) + 1, total)

    def send(self, event: Event) -> None:
        if self.fd is None:
            return
        try:
            os.write(self.fd, encode(event))  # one short line: written whole, never mixed
        except OSError:  # the parent stopped listening; the build goes on without it
            self.fd = None


class Listener:
    """The parent's side: a pipe for a child's events, read on a thread as they come.

        with Listener(display.show) as channel:
            child = subprocess.Popen(..., env={**env, **channel.env}, pass_fds=channel.fds)
            channel.child_started()
            ...
    """

    def __init__(self, on_event: Callable[[Event], None]):
        self.on_event = on_event
        self._read, self._write = os.pipe()
        self.env = {ENVIRONMENT: str(self._write)}
        self.fds = (self._write,)
        self._thread = threading.Thread(target=self._listen, daemon=True)
        self._error: Exception | None = None

    def __enter__(self) -> "Listener":
        self._thread.start()
        return self

    def child_started(self) -> None:
        """Close the parent's write end: the pipe ends when the child does."""
        if self._write is not None:
            os.close(self._write)
            self._write = None

    def __exit__(self, *exc_info) -> None:
        self.child_started()
        self._thread.join()
        if self._error is not None and exc_info[0] is None:
            raise self._error

    def _listen(self) -> None:
        with os.fdopen(self._read, encoding="utf-8", errors="replace") as pipe:
            for line in pipe:  # drained to the end, so that the child never waits on it
                event = decode(line)
                if event is None or self._error is not None:
                    continue
                try:
                    self.on_event(event)
                except Exception as error:  # raised in the parent's thread, after the child
                    self._error = error
