"""The data package: CSV tables validated by frictionless against the schemas beside them.

Frictionless errors become Problems at `data/<table>.csv:row N:field` (row numbers as a
spreadsheet shows them, the header being row 1), with a hint saying what to do. A package
whose files are all as the last run read them is taken from the cache.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import frictionless
import yaml
from frictionless import errors as ferrors

from commons.core.hints import nearest
from commons.core.memo import remembered
from commons.core.problems import Problem
from commons.load.config_check import key_lines
from commons.load.csv_encoding import read_tables

Rows = list[dict[str, Any]]

_ID_HINT = "use lower-case letters, digits and single hyphens, e.g. region-one"


@dataclass(frozen=True)
class Tables:
    """The data package as loaded: typed rows, and what open data republishes."""

    rows: dict[str, Rows] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # each CSV as republished
    # datapackage.yaml's entries, schemas inline; each with the licences that cover it (its
    # own, or else the package's) under "licenses", and the line of each one's path in
    # datapackage.yaml under "licence_lines"
    resources: tuple[dict[str, Any], ...] = ()


def load_package(data_dir: Path, root: Path, cache: Path | None = None,
                 limit_kb: int | None = None) -> tuple[Tables, list[Problem]]:
    """Validate every table and read its typed rows, each file read once; a file larger than
    limit_kb is not read (rule CM006)."""
    rel_data = _relative(data_dir, root)
    [loaded] = remembered(cache, "tables", [(data_dir, rel_data, limit_kb)], _package_inputs,
                          lambda packages: [_validated(*package, cache) for package in packages])
    return loaded


def _package_inputs(package: tuple[Path, str, int | None]) -> bytes:
    """Everything loading the package reads: datapackage.yaml and each file it names (a
    table or schema named in another way than by its path makes a key never seen again),
    and the size limit."""
    data_dir, rel_data, limit_kb = package
    descriptor = data_dir / "datapackage.yaml"
    try:
        text = descriptor.read_bytes()
    except OSError:
        return f"{rel_data}\0{limit_kb}\0no descriptor".encode()
    parts = [f"{rel_data}\0{limit_kb}".encode(), text]
    try:
        resources = (yaml.safe_load(text) or {}).get("resources") or []
        named = [item.get(key) for item in resources for key in ("path", "schema")]
    except (yaml.YAMLError, AttributeError, TypeError):
        return b"\0".join(parts)  # loading stops at the descriptor
    for name in named:
        if name is None or isinstance(name, dict):  # none, or inline in the descriptor
            continue
        if not isinstance(name, str):
            return os.urandom(16)
        try:
            content = (data_dir / name).read_bytes()
        except OSError:
            content = b"unreadable"
        parts.append(f"{name}\0{len(content)}\0".encode() + content)
    return b"\0".join(parts)


def _validated(data_dir: Path, rel_data: str, limit_kb: int | None, cache: Path | None
               ) -> tuple[Tables, list[Problem]]:
    descriptor = data_dir / "datapackage.yaml"
    if not descriptor.is_file():
        return Tables(), [Problem(f"{rel_data}/datapackage.yaml",
                                  message="the data package descriptor is missing",
                                  hint="restore data/datapackage.yaml from the repository")]
    try:
        top, resources = _read_descriptor(descriptor)
        texts, cells, problems = read_tables(resources, data_dir, rel_data, limit_kb)
        # Refuses a descriptor frictionless cannot take; each table is validated apart below.
        frictionless.Package({**top, "resources": [_inline(r, cells) for r in resources]},
                             basepath=str(data_dir))
    except (frictionless.FrictionlessException, yaml.YAMLError, OSError, TypeError) as error:
        message = (error.error.message if isinstance(error, frictionless.FrictionlessException)
                   else f"it cannot be read: {error}")
        return Tables(), [Problem(f"{rel_data}/datapackage.yaml", message=str(message),
                                  hint="check the table and schema names it lists")]
    tables: dict[str, Rows] = {}
    units = [_unit(data_dir, rel_data, top, resources, cells, number)
             for number in range(len(resources))]
    for entry, (found, rows) in zip(resources, remembered(
            cache, "table", units, _unit_key,
            lambda todo: [_validated_table(*unit) for unit in todo])):
        problems += found
        if rows is not None:  # None: left out, so that references to it are not reported twice
            tables[entry["name"]] = rows
    return Tables(tables, texts, _licensed(resources, top, key_lines(descriptor))), problems


Unit = tuple[Path, str, dict[str, Any], tuple[dict[str, Any], ...], dict[str, list[list[str]]]]


def _unit(data_dir: Path, rel_data: str, top: dict[str, Any],
          resources: tuple[dict[str, Any], ...], cells: dict[str, list[list[str]]],
          number: int) -> Unit:
    """What validating one table reads: the package's own fields, the table's entry and the
    entries of the tables its foreign keys point to (each with its cells), the table first."""
    entry = resources[number]
    named = _references(entry)
    others = tuple(r for i, r in enumerate(resources) if i != number
                   and (named is None or r.get("name") in named))
    involved = (entry, *others)
    return data_dir, rel_data, top, involved, {r["name"]: cells[r["name"]] for r in involved
                                     if isinstance(r.get("name"), str) and r["name"] in cells}


def _unit_key(unit: Unit) -> bytes:
    return pickle.dumps(unit, protocol=pickle.HIGHEST_PROTOCOL)


def _references(entry: dict[str, Any]) -> set[str] | None:
    """The tables a table's foreign keys point to; None when the schema is not plain enough
    to say (the table is then validated with every other)."""
    schema = entry.get("schema")
    if not isinstance(schema, dict):
        return None
    try:
        return {key["reference"]["resource"] for key in schema.get("foreignKeys") or ()}
    except (KeyError, TypeError):
        return None


def _validated_table(data_dir: Path, rel_data: str, top: dict[str, Any],
                     involved: tuple[dict[str, Any], ...], cells: dict[str, list[list[str]]]
                     ) -> tuple[list[Problem], Rows | None]:
    """One table validated by frictionless with the tables its foreign keys point to: its
    problems, and its typed rows (None when it could not be read cleanly)."""
    package = frictionless.Package({**top, "resources": [_inline(r, cells) for r in involved]},
                                   basepath=str(data_dir))
    for resource in package.resources:
        resource.dialect = frictionless.Dialect(skip_blank_rows=True)
    target, entry = package.resources[0], involved[0]
    [task] = target.validate().tasks  # its foreign keys looked up in the tables beside it
    path = f"{rel_data}/{entry.get('path') or task.place}"
    problems = [_problem(path, error, package) for error in task.errors]
    if any(_is_fatal(error) for error in task.errors):
        return problems, None
    with target:
        return problems, [_plain(row) for row in target.row_stream]


def _licensed(resources: tuple[dict[str, Any], ...], top: dict[str, Any],
              lines: dict[str, int]) -> tuple[dict[str, Any], ...]:
    """Each resource with the licences that cover it: its own, else the package's."""
    licensed = []
    for number, entry in enumerate(resources):
        if entry.get("licenses"):
            licences, key = entry["licenses"], f"resources.{number}.licenses"
        else:
            licences, key = top.get("licenses") or [], "licenses"
        licensed.append({**entry, "licenses": [dict(item) for item in licences],
                         "licence_lines": tuple(lines.get(f"{key}.{i}.path") or lines.get(key)
                                                for i in range(len(licences)))})
    return tuple(licensed)


def _inline(entry: dict[str, Any], cells: dict[str, list[list[str]]]) -> dict[str, Any]:
    """The resource with the cells already read in place of its file, when they were."""
    if entry.get("name") not in cells:
        return dict(entry)
    inline = {key: value for key, value in entry.items() if key != "path"}
    return inline | {"data": cells[entry["name"]]}


def _read_descriptor(descriptor: Path) -> tuple[dict[str, Any], tuple[dict[str, Any], ...]]:
    """The package's own fields, and its resources with each schema file read into its
    entry."""
    package = yaml.safe_load(descriptor.read_text(encoding="utf-8")) or {}
    resources = []
    for item in package.get("resources") or ():
        entry = dict(item)
        if isinstance(entry.get("schema"), str):
            schema_file = descriptor.parent / entry["schema"]
            entry["schema"] = yaml.safe_load(schema_file.read_text(encoding="utf-8"))
        resources.append(entry)
    return {k: v for k, v in package.items() if k != "resources"}, tuple(resources)


def _plain(row: frictionless.Row) -> dict[str, Any]:
    record = {key: [item.strip() for item in value] if isinstance(value, list) else value
              for key, value in row.to_dict().items()}
    record["_row"] = row.row_number
    return record


def _is_fatal(error: ferrors.Error) -> bool:
    return not isinstance(error, (ferrors.RowError, ferrors.CellError))


def _relative(path: Path, root: Path) -> str:
    try:
        return Path(os.path.relpath(path, root)).as_posix()
    except ValueError:
        return path.as_posix()


def _problem(path: str, error: ferrors.Error, package: frictionless.Package) -> Problem:
    row = getattr(error, "row_number", None)
    if isinstance(error, ferrors.ForeignKeyError):
        field = ",".join(error.field_names)
        value = ",".join(c for c in error.field_cells)
        target = error.reference_name
        ids = _ids(package, target, error.reference_field_names[0])
        return Problem(path, row=row, field=field,
                       message=f"'{value}' is not an id in {target}.csv",
                       hint=nearest(value, ids))
    if isinstance(error, ferrors.CellError):
        return Problem(path, row=row, field=error.field_name,
                       message=_cell_message(error), hint=_cell_hint(error, package, path))
    if isinstance(error, ferrors.RowError):
        return Problem(path, row=row, message=_row_message(error),
                       hint="each row needs exactly one cell per column in the header")
    if isinstance(error, ferrors.LabelError):
        return Problem(path, row=1, field=getattr(error, "label", None),
                       message=f"header problem: {error.note or error.title}",
                       hint="the first row must list the columns named in the schema, in order")
    return Problem(path, message=f"{error.title}: {error.note}",
                   hint="check that the file is a CSV saved as UTF-8")


def _cell_message(error: ferrors.CellError) -> str:
    cell = error.cell
    if isinstance(error, (ferrors.MissingCellError,)) or (
            isinstance(error, ferrors.ConstraintError) and "required" in error.note):
        return "this cell is required but empty"
    if isinstance(error, ferrors.UniqueError):
        return f"'{cell}' is used on an earlier row too; each must be unique"
    if isinstance(error, ferrors.TypeError):
        kind = error.note.split('"')[1].split("/")[0] if '"' in error.note else "value"
        return f"'{cell}' is not a valid {kind}"
    return f"'{cell}' breaks a rule: {error.note}"


def _cell_hint(error: ferrors.CellError, package: frictionless.Package, path: str) -> str:
    note = error.note or ""
    if "required" in note or isinstance(error, ferrors.MissingCellError):
        return "fill in this cell"
    if isinstance(error, ferrors.UniqueError):
        return "give this row a different id"
    if isinstance(error, ferrors.TypeError):
        if "boolean" in note:
            return "write yes or no"
        if "integer" in note:
            return "write a whole number, digits only"
        if "datetime" in note:
            return "write the UK local date and time as YYYY-MM-DDTHH:MM, e.g. 2027-07-20T09:00"
        return "check the value's format in the schema"
    if '"enum"' in note:
        field = _field(package, path, error.field_name)
        values = field.constraints.get("enum", []) if field else []
        return nearest(error.cell, set(values))
    if '"pattern"' in note:
        if error.field_name == "id":
            return _ID_HINT
        return "use a full https:// address" if "https" in note else "see the schema's pattern"
    if "maxLength" in note:
        return "shorten the text"
    return "see the table's schema for what is allowed"


def _row_message(error: ferrors.RowError) -> str:
    if isinstance(error, ferrors.BlankRowError):
        return "this row is blank"
    if isinstance(error, ferrors.PrimaryKeyError):
        return "this id is used on an earlier row too; each must be unique"
    return f"{error.title}: {error.note}"


def _field(package: frictionless.Package, path: str, name: str):
    resource = next((r for r in package.resources
                     if path.endswith("/" + str(r.path or f"{r.name}.csv"))), None)
    if resource is None or not resource.schema.has_field(name):
        return None
    return resource.schema.get_field(name)


def _ids(package: frictionless.Package, table: str, field: str) -> set[str]:
    try:
        resource = package.get_resource(table)
    except frictionless.FrictionlessException:
        return set()
    with resource:
        return {str(row[field]) for row in resource.row_stream if row[field] is not None}
