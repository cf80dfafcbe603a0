"""Progress of `make build` and `make bench`: the events a build reports through its pipe, a
bar on one line in a terminal, plain lines in a log, and the one-line summary."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys

from commons.core import progress
from commons.core.progress import Display, Event, Listener, Reporter
from helpers import ROOT, edit, site_pages

BUILD = ROOT / "scripts" / "build.py"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def shown(live: bool, events: list[tuple[float, Event]], columns: int = 200
          ) -> tuple[str, Display]:
    """What a display writes for events, each at its second after the start."""
    clock, stream = Clock(), io.StringIO()
    display = Display(stream, live=live, clock=clock, columns=columns)
    for second, event in events:
        clock.now = 100.0 + second
        display.show(event)
    return stream.getvalue(), display


RENDERING = [(0.0, Event("check")), *((1.0 + n, Event("pages", n, 20)) for n in range(1, 21)),
             (30.0, Event("search"))]


def test_an_event_says_what_is_done_of_how_many():
    assert progress.describe(Event("pages", 512, 1026)) == "rendering pages 512 of 1,026"
    assert (progress.describe(Event("downloads", 11, 12, cached=10))
            == "making downloads 11 of 12 (10 cached)")
    assert progress.describe(Event("search")) == "indexing search"
    assert progress.describe(Event("cold full build")) == "cold full build"  # a bench step


def test_a_log_gets_a_line_per_stage_and_at_most_one_every_few_seconds():
    text, _ = shown(False, RENDERING)
    assert "\r" not in text
    assert text.splitlines() == [
        "[   0.0 s] checking content and data",
        "[   2.0 s] rendering pages 1 of 20",  # the stage starts
        "[   7.0 s] rendering pages 6 of 20",  # five seconds on
        "[  12.0 s] rendering pages 11 of 20",
        "[  17.0 s] rendering pages 16 of 20",
        "[  21.0 s] rendering pages 20 of 20",  # the stage ends
        "[  30.0 s] indexing search",
    ]


def test_a_terminal_gets_one_bar_redrawn_in_place_and_cut_to_its_width():
    text, display = shown(True, RENDERING, columns=50)
    assert "\n" not in text
    draws = text.split(progress.CLEAR_LINE)[1:]
    assert len(draws) == 22  # every event, each a second after the last
    assert draws[10] == "[##########----------] rendering pages 10 of 20  11.0 s"[:49]
    assert all(len(draw) < 50 for draw in draws)
    assert draws[-1] == "indexing search  30.0 s"
    display.close()
    assert display.stream.getvalue().endswith(progress.CLEAR_LINE)  # erased for what follows


def test_a_bar_is_not_redrawn_for_every_page():
    events = [(n / 1000, Event("pages", n, 1000)) for n in range(1, 1001)]
    text, _ = shown(True, events)
    assert text.count(progress.CLEAR_LINE) == 10  # one every tenth of a second


def test_between_events_the_bar_shows_the_latest_and_the_time_now():
    clock, stream = Clock(), io.StringIO()
    display = Display(stream, live=True, clock=clock, columns=200)
    display.show(Event("pages", 1, 10))
    display.show(Event("pages", 2, 10))  # at once: not drawn yet
    clock.now += 3
    display.refresh()
    last = stream.getvalue().split(progress.CLEAR_LINE)[-1]
    assert last.endswith("rendering pages 2 of 10  3.0 s")
    display.close()
    display.refresh()  # an erased bar stays erased
    assert stream.getvalue().endswith(progress.CLEAR_LINE)
    logged, log = shown(False, [(0.0, Event("search"))])
    log.refresh()
    assert log.stream.getvalue() == logged  # a log gets only its lines


def test_a_step_goes_before_the_events_within_it():
    clock, stream = Clock(), io.StringIO()
    display = Display(stream, live=False, clock=clock)
    display.begin_step("large: cold full build")
    display.show(Event("pages", 1, 10))
    display.begin_step("large: full build, downloads cached")
    display.show(Event("pages", 1, 10))  # the same stage in a new step: shown again
    display.note("generated 10 pages")
    assert stream.getvalue().splitlines() == [
        "[   0.0 s] large: cold full build",
        "[   0.0 s] large: cold full build: rendering pages 1 of 10",
        "[   0.0 s] large: full build, downloads cached",
        "[   0.0 s] large: full build, downloads cached: rendering pages 1 of 10",
        "generated 10 pages",
    ]


def test_the_summary_says_how_long_and_what_was_made():
    latest = {"pages": Event("pages", 1026, 1026), "downloads": Event("downloads", 12, 12, 10),
              "search": Event("search", 1026, 1026), "publish": Event("publish")}
    assert progress.summary("site/", 41.23, latest) == (
        "built site/ in 41.2 s: 1,026 pages, 12 downloads (10 cached), "
        "search 1,026 pages indexed")
    one = {"pages": Event("pages", 1, 1), "downloads": Event("downloads", 0, 0)}
    assert (progress.summary("out/", 1.0, one)
            == "built out/ in 1.0 s: 1 page, 0 downloads (0 cached)")
    assert progress.summary("site/", 2.0, {}) == "built site/ in 2.0 s"


def test_events_cross_the_pipe_and_nothing_else_does():
    event = Event("downloads", 3, 12, 2)
    assert progress.decode(progress.encode(event).decode()) == event
    assert progress.decode("INFO    -  Documentation built\n") is None
    assert progress.decode('{"stage": "pages"}') is None
    received: list[Event] = []
    with Listener(received.append) as channel:
        reporter = Reporter.from_environment(channel.env)
        reporter.report("read", 0, 2)
        reporter.advance("read", 2)
        reporter.advance("read", 2)
        os.write(channel.fds[0], b"not an event\n")
        channel.child_started()
        reporter.fd = None  # the child's own copy, which a child closes when it ends
    assert received == [Event("read", 0, 2), Event("read", 1, 2), Event("read", 2, 2)]


def test_without_a_pipe_a_build_reports_nothing(tmp_path):
    assert Reporter.from_environment({}).fd is None
    assert Reporter.from_environment({progress.ENVIRONMENT: "not a number"}).fd is None
    with (tmp_path / "some-file").open("w") as other:  # a variable left over in a shell
        reporter = Reporter.from_environment({progress.ENVIRONMENT: str(other.fileno())})
        assert reporter.fd is None
        reporter.report("pages", 1, 2)
    assert (tmp_path / "some-file").read_text() == ""


def test_a_build_in_a_log_prints_each_stage_then_the_summary(mini, tmp_path):
    site = tmp_path / "out" / "site"
    result = subprocess.run([sys.executable, str(BUILD), "--root", str(mini),
                             "--site-dir", str(site)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stderr
    lines = result.stderr.splitlines()
    stages = [line.split("] ", 1)[1] for line in lines if line.startswith("[")]
    pages = site_pages(site)
    assert pages > 30
    expected = ("starting the build", "checking content and data", "making downloads",
                f"reading pages 0 of {pages}", f"rendering pages {pages} of {pages}",
                "indexing search", f"indexing search {pages} of {pages}", "publishing")
    firsts = [next((n for n, stage in enumerate(stages) if stage.startswith(text)), -1)
              for text in expected]
    assert -1 not in firsts and firsts == sorted(firsts), stages
    assert "INFO    -  Documentation built in" in result.stderr  # MkDocs' own output, kept
    assert '"stage"' not in result.stderr  # the events go through their own pipe
    assert lines[-1].startswith("built out/site/ in ")
    assert lines[-1].endswith(f" s: {pages} pages, 3 downloads (0 cached), "
                              f"search {pages} pages indexed")


def test_a_build_in_a_terminal_draws_its_bar_on_one_line(mini, tmp_path):
    terminal, stderr = pty.openpty()
    child = subprocess.Popen([sys.executable, str(BUILD), "--root", str(mini),
                              "--site-dir", str(tmp_path / "site")],
                             stdout=subprocess.DEVNULL, stderr=stderr, cwd=tmp_path)
    os.close(stderr)
    written = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # the child has ended and closed its side
            break
        if not chunk:
            break
        written += chunk
    os.close(terminal)
    assert child.wait() == 0, written.decode()
    text = written.decode()
    bar, rest = text.split("INFO ", 1)  # the bar until the build is done, then MkDocs' output
    assert "\n" not in bar
    assert bar.count(progress.CLEAR_LINE) >= 5
    assert "rendering pages" in bar and "] " in bar
    assert bar.endswith(progress.CLEAR_LINE)  # erased before anything else is written
    assert rest.splitlines()[-1].startswith("built site/ in ")


def test_a_failed_build_still_says_every_problem_and_that_nothing_was_published(mini, tmp_path):
    edit(mini / "content/policies/learning.md", "owner: Learning Circle", "owner: no")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, str(BUILD), "--root", str(mini),
                             "--site-dir", str(site)], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode != 0
    assert "1 problem(s) in content and data; nothing was built" in result.stderr
    assert "content/policies/learning.md:6: 'owner' expected text" in result.stderr
    assert result.stderr.splitlines()[-1] == "build failed; site/ was left as it was"
    assert "built site/" not in result.stderr and not site.exists()

