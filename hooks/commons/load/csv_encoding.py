"""CSV files as spreadsheets save them: Excel's "CSV UTF-8" starts with a byte-order mark and
ends lines with CRLF, and spreadsheets leave blank rows after the data. All of these load.

Every table is read once, here, with an explicit encoding and delimiter rather than what
frictionless guesses, and handed to frictionless as cells: a guessed UTF-8 reading of a file
with a byte-order mark names the first column '\\ufeffid', and a Windows-1252 file would be guessed and published with its characters
silently changed. Such a file is one problem naming its first bad line, with how to re-save.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from commons.core.problems import Problem
from commons.load.pages import size_problem

UTF8 = "utf-8-sig"  # reads UTF-8 with or without the byte-order mark
RESAVE_HINT = ('save it again as "CSV UTF-8": in Excel, File > Save As > "CSV UTF-8 (Comma '
               'delimited) (*.csv)"; in LibreOffice, File > Save As > "Text CSV", tick "Edit '
               'filter settings" and choose Character set "Unicode (UTF-8)" and Field '
               'delimiter ","')


def encoding_problem(raw: bytes, label: str) -> Problem | None:
    """A problem when raw is not UTF-8 text, at the row (line) of its first bad byte."""
    try:
        raw.decode(UTF8)
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        shown = raw[error.start:error.start + 1].decode("cp1252", errors="replace")
        return Problem(label, row=line,
                       message=f"the file is not saved as UTF-8: line {line} has '{shown}' "
                               "written in another encoding (probably Windows-1252 or Latin-1),"
                               " so accents and symbols would be published wrongly",
                       hint=RESAVE_HINT)
    return None


def delimiter_problem(text: str, label: str) -> Problem | None:
    """A problem when the header separates its columns with semicolons, not commas."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    if "," in header or ";" not in header:
        return None
    return Problem(label, row=1, message="the columns are separated by semicolons, not commas",
                   hint=RESAVE_HINT + "; semicolons belong only between the items of a list "
                                      "inside one cell")


def fallback_encoding(raw: bytes) -> str:
    """An encoding that reads a non-UTF-8 file, so that its other problems can be found."""
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"
    return "cp1252"


def read_tables(entries: tuple[dict, ...], data_dir: Path, label: str,
                limit_kb: int | None = None
                ) -> tuple[dict[str, str], dict[str, list[list[str]]], list[Problem]]:
    """Read each table's file once: its text as republished and its rows of cells (blank
    rows kept, so that row numbers stay those of the file), by table name, and the files'
    problems. A file that cannot be read is left for frictionless to report; a file larger
    than limit_kb is not read, and stands as a table with its header only."""
    texts: dict[str, str] = {}
    cells: dict[str, list[list[str]]] = {}
    problems: list[Problem] = []
    for entry in entries:
        where = f"{label}/{entry.get('path')}"
        try:
            file = data_dir / str(entry.get("path"))
            size = file.stat().st_size
            if limit_kb is not None and size > limit_kb * 1024:
                problems.append(size_problem(where, size, limit_kb, "table_kb", "table"))
                cells[entry["name"]], texts[entry["name"]] = [_header(entry)], ""
                continue
            raw = file.read_bytes()
        except (OSError, TypeError):
            continue
        bad = encoding_problem(raw, where)
        text = raw.decode(UTF8 if bad is None else fallback_encoding(raw)).removeprefix("\ufeff")
        if bad is not None:  # what no encoding defines is shown as such, not as a control
            text = re.sub("[\x80-\x9f]", "\ufffd", text)
        semicolons = delimiter_problem(text, where)
        problems += [p for p in (bad, semicolons) if p]
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=";" if semicolons else ",")
        try:
            cells[entry["name"]] = list(rows)
            texts[entry["name"]] = republished(text)
        except csv.Error:  # the reader's own limit on a cell, csv.field_size_limit()
            problems.append(Problem(where, row=rows.line_num,
                                    message="the table cannot be read: a cell is longer than "
                                            f"{csv.field_size_limit()} characters",
                                    hint="check for a quote that is never closed; split very "
                                         "long text"))
            cells[entry["name"]], texts[entry["name"]] = [_header(entry)], ""
    return texts, cells, problems


def republished(text: str) -> str:
    """A CSV file's text as republished: LF line ends, no blank rows."""
    rows = csv.reader(io.StringIO(text, newline=""))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(r for r in rows if any(c.strip() for c in r))
    return out.getvalue()


def _header(entry: dict) -> list[str]:
    """The columns the table's schema names: what stands for a table that was not read."""
    return [str(f.get("name")) for f in (entry.get("schema") or {}).get("fields") or ()]
