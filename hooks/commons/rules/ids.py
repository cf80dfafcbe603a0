"""Ids become file names in the site: an id that a file system treats specially is refused
where it is written, before any page is made from it.

The schemas already hold ids to lower-case letters, digits and hyphens. What that pattern
lets through is a name Windows reserves for a device (`con`, `aux`, `nul`, `com1`...):
a page written as `teachers/con/index.html` cannot be checked out or copied on Windows.
"""

from __future__ import annotations

from commons.core.paths import WINDOWS_RESERVED
from commons.core.problems import Problem
from commons.load.settings import Settings
from commons.model.records import Commons

_HINT = "choose another id; Windows reserves this name for a device"


def reserved_id_problems(commons: Commons, settings: Settings) -> list[Problem]:
    """Every row id and page file name that Windows reserves, at its row or file."""
    problems, data_label = [], commons.data_label
    for name, rows in sorted(commons.tables.items()):
        for row in rows:
            value = str(row.get("id") or "")
            if WINDOWS_RESERVED.match(value):
                problems.append(Problem(f"{data_label}/{name}.csv", row=row.get("_row"),
                                        field="id", message=f"the id '{value}' cannot be a "
                                                            "file name", hint=_HINT))
    for page in commons.pages.values():
        if WINDOWS_RESERVED.match(page.id):
            problems.append(page.origin.problem(f"the page id '{page.id}' cannot be a file name",
                                                _HINT))
    return problems
