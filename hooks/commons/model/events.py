"""Events: dated occurrences of sessions, read from data/events.csv.

Times in the CSV are UK local wall-clock times; here they become aware Europe/London
datetimes, so British Summer Time is worked out once, and calendars and pages agree.
An event is upcoming until its end has passed on the build date (settings.today).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from commons.core.problems import Origin
from commons.model.records import Commons, Event, Page

LONDON = ZoneInfo("Europe/London")
IN_PERSON, ONLINE, BLENDED = "in person", "online", "blended"


def records(rows: list[dict[str, Any]], path: str) -> tuple[Event, ...]:
    """Typed events, sorted by start then id; rows missing a time are left out (frictionless
    has reported them already)."""
    events = []
    for row in rows:
        start, end = row.get("start"), row.get("end")
        if not isinstance(start, dt.datetime) or not isinstance(end, dt.datetime):
            continue
        events.append(Event(
            id=row["id"], session=row["session"], start=start.replace(tzinfo=LONDON),
            end=end.replace(tzinfo=LONDON), mode=row.get("mode") or IN_PERSON,
            venue=row.get("venue"), region=row.get("region"), places=row.get("places") or 0,
            booking=row.get("booking") or "", contact=row.get("contact") or "",
            series=row.get("series"), part=row.get("part"),
            origin=Origin(path, row=row.get("_row"))))
    return tuple(sorted(events, key=lambda e: (e.start, e.id)))


def is_upcoming(event: Event, today: dt.date) -> bool:
    return event.end.date() >= today


def upcoming(commons: Commons, today: dt.date) -> list[Event]:
    return [e for e in commons.events if is_upcoming(e, today)]


def past(commons: Commons, today: dt.date) -> list[Event]:
    """Past events, most recent first, as an archive reads."""
    return sorted((e for e in commons.events if not is_upcoming(e, today)),
                  key=lambda e: (e.start, e.id), reverse=True)


def months_ahead(today: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after today's: where a window of months ends."""
    index = today.year * 12 + today.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def within(events: list[Event], today: dt.date, months: int) -> tuple[list[Event], list[Event]]:
    """Upcoming events split into those starting before the window of months ends (this
    month and the next months - 1) and those after it."""
    end = months_ahead(today, months)
    return ([e for e in events if e.start.date() < end],
            [e for e in events if e.start.date() >= end])


def for_session(commons: Commons, session_id: str, today: dt.date) -> list[Event]:
    """The upcoming events of one session, from the cross index's grouping."""
    return [e for e in commons.index.events_by_session.get(session_id, ())
            if is_upcoming(e, today)]


def events_for_region(commons: Commons, region_id: str, today: dt.date) -> list[Event]:
    """Upcoming events a region's page lists: those held there, and online events open to
    everyone or meant for that region."""
    return [e for e in upcoming(commons, today) if in_region(e, region_id)]


def in_region(event: Event, region_id: str) -> bool:
    return event.region == region_id or (event.mode == ONLINE and not event.region)


def session_page(commons: Commons, event: Event) -> Page | None:
    page = commons.pages.get(event.session)
    return page if page is not None and page.type == "session" else None


def title(commons: Commons, event: Event) -> str:
    page = session_page(commons, event)
    return page.title if page else event.session


def clock(moment: dt.datetime) -> str:
    """'9am', '1:30pm', 'midday'."""
    if (moment.hour, moment.minute) == (12, 0):
        return "midday"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def day(moment: dt.datetime) -> str:
    """'Tuesday 20 July 2027'."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def when(event: Event) -> str:
    """'Tuesday 20 July 2027, 9am to 1pm' in UK time, across days when it needs to."""
    if event.start.date() == event.end.date():
        return f"{day(event.start)}, {clock(event.start)} to {clock(event.end)}"
    return f"{day(event.start)}, {clock(event.start)} to {day(event.end)}, {clock(event.end)}"


def where(commons: Commons, event: Event) -> str:
    """'Online', or the venue and its region's name."""
    if event.mode == ONLINE:
        region = commons.regions.get(event.region or "")
        return f"Online, for {region.name}" if region else "Online"
    region = commons.regions.get(event.region or "")
    return f"{event.venue}, {region.name}" if region else str(event.venue)


MODE_LABELS = {IN_PERSON: "In person", ONLINE: "Online", BLENDED: "In person and online"}


def mode_label(event: Event) -> str:
    return MODE_LABELS.get(event.mode, event.mode.capitalize())


def part_text(commons: Commons, event: Event) -> str:
    """'Part 2 of 4' for a part of a series; '' for a single event."""
    if not event.series or not event.part:
        return ""
    return f"Part {event.part} of {commons.index.parts_in_series[(event.session, event.series)]}"


def booking_contact(event: Event) -> str | None:
    """The address to book by when there is no booking link: a mailto: for an email."""
    if event.booking or not event.contact:
        return None
    return f"mailto:{event.contact}" if "@" in event.contact else None


def how_to_book(event: Event) -> str:
    """How to book, in plain words, for a calendar or a card."""
    if event.booking:
        return f"Book: {event.booking}"
    return f"How to book: email {event.contact}" if event.contact else ""
