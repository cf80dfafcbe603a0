"""The download cache: a rebuild with nothing changed runs no pandoc; a changed toolkit,
or a changed image, makes only its own files again; the export settings are in the key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest
from commons.export import pandoc
from commons.export.build import export_all
from commons.export.formats import Style
from commons.load.settings import Settings
from commons.pipeline import load
from helpers import edit

EXPORT = Path(__file__).resolve().parent / "fixtures" / "export"
SETTINGS = Settings(today=dt.date(2026, 6, 1), site_url="https://commons.example.org/")


def export(root: Path, style: Style | None = None) -> dict[str, bytes]:
    loaded = load(root)
    downloads, problems = export_all(list(loaded.commons.pages.values()), root / "content", root / ".cache",
                                     SETTINGS, style)
    assert problems == []
    return {d.src_uri: d.data for d in downloads}


def made_again(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {uri for uri in after if before.get(uri) != after[uri]}


@pytest.fixture
def pandoc_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every pandoc command run while the test runs."""
    calls: list[list[str]] = []
    real = pandoc.run_tool

    def counted(command: list[str], tool: str, *args, **kwargs) -> bytes:
        if tool == "pandoc":
            calls.append(command)
        return real(command, tool, *args, **kwargs)

    monkeypatch.setattr(pandoc, "run_tool", counted)
    return calls


@pytest.fixture
def commons(mini: Path) -> Path:
    shutil.copytree(EXPORT / "content", mini / "content", dirs_exist_ok=True)
    return mini


def test_cache_runs_no_pandoc_when_nothing_changed_and_only_the_changed_toolkit(
        commons: Path, caplog: pytest.LogCaptureFixture,
        pandoc_calls: list) -> None:
    first = export(commons)
    assert len(first) == 10

    calls = len(pandoc_calls)
    assert export(commons) == first
    assert len(pandoc_calls) == calls  # no pandoc at all on a rebuild

    edit(commons / "content" / "toolkits" / "team-huddles" / "index.md",
         "Write one line in the learning log.", "Write two lines in the learning log.")
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.commons.downloads")
    third = export(commons)
    assert len(pandoc_calls) - calls == 3  # PDF (to typst), DOCX and EPUB of that toolkit
    assert made_again(first, third) == {f"downloads/team-huddles-2.1.{e}"
                                        for e in ("pdf", "docx", "epub")}
    assert "downloads: 7 from the cache, making 3" in caplog.text
    assert "downloads: 3 of 3 made" in caplog.text
    entries = sorted(p.name for p in (commons / ".cache" / "team-huddles").iterdir())
    assert len(entries) == 3  # the old entries were replaced, not kept


def test_a_changed_image_or_card_remakes_only_what_holds_it(
        commons: Path, caplog: pytest.LogCaptureFixture,
        pandoc_calls: list) -> None:
    export(commons)
    image = commons / "content" / "toolkits" / "team-huddles" / "flow.png"
    image.write_bytes(image.read_bytes() + b"\0")  # same picture, different file
    edit(commons / "content" / "toolkits" / "reflection-cards" / "index.md",
         "one place.", "one shared place.")
    calls = len(pandoc_calls)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.commons.downloads")
    export(commons)
    assert "downloads: 3 from the cache, making 7" in caplog.text  # not card-pack's 3
    assert len(pandoc_calls) - calls == 7
    for name in ("team-huddles PDF", "reflection-cards Printable cards (PDF)"):
        assert name in caplog.text
    assert "card-pack" not in caplog.text


def test_export_settings_are_part_of_the_key(commons: Path, pandoc_calls: list) -> None:
    first = export(commons)
    calls = len(pandoc_calls)
    after = export(commons, dataclasses.replace(Style(), primary="#123456"))
    assert len(pandoc_calls) - calls >= len(first)  # every file made again
    coloured = {u for u in first if u.endswith((".docx", ".0.pdf", ".1.pdf"))}
    assert len(coloured) == 6 and coloured <= made_again(first, after)
