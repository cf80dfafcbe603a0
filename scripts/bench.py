"""`make bench`: build a large generated commons and print how the pipeline scales.

    python scripts/bench.py [--size small|medium|large] [--seed N] [--keep DIR] [--edits N]

Generates a commons deterministically into a temporary folder (see benchlib/fixture.py) and
measures, in the same run: `make check` time with no cache and with the cache after one page
was edited (median of 3 each; the builds start without the check's cache), a cold full build
(downloads made), a warm build (downloads from the cache), the same authored pages built by stock
Material with no project hooks, peak memory, output size, the bytes of a first search and of
a content page's first visit, the build time of a commons half the size (doubling), and the
preview's figures on this commons and on the shipped one (benchlib/preview_timing.py): start
to first page, and save to page shown for a page, a teacher row and an event row; the check
on 1 MB lines of each check's worst pattern, and the events work at 1,000 and 10,000 rows.
Shows which step it is on as it goes, the builds' own progress within them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml
from commons.core.progress import Display, Event, Listener

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import bounds, fixture, preview_timing  # noqa: E402
from benchlib.searchprobe import first_search_bytes  # noqa: E402
from benchlib.sizes import first_visit_bytes, html_pages, stock_search_bytes, tree_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HALF = {"large": "medium", "medium": "small", "small": "eighth"}
SEARCH_QUERY = "safeguarding"
TARGETS = {"ratio": 1.15, "doubling": 2.2, "check": 5.0, "check_warm": 2.0, "search_kb": 250,
           "visit_kb": 350, "memory_mb": 1536,
           # the preview: its first page on the shipped commons; an edit shown (median)
           "serve_start": 3.0, "edit_shipped": 1.0, "edit_large": 2.0}


@dataclass
class Run:
    seconds: float
    peak_mb: float


def timed(command: list[str], cwd: Path, env: dict[str, str], display: Display,
          must_pass: bool = True) -> Run:
    """Run a command, showing the progress it reports; its wall time and the peak memory of
    it and everything it started."""
    started = time.perf_counter()
    with Listener(display.show) as channel:
        process = subprocess.Popen(command, cwd=cwd, env={**env, **channel.env},
                                   pass_fds=channel.fds, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT)
        channel.child_started()
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if must_pass and os.waitstatus_to_exitcode(status) != 0:
        display.close()
        sys.stderr.write(output.decode("utf-8", "replace")[-6000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    return Run(seconds, usage.ru_maxrss / 1024)


def bench_env() -> dict[str, str]:
    epoch = int(dt.datetime.combine(fixture.BENCH_DAY, dt.time(),
                                    tzinfo=dt.timezone.utc).timestamp())
    return {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1"}


def pipeline_build(root: Path, site: Path, env: dict[str, str], display: Display) -> Run:
    """`make build` of root, in a process of its own (for its peak memory) that passes the
    build's progress on to the benchmark's display."""
    code = ("import os, sys; from pathlib import Path;"
            "from commons.core.progress import Reporter;"
            "from commons.publish import build_atomically;"
            "relay = Reporter.from_environment(os.environ).send;"
            "r = build_atomically(Path(sys.argv[1]), site_dir=Path(sys.argv[2]), progress=relay);"
            "sys.stderr.write(r.stderr if r.returncode else ''); sys.exit(r.returncode)")
    return timed([sys.executable, "-c", code, str(root), str(site)], root, env, display)


def stock_config(root: Path) -> Path:
    """The same pages and Markdown extensions for stock Material: no hooks, no overrides,
    Material's own search plugin."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "extra_css", "extra_javascript", "watch", "extra", "validation"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["theme"]["palette"] = {"scheme": "default"}
    config["plugins"] = ["search"]
    config["strict"] = False
    path = root / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def stock_build(root: Path, site: Path, env: dict[str, str], display: Display) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet",
                  "--config-file", str(stock_config(root)), "--site-dir", str(site)], root, env,
                 display)


def check_runs(root: Path, env: dict[str, str], display: Display, runs: int = 3
               ) -> tuple[float, float]:
    """Median seconds of `make check` with no cache, and with the cache after one page was
    edited (a sentence added, different each run); the page is left as it was."""
    command = [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root)]
    total, done = 2 * runs, 0
    display.show(Event("check", 0, total))
    cold = []
    for _ in range(runs):
        cold.append(timed([*command, "--no-cache"], root, env, display).seconds)
        done += 1
        display.show(Event("check", done, total))
    timed(command, root, env, display)  # fills the cache
    page = sorted((root / "content/policies").glob("*.md"))[0]
    original = page.read_bytes()
    warm = []
    try:
        for run in range(runs):
            page.write_bytes(original + f"\nEdited for run {run + 1} of the benchmark.\n".encode())
            warm.append(timed(command, root, env, display).seconds)
            done += 1
            display.show(Event("check", done, total))
    finally:
        page.write_bytes(original)
    return statistics.median(cold), statistics.median(warm)


def plain_check(root: Path, env: dict[str, str], display: Display, runs: int = 3,
                must_pass: bool = True) -> float:
    """Median seconds of `make check` with no cache."""
    command = [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root), "--no-cache"]
    return statistics.median(timed(command, root, env, display, must_pass).seconds
                             for _ in range(runs))


def events_build(root: Path, env: dict[str, str], display: Display) -> Run:
    """What a build does with the events table: load and check, then What's on's pages and
    the calendars."""
    code = ("import sys; from pathlib import Path; from commons.pipeline import load;"
            "from commons.generate.calendar import generate_calendars;"
            "l = load(Path(sys.argv[1])); assert l.ok, [p.text() for p in l.problems][:3];"
            "from commons.pipeline import settings_of;"
            "generate_calendars(l.commons, settings_of(Path(sys.argv[1]))[0])")
    return timed([sys.executable, "-c", code, str(root)], root, env, display)


def hostile_rows(work: Path, seed: int, env: dict[str, str], display: Display
                 ) -> list[tuple[str, str, str]]:
    """The checks on 1 MB lines of their worst patterns, and events at 1k and 10k rows."""
    base = work / "hostile-base"
    fixture.generate(base, "tiny", seed)
    plain = plain_check(base, env, display)
    lines = {unit: plain_check(bounds.commons_with_line(base, work / f"line-{n}", unit), env,
                               display, 1, must_pass=False)  # a line may be a problem
             for n, unit in enumerate(bounds.WORST_LINES)}
    worst = max(lines, key=lines.get)
    roots = {count: bounds.commons_with_events(base, work / f"events-{count}", count)
             for count in (1000, 10000)}
    events = {count: statistics.median(events_build(root, env, display).seconds
                                       for _ in range(3))
              for count, root in roots.items()}
    return [
        ("check, 1 MB line of each check's worst pattern",
         f"median {statistics.median(lines.values()):.2f} s, worst {lines[worst]:.2f} s "
         f"({worst.strip() or repr(worst)!r}), {len(lines)} patterns; without: {plain:.2f} s",
         ""),
        ("events 1k -> 10k rows: check, What's on, calendars (median of 3)",
         f"{events[1000]:.2f} s -> {events[10000]:.2f} s = "
         f"{events[10000] / events[1000]:.2f}x for 10x the rows", ""),
    ]


def check_rows(cold: float, warm: float) -> list[tuple[str, str, str]]:
    return [("check, no cache (median of 3)", f"{cold:.2f} s", verdict(cold, TARGETS["check"])),
            ("check, one page edited (median of 3)", f"{warm:.2f} s",
             verdict(warm, TARGETS["check_warm"]))]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def measure(size: str, seed: int, work: Path, display: Display, edits: int = 20
            ) -> list[tuple[str, str, str]]:
    env = bench_env()
    root, half_root = work / size, work / HALF[size]
    display.begin_step(f"{size}: generating the commons")
    counts = fixture.generate(root, size, seed)
    fixture.generate(half_root, HALF[size], seed)
    authored = sum(counts.pages.values())
    display.note(f"generated {authored} pages, {counts.teachers} teachers, {counts.partners} "
                 f"partners, {counts.regions} regions in {root}")

    display.begin_step(f"{size}: make check")
    check_cold, check_warm = check_runs(root, env, display)
    # The builds below start without the check's cache, as they did before there was one,
    # so that the large and the half-size build compare like with like.
    shutil.rmtree(root / ".cache/check")
    display.begin_step(f"{size}: cold full build")
    cold = pipeline_build(root, work / "site-cold", env, display)
    shutil.rmtree(work / "site-cold")
    shutil.rmtree(root / ".cache/check")
    # The half-size commons' toolkits are the same files, so their downloads are cached too.
    shutil.copytree(root / ".cache", half_root / ".cache", dirs_exist_ok=True)
    display.begin_step(f"{size}: full build, downloads cached")
    warm = pipeline_build(root, work / "site", env, display)
    display.begin_step(f"{HALF[size]}: full build, downloads cached")
    half = pipeline_build(half_root, work / "site-half", env, display)
    display.begin_step(f"{size}: stock Material build")
    stock = stock_build(root, work / "site-stock", env, display)
    display.begin_step(f"{size}: measuring search and page weight")

    site, stock_site = work / "site", work / "site-stock"
    pages, stock_pages = html_pages(site), html_pages(stock_site)
    ratio = (warm.seconds / pages) / (stock.seconds / stock_pages)
    doubling = warm.seconds / half.seconds
    search, _ = first_search_bytes(site, SEARCH_QUERY, with_filters=True)
    stock_search = stock_search_bytes(stock_site)
    sample = sorted((site / "policies").glob("*/index.html"))[0]
    visit = first_visit_bytes(site, sample)
    peak = max(cold.peak_mb, warm.peak_mb)

    display.begin_step("checks on 1 MB lines, and events at 1k and 10k rows")
    hostile = hostile_rows(work, seed, env, display)
    display.begin_step(f"{size}: the preview, {edits} edits of each kind")
    preview = preview_timing.measure(root, work / "preview", env, fixture.BENCH_DAY, edits)
    display.begin_step(f"shipped commons: the preview, {edits} edits of each kind")
    shipped = preview_timing.measure(shipped_copy(work / "shipped"), work / "preview-shipped",
                                     env, fixture.BENCH_DAY, edits)

    return [
        *build_rows(size, authored, counts, pages, stock_pages, check_cold, check_warm, cold,
                    warm, half, stock,
                    ratio, doubling, peak, site, stock_site, search, stock_search, visit),
        *hostile,
        *preview_rows(size, preview, TARGETS["edit_large"], edits),
        *preview_rows("shipped", shipped, TARGETS["edit_shipped"], edits),
    ]


def verdict(value: float, target: float) -> str:
    return f"ok (<= {target:g})" if value <= target else f"MISSED (target {target:g})"


def preview_rows(label: str, timings: preview_timing.Timings, edit_target: float,
                 edits: int) -> list[tuple[str, str, str]]:
    def first(seconds: float) -> str:  # the target is set for the shipped commons
        return verdict(seconds, TARGETS["serve_start"]) if label == "shipped" else ""

    rows = [(f"{label}: make serve, start to first page", f"{timings.startup:.1f} s",
             first(timings.startup)),
            (f"{label}: make serve again, start to first page", f"{timings.restart:.1f} s",
             first(timings.restart))]
    for kind, seconds in timings.edits.items():
        median, p95 = preview_timing.median_p95(seconds)
        rows.append((f"{label}: {kind} edit to preview (median, p95 of {edits})",
                     f"{median:.2f} s, {p95:.2f} s", verdict(median, edit_target)))
    return rows


def shipped_copy(target: Path) -> Path:
    """The shipped commons' pages and tables, with the project's hooks and theme; its
    downloads' cache too, where there is one."""
    for name in ("content", "data"):
        shutil.copytree(ROOT / name, target / name)
    if (ROOT / ".cache" / "downloads").is_dir():
        shutil.copytree(ROOT / ".cache" / "downloads", target / ".cache" / "downloads")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config.pop("watch", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                       encoding="utf-8")
    return target


def build_rows(size, authored, counts, pages, stock_pages, check_cold, check_warm, cold,
               warm, half, stock,
               ratio, doubling, peak, site, stock_site, search, stock_search, visit
               ) -> list[tuple[str, str, str]]:
    kb = 1024
    return [
        ("commons", f"{authored} authored pages, {counts.teachers} teachers, "
                    f"{counts.partners} partners, {counts.regions} regions", ""),
        ("output pages", f"{pages} (stock Material: {stock_pages})", ""),
        *check_rows(check_cold, check_warm),
        ("cold full build, downloads made", f"{cold.seconds:.1f} s", ""),
        ("full build, downloads cached", f"{warm.seconds:.1f} s", ""),
        ("stock Material build", f"{stock.seconds:.1f} s", ""),
        ("per output page: pipeline / stock",
         f"{warm.seconds / pages * 1000:.1f} ms / {stock.seconds / stock_pages * 1000:.1f} ms"
         f" = {ratio:.2f}x", verdict(ratio, TARGETS["ratio"])),
        (f"doubling ({HALF[size]} -> {size})",
         f"{half.seconds:.1f} s -> {warm.seconds:.1f} s = {doubling:.2f}x",
         verdict(doubling, TARGETS["doubling"])),
        ("peak memory of a build", f"{peak:.0f} MB", verdict(peak, TARGETS["memory_mb"])),
        ("output size", f"{tree_bytes(site) / kb / kb:.1f} MB "
                        f"(stock: {tree_bytes(stock_site) / kb / kb:.1f} MB)", ""),
        (f"first search '{SEARCH_QUERY}' (gzip)",
         f"{search / kb:.0f} KB (stock Material: {stock_search / kb:.0f} KB)",
         verdict(search / kb, TARGETS["search_kb"])),
        ("content page first visit (gzip)", f"{visit / kb:.0f} KB",
         verdict(visit / kb, TARGETS["visit_kb"])),
    ]


def table(rows: list[tuple[str, str, str]]) -> str:
    widths = [max(len(r[i]) for r in rows + [("measure", "value", "target")])
              for i in range(3)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(("measure", "value", "target"),
                                                            widths)) + " |",
             "| " + " | ".join("-" * w for w in widths) + " |"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"
              for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=("small", "medium", "large"), default="large")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", type=Path, help="keep the generated commons and sites here")
    parser.add_argument("--edits", type=int, default=20,
                        help="edits of each kind timed in the preview (default 20)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="commons-bench-"))
    started = time.perf_counter()
    display = Display(sys.stderr)
    try:
        with display.ticking():
            rows = measure(args.size, args.seed, work, display, args.edits)
    finally:
        display.close()
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nBenchmark, size {args.size}, seed {args.seed}, on {machine()}; "
          f"{time.perf_counter() - started:.0f} s in all\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
