"""`make bench`: build a large generated commons and print how the pipeline scales.

    python scripts/bench.py [--size small|medium|large] [--seed N] [--keep DIR]

Generates a commons deterministically into a temporary folder (see benchlib/fixture.py) and
measures, in the same run: `make check` time (median of 3), a cold full build (downloads
made), a warm build (downloads from the cache), the same authored pages built by stock
Material with no project hooks, peak memory, output size, the bytes of a first search and of
a content page's first visit, the build time of a commons half the size (doubling), the check
on 1 MB lines of each check's worst pattern, and the events work at 1,000 and 10,000 rows.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import bounds, fixture  # noqa: E402
from benchlib.searchprobe import first_search_bytes  # noqa: E402
from benchlib.sizes import first_visit_bytes, html_pages, stock_search_bytes, tree_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HALF = {"large": "medium", "medium": "small", "small": "eighth"}
SEARCH_QUERY = "safeguarding"
TARGETS = {"ratio": 1.15, "doubling": 2.2, "check": 5.0, "search_kb": 250, "visit_kb": 350,
           "memory_mb": 1536}


@dataclass
class Run:
    seconds: float
    peak_mb: float


def timed(command: list[str], cwd: Path, env: dict[str, str], must_pass: bool = True) -> Run:
    """Run a command; its wall time and the peak memory of it and everything it started."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if must_pass and os.waitstatus_to_exitcode(status) != 0:
        sys.stderr.write(output.decode("utf-8", "replace")[-6000:])
        raise SystemExit(f"failed: {' '.join(command)}")
    return Run(seconds, usage.ru_maxrss / 1024)


def bench_env() -> dict[str, str]:
    epoch = int(dt.datetime.combine(fixture.BENCH_DAY, dt.time(),
                                    tzinfo=dt.timezone.utc).timestamp())
    return {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1",
            "PYTHONDONTWRITEBYTECODE": "1"}


def pipeline_build(root: Path, site: Path, env: dict[str, str]) -> Run:
    code = ("import sys; from pathlib import Path; from commons.publish import build_atomically;"
            "r = build_atomically(Path(sys.argv[1]), site_dir=Path(sys.argv[2]));"
            "sys.stderr.write(r.stderr if r.returncode else ''); sys.exit(r.returncode)")
    return timed([sys.executable, "-c", code, str(root), str(site)], root, env)


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


def stock_build(root: Path, site: Path, env: dict[str, str]) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet",
                  "--config-file", str(stock_config(root)), "--site-dir", str(site)], root, env)


def check_runs(root: Path, env: dict[str, str], runs: int = 3, must_pass: bool = True) -> float:
    command = [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root)]
    return statistics.median(timed(command, root, env, must_pass).seconds for _ in range(runs))


def events_build(root: Path, env: dict[str, str]) -> Run:
    """What a build does with the events table: load and check, then What's on's pages and
    the calendars."""
    code = ("import sys; from pathlib import Path; from commons.pipeline import load;"
            "from commons.generate.calendar import generate_calendars;"
            "l = load(Path(sys.argv[1])); assert l.ok, [p.text() for p in l.problems][:3];"
            "from commons.pipeline import settings_of;"
            "generate_calendars(l.commons, settings_of(Path(sys.argv[1]))[0])")
    return timed([sys.executable, "-c", code, str(root)], root, env)


def hostile_rows(work: Path, seed: int, env: dict[str, str]) -> list[tuple[str, str, str]]:
    """The checks on 1 MB lines of their worst patterns, and events at 1k and 10k rows."""
    base = work / "hostile-base"
    fixture.generate(base, "tiny", seed)
    plain = check_runs(base, env)
    lines = {unit: check_runs(bounds.commons_with_line(base, work / f"line-{n}", unit), env, 1,
                              must_pass=False)  # a line may be a problem; its time counts
             for n, unit in enumerate(bounds.WORST_LINES)}
    worst = max(lines, key=lines.get)
    roots = {count: bounds.commons_with_events(base, work / f"events-{count}", count)
             for count in (1000, 10000)}
    events = {count: statistics.median(events_build(root, env).seconds for _ in range(3))
              for count, root in roots.items()}
    return [
        ("check, 1 MB line of each check's worst pattern",
         f"median {statistics.median(lines.values()):.2f} s, worst {lines[worst]:.2f} s "
         f"({worst.strip() or repr(worst)!r}), {len(lines)} patterns; without: {plain:.2f} s", ""),
        ("events 1k -> 10k rows: check, What's on, calendars (median of 3)",
         f"{events[1000]:.2f} s -> {events[10000]:.2f} s = "
         f"{events[10000] / events[1000]:.2f}x for 10x the rows", ""),
    ]


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


def measure(size: str, seed: int, work: Path) -> list[tuple[str, str, str]]:
    env = bench_env()
    root, half_root = work / size, work / HALF[size]
    counts = fixture.generate(root, size, seed)
    fixture.generate(half_root, HALF[size], seed)
    authored = sum(counts.pages.values())
    print(f"generated {authored} pages, {counts.teachers} teachers, {counts.partners} partners,"
          f" {counts.regions} regions in {root}", file=sys.stderr)

    check = check_runs(root, env)
    cold = pipeline_build(root, work / "site-cold", env)
    shutil.rmtree(work / "site-cold")
    # The half-size commons' toolkits are the same files, so their downloads are cached too.
    shutil.copytree(root / ".cache", half_root / ".cache", dirs_exist_ok=True)
    warm = pipeline_build(root, work / "site", env)
    half = pipeline_build(half_root, work / "site-half", env)
    stock = stock_build(root, work / "site-stock", env)

    site, stock_site = work / "site", work / "site-stock"
    pages, stock_pages = html_pages(site), html_pages(stock_site)
    ratio = (warm.seconds / pages) / (stock.seconds / stock_pages)
    doubling = warm.seconds / half.seconds
    search, _ = first_search_bytes(site, SEARCH_QUERY, with_filters=True)
    stock_search = stock_search_bytes(stock_site)
    sample = sorted((site / "policies").glob("*/index.html"))[0]
    visit = first_visit_bytes(site, sample)
    peak = max(cold.peak_mb, warm.peak_mb)
    kb = 1024

    def verdict(value: float, target: float) -> str:
        return f"ok (<= {target:g})" if value <= target else f"MISSED (target {target:g})"

    return [
        ("commons", f"{authored} authored pages, {counts.teachers} teachers, "
                    f"{counts.partners} partners, {counts.regions} regions", ""),
        ("output pages", f"{pages} (stock Material: {stock_pages})", ""),
        ("check (median of 3)", f"{check:.2f} s", verdict(check, TARGETS["check"])),
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
        *hostile_rows(work, seed, env),
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
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="commons-bench-"))
    started = time.perf_counter()
    try:
        rows = measure(args.size, args.seed, work)
    finally:
        if args.keep:
            shutil.copytree(work, args.keep, dirs_exist_ok=True)
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nBenchmark, size {args.size}, seed {args.seed}, on {machine()}; "
          f"{time.perf_counter() - started:.0f} s in all\n")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
