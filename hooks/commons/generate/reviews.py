"""Reviews of policies and toolkits: a page of those due or overdue, oldest first, and a rule
that reports each overdue review.

An overdue review is a warning by default: `make check` lists it and the build logs it at
info level, so one late review never stops the whole commons from publishing (strict builds
fail on any logged warning). `extra.commons.overdue_reviews: error` in mkdocs.yml turns each
one into an error that stops the build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..content import Source
from ..markup import md_text
from ..model import Commons, Page
from ..problems import Problem
from ..settings import Settings, build_date
from . import GeneratedFile
from .common import REVIEWS, link, page_md

DUE_SOON_DAYS = 60
MODES = ("warn", "error")
_MESSAGE = "review overdue"


def reviewed_pages(commons: Commons) -> list[tuple[dt.date, Page]]:
    """Every policy and toolkit with a review date, oldest due date first."""
    dated = [(p.review_due, p) for p in commons.pages.values()
             if p.type in ("policy", "toolkit") and p.review_due is not None]
    return sorted(dated, key=lambda item: (item[0], item[1].src_path))


def status(due: dt.date, today: dt.date) -> str:
    if due < today:
        return "overdue"
    return "due" if (due - today).days <= DUE_SOON_DAYS else "current"


def overdue_problems(commons: Commons, sources: list[Source], today: dt.date,
                     severity: str = "warning") -> list[Problem]:
    lines = {s.page.id: s for s in sources}
    problems = []
    for due, page in reviewed_pages(commons):
        if status(due, today) != "overdue":
            continue
        source = lines.get(page.id)
        path = source.path if source else f"content/{page.src_path}"
        line = source.document.meta.line_of("last_reviewed") if source else 1
        problems.append(Problem(path, line, field="last_reviewed",
                                message=f"{_MESSAGE}: it was due on {due.isoformat()}",
                                hint="review the page with its owner, then set last_reviewed "
                                     "to the date of the review",
                                severity=severity))
    return problems


def overdue_rule(commons: Commons, sources: list[Source]) -> list[Problem]:
    """The rule in RULES: overdue reviews as warnings, on the build's date."""
    return overdue_problems(commons, sources, build_date())


def apply_switch(problems: list[Problem], mode: str) -> tuple[list[Problem], list[Problem]]:
    """(problems to act on, notes to log at info): overdue-review warnings become errors
    when mode is "error", and are only noted when it is "warn"."""
    if mode not in MODES:
        return problems + [Problem("mkdocs.yml", field="extra.commons.overdue_reviews",
                                   message=f"overdue_reviews is '{mode}'",
                                   hint="write warn or error")], []
    kept, notes = [], []
    for problem in problems:
        overdue = problem.field == "last_reviewed" and problem.message.startswith(_MESSAGE)
        if overdue and problem.severity == "warning":
            if mode == "error":
                kept.append(replace(problem, severity="error"))
            else:
                notes.append(problem)
            continue
        kept.append(problem)
    return kept, notes


def generate_reviews(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    return [GeneratedFile(REVIEWS, reviews_page(commons, settings.today), "content",
                          in_nav=True)]


def reviews_page(commons: Commons, today: dt.date) -> str:
    here = REVIEWS
    dated = reviewed_pages(commons)
    waiting = [(due, page) for due, page in dated if status(due, today) != "current"]
    body = [f"Policies and toolkits whose review is overdue or due within {DUE_SOON_DAYS} "
            f"days of {today.isoformat()}, oldest first. Each owner checks the page, updates "
            "it if needed, and sets a new review date.", ""]
    if waiting:
        body += ["| Page | Kind | Owner | Last reviewed | Review due | Status |",
                 "| --- | --- | --- | --- | --- | --- |"]
        body += [_row(due, page, today, here) for due, page in waiting]
    else:
        body.append("Nothing is due: every review is current.")
    later = [(due, page) for due, page in dated if status(due, today) == "current"]
    if later:
        body += ["", "## Reviews to come", "", "| Page | Kind | Owner | Last reviewed | "
                 "Review due | Status |", "| --- | --- | --- | --- | --- | --- |"]
        body += [_row(due, page, today, here) for due, page in later]
    return page_md("Reviews due", body + [""], "Policies and toolkits whose review is due or "
                   "overdue.")


def _row(due: dt.date, page: Page, today: dt.date, here: str) -> str:
    state = status(due, today)
    label = {"overdue": "**Overdue**", "due": "Due soon", "current": "Current"}[state]
    return (f"| {link(page.title, here, page.src_path)} | {page.type} "
            f"| {md_text(page.meta.get('owner', ''))} | {page.meta.get('last_reviewed')} "
            f"| {due.isoformat()} | {label} |")
