"""Each download format opens and holds the toolkit: headings, lists, details, no Material
syntax left; the card sheet holds every card, four to an A4 page."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from commons.core.paths import unsafe_output_path
from commons.export.build import export_all, file_uri
from commons.export.formats import FORMATS
from commons.load.settings import Settings
from commons.model.records import Page
from commons.pipeline import load
from helpers import make_commons
from pypdf import PdfReader

EXPORT = Path(__file__).resolve().parent / "fixtures" / "export"
SETTINGS = Settings(today=dt.date(2026, 6, 1), site_url="https://commons.example.org/")
HEADINGS = ("Before the huddle", "During the huddle", "Morning shift", "Night shift",
            "After the huddle", "Abbreviations")
LEFTOVERS = ("!!!", "???", "===", "{ .", "{ #", ":material-", "*[SCW]", "grid cards",
             "markdown")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = make_commons(tmp_path_factory.mktemp("formats") / "commons")
    shutil.copytree(EXPORT / "content", root / "content", dirs_exist_ok=True)
    loaded = load(root)
    assert loaded.ok, loaded.problems
    downloads, problems = export_all(list(loaded.commons.pages.values()), root / "content", root / "cache", SETTINGS)
    assert problems == []
    return {d.src_uri.removeprefix("downloads/"): d.data for d in downloads}


def unzip(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode("utf-8")


def entry_dates(data: bytes) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.date_time for info in archive.infolist()}


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_files_are_named_by_id_and_version(made: dict[str, bytes]) -> None:
    assert sorted(made) == sorted([
        *(f"card-pack-1.0.{e}" for e in ("pdf", "docx", "epub")),
        *(f"team-huddles-2.1.{e}" for e in ("pdf", "docx", "epub")),
        *(f"reflection-cards-1.0.{e}" for e in ("pdf", "docx", "epub")),
        "reflection-cards-1.0-cards.pdf"])


@pytest.mark.parametrize(("meta", "name"), [
    ({"version": "2.1"}, "downloads/huddles-2.1.pdf"),
    ({"version": "V2 (draft)"}, "downloads/huddles-v2-draft.pdf"),
    ({"version": "1..2/../x"}, "downloads/huddles-1-2-x.pdf"),
    ({"last_reviewed": dt.date(2026, 4, 10)}, "downloads/huddles-2026-04-10.pdf"),
    ({}, "downloads/huddles-2026-06-01.pdf"),
])
def test_file_names_are_safe_site_paths(meta: dict, name: str) -> None:
    page = Page("huddles", "toolkit", "toolkits/huddles.md", "Huddles", "", meta)
    assert file_uri(page, FORMATS[0], SETTINGS.today) == name
    assert unsafe_output_path(name) is None


def test_docx_has_real_word_headings_lists_and_colours(made: dict[str, bytes]) -> None:
    data = made["team-huddles-2.1.docx"]
    xml = unzip(data, "word/document.xml")
    paragraphs = re.findall(r"<w:p>(.*?)</w:p>", xml, re.S)

    def styled(style: str) -> list[str]:
        return ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", p)) for p in paragraphs
                if f'<w:pStyle w:val="{style}" />' in p]

    assert styled("Title") == ["Team huddles"]
    assert styled("Heading1") == ["Before the huddle", "During the huddle", "After the huddle",
                                  "Abbreviations"]
    assert styled("Heading2") == ["Morning shift", "Night shift"]
    assert xml.count("<w:numPr>") >= 2  # "Check the rota", "Bring the handover notes"
    assert "Keep it short" in xml and "https://commons.example.org/policies/learning/" in unzip(
        data, "word/_rels/document.xml.rels")
    assert 'w:val="1D5C57"' in unzip(data, "word/styles.xml")
    core = unzip(data, "docProps/core.xml")
    assert "<dc:title>Team huddles</dc:title>" in core and "<dc:language>en-GB" in core
    assert ">2026-04-10T12:00:00Z</dcterms:modified>" in core
    assert entry_dates(data) == {(2026, 4, 10, 12, 0, 0)}  # the same bytes on every rebuild
    assert not any(left in xml for left in LEFTOVERS)


def test_epub_has_metadata_and_a_contents_list(made: dict[str, bytes]) -> None:
    data = made["team-huddles-2.1.epub"]
    opf = unzip(data, "EPUB/content.opf")
    assert "<dc:title id=\"epub-title-1\">Team huddles</dc:title>" in opf
    assert "https://commons.example.org/toolkits/team-huddles/" in opf
    assert "<dc:language>en-GB</dc:language>" in opf and "<dc:date id=\"epub-date\">2026-04-10" in opf
    assert "<meta property=\"dcterms:modified\">2026-04-10T12:00:00Z</meta>" in opf
    assert entry_dates(data) == {(2026, 4, 10, 12, 0, 0)}
    nav = unzip(data, "EPUB/nav.xhtml")
    for heading in HEADINGS:
        assert f">{heading}</a>" in nav
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = "".join(archive.read(n).decode() for n in archive.namelist()
                       if n.endswith(".xhtml"))
        assert any(n.startswith("EPUB/media/") for n in archive.namelist())  # the image
    assert not any(left in body for left in LEFTOVERS)


def test_pdf_is_a4_with_title_page_contents_and_page_numbers(made: dict[str, bytes]) -> None:
    reader, text = pdf_text(made["team-huddles-2.1.pdf"])
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    first = reader.pages[0].extract_text()
    assert "Team huddles" in first and "Version" in first and "10 April 2026" in first
    assert "Contents" in reader.pages[1].extract_text()
    for heading in HEADINGS:
        assert heading in text
    assert re.search(r"Page 1 of \d+", text)
    assert reader.metadata.title == "Team huddles"
    assert not any(left in text for left in LEFTOVERS)


def test_card_sheet_holds_every_card_four_to_a_page(made: dict[str, bytes]) -> None:
    reader, text = pdf_text(made["reflection-cards-1.0-cards.pdf"])
    assert len(reader.pages) == 1
    for code, title in (("RC 1", "We know why we learn"), ("RC 2", "We learn from mistakes"),
                        ("RC 3", "We share what we know")):
        assert code in text and title in text
    assert "Shared purpose" in text and "Working together" in text
    assert "How to use the cards" not in text  # an H2 with no cards is not a card
    assert "without blame" in text


def test_a_toolkit_without_cards_has_no_card_sheet(made: dict[str, bytes]) -> None:
    assert not any(name.startswith(("team-huddles", "card-pack")) and "-cards" in name
                   for name in made)
