"""Events: dated occurrences of sessions, read from data/events.csv.

Times in the CSV are UK local wall-clock times; here they become aware Europe/London
datetimes, so British Summer Time is worked out once, and calendars and pages agree.
An event is upcoming until its end has passed on the build date (settings.today).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from .content import Source
from .fields import nearest
from .model import Commons, Event, Page
from .problems import Problem

LONDON = ZoneInfo("Europe/London")
PATH = "data/events.csv"
IN_PERSON, ONLINE = "in person", "online"


def records(rows: list[dict[str, Any]]) -> tuple[Event, ...]:
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
            booking=row.get("booking") or "", row=row.get("_row") or 0))
    return tuple(sorted(events, key=lambda e: (e.start, e.id)))


def events_rule(commons: Commons, sources: list[Source]) -> list[Problem]:
    """Rules a Table Schema cannot say: the session exists, end after start, a real local
    time, and a venue and region for every event in person."""
    sessions = {p.id for p in commons.pages_of("session")}
    problems = []
    for event in commons.events:
        def problem(field: str, message: str, hint: str) -> None:
            problems.append(Problem(PATH, row=event.row, field=field, message=message, hint=hint))

        if event.session not in sessions:
            problem("session", f"'{event.session}' is not a session page id",
                    nearest(event.session, sessions))
        if event.end <= event.start:
            problem("end", "the event ends before it starts",
                    "write an end date and time after the start, e.g. 2027-07-20T13:00")
        for name in ("start", "end"):
            issue = _local_time_issue(getattr(event, name))
            if issue:
                problem(name, issue, "choose a time outside 1am to 2am on the day the clocks "
                                     "change")
        if event.mode == IN_PERSON:
            if not event.venue:
                problem("venue", "an event in person needs a venue",
                        "write the building, street and town, or set mode to online")
            if not event.region:
                problem("region", "an event in person needs a region",
                        nearest("", set(commons.regions)))
        elif event.venue:
            problem("venue", "an online event has no venue",
                    "leave venue empty, or set mode to in person")
    return problems


def _local_time_issue(moment: dt.datetime) -> str | None:
    """Wall-clock times that the clock change skips or repeats in the UK."""
    naive = moment.replace(tzinfo=None)
    there_and_back = moment.astimezone(dt.timezone.utc).astimezone(LONDON).replace(tzinfo=None)
    if there_and_back != naive:
        return f"{naive:%H:%M} does not exist on {naive:%d %B %Y}: the clocks go forward"
    if moment.replace(fold=1).utcoffset() != moment.replace(fold=0).utcoffset():
        return f"{naive:%H:%M} happens twice on {naive:%d %B %Y}: the clocks go back"
    return None


def is_upcoming(event: Event, today: dt.date) -> bool:
    return event.end.date() >= today


def upcoming(commons: Commons, today: dt.date) -> list[Event]:
    return [e for e in commons.events if is_upcoming(e, today)]


def past(commons: Commons, today: dt.date) -> list[Event]:
    """Past events, most recent first, as an archive reads."""
    return sorted((e for e in commons.events if not is_upcoming(e, today)),
                  key=lambda e: (e.start, e.id), reverse=True)


def for_session(commons: Commons, session_id: str, today: dt.date) -> list[Event]:
    return list(_upcoming_by_session(commons.events, today).get(session_id, ()))


_BY_SESSION: list = []  # [(events, today, {session id: upcoming events})]: the last seen


def _upcoming_by_session(events: tuple[Event, ...], today: dt.date) -> dict[str, list[Event]]:
    """Upcoming events grouped by session, worked out once per build rather than once per
    session page (every session page asks for its own)."""
    if _BY_SESSION and _BY_SESSION[0][0] is events and _BY_SESSION[0][1] == today:
        return _BY_SESSION[0][2]
    grouped: dict[str, list[Event]] = {}
    for event in events:
        if is_upcoming(event, today):
            grouped.setdefault(event.session, []).append(event)
    _BY_SESSION[:] = [(events, today, grouped)]
    return grouped


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
