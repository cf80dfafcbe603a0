"""What a Table Schema cannot say about events.csv."""

from __future__ import annotations

import datetime as dt

from commons.core.hints import nearest
from commons.core.problems import Problem
from commons.load.settings import Settings
from commons.model.events import BLENDED, IN_PERSON, LONDON
from commons.model.records import Commons

FIRST_YEAR, LAST_YEAR = 2000, 2100  # what calendars and pages can show; beyond is a typing slip


def events_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """Rules a Table Schema cannot say: the session exists, end after start, a real local
    time, a venue and region for every event held in a room (in person or blended), a way
    to book, and the parts of a series numbered from 1 with none missing."""
    sessions = {p.id for p in commons.pages_of("session")}
    problems = []
    for event in commons.events:
        def problem(field: str, message: str, hint: str) -> None:
            problems.append(event.origin.problem(message, hint, field))

        if event.session not in sessions:
            problem("session", f"'{event.session}' is not a session page id",
                    nearest(event.session, sessions))
        for name in ("start", "end"):
            year = getattr(event, name).year
            if not FIRST_YEAR <= year <= LAST_YEAR:
                problem(name, f"the year {year} is outside {FIRST_YEAR} to {LAST_YEAR}",
                        "check the date: write it as YYYY-MM-DDTHH:MM, e.g. 2027-07-20T09:00")
        if event.end <= event.start:
            problem("end", "the event ends before it starts",
                    "write an end date and time after the start, e.g. 2027-07-20T13:00")
        for name in ("start", "end"):
            issue = _local_time_issue(getattr(event, name))
            if issue:
                problem(name, issue, "choose a time outside 1am to 2am on the day the clocks "
                                     "change")
        if event.mode in (IN_PERSON, BLENDED):
            if not event.venue:
                problem("venue", f"an event {event.mode} needs a venue",
                        "write the building, street and town, or set mode to online")
            if not event.region:
                problem("region", f"an event {event.mode} needs a region",
                        nearest("", set(commons.regions)))
        elif event.venue:
            problem("venue", "an online event has no venue",
                    "leave venue empty, or set mode to in person or blended")
        if not event.booking and not event.contact:
            problem("contact", "the event has no way to book",
                    "give a booking link (https://...) or an email address to book with")
        if (event.series is None) != (event.part is None):
            problem("part" if event.part is None else "series",
                    "a part of a series needs both series and part",
                    "give the series id and the part's number, e.g. 2")
    return problems + _series_problems(commons)


def _series_problems(commons: Commons) -> list[Problem]:
    """Each series: one session, parts 1, 2, 3 ... in date order, none missing."""
    problems = []
    series: dict[str, list] = {}
    for event in commons.events:  # in start order
        if event.series and event.part:
            series.setdefault(event.series, []).append(event)
    for name, parts in sorted(series.items()):
        numbers = [e.part for e in parts]
        last = parts[-1]
        if len({e.session for e in parts}) > 1:
            problems.append(last.origin.problem(f"the series '{name}' mixes sessions",
                                                "give each session's parts their own series",
                                                "series"))
        elif numbers != list(range(1, len(parts) + 1)):
            problems.append(last.origin.problem(
                f"the parts of the series '{name}' are {', '.join(map(str, numbers))} in date "
                "order", "number the parts 1, 2, 3 ... in the order of their dates", "part"))
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
