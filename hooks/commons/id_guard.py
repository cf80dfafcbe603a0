"""Ids become file names in the site: an id that a file system treats specially is refused
where it is written, before any page is made from it.

The schemas already hold ids to lower-case letters, digits and hyphens. What that pattern
lets through is a name Windows reserves for a device (`con`, `aux`, `nul`, `com1`...):
a page written as `teachers/con/index.html` cannot be checked out or copied on Windows.
"""

from __future__ import annotations

from .content import Source
from .model import Commons
from .paths import WINDOWS_RESERVED
from .problems import Problem

_HINT = "choose another id; Windows reserves this name for a device"


def reserved_id_problems(commons: Commons, sources: list[Source],
                         data_label: str = "data") -> list[Problem]:
    """Every row id and page file name that Windows reserves, at its row or file."""
    problems = []
    for name, rows in sorted(commons.tables.items()):
        for row in rows:
            value = str(row.get("id") or "")
            if WINDOWS_RESERVED.match(value):
                problems.append(Problem(f"{data_label}/{name}.csv", row=row.get("_row"),
                                        field="id", message=f"the id '{value}' cannot be a "
                                                            "file name", hint=_HINT))
    for source in sources:
        if WINDOWS_RESERVED.match(source.page.id):
            problems.append(Problem(source.path, 1, message=f"the page id '{source.page.id}' "
                                                            "cannot be a file name", hint=_HINT))
    return problems


def id_guard_rule(commons: Commons, sources: list[Source]) -> list[Problem]:
    return reserved_id_problems(commons, sources)
