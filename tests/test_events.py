"""Events: the table's rules, the upcoming/past split, What's on, and dates on session and
region pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from commons.generate.additions import page_additions
from commons.generate.regions import region_page
from commons.generate.whats_on import archive_page, filter_tokens, whats_on_page, year_page
from commons.load.settings import Settings
from commons.model import events
from commons.pipeline import load
from commons.publish import build_atomically
from helpers import ROOT, edit

TODAY = dt.date(2026, 11, 23)
EVENTS = "data/events.csv"
HEADER = "id,session,start,end,mode,venue,region,places,booking\n"
GOOD = ("care-act-2027-03,care-act-overview,2027-03-25T10:00,2027-03-25T11:30,in person,"
        '"Civic Centre, Glebe Street, Stoke-on-Trent",city,30,')


@pytest.fixture
def commons(mini_loaded):
    return mini_loaded.commons


def texts(root: Path) -> list[str]:
    return [p.text() for p in load(root).problems if p.path == EVENTS]


def test_rows_become_london_times_sorted_by_start(commons):
    assert [e.id for e in commons.events] == [
        "care-act-2026-03", "care-act-2027-03", "care-act-2027-04"]
    before, after = commons.events[1], commons.events[2]
    assert before.start.utcoffset() == dt.timedelta(0)  # 25 March 2027: GMT
    assert after.start.utcoffset() == dt.timedelta(hours=1)  # 1 April 2027: BST
    assert before.row == 3 and before.venue.startswith("Civic Centre")


def test_unknown_session_is_named_at_its_row_with_the_nearest_id(mini):
    edit(mini / EVENTS, "care-act-2027-03,care-act-overview,", "care-act-2027-03,care-act-overveiw,")
    assert texts(mini) == [f"{EVENTS}:row 3:session: 'care-act-overveiw' is not a session page "
                           "id (did you mean 'care-act-overview'?)"]


def test_every_broken_rule_is_reported_at_once(mini):
    (mini / EVENTS).write_text(
        HEADER
        + "ends-early,care-act-overview,2027-05-01T12:00,2027-05-01T10:00,online,,,5,"
          "https://book.example.org/a\n"
        + "no-venue,care-act-overview,2027-05-02T10:00,2027-05-02T12:00,in person,,,5,"
          "https://book.example.org/b\n"
        + "online-venue,care-act-overview,2027-05-03T10:00,2027-05-03T12:00,online,Hall,,5,"
          "https://book.example.org/c\n"
        + "gap,care-act-overview,2027-03-28T01:30,2027-03-28T03:00,online,,,5,"
          "https://book.example.org/d\n"
        + "bad-time,care-act-overview,2027-05-04 10:00,2027-05-04T12:00,online,,nowhere,5,"
          "javascript:alert(1)\n", encoding="utf-8")
    found = texts(mini)
    expected = [
        "row 2:end: the event ends before it starts",
        "row 3:region: an event in person needs a region",
        "row 3:venue: an event in person needs a venue",
        "row 4:venue: an online event has no venue",
        "row 5:start: 01:30 does not exist on 28 March 2027: the clocks go forward",
        "row 6:start: '2027-05-04 10:00' is not a valid datetime (write the UK local date and "
        "time as YYYY-MM-DDTHH:MM",
        "row 6:region: 'nowhere' is not an id in regions.csv",
        "row 6:booking: 'javascript:alert(1)' breaks a rule",
    ]
    for piece in expected:
        assert any(f"{EVENTS}:{piece}" in text for text in found), (piece, found)


def test_time_repeated_when_the_clocks_go_back_is_refused(mini):
    edit(mini / EVENTS, "2027-04-01T10:00,2027-04-01T11:30", "2027-10-31T01:15,2027-10-31T03:00")
    assert texts(mini) == [f"{EVENTS}:row 4:start: 01:15 happens twice on 31 October 2027: the "
                           "clocks go back (choose a time outside 1am to 2am on the day the "
                           "clocks change)"]


def test_upcoming_and_past_split_on_the_build_date(commons):
    assert [e.id for e in events.upcoming(commons, TODAY)] == ["care-act-2027-03",
                                                                "care-act-2027-04"]
    assert [e.id for e in events.past(commons, TODAY)] == ["care-act-2026-03"]
    # an event stays upcoming for the whole of its last day
    assert [e.id for e in events.upcoming(commons, dt.date(2027, 4, 1))] == ["care-act-2027-04"]


def test_when_reads_as_people_say_it(commons):
    assert events.when(commons.events[1]) == "Thursday 25 March 2027, 10am to 11:30am"
    noon = commons.events[1].start.replace(hour=12)
    assert events.clock(noon) == "midday" and events.clock(noon.replace(hour=13)) == "1pm"


def test_whats_on_lists_upcoming_with_filters_and_archive_keeps_the_past(commons):
    page = whats_on_page(commons, TODAY)
    assert page.count('class="commons-card"') == 2
    assert "Thursday 25 March 2027" in page and "10 March 2026" not in page
    assert 'data-region="city"' in page and 'data-format="online"' in page
    assert '<label for="filter-region">Region</label>' in page
    assert "Showing all 2 events" in page and 'aria-live="polite"' in page
    archive = archive_page(commons, TODAY)
    assert "- [2026](archive/2026.md): 1 event" in archive and "25 March 2027" not in archive
    year = year_page(commons, 2026, events.past(commons, TODAY))
    assert "Tuesday 10 March 2026" in year and "25 March 2027" not in year


def test_online_event_for_everyone_matches_every_region(commons):
    online = commons.events[2]
    assert filter_tokens(commons, online) == {"region": "north city", "format": "online"}
    assert filter_tokens(commons, commons.events[1]) == {"region": "city",
                                                         "format": "in-person"}


def test_session_page_lists_its_upcoming_dates(commons):
    made = page_additions(commons, Settings(today=TODAY))
    dates = made["sessions/care-act-overview.md"].sections[-1].split("## Upcoming dates", 1)[1]
    assert dates.index("25 March 2027") < dates.index("1 April 2027")
    assert "10 March 2026" not in dates and "Book a place" in dates
    assert "policies/learning.md" not in made


def test_region_page_lists_local_and_online_events(commons):
    north = region_page(commons, commons.regions["north"], TODAY)
    assert "## What" in north and "1 April 2027" in north and "25 March 2027" not in north
    assert "calendar/north.ics" in north
    city = region_page(commons, commons.regions["city"], TODAY)
    assert "25 March 2027" in city and "1 April 2027" in city


def test_shipped_events_reference_shipped_sessions():
    loaded = load(ROOT)
    assert [p.text() for p in loaded.problems if p.path == EVENTS] == []
    ids = {e.id for e in loaded.commons.events}
    workshop = next(e for e in loaded.commons.events if e.session ==
                    "learning-for-improvement-workshop")
    assert (workshop.start.isoformat(), workshop.end.isoformat(), workshop.places) == (
        "2027-07-20T09:00:00+01:00", "2027-07-20T13:00:00+01:00", 40)
    assert sum(e.session == "prison-discharge-community-of-practice"
               for e in loaded.commons.events) == 5
    assert events.past(loaded.commons, TODAY) and len(ids) == len(loaded.commons.events)


def test_built_site_has_whats_on_in_nav_and_dates_on_the_session_page(mini, tmp_path,
                                                                        monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23
    site = tmp_path / "site"
    build_atomically(mini, site_dir=site)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="whats-on/"' in home
    session = (site / "sessions/care-act-overview/index.html").read_text(encoding="utf-8")
    assert 'datetime="2027-03-25T10:00:00+00:00"' in session
    assert (site / "whats-on/archive/index.html").is_file()
