"""iCalendar feeds: valid RFC 5545 that icalendar parses back, right across a clock change,
stable UIDs and byte-identical output for the same build date."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from commons.generate.calendar import generate_calendars
from commons.load.settings import Settings

SETTINGS = Settings(today=dt.date(2026, 11, 23), site_url="https://commons.example.org/")


@pytest.fixture
def calendars(mini_loaded):
    commons = mini_loaded.commons
    return commons, {f.src_uri: f.content for f in generate_calendars(commons, SETTINGS)}


def parsed(content: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(content)


def test_one_calendar_for_all_and_one_per_region(calendars):
    _, files = calendars
    assert sorted(files) == ["calendar/all.ics", "calendar/city.ics", "calendar/north.ics"]
    for content in files.values():
        assert content.startswith(b"BEGIN:VCALENDAR\r\n") and b"\r\nVERSION:2.0\r\n" in content
        assert all(len(line) <= 75 for line in content.split(b"\r\n"))  # folded lines


def test_events_carry_london_times_across_the_march_clock_change(calendars):
    cal = parsed(calendars[1]["calendar/all.ics"])
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    starts = {str(e["UID"]): e.decoded("DTSTART") for e in cal.walk("VEVENT")}
    before = starts["care-act-2027-03@commons.example.org"]
    after = starts["care-act-2027-04@commons.example.org"]
    assert before.utcoffset() == dt.timedelta(0) and after.utcoffset() == dt.timedelta(hours=1)
    assert before.astimezone(dt.timezone.utc).hour == 10  # 10am GMT
    assert after.astimezone(dt.timezone.utc).hour == 9  # 10am BST is 9am UTC
    assert b"DTSTART;TZID=Europe/London:20270401T100000" in calendars[1]["calendar/all.ics"]


def test_each_event_has_the_properties_a_calendar_needs(calendars):
    for event in parsed(calendars[1]["calendar/all.ics"]).walk("VEVENT"):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL"):
            assert name in event, name
        assert event.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc)
        assert str(event["URL"]) == "https://commons.example.org/sessions/care-act-overview/"
    in_person = [e for e in parsed(calendars[1]["calendar/all.ics"]).walk("VEVENT")
                 if str(e["UID"]).startswith("care-act-2027-03")][0]
    assert str(in_person["LOCATION"]) == "Civic Centre, Glebe Street, Stoke-on-Trent, City Region"


def test_region_calendar_has_its_own_and_online_events(calendars):
    _, files = calendars
    uids = lambda name: sorted(str(e["UID"]).split("@")[0]  # noqa: E731
                               for e in parsed(files[name]).walk("VEVENT"))
    assert uids("calendar/north.ics") == ["care-act-2027-04"]
    assert uids("calendar/city.ics") == ["care-act-2027-03", "care-act-2027-04"]


def test_a_calendar_keeps_last_months_events_and_the_next_twelve_months(mini_loaded):
    """Built on 20 March 2026, the event of 10 March has just passed and stays, and March
    2027 is too far ahead; built in April 2026, the March 2026 event is too old and April
    2027 is past the twelve months (this one and the eleven after it)."""
    commons = mini_loaded.commons

    def uids(day: dt.date, months: int = 12) -> list[str]:
        settings = Settings(today=day, site_url=SETTINGS.site_url, calendar_months=months)
        [every, *_] = generate_calendars(commons, settings)
        return sorted(str(e["UID"]).split("@")[0] for e in parsed(every.content).walk("VEVENT"))

    assert uids(dt.date(2026, 3, 20)) == ["care-act-2026-03"]
    assert uids(dt.date(2026, 4, 15)) == ["care-act-2027-03"]
    assert uids(dt.date(2026, 4, 15), months=13) == ["care-act-2027-03", "care-act-2027-04"]


def test_output_is_identical_for_the_same_build_date(calendars):
    commons, files = calendars
    again = {f.src_uri: f.content for f in generate_calendars(commons, SETTINGS)}
    assert again == files


def test_the_october_change_too():
    from commons.model.events import LONDON
    from commons.model.records import Commons, Event, Page

    page = Page("s", "session", "sessions/s.md", "S", "About S.", {})
    def at(day: int) -> Event:
        start = dt.datetime(2027, 10, day, 14, 0, tzinfo=LONDON)
        return Event(f"e{day}", "s", start, start + dt.timedelta(hours=1), "online", None,
                     None, 5, "https://book.example.org/")
    commons = Commons({}, {}, {}, {}, {}, {}, {"s": page}, events=(at(30), at(31)))
    cal = parsed(generate_calendars(commons, SETTINGS)[0].content)
    offsets = [e.decoded("DTSTART").utcoffset() for e in cal.walk("VEVENT")]
    assert offsets == [dt.timedelta(hours=1), dt.timedelta(0)]
