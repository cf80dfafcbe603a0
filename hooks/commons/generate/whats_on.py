"""What's on: upcoming events by date, filterable by region and format, an archive of past
events, and the dates shown on each session and region page. Upcoming and past are split on
the build date, so a nightly build moves finished events to the archive.

Every list is bounded, so that a large events table makes pages a reader can use: What's on,
session and region pages show the window of settings.whats_on_months (this month and the
next ones), later events are on a page per month, and the archive has a page per year."""

from __future__ import annotations

import datetime as dt

from commons.core.markup import md_text
from commons.generate.common import (
    external_link,
    link,
    page_md,
    region_uri,
    regions_in_order,
    table_origin,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.generate.templates import fragment, fragment_lines
from commons.load.settings import Settings
from commons.model import events as ev
from commons.model.records import Commons, Event

WHATS_ON = "whats-on.md"
ARCHIVE = "whats-on/archive.md"
UK_TIME = "Times are UK time (GMT in winter, BST in summer)."
TITLE = "What's on"


@reads("data_label", "events", "pages", "regions")
def generate_whats_on(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "events")
    today, months = settings.today, settings.whats_on_months
    _, later = ev.within(ev.upcoming(commons, today), today, months)
    return [GeneratedFile(WHATS_ON, whats_on_page(commons, today, months), origin, in_nav=True),
            GeneratedFile(ARCHIVE, archive_page(commons, today), origin),
            *(GeneratedFile(month_uri(month), month_page(commons, month, items), origin)
              for month, items in _by_month(later).items()),
            *(GeneratedFile(year_uri(year), year_page(commons, year, items), origin)
              for year, items in _by_year(ev.past(commons, today)).items())]


def month_uri(month: dt.date) -> str:
    return f"whats-on/{month:%Y-%m}.md"


def year_uri(year: int) -> str:
    return f"whats-on/archive/{year}.md"


def _by_month(events: list[Event]) -> dict[dt.date, list[Event]]:
    months: dict[dt.date, list[Event]] = {}
    for event in events:
        months.setdefault(event.start.date().replace(day=1), []).append(event)
    return months


def _by_year(events: list[Event]) -> dict[int, list[Event]]:
    years: dict[int, list[Event]] = {}
    for event in events:
        years.setdefault(event.start.year, []).append(event)
    return years


def _count(items: list[Event]) -> str:
    return f"{len(items)} event{'s' * (len(items) != 1)}"


def _later_links(here: str, later: list[Event], counted: bool = True) -> list[str]:
    """Links to the month pages of events after the window, one line each."""
    return [f"- {link(f'{month:%B %Y}', here, month_uri(month))}"
            + (f": {_count(items)}" if counted else "")
            for month, items in _by_month(later).items()]


def calendar_uri(region_id: str | None = None) -> str:
    return f"calendar/{region_id or 'all'}.ics"


def event_line(commons: Commons, event: Event, from_uri: str, titled: bool = True) -> str:
    """One event as a Markdown list item: when, what, where, places, how to book."""
    what, where = _what_and_where(commons, event, from_uri)
    parts = [f"**{_time(event)}**", *([what] if titled else []),
             md_text(ev.part_text(commons, event)), where, f"{event.places} places",
             _booking(event)]
    return "- " + " · ".join(p for p in parts if p)


def _booking(event: Event, button: bool = False) -> str:
    """A link to book, or the organiser's address to book by; never a dead end."""
    if event.booking:
        return external_link(event.booking, "Book a place",
                             "md-button commons-card__book" if button else "")
    contact = ev.booking_contact(event)
    if contact:
        return f"How to book: email {external_link(contact, event.contact)}"
    return md_text(ev.how_to_book(event))


def _what_and_where(commons: Commons, event: Event, from_uri: str) -> tuple[str, str]:
    page = ev.session_page(commons, event)
    what = link(page.title, from_uri, page.src_path) if page else md_text(event.session)
    how = ev.mode_label(event)
    place = md_text(ev.where(commons, event).removeprefix("Online").lstrip(", "))
    return what, f"{how}{': ' + place if place else ''}"


def filter_tokens(commons: Commons, event: Event) -> dict[str, str]:
    """The region and format values an event matches; an online event for everyone matches
    every region."""
    regions = [r.id for r in regions_in_order(commons) if ev.in_region(event, r.id)]
    formats = {ev.ONLINE: "online", ev.IN_PERSON: "in-person", ev.BLENDED: "in-person online"}
    return {"region": " ".join(regions), "format": formats.get(event.mode, "in-person")}


def whats_on_page(commons: Commons, today: dt.date, months: int = 6) -> str:
    here = WHATS_ON
    coming, later = ev.within(ev.upcoming(commons, today), today, months)
    body = ["Sessions with a date: workshops, courses, webinars and communities of practice, "
            f"in person across the regions and online. {UK_TIME}", "",
            f"Add them to your calendar: {link('all events (.ics)', here, calendar_uri())}, "
            f"or the calendar of one region on its page. Past events are in the "
            f"{link('archive', here, ARCHIVE)}.", ""]
    later_section = ["## Later events", "", f"Events from "
                     f"{ev.months_ahead(today, months):%B %Y}, a page for each month:", "",
                     *_later_links(here, later), ""] if later else []
    if not coming:
        return page_md(TITLE, body + ["No events are booked in the next months.", "",
                                      *later_section] if later else
                       body + ["No events are booked at the moment.", ""],
                       "Upcoming sessions by date, region and format.")
    body += [*_filter_form(commons),
             fragment("filter_count", total=len(coming), noun="events", noun_one="event",
                      text=f"Showing all {len(coming)} event{'s' * (len(coming) != 1)}"), "",
             '<div class="commons-events" data-commons-list markdown="block">', ""]
    for event in coming:
        body += _card(commons, event, here)
    body += ["</div>", "", *later_section]
    return page_md(TITLE, body, "Upcoming sessions by date, region and format, with "
                   "calendars to subscribe to.", hide_toc=True)


def archive_page(commons: Commons, today: dt.date) -> str:
    here = ARCHIVE
    gone = ev.past(commons, today)
    body = [f"Events that have finished, most recent first. {UK_TIME} For what is coming up, "
            f"see {link(TITLE, here, WHATS_ON)}.", ""]
    body += [f"- {link(str(year), here, year_uri(year))}: {_count(items)}"
             for year, items in _by_year(gone).items()]
    body += [""]
    if not gone:
        body += ["No events have finished yet.", ""]
    return page_md("Past events", body, "Sessions that have already taken place.")


def year_page(commons: Commons, year: int, items: list[Event]) -> str:
    """The events of one past year, most recent first."""
    here = year_uri(year)
    body = [f"Events in {year} that have finished, most recent first. {UK_TIME} Other years "
            f"are in the {link('archive', here, ARCHIVE)}; for what is coming up, see "
            f"{link(TITLE, here, WHATS_ON)}.", "", *(_past_line(commons, e, here) for e in items),
            ""]
    return page_md(f"Past events in {year}", body, f"Sessions that took place in {year}.")


def month_page(commons: Commons, month: dt.date, items: list[Event]) -> str:
    """The events of one month after What's on's window, by date."""
    here = month_uri(month)
    body = [f"Sessions booked for {month:%B %Y}. {UK_TIME} For the coming months, see "
            f"{link(TITLE, here, WHATS_ON)}.", "", *(event_line(commons, e, here) for e in items),
            ""]
    return page_md(f"What's on in {month:%B %Y}", body,
                   f"Sessions booked for {month:%B %Y}.")


def _dates_after(here: str, later: list[Event]) -> list[str]:
    return ["", "Later dates are on What's on's pages for:", "",
            *_later_links(here, later, counted=False)] if later else []


def session_dates(commons: Commons, src_uri: str, session_id: str, today: dt.date,
                  months: int = 6) -> str:
    """The 'Upcoming dates' section of a session page, as Markdown: the window's dates, and
    links to the months of later ones."""
    dates, later = ev.within(ev.for_session(commons, session_id, today), today, months)
    lines = ["## Upcoming dates", ""]
    lines += [event_line(commons, e, src_uri, titled=False) for e in dates] or [
        f"No dates are booked in the next months. See {link(TITLE, src_uri, WHATS_ON)} for "
        "everything coming up." if later else
        f"No dates are booked at the moment. See {link(TITLE, src_uri, WHATS_ON)} for "
        "everything coming up."]
    lines += _dates_after(src_uri, later)
    return "\n".join(lines + ["", UK_TIME if dates else "", ""]).rstrip() + "\n"


def region_events(commons: Commons, region_id: str, today: dt.date,
                  months: int = 6) -> list[str]:
    """The 'What's on' section of a region page: local and online events in the window,
    links to the months of later ones, and its calendar."""
    here = region_uri(region_id)
    items, later = ev.within(ev.events_for_region(commons, region_id, today), today, months)
    calendar = link("this region's calendar (.ics)", here, calendar_uri(region_id))
    lines = [f"## {TITLE}", "", f"{UK_TIME} Online events open to everyone are included.", ""]
    lines += [event_line(commons, e, here) for e in items] or [
        "No events are booked here in the next months." if later else
        "No events are booked here at the moment."]
    lines += _dates_after(here, later)
    return lines + ["", f"Subscribe to {calendar}, or see {link(TITLE, here, WHATS_ON)} "
                        "everywhere.", ""]


def _time(event: Event) -> str:
    return fragment("time", moment=event.start, text=ev.when(event))


def _past_line(commons: Commons, event: Event, here: str) -> str:
    page = ev.session_page(commons, event)
    what = link(page.title, here, page.src_path) if page else md_text(event.session)
    return f"- {_time(event)}: {what}, {md_text(ev.where(commons, event))}"


def _card(commons: Commons, event: Event, here: str) -> list[str]:
    """One event on What's on: the session as the heading, then when, where and places, and
    booking as a button (or how to book)."""
    data = list(filter_tokens(commons, event).items())
    what, where = _what_and_where(commons, event, here)
    part = md_text(ev.part_text(commons, event))
    book = _booking(event, button=True)
    return [fragment("card_open", data=data), "", f"## {what}", "",
            " · ".join(p for p in [_time(event), part, where, f"{event.places} places"] if p),
            "", *([book, ""] if book else []), "</article>", ""]


def _filter_form(commons: Commons) -> list[str]:
    """Labelled selects, hidden until the directory script can make them work."""
    regions = [(r.id, r.name) for r in regions_in_order(commons)]
    formats = [("in-person", "In person"), ("online", "Online")]
    filters = [{"key": "region", "label": "Region", "anyone": "Any region", "options": regions},
               {"key": "format", "label": "Format", "anyone": "Any format", "options": formats}]
    return fragment_lines("filter_form", legend="Filter events", filters=filters,
                          reset="Show all events") + [""]
