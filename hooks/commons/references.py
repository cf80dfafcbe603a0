"""Cross references: every id named in front matter or in a list cell must exist."""

from __future__ import annotations

from typing import Any, Iterator

from . import schema
from .content import Source
from .fields import Field, Group, ListOf, Ref, nearest
from .frontmatter import Mapping
from .model import PERSPECTIVES
from .problems import Problem

_TABLE_FILES = {"pages": "content/"}


def check_pages(sources: list[Source], ids: dict[str, set[str]]) -> list[Problem]:
    """Unknown ids in front matter, at the line of the field that names them."""
    problems = []
    for source in sources:
        fields = schema.SCHEMAS[source.page.type]
        for line, field, table, value in _refs(source.document.meta, fields):
            if table not in ids:
                continue  # the table itself failed to load and is reported already
            known = ids[table]
            if isinstance(value, str) and value not in known:
                where = _TABLE_FILES.get(table, f"data/{table}.csv")
                problems.append(Problem(source.path, line, field=field,
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


def check_teacher_lists(rows: list[dict[str, Any]], topic_ids: set[str],
                        path: str = "data/teachers.csv") -> list[Problem]:
    """Perspectives come from a fixed list and topics from topics.csv; frictionless cannot
    check the items of a list cell, so we do."""
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
