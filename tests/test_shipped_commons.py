"""The shape of the commons the project ships, so that content rot fails the build."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from commons.model.records import PERSPECTIVES
from commons.pipeline import load
from commons.rules.readability import THRESHOLD, reading_ease

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = dt.date(2026, 11, 23)  # the day this commons was published
ROLES = ("teacher", "associate teacher", "learning lead", "coach")
CARDS = ([f"kc-{n}" for n in range(1, 5)] + [f"k-{n}" for n in range(1, 13)] + ["isuc-1", "iflw-1"]
         + [f"ipm-{n}" for n in range(1, 4)] + [f"r-{n}" for n in range(1, 3)])


@pytest.fixture(scope="module")
def loaded():
    return load(ROOT)


@pytest.fixture(scope="module")
def commons(loaded):
    return loaded.commons


def test_loads_without_problems(loaded):
    assert [p.text() for p in loaded.problems] == []


@pytest.mark.parametrize("kind, least", [
    ("policy", 3), ("pathway", 3), ("toolkit", 3), ("session", 8), ("page", 5)])
def test_enough_of_each_content_type(commons, kind, least):
    assert len(commons.pages_of(kind)) >= least


def test_the_named_pages_exist(commons):
    for page_id in ("home", "learning-policy", "minimum-learning-for-regulated-roles",
                    "data-protection", "volunteer-to-strategic-manager",
                    "peer-supporter-to-paid-work", "becoming-a-teacher",
                    "learning-organisation-card-pack", "moving-learning-online",
                    "co-producing-learning", "contribute", "accessibility", "evaluation"):
        assert page_id in commons.pages, page_id


def test_sessions_cover_every_kind_the_commons_promises(commons):
    kinds = Counter(p.meta["kind"] for p in commons.pages_of("session"))
    for kind in ("workshop", "masterclass", "short course", "accredited course", "webinar",
                 "community of practice", "programme", "briefing"):
        assert kinds[kind] >= 1, kind
    assert kinds["masterclass"] >= 2
    series = [p for p in commons.pages_of("session") if p.meta["kind"] == "community of practice"]
    assert any(p.meta.get("sessions_in_series") == 5 for p in series)
    workshop = commons.pages["learning-for-improvement-workshop"].meta
    assert workshop["capacity"] == 40 and workshop["duration_minutes"] == 240


def test_the_career_pathway_carries_the_plq_stages(commons):
    pathway = commons.pages["volunteer-to-strategic-manager"].meta
    stages = [s["qualification"] for s in pathway["steps"]
              if str(s.get("qualification", "")).startswith("plq-stage-")]
    assert stages == ["plq-stage-1", "plq-stage-2", "plq-stage-3", "plq-stage-4"]
    levels = [(commons.qualifications[q].level, commons.qualifications[q].credits) for q in stages]
    assert levels == [(7, 20), (9, 40), (10, 60), (11, 60)]


def test_pathway_totals_add_up(commons):
    for page in commons.pages_of("pathway"):
        credits = [commons.qualifications[s["qualification"]].credits
                   for s in page.meta["steps"] if s.get("qualification")]
        credits = [c for c in credits if c]
        if credits:
            assert page.meta.get("total_credits") == sum(credits), page.id


def test_enough_teachers_some_unlisted_some_alumni(commons):
    teachers = list(commons.teachers.values())
    assert len(teachers) >= 40
    assert any(not t.listed for t in teachers)
    assert any(t.status == "alumni" and t.listed for t in teachers)
    assert any(t.contact_opt_in for t in teachers)


def test_every_perspective_and_role_is_represented_on_the_site(commons):
    listed = commons.listed_teachers()
    assert {p for t in listed for p in t.public_perspectives} == set(PERSPECTIVES)
    assert {t.role for t in listed} == set(ROLES)


def test_every_region_has_partners_and_listed_teachers(commons):
    for region in commons.regions:
        assert any(p.region == region for p in commons.partners.values()), region
        assert any(t.region == region for t in commons.listed_teachers()), region


def test_the_four_scottish_regions_list_all_their_councils(commons):
    scottish = [r for r in commons.regions.values() if r.nation == "Scotland"]
    assert len(scottish) == 4
    assert sum(len(r.local_authorities) for r in scottish) == 32


def test_unlisted_teachers_are_never_named_in_content(commons):
    hidden = [t for t in commons.teachers.values() if not t.listed]
    for page in commons.pages.values():
        text = (ROOT / "content" / page.src_path).read_text(encoding="utf-8")
        for teacher in hidden:
            assert teacher.id not in text and teacher.name not in text, (page.id, teacher.id)


def test_contacts_are_only_example_addresses(commons):
    for teacher in commons.teachers.values():
        if teacher.contact:
            assert teacher.contact_opt_in
            assert teacher.contact.endswith("@example.org")


def test_the_card_pack_has_all_23_cards(commons):
    page = commons.pages["learning-organisation-card-pack"]
    body = (ROOT / "content" / page.src_path).read_text(encoding="utf-8")
    found = re.findall(r"^###\s.*\{#((?:kc|k|isuc|iflw|ipm|r)-\d+)\}\s*$", body, re.M)
    assert found == CARDS
    for frame in ("Straight away", "Medium term", "Longer term"):
        assert frame in body


def test_reviews_were_current_and_one_due_soon_when_shipped(commons):
    reviewed = [p for p in commons.pages.values() if p.review_due]
    assert {p.type for p in reviewed} == {"policy", "toolkit"}
    assert all(p.review_due >= SHIPPED for p in reviewed)
    assert any(p.review_due <= SHIPPED + dt.timedelta(days=60) for p in reviewed)


def test_every_page_says_who_it_is_for_and_who_owns_it(commons):
    for page in commons.pages.values():
        assert page.summary and page.audience and page.topics, page.id
        assert page.meta.get("owner"), page.id


def test_every_page_is_plain_english(loaded):
    for page in loaded.commons.pages.values():
        score = reading_ease(page.body)
        assert score is None or score >= THRESHOLD, page.origin.path
