"""schema.org JSON-LD and Open Graph on built pages, read back with extruct, and JSON-LD that
no value can break out of."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

import extruct
import pytest
from commons.load.settings import Settings
from commons.model.index import build_index
from commons.model.records import Commons, Page
from commons.render.structured_data import PageFacts, metadata, script_json


@pytest.fixture
def site(mini_site):
    return mini_site


def extract(site, path: str) -> dict:
    html = (site / path).read_text(encoding="utf-8")
    return extruct.extract(html, base_url="https://learning-commons.example.org/",
                           syntaxes=["json-ld", "opengraph"], uniform=True)


def only(data: dict) -> dict:
    [node] = data["json-ld"]
    return node


def test_session_is_a_course_with_its_upcoming_dates(site):
    course = only(extract(site, "sessions/care-act-overview/index.html"))
    assert course["@type"] == "Course"
    assert course["name"] == "Care Act overview" and course["description"]
    assert course["provider"]["name"] == "Learning Commons"
    instances = course["hasCourseInstance"]
    assert [i["startDate"] for i in instances] == ["2027-03-25T10:00:00+00:00",
                                                    "2027-04-01T10:00:00+01:00"]
    assert [i["courseMode"] for i in instances] == ["Onsite", "Online"]
    assert instances[0]["location"]["@type"] == "Place"


def test_whats_on_lists_events(site):
    graph = only(extract(site, "whats-on/index.html"))["@graph"]
    assert [e["@type"] for e in graph] == ["Event", "Event"]
    for event in graph:
        for key in ("name", "startDate", "endDate", "location", "eventAttendanceMode"):
            assert event[key], key


def test_partners_qualifications_and_listed_teachers(site):
    partners = only(extract(site, "partners/index.html"))["@graph"]
    assert {p["@type"] for p in partners} == {"Organization"}
    assert {p["name"] for p in partners} == {"City Council", "North College"}
    credential = only(extract(site, "qualifications/plq-stage-1/index.html"))
    assert credential["@type"] == "EducationalOccupationalCredential"
    assert credential["recognizedBy"]["name"] == "Scottish Social Services Council"
    person = only(extract(site, "teachers/ben-carr/index.html"))
    assert person == {"@context": "https://schema.org", "@type": "Person", "name": "Ben Carr",
                      "jobTitle": "coach"}  # no contact, bio or perspectives
    assert not (site / "teachers/zed-hidden").exists()


def test_home_is_a_website_and_other_pages_articles_with_open_graph(site):
    home = extract(site, "index.html")
    assert only(home)["@type"] == "WebSite"
    assert home["opengraph"][0]["@type"] == "website"
    policy = extract(site, "policies/learning/index.html")
    assert only(policy)["@type"] == "Article" and only(policy)["dateModified"]
    og = policy["opengraph"][0]
    assert og["og:title"] == "Learning policy" and og["og:site_name"] == "Learning Commons"
    assert og["og:url"] == "https://learning-commons.example.org/policies/learning/"
    assert og["og:description"] and og["@type"] == "article"


def test_every_page_links_the_feed(site):
    for page in ("index.html", "whats-on/index.html", "teachers/ben-carr/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*'
                         r'href="[./]*feed\.xml"', html), page


def test_a_value_cannot_close_the_script_element():
    nasty = "Safe </script><script>alert(1)</script> & <!-- more"
    page = Page("x", "policy", "policies/x.md", "X & Y", nasty, {})
    commons = Commons({}, {}, {}, {}, {}, {}, {"x": page})
    commons = dataclasses.replace(commons, index=build_index(commons))
    result = metadata(PageFacts("policies/x.md", "https://e.org/policies/x/", "X & Y", "", False),
                      commons, Settings(today=dt.date(2026, 11, 23)), "Commons")
    assert not re.search(r"[<>&]", result["jsonld"])
    assert json.loads(result["jsonld"])["description"] == nasty
    assert script_json({"a": "</script>"}) == '{\n "a": "\\u003c/script\\u003e"\n}'
