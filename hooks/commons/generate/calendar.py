"""iCalendar (RFC 5545) feeds: every event, and one per region (its own and online events),
each bounded: events that ended in the last PAST_DAYS days and those starting within
settings.calendar_months (this month and the next ones).

Times carry TZID=Europe/London with the zone's VTIMEZONE, so calendars show the right hour
either side of a clock change. UIDs are `<event id>@<site host>`, stable across builds, and
DTSTAMP is the build date, so a rebuild on the same day is byte-identical.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import icalendar

from commons.core.paths import page_url
from commons.generate.common import regions_in_order, table_origin
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.generate.whats_on import WHATS_ON, calendar_uri
from commons.load.settings import Settings
from commons.model import events as ev
from commons.model.records import Commons, Event

PRODID = "-//Learning Commons//What's on//EN"
PAST_DAYS = 31  # a calendar keeps the last month's events, so they do not vanish at once


def in_window(commons: Commons, settings: Settings) -> list[Event]:
    """The events a calendar holds: recently ended, or starting within calendar_months."""
    since = settings.today - dt.timedelta(days=PAST_DAYS)
    recent = [e for e in commons.events if e.end.date() >= since]
    return ev.within(recent, settings.today, settings.calendar_months)[0]


@reads("data_label", "events", "pages", "regions")
def generate_calendars(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "events")
    window = in_window(commons, settings)
    files = [GeneratedFile(calendar_uri(), calendar_bytes(
        commons, settings, window, "Learning Commons: all events"), origin)]
    for region in regions_in_order(commons):
        chosen = [e for e in window if ev.in_region(e, region.id)]
        files.append(GeneratedFile(calendar_uri(region.id), calendar_bytes(
            commons, settings, chosen, f"Learning Commons: {region.name}"), origin))
    return files


def calendar_bytes(commons: Commons, settings: Settings, chosen: list[Event],
                   name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", ev.LONDON.key)
    stamp = dt.datetime.combine(settings.today, dt.time(), dt.timezone.utc)
    for event in sorted(chosen, key=lambda e: (e.start, e.id)):
        cal.add_component(_vevent(commons, settings, event, stamp))
    if chosen:
        first = min(e.start for e in chosen).date().replace(month=1, day=1)
        last = max(e.end for e in chosen).date().replace(month=12, day=31)
        cal.add_missing_timezones(first_date=first, last_date=last)
    return cal.to_ical()


def _vevent(commons: Commons, settings: Settings, event: Event,
            stamp: dt.datetime) -> icalendar.Event:
    page = ev.session_page(commons, event)
    item = icalendar.Event()
    item.add("uid", f"{event.id}@{urlsplit(settings.site_url).hostname or 'localhost'}")
    item.add("dtstamp", stamp)
    item.add("dtstart", event.start)
    item.add("dtend", event.end)
    item.add("summary", ev.title(commons, event))
    about = f"{page.summary}\n\n" if page else ""
    part = ev.part_text(commons, event)
    item.add("description", f"{about}{part + '. ' if part else ''}{event.places} places. "
             f"{ev.how_to_book(event)}")
    item.add("location", ev.where(commons, event))
    item.add("url", page_url(settings.site_url, page.src_path if page else WHATS_ON))
    item.add("status", "CONFIRMED")
    return item
