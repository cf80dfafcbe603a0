"""The model of one commons, built from its loaded tables and pages."""

from __future__ import annotations

from dataclasses import replace

from commons.core.problems import Problem
from commons.load.pages import PageFile
from commons.load.tables import Tables
from commons.model import events, index, pages, records
from commons.model.records import Commons


def build_commons(loaded: Tables, files: list[PageFile], data_label: str = "data",
                  content_label: str = "content") -> tuple[Commons, list[Problem]]:
    """Typed records of every table and page, their cross index, and the problems with the
    pages' fields; data_label is how the data folder is named in messages."""
    page_records, problems = pages.pages(files)
    tables = loaded.rows

    def path(table: str) -> str:
        return f"{data_label}/{table}.csv"

    commons = Commons(
        **{name: records.records(name, tables.get(name, []), path(name))
           for name in records.RECORD_CLASSES},
        pages={page.id: page for page in page_records},
        tables=tables,
        role_requirements=records.requirements(tables.get("role_requirements", []),
                                               path("role_requirements")),
        events=events.records(tables.get("events", []), path("events")),
        data_label=data_label,
        content_label=content_label,
        table_texts=loaded.texts,
        resources=loaded.resources,
    )
    return replace(commons, index=index.build_index(commons)), problems
