"""Personal data: what may be published about a person, and a scan that keeps contact
details and NHS numbers out of pages and data unless someone asked for them to be public.

- TEACHER_COLUMNS is the publish allowlist of teachers.csv: each column is either shown on
  the site (some only with the person's consent) or a consent flag that is never shown. A new
  column must be added here, saying which, before the build accepts it.
- The scan reports email addresses, UK phone numbers and NHS numbers in page bodies, front
  matter, the files pages include and data cells. Allowed: a teacher's `contact` when
  contact_opt_in is yes, and the commons' own addresses listed in mkdocs.yml under
  extra.commons.public_contacts.
- It reads text as a reader sees it: HTML entities (`&#64;`, `&commat;`) and Markdown
  backslash escapes undone, Unicode compatibility forms folded (NFKC: a full-width `＠`, a
  no-break or thin space), invisible characters (zero-width spaces, soft hyphens) dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from commons.core.memo import each
from commons.core.problems import Problem
from commons.load.frontmatter import strings
from commons.load.settings import Settings
from commons.model.records import TEACHER_COLUMNS, Commons, Page

EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NUMBER_RUN = re.compile(r"(?<![\w+])\+?\(?\d[\d \t()-]{7,18}\d(?!\w)")
_NHS_LAYOUT = re.compile(r"^\d{10}$|^\d{3}([ -])\d{3}\1\d{4}$")

_PUBLIC_HINT = ("personal contact details are not published: remove it, or, if it is the "
                "commons' own public contact, list it in mkdocs.yml under "
                "extra.commons.public_contacts")
_NHS_HINT = "never publish a person's NHS number: remove it"


def nhs_number_valid(digits: str) -> bool:
    """True when ten digits pass the NHS number's modulus 11 check."""
    if not re.fullmatch(r"\d{10}", digits):
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def uk_phone(run: str) -> bool:
    """True when a run of digits, spaces, brackets and dashes is a UK phone number."""
    digits = re.sub(r"\D", "", run)
    if run.startswith("+44"):
        rest = digits[2:].removeprefix("0")
        return len(rest) in (9, 10) and rest[0] in "1235789"
    return digits.startswith("0") and len(digits) in (10, 11) and digits[1] in "1235789"


# Markdown's backslash escapes: a backslash before ASCII punctuation shows the punctuation.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
# What NFKC leaves: the other spaces (Unicode's Zs), dashes, and characters nobody sees.
_SPACE = re.compile("[\u1680\u2000-\u200a\u202f\u205f\u3000\u00a0]")
_DASH = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                        "\u2066-\u206f\ufeff\U000e0000-\U000e007f]")


def as_read(text: str) -> str:
    """Text as a reader sees it, for the scan: escapes and entities undone, NFKC, every
    kind of space a plain space, every dash a hyphen, invisible characters gone. Line ends
    stay where they are, so line numbers still hold."""
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "&" in text:
        text = html.unescape(text)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", text)
    return _DASH.sub("-", _SPACE.sub(" ", _INVISIBLE.sub("", text)))


def personal_data(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(message, hint) for each email address, UK phone number or NHS number in text, as a
    reader sees it, that is not in `allowed` (lower-case addresses, and phone numbers as
    digits only)."""
    found = []
    text = as_read(text)
    for match in EMAIL.finditer(text):
        if match.group(0).lower() not in allowed:
            found.append((f"an email address, '{match.group(0)}'", _PUBLIC_HINT))
    for match in _NUMBER_RUN.finditer(text):
        run = match.group(0).strip()
        digits = re.sub(r"\D", "", run)
        if _NHS_LAYOUT.match(run) and nhs_number_valid(digits):
            found.append((f"what looks like an NHS number, ending {digits[-4:]}", _NHS_HINT))
        elif uk_phone(run) and digits not in allowed:
            found.append((f"a phone number, '{run}'", _PUBLIC_HINT))
    return found


def scan_pages(pages: list[Page], allowed: frozenset[str], cache: Path | None = None
               ) -> list[Problem]:
    """Front matter, body and every file the body includes, each at its own file line; the
    texts the last run scanned are taken from the cache."""
    problems = []
    texts = []
    known = tuple(sorted(allowed))
    for page in pages:
        path = page.origin.path
        for line, text in strings(page.meta):
            problems += _at(path, line, None, text, allowed)
        texts.append((path, page.body, page.body_line, known))
        texts += [(included.label, included.text, 1, known) for included in page.includes]
    return problems + [problem for found in each(cache, "personal-data", texts, _scan_text)
                       for problem in found]


def _scan_text(path: str, text: str, line: int, allowed: Iterable[str]) -> list[Problem]:
    allowed = frozenset(allowed)
    problems, counted = [], 0
    for match in _MAY_HOLD_CONTACTS.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        problems += _at(path, line, None, match.group(0), allowed)
    return problems


# A line of a page body that personal_data could find something in: an email address needs
# an '@', a number a digit, or either written another way (an entity, an escape, a
# character outside ASCII). Other lines are skipped without running its patterns.
_MAY_HOLD_CONTACTS = re.compile(r"^(?=[^\n]*[@\d&\\\u0080-\U0010ffff])[^\n]*", re.MULTILINE)


def scan_tables(tables: dict[str, list[dict[str, Any]]], data_label: str,
                allowed: frozenset[str]) -> list[Problem]:
    problems = []
    for name, rows in sorted(tables.items()):
        path = f"{data_label}/{name}.csv"
        for row in rows:
            for column, value in row.items():
                if column.startswith("_") or value is None:
                    continue
                if name == "teachers" and column == "contact" and row.get("contact_opt_in"):
                    continue
                for text in (value if isinstance(value, list) else [value]):
                    problems += _at(path, None, row.get("_row"), str(text), allowed, column)
    return problems


def _at(path: str, line: int | None, row: int | None, text: str, allowed: frozenset[str],
        column: str | None = None) -> list[Problem]:
    if not _MAY_HOLD_CONTACTS.search(text):
        return []  # most front matter values and cells: no '@', digit or other spelling
    return [Problem(path, line=line, row=row, field=column, message=message, hint=hint)
            for message, hint in personal_data(text, allowed)]


def column_problems(tables: dict[str, list[dict[str, Any]]], data_label: str) -> list[Problem]:
    """A teachers.csv column that the publish allowlist does not classify."""
    columns: Iterable[str] = (tables.get("teachers") or [{}])[0].keys()
    return [Problem(f"{data_label}/teachers.csv", row=1, field=column,
                    message=f"the column '{column}' is not in the publish allowlist",
                    hint="add it to TEACHER_COLUMNS in hooks/commons/model/records.py as public or "
                         "consent, and check that the teacher pages show it only as agreed; "
                         "keep private notes out of this public repository")
            for column in columns if not column.startswith("_") and column not in TEACHER_COLUMNS]


def contact_problems(tables: dict[str, list[dict[str, Any]]], data_label: str) -> list[Problem]:
    """An opted-in contact must be an email address or an https:// link, nothing else."""
    problems = []
    for row in tables.get("teachers") or []:
        contact = str(row.get("contact") or "").strip()
        if row.get("contact_opt_in") and contact and not (
                EMAIL.fullmatch(contact) or re.fullmatch(r"https://[^\s\"'<>`]+", contact)):
            problems.append(Problem(f"{data_label}/teachers.csv", row=row.get("_row"),
                                    field="contact",
                                    message=f"'{contact[:60]}' is not an email address or an "
                                            "https:// link",
                                    hint="write an email address such as name@example.org, or a "
                                         "full https:// address"))
    return problems


def privacy_problems(commons: Commons, settings: Settings) -> list[Problem]:
    """Every personal-data problem in the commons."""
    allowed = frozenset(settings.public_contacts)
    label = commons.data_label
    return (column_problems(commons.tables, label) + contact_problems(commons.tables, label)
            + scan_tables(commons.tables, label, allowed)
            + scan_pages(list(commons.pages.values()), allowed, settings.cache))
