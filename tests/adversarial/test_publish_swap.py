"""Publishing that a web server can serve at every instant: site/ is replaced in one step,
with ordinary permissions, and what a killed build left behind is removed by the next."""

from __future__ import annotations

import stat
import threading
from pathlib import Path

from commons.publish import build_atomically, remove_leftovers, swap_in


def _site(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_the_site_is_there_at_every_instant_of_a_swap(tmp_path):
    site = _site(tmp_path / "site", "0")
    missing, stop = [], threading.Event()

    def reader():
        while not stop.is_set():
            if not (site / "index.html").exists():
                missing.append(1)

    poller = threading.Thread(target=reader)
    poller.start()
    try:
        for number in range(1, 300):
            swap_in(_site(tmp_path / f"staging-{number}", str(number)), site)
    finally:
        stop.set()
        poller.join()
    assert missing == []
    assert (site / "index.html").read_text(encoding="utf-8") == "299"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # old sites removed


def test_a_built_site_has_ordinary_permissions(mini_site: Path):
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [mini_site, *mini_site.rglob("*")]
             if p.is_dir()}
    files = {stat.S_IMODE(p.stat().st_mode) for p in mini_site.rglob("*") if p.is_file()}
    assert (modes, files) == ({0o755}, {0o644})


def test_what_a_killed_build_left_is_removed_but_not_a_running_builds(tmp_path):
    dead = tmp_path / ".site-build-999999999-abcd"  # no process has this id
    legacy = tmp_path / ".site-old-xyz"
    running = tmp_path / f".site-build-{__import__('os').getpid()}-live"
    for folder in (dead, legacy, running):
        folder.mkdir()
    remove_leftovers(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [running.name]


def test_an_output_folder_that_cannot_be_made_is_one_clear_message(mini, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the site's folder should be", encoding="utf-8")
    result = build_atomically(mini, site_dir=blocker / "site")
    assert result.returncode == 1
    assert result.stderr.startswith(f"cannot write the site into {blocker}: ")
    assert "Traceback" not in result.stderr
