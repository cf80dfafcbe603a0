"""Sample data says so: with extra.commons.sample_data on, every page, every download and the
open data carry the notice; with it off, none of them do. The setting and the organisation
are validated once, as CM001 problems naming mkdocs.yml and the key."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import pytest
from commons.export.build import export_all
from commons.generate.open_data import generate_open_data
from commons.load.settings import SAMPLE_NOTICE, Organisation, Settings, from_config
from commons.pipeline import load
from commons.publish import build_atomically
from helpers import MINI_BUILD_DAY, edit, make_commons
from pypdf import PdfReader

EXPORT = Path(__file__).resolve().parent / "fixtures" / "export"
SITE_URL = "https://learning-commons.example.org/"
ON = Settings(today=dt.date(2026, 6, 1), site_url=SITE_URL, sample_data=True)
OFF = dataclasses.replace(ON, sample_data=False)


def pages(site: Path) -> list[Path]:
    """Every reader's page: the editor in admin/ is for contributors, who sign in."""
    found = sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin")
    assert len(found) > 20
    return found


def test_the_notice_is_on_every_page_in_sample_data_mode(mini_site: Path) -> None:
    for page in pages(mini_site):
        html = page.read_text(encoding="utf-8")
        assert SAMPLE_NOTICE in html, page.relative_to(mini_site)
        assert 'class="md-banner"' in html


def test_no_notice_when_sample_data_is_off(tmp_path: Path, monkeypatch) -> None:
    root = make_commons(tmp_path / "commons")
    edit(root / "mkdocs.yml", "sample_data: true", "sample_data: false")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MINI_BUILD_DAY)
    result = build_atomically(root, site_dir=tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in pages(tmp_path / "site"):
        html = page.read_text(encoding="utf-8")
        assert "are examples" not in html and "md-banner" not in html, page
    readme = (tmp_path / "site/open-data/README.md").read_text(encoding="utf-8")
    assert "Example data" not in readme


def test_the_open_data_page_and_readme_say_so(mini_site: Path) -> None:
    readme = (mini_site / "open-data/README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Learning Commons open data")
    assert SAMPLE_NOTICE in readme and "teachers.csv" in readme
    page = (mini_site / "open-data/index.html").read_text(encoding="utf-8")
    assert page.count(SAMPLE_NOTICE) == 2  # the bar, and the page's own words


def test_open_data_says_so_only_in_sample_data_mode(mini_loaded) -> None:
    on = {f.src_uri: f.content for f in generate_open_data(mini_loaded.commons, ON)}
    off = {f.src_uri: f.content for f in generate_open_data(mini_loaded.commons, OFF)}
    for name in ("open-data/README.md", "open-data/index.md"):
        assert SAMPLE_NOTICE in on[name] and SAMPLE_NOTICE not in off[name]


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    root = make_commons(tmp_path_factory.mktemp("sample-downloads") / "commons")
    shutil.copytree(EXPORT / "content", root / "content", dirs_exist_ok=True)
    pages_ = list(load(root).commons.pages.values())
    made = {}
    for name, settings in (("on", ON), ("off", OFF)):
        files, problems = export_all(pages_, root / "content", root / ".cache", settings)
        assert problems == []
        made[name] = {d.src_uri: d.data for d in files}
    return made


def text_of(uri: str, data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist()
                 if n == "word/document.xml" or n.endswith(".xhtml")]
        return "".join(archive.read(n).decode("utf-8") for n in names)


def test_every_docx_and_epub_download_says_so(downloads) -> None:
    zipped = [u for u in downloads["on"] if u.endswith((".docx", ".epub"))]
    assert len(zipped) >= 4
    for uri in zipped:
        assert SAMPLE_NOTICE in text_of(uri, downloads["on"][uri]), uri
        assert SAMPLE_NOTICE not in text_of(uri, downloads["off"][uri]), uri


def test_turning_sample_data_off_remakes_the_cached_downloads(downloads) -> None:
    on, off = downloads["on"], downloads["off"]
    assert on.keys() == off.keys()
    documents = [u for u in on if not u.endswith("-cards.pdf")]  # cards: no people on them
    assert len(documents) >= 6 and all(on[u] != off[u] for u in documents)


def test_the_pdf_download_says_so(downloads) -> None:
    [uri, *_] = [u for u in downloads["on"] if u.endswith(".pdf") and "-cards" not in u]
    for name, expected in (("on", True), ("off", False)):
        reader = PdfReader(io.BytesIO(downloads[name][uri]))
        text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
        assert (SAMPLE_NOTICE in text) is expected, name


def test_the_settings_are_typed() -> None:
    settings = from_config({"extra": {"commons": {"sample_data": True, "organisation": {
        "name": "Riverside Care Co-operative", "email": "learning@riverside.coop",
        "address": "2 Mill Lane, Leek"}}}})
    assert settings.sample_data is True and settings.refused == ()
    assert settings.organisation == Organisation("Riverside Care Co-operative",
                                                 "learning@riverside.coop", "2 Mill Lane, Leek")
    assert settings.sample_notice == SAMPLE_NOTICE
    assert from_config({}).sample_notice == ""


@pytest.mark.parametrize(("old", "new", "key"), [
    ("sample_data: true", "sample_data: 'yes'", "extra.commons.sample_data"),
    ("    organisation:\n", "    organisation: Riverside\n    unused:\n",
     "extra.commons.organisation"),
    ("      email: learning@learning-commons.example.org\n", "", "extra.commons.organisation"),
])
def test_a_bad_setting_is_a_located_cm001_problem(mini: Path, old: str, new: str,
                                                  key: str) -> None:
    edit(mini / "mkdocs.yml", old, new)
    [problem] = [p for p in load(mini).problems if p.field == key]
    lines = (mini / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert problem.code == "CM001" and problem.path == "mkdocs.yml"
    assert lines[problem.line - 1].strip().startswith(key.rsplit(".", 1)[1] + ":")


def test_the_shipped_notice_names_people_events_and_venues() -> None:
    partial = (Path(__file__).resolve().parent.parent
               / "site-overrides/partials/commons-sample-notice.html").read_text("utf-8")
    assert SAMPLE_NOTICE in partial
    assert "people, events and venues" in SAMPLE_NOTICE
