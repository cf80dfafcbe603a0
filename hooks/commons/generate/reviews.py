"""The reviews report: policies and toolkits whose review is due or overdue, oldest first."""

from __future__ import annotations

import datetime as dt

from commons.core.markup import md_text
from commons.generate.common import REVIEWS, link, page_md, whole_commons
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model.records import Commons, Page
from commons.model.reviews import DUE_SOON_DAYS, reviewed_pages, status


@reads("content_label", "pages")
def generate_reviews(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    return [GeneratedFile(REVIEWS, reviews_page(commons, settings.today), whole_commons(commons),
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
