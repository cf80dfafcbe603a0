"""Cross references: every id named in front matter or in a list cell must exist."""

from __future__ import annotations

from typing import Any, Iterator

from commons.core.hints import nearest
from commons.core.problems import Problem
from commons.load.frontmatter import Mapping
from commons.load.settings import Settings
from commons.model import types
from commons.model.fields import Field, Group, ListOf, Ref
from commons.model.records import PERSPECTIVES, Commons

_TABLE_FILES = {"pages": "content/"}


def known_ids(commons: Commons) -> dict[str, set[str]]:
    """The ids of every table that loaded, and of the pages."""
    ids = {name: set(getattr(commons, name)) for name in commons.tables
           if isinstance(getattr(commons, name, None), dict)}
    return ids | {"pages": set(commons.pages)}


def reference_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """Unknown ids in front matter, at the line of the field that names them."""
    problems, ids = [], known_ids(commons)
    for page in commons.pages.values():
        fields = types.by_name(page.type).fields
        for line, field, table, value in _refs(page.meta, fields):
            if table not in ids:
                continue  # the table itself failed to load and is reported already
            known = ids[table]
            if isinstance(value, str) and value not in known:
                where = _TABLE_FILES.get(table, f"data/{table}.csv")
                problems.append(Problem(page.origin.path, line, field=field,
                                        message=f"'{value}' is not an id in {where}",
                                        hint=nearest(value, known)))
    return problems


def _refs(meta: Mapping, fields: tuple[Field, ...]) -> Iterator[tuple[int, str, str, Any]]:
    for spec in fields:
        if spec.name not in meta:
            continue
        value, line = meta[spec.name], meta.line_of(spec.name)
        kind = spec.kind
        if isinstance(kind, Ref):
            yield line, spec.name, kind.table, value
        elif isinstance(kind, ListOf) and isinstance(kind.item, Ref) and isinstance(value, list):
            for item in value:
                yield line, spec.name, kind.item.table, item
        elif isinstance(kind, Group) and isinstance(value, list):
            for item in value:
                if isinstance(item, Mapping):
                    yield from _refs(item, kind.fields)


def teacher_lists_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """Perspectives come from a fixed list and topics from topics.csv; frictionless cannot
    check the items of a list cell, so we do."""
    return teacher_list_problems(commons.tables.get("teachers", []), set(commons.topics),
                                 f"{commons.data_label}/teachers.csv")


def teacher_list_problems(rows: list[dict[str, Any]], topic_ids: set[str],
                          path: str) -> list[Problem]:
    problems = []
    for row in rows:
        for field, allowed in (("perspectives", set(PERSPECTIVES)), ("topics", topic_ids)):
            items = row.get(field) or []
            for item in items:
                if item.strip() not in allowed:
                    problems.append(Problem(path, row=row["_row"], field=field,
                                            message=f"'{item}' is not a known {field[:-1]}",
                                            hint=nearest(item, allowed)))
            if len(set(items)) != len(items):
                problems.append(Problem(path, row=row["_row"], field=field,
                                        message=f"the same {field[:-1]} is listed twice",
                                        hint="remove the repeat"))
    return problems
