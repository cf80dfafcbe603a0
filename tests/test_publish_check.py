"""The publish check (`make check ARGS="--publish"`, CM401): every placeholder in the shipped
commons at its exact place; nothing on a commons with real-looking details; never without
--publish."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from commons.pipeline import load
from commons.rules.publish import example_address, is_example_host
from helpers import ROOT, edit


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("publish") / "commons"
    for folder in ("content", "data"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def line_of(path: Path, text: str) -> int:
    [number] = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line]
    return number


def test_every_placeholder_of_the_shipped_commons_at_its_place(shipped: Path) -> None:
    found = [p for p in load(shipped, publish=True).problems if p.code == "CM401"]
    places = {(p.path, p.line, p.row, p.field) for p in found}
    config, package = shipped / "mkdocs.yml", shipped / "data/datapackage.yaml"
    for key, text in (("sample_data", "sample_data: true"),
                      ("organisation.name", "name: Learning Commons Co-operative (example)"),
                      ("organisation.email", "email: learning@learning-commons.example.org"),
                      ("organisation.address", "address: Example House"),
                      ("public_contacts.0", "public_contacts: [")):
        assert ("mkdocs.yml", line_of(config, text), None, f"extra.commons.{key}") in places
    assert ("data/datapackage.yaml", line_of(package, "path: https://learning-commons.example"),
            None, "licenses.path") in places
    events = (shipped / "data/events.csv").read_text(encoding="utf-8").splitlines()
    for row, line in enumerate(events[1:], start=2):
        if "@learning-commons.example.org" in line:
            assert ("data/events.csv", None, row, "contact") in places, row
        if "(sample venue)" in line:
            assert ("data/events.csv", None, row, "venue") in places, row
    teachers = (shipped / "data/teachers.csv").read_text(encoding="utf-8").splitlines()
    for row, line in enumerate(teachers[1:], start=2):
        if line.endswith("@example.org"):
            assert ("data/teachers.csv", None, row, "contact") in places, row
    assert all(p.severity == "error" and p.hint for p in found)
    assert len(found) == len(places)  # each placeholder named once


def test_without_publish_the_shipped_commons_passes(shipped: Path) -> None:
    loaded = load(shipped)
    assert loaded.ok and not [p for p in loaded.problems if p.code == "CM401"]


@pytest.fixture
def real(mini: Path) -> Path:
    """The mini commons with real-looking details in place of every example."""
    config = mini / "mkdocs.yml"
    edit(config, "sample_data: true", "sample_data: false")
    edit(config, "name: Learning Commons Co-operative (example)",
         "name: Riverside Care Co-operative")
    edit(config, "address: Example House, 1 Sample Street, Exampletown (example address)",
         "address: 2 Mill Lane, Leek ST13 5AA")
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("learning@learning-commons.example.org",
                                   "learning@riverside.coop"), encoding="utf-8")
    events = mini / "data/events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(
        "https://book.example.org/", "https://riverside.coop/book/"), encoding="utf-8")
    edit(mini / "data/teachers.csv", "ben@example.org", "ben.carr@riverside.coop")
    edit(mini / "data/datapackage.yaml", "https://learning-commons.example.org/",
         "https://learning.riverside.coop/")
    return mini


def test_a_commons_with_real_details_passes(real: Path) -> None:
    loaded = load(real, publish=True)
    assert loaded.ok, [p.text() for p in loaded.problems]


@pytest.mark.parametrize(("old", "new", "field"), [
    ("https://riverside.coop/book/care-act-2027-03", "https://tickets.example/care-act",
     "booking"),
    ("https://riverside.coop/book/care-act-2027-03", "https://www.example.com/book", "booking"),
    ('"Civic Centre, Glebe Street, Stoke-on-Trent"', '"Hall (sample venue), Leek"', "venue"),
])
def test_an_example_in_events_is_named_by_row_and_field(real: Path, old: str, new: str,
                                                        field: str) -> None:
    edit(real / "data/events.csv", old, new)
    [problem] = [p for p in load(real, publish=True).problems if p.code == "CM401"]
    assert (problem.path, problem.row, problem.field) == ("data/events.csv", 3, field)


def test_example_hosts() -> None:
    assert all(is_example_host(h) for h in ("example.org", "book.example.org", "example.com",
                                            "x.example", "EXAMPLE.NET"))
    assert not any(is_example_host(h) for h in ("", "myexample.org", "example.org.uk",
                                                "riverside.coop"))
    assert example_address("write to ann@example.com today") == "ann@example.com"
    assert example_address("see https://riverside.coop/") is None


def test_make_check_takes_publish(real: Path) -> None:
    command = [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(real)]
    assert subprocess.run(command + ["--publish"], capture_output=True).returncode == 0
    edit(real / "mkdocs.yml", "sample_data: false", "sample_data: true")
    result = subprocess.run(command + ["--publish"], capture_output=True, text=True)
    assert result.returncode == 1 and "mkdocs.yml:" in result.stdout
    assert "sample-data mode is on" in result.stdout
    assert subprocess.run(command, capture_output=True).returncode == 0
