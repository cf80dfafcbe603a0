"""What's on: upcoming events by date, filterable by region and format, an archive of past
events, and the dates shown on each session and region page. Upcoming and past are split on
the build date, so a nightly build moves finished events to the archive."""

from __future__ import annotations

import datetime as dt

from .. import events as ev
from ..markup import esc, md_text
from ..model import Commons, Event
from ..settings import Settings
from . import GeneratedFile
from .common import FOLD_BUTTON, external_link, link, page_md, region_uri, regions_in_order
from .index import cross_index

WHATS_ON = "whats-on.md"
ARCHIVE = "whats-on/archive.md"
ORIGIN = "data/events.csv"
UK_TIME = "Times are UK time (GMT in winter, BST in summer)."
TITLE = "What's on"


def generate_whats_on(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    return [GeneratedFile(WHATS_ON, whats_on_page(commons, settings.today), ORIGIN, in_nav=True),
            GeneratedFile(ARCHIVE, archive_page(commons, settings.today), ORIGIN)]


def calendar_uri(region_id: str | None = None) -> str:
    return f"calendar/{region_id or 'all'}.ics"


def event_line(commons: Commons, event: Event, from_uri: str, titled: bool = True) -> str:
    """One event as a Markdown list item: when, what, where, places, how to book."""
    what, where = _what_and_where(commons, event, from_uri)
    parts = [f"**{_time(event)}**", *([what] if titled else []), where,
             f"{event.places} places", external_link(event.booking, "Book a place")]
    return "- " + " · ".join(p for p in parts if p)


def _what_and_where(commons: Commons, event: Event, from_uri: str) -> tuple[str, str]:
    page = ev.session_page(commons, event)
    what = link(page.title, from_uri, page.src_path) if page else md_text(event.session)
    how = "Online" if event.mode == ev.ONLINE else "In person"
    place = md_text(ev.where(commons, event).removeprefix("Online").lstrip(", "))
    return what, f"{how}{': ' + place if place else ''}"


def filter_tokens(commons: Commons, event: Event) -> dict[str, str]:
    """The region and format values an event matches; an online event for everyone matches
    every region."""
    regions = [r.id for r in regions_in_order(commons) if ev.in_region(event, r.id)]
    return {"region": " ".join(regions),
            "format": "online" if event.mode == ev.ONLINE else "in-person"}


def whats_on_page(commons: Commons, today: dt.date) -> str:
    here = WHATS_ON
    coming = ev.upcoming(commons, today)
    body = ["Sessions with a date: workshops, courses, webinars and communities of practice, "
            f"in person across the regions and online. {UK_TIME}", "",
            f"Add them to your calendar: {link('all events (.ics)', here, calendar_uri())}, "
            f"or the calendar of one region on its page. Past events are in the "
            f"{link('archive', here, ARCHIVE)}.", ""]
    if not coming:
        return page_md(TITLE, body + ["No events are booked at the moment.", ""],
                       "Upcoming sessions by date, region and format.")
    body += [*_filter_form(commons),
             f'<p class="commons-filter-count" role="status" aria-live="polite" '
             f'data-commons-count data-total="{len(coming)}" data-noun="events" '
             f'data-noun-one="event">Showing all {len(coming)} '
             f'event{"s" * (len(coming) != 1)}</p>', "",
             '<div class="commons-events" data-commons-list markdown="block">', ""]
    for event in coming:
        body += _card(commons, event, here)
    body += ["</div>", ""]
    return page_md(TITLE, body, "Upcoming sessions by date, region and format, with "
                   "calendars to subscribe to.", hide_toc=True)


def archive_page(commons: Commons, today: dt.date) -> str:
    here = ARCHIVE
    gone = ev.past(commons, today)
    body = [f"Events that have finished, most recent first. {UK_TIME} For what is coming up, "
            f"see {link(TITLE, here, WHATS_ON)}.", ""]
    years: dict[int, list[Event]] = {}
    for event in gone:
        years.setdefault(event.start.year, []).append(event)
    for year, items in years.items():
        body += [f"## {year}", "", *(_past_line(commons, e, here) for e in items), ""]
    if not gone:
        body += ["No events have finished yet.", ""]
    return page_md("Past events", body, "Sessions that have already taken place.")


def session_dates(commons: Commons, src_uri: str, session_id: str, today: dt.date) -> str:
    """The 'Upcoming dates' section of a session page, as Markdown."""
    dates = ev.for_session(commons, session_id, today)
    lines = ["## Upcoming dates", ""]
    lines += [event_line(commons, e, src_uri, titled=False) for e in dates] or [
        f"No dates are booked at the moment. See {link(TITLE, src_uri, WHATS_ON)} for "
        "everything coming up."]
    return "\n".join(lines + ["", UK_TIME if dates else "", ""]).rstrip() + "\n"


def with_session_dates(markdown: str, src_uri: str, commons: Commons, today: dt.date) -> str:
    """A session page's Markdown with its upcoming dates added; other pages unchanged."""
    page = cross_index(commons).by_path.get(src_uri)
    if page is None or page.type != "session":
        return markdown
    return markdown.rstrip("\n") + "\n\n" + session_dates(commons, src_uri, page.id, today)


def region_events(commons: Commons, region_id: str, today: dt.date) -> list[str]:
    """The 'What's on' section of a region page: local and online events, and its calendar."""
    here = region_uri(region_id)
    items = ev.events_for_region(commons, region_id, today)
    calendar = link("this region's calendar (.ics)", here, calendar_uri(region_id))
    lines = [f"## {TITLE}", "", f"{UK_TIME} Online events open to everyone are included.", ""]
    lines += [event_line(commons, e, here) for e in items] or [
        "No events are booked here at the moment."]
    return lines + ["", f"Subscribe to {calendar}, or see {link(TITLE, here, WHATS_ON)} "
                        "everywhere.", ""]


def _time(event: Event) -> str:
    return f'<time datetime="{event.start.isoformat()}">{esc(ev.when(event))}</time>'


def _past_line(commons: Commons, event: Event, here: str) -> str:
    page = ev.session_page(commons, event)
    what = link(page.title, here, page.src_path) if page else md_text(event.session)
    return f"- {_time(event)}: {what}, {md_text(ev.where(commons, event))}"


def _card(commons: Commons, event: Event, here: str) -> list[str]:
    """One event on What's on: the session as the heading, then when, where and places, and
    booking as a button."""
    data = " ".join(f'data-{k}="{esc(v)}"' for k, v in filter_tokens(commons, event).items())
    what, where = _what_and_where(commons, event, here)
    book = external_link(event.booking, "Book a place").replace(
        "<a ", '<a class="md-button commons-card__book" ', 1)
    return [f'<article class="commons-card" {data} markdown="block">', "", f"## {what}", "",
            " · ".join([_time(event), where, f"{event.places} places"]), "",
            *([book, ""] if book else []), "</article>", ""]


def _filter_form(commons: Commons) -> list[str]:
    """Labelled selects, hidden until the directory script can make them work."""
    regions = [(r.id, r.name) for r in regions_in_order(commons)]
    formats = [("in-person", "In person"), ("online", "Online")]
    lines = ['<form class="commons-filters" data-commons-filter hidden>', FOLD_BUTTON, "<fieldset>",
             "<legend>Filter events</legend>"]
    for key, label, anyone, options in (("region", "Region", "Any region", regions),
                                        ("format", "Format", "Any format", formats)):
        lines.append(f'<div class="commons-filter"><label for="filter-{key}">{label}</label>'
                     f'<select id="filter-{key}" name="{key}"><option value="">{anyone}</option>')
        lines += [f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in options]
        lines.append("</select></div>")
    return lines + ['<button type="reset" class="md-button">Show all events</button>',
                    "</fieldset>", "</form>", ""]
