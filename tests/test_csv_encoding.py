"""CSVs as Excel and LibreOffice save them load; a file in another encoding is one problem."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from commons.generate.open_data import generate_open_data
from commons.load.csv_encoding import encoding_problem
from commons.load.settings import Settings
from commons.pipeline import load


def _as_spreadsheet_saves_it(path: Path, blank_rows: int = 2) -> None:
    """UTF-8 with a byte-order mark, CRLF line ends and empty rows after the data."""
    text = path.read_text(encoding="utf-8")
    columns = text.splitlines()[0].count(",")
    body = text.replace("\n", "\r\n") + ("," * columns + "\r\n") * blank_rows
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))


def test_bom_crlf_and_trailing_blank_rows_load_like_a_plain_file(mini: Path):
    before = load(mini)
    for table in ("regions", "teachers", "partners"):
        _as_spreadsheet_saves_it(mini / "data" / f"{table}.csv")
    after = load(mini)
    assert after.problems == before.problems == []
    assert after.commons.tables["teachers"] == before.commons.tables["teachers"]
    assert "id" in after.commons.tables["regions"][0]  # not '\ufeffid'
    assert after.commons.regions["north"].local_authorities == ("Highland", "Moray")
    assert after.commons.teachers["ada-brook"].perspectives == ("getting support", "employee")


def test_semicolon_list_cells_with_spaces_and_a_gap_row_keep_their_row_numbers(mini: Path):
    path = mini / "data" / "regions.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Highland;Moray", "Highland; Moray ;Orkney")
    path.write_text("\n".join([lines[0], lines[1], ",,,,", *lines[2:]]) + "\n", encoding="utf-8")
    loaded = load(mini)
    assert loaded.problems == []
    assert loaded.commons.regions["north"].local_authorities == ("Highland", "Moray", "Orkney")
    assert [row["_row"] for row in loaded.commons.tables["regions"]] == [2, 4]


def test_a_windows_1252_file_is_one_problem_naming_the_file_and_line(mini: Path):
    path = mini / "data" / "partners.csv"
    text = path.read_text(encoding="utf-8").replace("North College", "North Collège")
    path.write_bytes(text.encode("cp1252"))
    loaded = load(mini)
    assert not loaded.ok
    assert [p.text() for p in loaded.problems if p.path.endswith("partners.csv")] == [
        "data/partners.csv:row 3: the file is not saved as UTF-8: line 3 has 'è' written in "
        "another encoding (probably Windows-1252 or Latin-1), so accents and symbols would be "
        "published wrongly (save it again as \"CSV UTF-8\": in Excel, File > Save As > \"CSV "
        "UTF-8 (Comma delimited) (*.csv)\"; in LibreOffice, File > Save As > \"Text CSV\", tick "
        "\"Edit filter settings\" and choose Character set \"Unicode (UTF-8)\" and Field "
        "delimiter \",\")"]
    assert len(loaded.problems) == 1  # the rest of the file still reads, so nothing cascades


def test_latin_1_bytes_that_windows_1252_leaves_undefined_are_still_one_problem(mini: Path):
    path = mini / "data" / "topics.csv"
    path.write_bytes(path.read_bytes().replace(b"people it", b"people\x81it"))
    loaded = load(mini)
    assert [(p.path, p.row) for p in loaded.problems] == [("data/topics.csv", 2)]


def test_semicolons_between_columns_are_one_problem_that_says_to_use_commas(mini: Path):
    path = mini / "data" / "legislation.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    assert all(";" not in row and '"' not in row for row in rows)
    path.write_text("\n".join(row.replace(",", ";") for row in rows) + "\n", encoding="utf-8")
    loaded = load(mini)
    assert [(p.path, p.row, p.message) for p in loaded.problems] == [
        ("data/legislation.csv", 1, "the columns are separated by semicolons, not commas")]


def test_utf8_with_or_without_bom_has_no_encoding_problem():
    assert encoding_problem("id,name\nx,Zoë\n".encode(), "data/x.csv") is None
    assert encoding_problem(b"\xef\xbb\xbfid,name\r\nx,Zo\xc3\xab\r\n", "data/x.csv") is None


def test_open_data_republishes_a_spreadsheet_saved_file_cleanly(mini: Path):
    plain = (mini / "data" / "regions.csv").read_text(encoding="utf-8")
    for table in ("regions", "teachers"):
        _as_spreadsheet_saves_it(mini / "data" / f"{table}.csv")
    settings = Settings(today=dt.date(2026, 11, 23))
    made = {f.src_uri: f.content for f in generate_open_data(load(mini).commons, settings)}
    assert made["open-data/regions.csv"] == plain  # no mark, no CR, no blank rows
    assert made["open-data/teachers.csv"].splitlines()[1].startswith("ada-brook,")
