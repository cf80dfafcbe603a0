"""The benchmark's generated commons: valid, deterministic, and scaled by size."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import sys
from pathlib import Path

import pytest
import yaml
from commons.core.problems import errors
from commons.core.progress import Display
from commons.pipeline import load
from helpers import ROOT, site_pages

sys.path.insert(0, str(ROOT / "scripts"))
import bench  # noqa: E402
from benchlib import fixture, sizes  # noqa: E402


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "tiny"
    fixture.generate(root, "tiny", seed=6)
    return root


def test_the_tiny_commons_loads_without_errors(tiny, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", bench.bench_env()["SOURCE_DATE_EPOCH"])
    loaded = load(tiny)
    assert [p.text() for p in errors(loaded.problems)] == []
    kinds = {p.type for p in loaded.commons.pages.values()}
    assert {"policy", "pathway", "toolkit", "session"} <= kinds
    assert any(not t.listed for t in loaded.commons.teachers.values())


def test_the_same_seed_gives_the_same_files(tiny, tmp_path):
    fixture.generate(tmp_path / "again", "tiny", seed=6)
    assert tree(tmp_path / "again") == tree(tiny)
    fixture.generate(tmp_path / "other", "tiny", seed=7)
    assert tree(tmp_path / "other") != tree(tiny)


def test_every_table_of_the_data_package_is_written(tiny):
    package = yaml.safe_load((ROOT / "data/datapackage.yaml").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert (tiny / "data" / resource["path"]).is_file(), resource["name"]
        assert (tiny / "data" / resource["schema"]).is_file(), resource["name"]


def test_sizes_double_and_large_meets_the_issue():
    large, medium, small = (fixture.scaled(s) for s in ("large", "medium", "small"))
    authored = sum(large[k] for k in ("policy", "pathway", "toolkit", "session"))
    assert authored >= 2000
    assert large["teachers"] == 1000 and large["partners"] == 300 and large["pathway"] == 60
    for key in large:
        assert medium[key] * 2 == large[key] and small[key] * 4 == large[key], key


def test_toolkits_are_the_same_at_every_size(tmp_path):
    """So the half-size commons reuses the large one's downloads cache."""
    fixture.generate(tmp_path / "small", "small", seed=6)
    fixture.generate(tmp_path / "tinier", "tiny", seed=6)
    for page in (tmp_path / "tinier/content/toolkits").glob("*.md"):
        assert page.read_bytes() == (tmp_path / "small/content/toolkits" / page.name).read_bytes()


def test_most_generated_teachers_consent(tmp_path):
    fixture.generate(tmp_path / "small", "small", seed=6)
    with (tmp_path / "small/data/teachers.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 250
    listed = sum(r["listed"] == "yes" for r in rows)
    assert 0.8 * len(rows) < listed < len(rows)


def test_stock_config_has_no_project_hooks(tiny):
    config = yaml.safe_load(bench.stock_config(tiny).read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
    assert config["plugins"] == ["search"]
    assert config["docs_dir"] == "content"


def test_first_visit_counts_the_page_and_what_it_loads(tmp_path):
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    (site / "a").mkdir()
    (site / "assets/x.css").write_text("body{background:url(bg.png)}", encoding="utf-8")
    (site / "assets/bg.png").write_bytes(os.urandom(2000))
    (site / "assets/x.js").write_text("var a = 1;", encoding="utf-8")
    page = site / "a/index.html"
    page.write_text('<link rel="stylesheet" href="../assets/x.css"><link rel="canonical" '
                    'href="https://example.org/a/"><script src="../assets/x.js"></script>',
                    encoding="utf-8")
    assets = sizes.page_assets(site, page)
    assert [a.name for a in assets] == ["bg.png", "x.css", "x.js"]
    assert sizes.first_visit_bytes(site, page) > 2000


def test_the_table_lists_every_measure():
    text = bench.table([("check", "1.0 s", "ok"), ("first search", "90 KB", "ok")])
    assert text.splitlines()[0].startswith("| measure")
    assert "| first search | 90 KB " in text


def test_a_bench_build_shows_its_step_and_the_builds_own_progress(mini, tmp_path):
    stream = io.StringIO()
    display = Display(stream, live=False)
    display.begin_step("mini: cold full build")
    run = bench.pipeline_build(mini, tmp_path / "site", dict(os.environ), display)
    lines = stream.getvalue().splitlines()
    assert lines[0].endswith("] mini: cold full build")
    assert any(line.endswith("] mini: cold full build: starting the build") for line in lines)
    rendered = [re.search(r"rendering pages (\d+) of (\d+)$", line) for line in lines]
    pages = str(site_pages(tmp_path / "site"))
    assert [m.groups() for m in rendered if m][-1] == (pages, pages)
    assert lines[-1].endswith("] mini: cold full build: publishing")
    assert run.seconds > 0 and run.peak_mb > 0


def test_the_check_runs_are_counted(mini):
    stream = io.StringIO()
    display = Display(stream, live=False, clock=lambda: 0.0)  # only where stages start and end
    page = sorted((mini / "content/policies").glob("*.md"))[0]
    before = page.read_bytes()
    bench.check_runs(mini, dict(os.environ), display, runs=2)
    assert [line.split("] ")[1] for line in stream.getvalue().splitlines()] == [
        "checking content and data 0 of 4", "checking content and data 4 of 4"]
    assert page.read_bytes() == before
    assert (mini / ".cache/check/pages.pickle").is_file()  # the warm runs used the cache


def test_check_rows_hold_the_targets():
    cold, warm = bench.check_rows(4.9, 2.1)
    assert cold[2] == "ok (<= 5)" and warm[2] == "MISSED (target 2)"
    assert [row[2] for row in bench.check_rows(5.1, 1.9)] == ["MISSED (target 5)", "ok (<= 2)"]


def test_the_preview_is_timed_from_start_and_from_each_save_to_the_page_showing_it(tmp_path):
    """Not a timed test: the harness's figures exist, and each edit was seen in its page."""
    from benchlib import preview_timing

    root = bench.shipped_copy(tmp_path / "shipped")
    timings = preview_timing.measure(root, tmp_path / "preview", bench.bench_env(),
                                     fixture.BENCH_DAY, edits=2)
    assert timings.startup > 0 and timings.restart > 0
    assert {kind: len(times) for kind, times in timings.edits.items()} == {
        "page": 2, "teacher row": 2, "event row": 2}
    policy = sorted((root / "content" / "policies").glob("*.md"))[0]
    assert policy.read_text(encoding="utf-8").endswith("\n\nBench edit 2.\n")
    assert "Bench edit 1" not in policy.read_text(encoding="utf-8")
