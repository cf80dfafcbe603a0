"""Open data: a valid Frictionless package of public columns and consenting people only, and
no personal data in feeds, calendars or open data beyond what the directory shows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import frictionless
import pytest
from commons.generate.calendar import generate_calendars
from commons.generate.feed import generate_feed
from commons.generate.open_data import generate_open_data
from commons.load.settings import Settings
from commons.pipeline import load
from helpers import make_commons


@pytest.fixture
def published(mini_loaded):
    settings = Settings(today=dt.date(2026, 11, 23), site_url="https://commons.example.org/")
    return {f.src_uri: f for f in generate_open_data(mini_loaded.commons, settings)}


def rows(published, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published[f"open-data/{name}.csv"].content)))


def test_frictionless_accepts_the_published_package(published, tmp_path):
    for uri, item in published.items():
        target = tmp_path / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(item.content, encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "open-data/datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    names = [r["name"] for r in json.loads(published["open-data/datapackage.json"].content)
             ["resources"]]
    assert names == ["regions", "topics", "legislation", "regulators", "frameworks",
                     "qualifications", "partners", "teachers", "roles", "role_requirements",
                     "events", "sessions"]


def test_teachers_table_has_only_listed_people_and_public_columns(published):
    teachers = rows(published, "teachers")
    assert [t["id"] for t in teachers] == ["ada-brook", "ben-carr"]
    assert list(teachers[0]) == ["id", "name", "role", "perspectives", "topics", "region", "bio",
                                 "status", "contact"]
    ada, ben = teachers
    assert ada["perspectives"] == "getting support;employee"  # she consented
    assert ada["contact"] == "" and ben["contact"] == "ben@example.org"  # only Ben opted in
    schema = next(r for r in json.loads(published["open-data/datapackage.json"].content)
                  ["resources"] if r["name"] == "teachers")["schema"]
    assert {f["name"] for f in schema["fields"]}.isdisjoint(
        {"listed", "perspectives_consent", "contact_opt_in"})


def test_sensitive_perspectives_need_consent(tmp_path):
    root = make_commons(tmp_path / "c")
    path = root / "data/teachers.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "getting support;employee,co-production,north,Ada teaches co-production from her own "
        "experience.,active,yes,yes", "getting support;employee,co-production,north,Ada teaches "
        "co-production from her own experience.,active,yes,no"), encoding="utf-8")
    settings = Settings(today=dt.date(2026, 11, 23))
    made = {f.src_uri: f.content for f in generate_open_data(load(root).commons, settings)}
    ada = next(csv.DictReader(io.StringIO(made["open-data/teachers.csv"])))
    assert ada["perspectives"] == "employee"


def test_other_tables_are_whole_and_events_join_to_sessions(published):
    assert [r["id"] for r in rows(published, "partners")] == ["city-council", "north-college"]
    assert len(rows(published, "events")) == 3
    sessions = rows(published, "sessions")
    assert sessions[0]["id"] == "care-act-overview"
    assert sessions[0]["url"] == "https://commons.example.org/sessions/care-act-overview/"


def test_the_page_explains_every_table_and_the_licence(published):
    page = published["open-data/index.md"]
    assert page.in_nav
    for table in ("Regions", "Teachers", "Role requirements", "Events", "Sessions"):
        assert f"### {table}" in page.content
    assert "CC BY 4.0" in page.content and "(teachers.csv)" in page.content


def test_no_unlisted_person_in_feeds_calendars_or_open_data(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = load(root).commons
    hidden = [t for t in commons.teachers.values() if not t.listed]
    assert [t.name for t in hidden] == ["Zed Hiddenperson"]
    # Zed facilitates the session the events are dates of, so the risk is real
    assert "zed-hidden" in commons.pages["care-act-overview"].meta["facilitators"]
    settings = Settings(today=dt.date(2026, 11, 23), site_url="https://commons.example.org/")
    made = (generate_open_data(commons, settings) + generate_calendars(commons, settings)
            + generate_feed(commons, settings))
    assert len(made) > 10
    for item in made:
        text = item.content.decode() if isinstance(item.content, bytes) else item.content
        for person in hidden:
            for trace in (person.name, person.id, person.bio):
                assert trace not in text, (item.src_uri, trace)
