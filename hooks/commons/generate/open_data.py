"""Open data: the public view of the data package, as CSVs with a datapackage.json beside
them (a Frictionless Tabular Data Package), and a page explaining each table and its licence.

Every table is published whole except teachers: only listed people, only the columns the
directory shows (privacy.TEACHER_COLUMNS marked public), sensitive perspectives only with
consent, contact only when the person asked; the consent flags themselves never. A sessions
table, made from the session pages, lets events be joined to what they are dates of.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

from commons.core.markup import md_text
from commons.core.paths import page_url
from commons.core.problems import Origin
from commons.generate.common import page_md
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model.records import PUBLIC, TEACHER_COLUMNS, Commons, Teacher

FOLDER = "open-data"
PAGE = f"{FOLDER}/index.md"
README = f"{FOLDER}/README.md"  # published as it is, beside the CSVs, for who downloads them
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
           "title": "Creative Commons Attribution 4.0"}  # when the package names none
_LICENCE_KEYS = ("name", "path", "title")
TEACHERS_NOTE = ("People who teach, coach or lead learning and have agreed to be listed. "
                 "Perspectives that reveal lived experience appear only with the person's "
                 "consent; contact only when they asked for it to be public.")
_KIND_NOTES = {"integer": "A whole number.", "number": "A number.", "boolean": "yes or no.",
               "date": "A date, YYYY-MM-DD."}
SESSION_KEY = {"fields": "session", "reference": {"resource": "sessions", "fields": "id"}}
SESSIONS_SCHEMA = {
    "description": "The session pages of the commons, so that events can be joined to them.",
    "primaryKey": "id",
    "fields": [
        {"name": "id", "type": "string", "description": "The session's id; events.csv uses it.",
         "constraints": {"required": True, "unique": True}},
        {"name": "title", "type": "string", "constraints": {"required": True}},
        {"name": "summary", "type": "string", "description": "What the session is for."},
        {"name": "kind", "type": "string", "description": "Workshop, webinar, course and so on."},
        {"name": "format", "type": "string", "description": "In person, online or blended."},
        {"name": "duration_minutes", "type": "integer",
         "description": "How long the session, or each part of a series, lasts."},
        {"name": "url", "type": "string", "description": "The session's page on this site."},
    ],
}


@reads("data_label", "pages", "resources", "table_texts", "teachers")
def generate_open_data(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    if not commons.resources:
        return []
    package = public_package(commons, settings)
    data = commons.data_label
    files = [GeneratedFile(f"{FOLDER}/{r['path']}", text, Origin(f"{data}/{r['path']}"))
             for r, text in package]
    resources = [r for r, _ in package]
    descriptor = descriptor_json(settings, resources)
    origin = Origin(f"{data}/datapackage.yaml")
    return files + [GeneratedFile(f"{FOLDER}/datapackage.json", descriptor, Origin(data)),
                    GeneratedFile(PAGE, open_data_page(resources, settings, _sources(commons)),
                                  origin, in_nav=True),
                    GeneratedFile(README, readme(resources, settings), origin, raw=True)]


def public_package(commons: Commons, settings: Settings) -> list[tuple[dict[str, Any], str]]:
    """(resource descriptor, CSV text) for each published table, in the package's order."""
    published = []
    for item in commons.resources:
        schema, text = item["schema"], commons.table_texts.get(item["name"], "")
        if item["name"] == "teachers":
            schema, text = _public_teachers(commons, schema, text)
        if item["name"] == "events":
            schema = {**schema, "foreignKeys": [*schema.get("foreignKeys", []), SESSION_KEY]}
        published.append((_resource(item["name"], item["path"], schema,
                                    item.get("licenses")), formula_safe(text)))
    if "events" in {item["name"] for item in commons.resources}:
        events = next(item for item in commons.resources if item["name"] == "events")
        published.append((_resource("sessions", "sessions.csv", SESSIONS_SCHEMA,
                                    events.get("licenses")),
                          formula_safe(_sessions_csv(commons, settings))))
    return published


# A cell a spreadsheet would run as a formula (OWASP's CSV injection list); a number such as
# -3 or +44 is data, not a formula, and stays as it is.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def formula_safe(text: str) -> str:
    """The CSV with every cell that a spreadsheet would read as a formula made plain text,
    by a leading apostrophe, as OWASP advises for CSV files people open in spreadsheets."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not any(cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell)
               for row in rows for cell in row):
        return text
    safe = [["'" + cell if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell)
             else cell for cell in row] for row in rows]
    return _csv(safe[0], safe[1:]) if safe else text


def descriptor_json(settings: Settings, resources: list[dict[str, Any]]) -> str:
    package = {
        "profile": "tabular-data-package",
        "name": "learning-commons",
        "title": "Learning Commons open data",
        "description": "The public view of the commons' data: regions, topics, legislation, "
                       "qualifications, partners, listed teachers, roles, role requirements, "
                       "sessions and events.",
        "homepage": page_url(settings.site_url, PAGE),
        "licenses": [LICENCE],
        "resources": resources,
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"


def open_data_page(resources: list[dict[str, Any]], settings: Settings,
                   pages: frozenset[str] = frozenset()) -> str:
    body = [*_notice(settings),
        "The data behind this site, for anyone to reuse: in a spreadsheet, a database or "
        "your own website. Each table is a CSV file (UTF-8, comma-separated, with a header "
        "row). [datapackage.json](datapackage.json) describes every table and column as a "
        "[Frictionless Data](https://frictionlessdata.io/) package, so tools can check and "
        "load it; `frictionless validate datapackage.json` checks the lot.", "",
        "## Licence", "", *licence_lines(resources, settings, pages), "",
        "## Safe to open in a spreadsheet", "",
        "A cell that a spreadsheet would run as a formula (one starting with =, +, -, @ or a "
        "tab, unless it is a number) is published with an apostrophe in front, so that it "
        "shows as the text it is and never runs.", "",
        "## What is not here", "",
        "Only people who agreed to be listed appear, with the details they agreed to share. "
        "Consent records, private contact details and people who chose not to be listed are "
        "never published.", "",
        "## Tables", ""]
    for resource in resources:
        body += [f"### {md_text(resource['title'])}", "",
                 md_text(resource["schema"].get("description", "")), "",
                 f"Download: [{resource['path']}]({resource['path']})", "",
                 "| Column | What it holds |", "| --- | --- |"]
        body += [f"| `{field['name']}` | {md_text(_field_note(field))} |"
                 for field in resource["schema"]["fields"]] + [""]
    return page_md("Open data", body, "The commons' data as CSV files with a Frictionless "
                   "data package, and the licence of each table.")


def readme(resources: list[dict[str, Any]], settings: Settings) -> str:
    """The README.md beside the CSVs: what they are, whether they are examples, and the
    licence of each table, for someone who has only the files."""
    lines = ["# Learning Commons open data", "", *_notice(settings),
             "Each table is a CSV file (UTF-8, comma-separated, with a header row). "
             "datapackage.json describes every table and column as a Frictionless Data "
             "package.", "", f"More about the data: <{page_url(settings.site_url, PAGE)}>", "",
             "## Licence", "", *licence_lines(resources, settings, on_site=False), "",
             "## Tables", ""]
    lines += [f"- {r['path']}: {' '.join(str(r['schema'].get('description') or r['title']).split())}"
              for r in resources]
    return "\n".join(lines).rstrip() + "\n"


def licence_lines(resources: list[dict[str, Any]], settings: Settings,
                  pages: frozenset[str] = frozenset(), on_site: bool = True) -> list[str]:
    """Which licence covers which table, one line each, the tables under the most common
    licence first; a licence on one of the site's pages is linked as that page when on_site
    (else the text is plain, for a README read as it is)."""
    tables: dict[str, list[str]] = {}
    licences: dict[str, dict[str, str]] = {}
    for resource in resources:
        for licence in resource["licenses"]:
            licences.setdefault(licence["name"], licence)
            tables.setdefault(licence["name"], []).append(resource["path"])
    text = md_text if on_site else str
    lines = []
    for name in sorted(tables, key=lambda n: (-len(tables[n]), n)):
        licence, paths = licences[name], tables[name]
        which = ("Every table" if len(paths) == len(resources) else
                 ", ".join(f"`{p}`" for p in paths))
        title, terms = _EXPLAINED.get(name, (text(licence.get("title") or name), ""))
        terms = f": {terms}" if terms else ""
        if on_site:
            lines.append(f"- {which}: [{title}]({_licence_link(licence, settings, pages)}){terms}.")
        else:
            lines.append(f"- {which}: {title} <{licence['path']}>{terms}.")
    return lines


_EXPLAINED = {"CC-BY-4.0": (
    "Creative Commons Attribution 4.0 licence (CC BY 4.0)", "you may copy, change and share "
    "them, also commercially, if you credit \"Learning Commons\" and link to the open-data "
    "page")}


def _licence_link(licence: dict[str, str], settings: Settings, pages: frozenset[str]) -> str:
    """The licence's address; one of this site's pages as a link to its Markdown source, so
    that the link is checked and works in a preview."""
    path, site = licence["path"], settings.site_url
    if not site or not path.startswith(site):
        return path
    page, _, anchor = path[len(site):].partition("#")
    source = (page.rstrip("/") + ".md") if page.strip("/") else "index.md"
    if source not in pages:
        return path
    return "../" + source + (f"#{anchor}" if anchor else "")


def _sources(commons: Commons) -> frozenset[str]:
    return frozenset(page.src_path for page in commons.pages.values())


def _notice(settings: Settings) -> list[str]:
    if not settings.sample_data:
        return []
    return [f"**Example data.** {settings.sample_notice} The files here hold the same "
            "examples.", ""]


def _resource(name: str, path: str, schema: dict[str, Any],
              licences: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A published resource, with the licences datapackage.yaml gives it (CC BY when none)."""
    licences = [{k: str(v) for k, v in item.items() if k in _LICENCE_KEYS}
                for item in licences or ()] or [LICENCE]
    return {"name": name, "path": path, "title": name.replace("_", " ").capitalize(),
            "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "licenses": licences, "schema": schema}


def _field_note(field: dict[str, Any]) -> str:
    note = " ".join(str(field.get("description") or "").split())
    if field.get("type") == "list":
        note = (note + " " if note else "") + "A list, separated by semicolons."
    return note or _KIND_NOTES.get(field.get("type", ""), "Text.")


def _public_teachers(commons: Commons, schema: dict[str, Any],
                     text: str) -> tuple[dict[str, Any], str]:
    columns = [f["name"] for f in schema["fields"] if TEACHER_COLUMNS.get(f["name"]) == PUBLIC]
    fields = [dict(f) for f in schema["fields"] if f["name"] in columns]
    for field in fields:
        if field["name"] == "perspectives":  # may be empty once sensitive ones are removed
            field["constraints"] = {}
    rows = []
    for row in csv.DictReader(io.StringIO(text)):
        teacher = commons.teachers.get(row.get("id") or "")
        if teacher is not None and teacher.listed:
            rows.append(_public_row(teacher, row, columns))
    return {**schema, "description": TEACHERS_NOTE, "fields": fields}, _csv(columns, rows)


def _public_row(teacher: Teacher, row: dict[str, str], columns: list[str]) -> list[str]:
    values = {**row, "perspectives": ";".join(teacher.public_perspectives),
              "contact": teacher.public_contact or ""}
    return [values.get(c) or "" for c in columns]


def _sessions_csv(commons: Commons, settings: Settings) -> str:
    names = [f["name"] for f in SESSIONS_SCHEMA["fields"]]
    rows = [[p.id, p.title, p.summary, str(p.meta.get("kind") or ""),
             str(p.meta.get("format") or ""), str(p.meta.get("duration_minutes") or ""),
             page_url(settings.site_url, p.src_path)]
            for p in sorted(commons.pages_of("session"), key=lambda p: p.id)]
    return _csv(names, rows)


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()
