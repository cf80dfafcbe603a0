"""When policies and toolkits are due for review."""

from __future__ import annotations

import datetime as dt

from commons.model import types
from commons.model.records import Commons, Page

DUE_SOON_DAYS = 60


def reviewed_pages(commons: Commons) -> list[tuple[dt.date, Page]]:
    """Every policy and toolkit with a review date, oldest due date first."""
    dated = [(p.review_due, p) for p in commons.pages.values()
             if types.by_name(p.type).reviewed and p.review_due is not None]
    return sorted(dated, key=lambda item: (item[0], item[1].src_path))


def status(due: dt.date, today: dt.date) -> str:
    if due < today:
        return "overdue"
    return "due" if (due - today).days <= DUE_SOON_DAYS else "current"
