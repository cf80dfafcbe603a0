"""Overdue reviews of policies and toolkits.

An overdue review is a warning by default: `make check` lists it and the build logs it at
info level, so one late review never stops the whole commons from publishing (strict builds
fail on any logged warning). `extra.commons.overdue_reviews: error` in mkdocs.yml turns each
one into an error that stops the build. The switch goes by the rule's code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from commons.core.problems import Problem
from commons.load.settings import Settings
from commons.model.records import Commons
from commons.model.reviews import reviewed_pages, status

CODE = "CM206"
MODES = ("warn", "error")
_MESSAGE = "review overdue"


def overdue_problems(commons: Commons, today: dt.date,
                     severity: str = "warning") -> list[Problem]:
    problems = []
    for due, page in reviewed_pages(commons):
        if status(due, today) != "overdue":
            continue
        problems.append(Problem(page.origin.path, page.meta.line_of("last_reviewed"),
                                field="last_reviewed",
                                message=f"{_MESSAGE}: it was due on {due.isoformat()}",
                                hint="review the page with its owner, then set last_reviewed "
                                     "to the date of the review",
                                severity=severity))
    return problems


def overdue_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """Overdue reviews as warnings, on the build's date."""
    return overdue_problems(commons, settings.today)


def apply_switch(problems: list[Problem], mode: str) -> tuple[list[Problem], list[Problem]]:
    """(problems to act on, notes to log at info): overdue-review warnings become errors
    when mode is "error", and are only noted when it is "warn"."""
    if mode not in MODES:
        return problems + [Problem("mkdocs.yml", field="extra.commons.overdue_reviews",
                                   message=f"overdue_reviews is '{mode}'",
                                   hint="write warn or error")], []
    kept, notes = [], []
    for problem in problems:
        if problem.code == CODE and problem.severity == "warning":
            if mode == "error":
                kept.append(replace(problem, severity="error"))
            else:
                notes.append(problem)
            continue
        kept.append(problem)
    return kept, notes
