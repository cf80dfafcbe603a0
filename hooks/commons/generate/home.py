"""What the home page shows that changes by itself: the next three events and the latest
resources. Pure: the home page's Markdown in, with both sections put where its marker is."""

from __future__ import annotations

import datetime as dt

from commons.generate.common import link
from commons.generate.whats_on import TITLE as WHATS_ON_TITLE
from commons.generate.whats_on import WHATS_ON, event_line
from commons.model import events as ev
from commons.model import types
from commons.model.records import Commons, Page

HOME = "index.md"
MARKER = "<!-- commons: coming up and latest -->"
NEXT_EVENTS = 3
LATEST = 5


def latest(commons: Commons, page_dates: dict[str, dt.date], docs_label: str = "content"
           ) -> list[tuple[Page, dt.date]]:
    """Resources by the day they last changed (git, else last reviewed), newest first."""
    dated = []
    for page in (p for kind in types.content_types() if kind.in_feed
                 for p in commons.pages_of(kind.name)):
        day = page_dates.get(f"{docs_label}/{page.src_path}") or page.meta.get("last_reviewed")
        if isinstance(day, dt.date):
            dated.append((page, day))
    return sorted(dated, key=lambda item: (-item[1].toordinal(), item[0].src_path))[:LATEST]


def sections(commons: Commons, today: dt.date, page_dates: dict[str, dt.date],
             docs_label: str = "content") -> str:
    """Markdown: "Coming up" (the next three events) and "New and updated"."""
    coming = ev.upcoming(commons, today)[:NEXT_EVENTS]
    lines = ["## Coming up", ""]
    lines += [event_line(commons, event, HOME) for event in coming] or [
        "No events are booked at the moment."]
    lines += ["", f"See everything in {link(WHATS_ON_TITLE, HOME, WHATS_ON)}.", "",
              "## New and updated", ""]
    for page, day in latest(commons, page_dates, docs_label):
        lines.append(f"- {link(page.title, HOME, page.src_path)} · "
                     f"{types.by_name(page.type).label} · updated {day.day} {day:%B %Y}")
    return "\n".join(lines + [""])


def with_sections(markdown: str, src_uri: str, commons: Commons, today: dt.date,
                  page_dates: dict[str, dt.date] | None, docs_label: str = "content") -> str:
    """The home page with its marker replaced by the sections; other pages unchanged."""
    if src_uri != HOME or MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, sections(commons, today, page_dates or {}, docs_label), 1)
