"""Generators and page additions, on the mini commons loaded in memory (no site build)."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from commons.generate import (
    GENERATORS,
    additions,
    augment,
    coverage,
    generate_all,
    partners,
    pathways,
    qualifications,
    regions,
    reviews,
    roles,
    teachers,
    topics,
)
from commons.generate.common import href
from commons.load.settings import Settings
from commons.model.pathways import totals
from commons.pipeline import load
from commons.rules import run_rules
from commons.rules.reviews import apply_switch
from helpers import edit, make_commons

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def loaded(mini_loaded):
    return mini_loaded


@pytest.fixture
def commons(loaded):
    return loaded.commons


def _with_teacher(commons, teacher_id, **changes):
    teacher = dataclasses.replace(commons.teachers[teacher_id], **changes)
    return dataclasses.replace(commons, teachers={**commons.teachers, teacher_id: teacher})


def test_every_generator_runs_and_paths_are_safe_and_unique(commons):
    made, problems = generate_all(commons, Settings(today=TODAY))
    assert problems == []
    uris = [f.src_uri for f in made]
    assert len(uris) == len(set(uris))
    in_nav = {f.src_uri for f in made if f.in_nav}
    assert {"teachers/index.md", "partners/index.md", "regions/index.md",
            "qualifications/index.md", "roles/index.md", "topics/index.md",
            "reports/index.md", "reports/coverage.md", "reports/reviews.md",
            "pathways/index.md"} <= in_nav
    # per-record pages stay out of the navigation tree
    assert "teachers/ada-brook.md" in uris and "teachers/ada-brook.md" not in in_nav
    assert "regions/north.md" in uris and "regions/north.md" not in in_nav
    assert len(GENERATORS) >= 10


def test_same_input_same_output(commons):
    first = generate_all(commons, Settings(today=TODAY))[0]
    second = generate_all(commons, Settings(today=TODAY))[0]
    assert first == second


def test_directory_lists_only_consenting_teachers(commons):
    page = teachers.directory_page(commons)
    assert "Ada Brook" in page and "Ben Carr" in page
    assert "Zed" not in page and "zed-hidden" not in page
    made = {f.src_uri for f in teachers.generate_teachers(commons, Settings(today=TODAY))}
    assert "teachers/zed-hidden.md" not in made


def test_filters_are_labelled_with_a_live_count(commons):
    page = teachers.directory_page(commons)
    for key in ("perspective", "topic", "region", "role"):
        assert f'<label for="filter-{key}">' in page
        assert f'<select id="filter-{key}" name="{key}">' in page
    assert "<legend>Filter teachers</legend>" in page
    assert re.search(r'<p [^>]*role="status" aria-live="polite"[^>]*>Showing all 2 teachers',
                     page)
    # the form only appears once the script can make it work; the list is always there
    assert "<form class=\"commons-filters\" data-commons-filter hidden>" in page
    assert 'data-perspective="getting-support employee"' in page
    assert 'data-region="city" data-role="coach"' in page


def test_unconsented_perspective_and_contact_are_not_published(commons):
    private = _with_teacher(commons, "ada-brook", perspectives_consent=False,
                            contact="ada@example.org", contact_opt_in=False)
    directory = teachers.directory_page(private)
    own = teachers.teacher_page(private, private.teachers["ada-brook"])
    for text in (directory, own):
        assert "getting support" not in text.lower()
        assert "getting-support" not in text
        assert "ada@example.org" not in text
    ben = teachers.teacher_page(commons, commons.teachers["ben-carr"])
    assert "[ben@example\\.org](mailto:ben@example.org)" in ben


def test_teacher_page_lists_sessions_and_pathways(commons):
    page = teachers.teacher_page(commons, commons.teachers["ben-carr"])
    assert "[Care Act overview](../sessions/care-act-overview.md)" in page
    assert "[Becoming a practice teacher](../pathways/practice-teacher.md)" in page


def test_alumni_are_credited_apart_and_not_filtered(commons):
    past = _with_teacher(commons, "ada-brook", status="alumni")
    page = teachers.directory_page(past)
    cards = page.split("data-commons-list")[1].split("## Browse without filters")[0]
    after = page.split("## Past teachers")[1]
    assert "Ada Brook" not in cards and "Ben Carr" in cards
    assert "[Ada Brook](ada-brook.md)" in after
    hidden = _with_teacher(past, "ada-brook", listed=False)
    assert "Ada Brook" not in teachers.directory_page(hidden)


def test_session_facilitators_name_only_consenting_people(commons):
    markdown = augment.facilitators_section(commons, commons.pages["care-act-overview"])
    assert "[Ben Carr](../teachers/ben-carr.md) and a co-op teacher" in markdown
    assert "Zed" not in markdown and "zed-hidden" not in markdown
    ids = ["zed-hidden", "nobody-listed", "ben-carr"]
    assert augment.facilitator_names(commons, ids, "sessions/x.md") == \
        "[Ben Carr](../teachers/ben-carr.md) and 2 co-op teachers"


def test_partners_grouped_by_region_with_safe_links_out(commons):
    page = partners.partners_page(commons)
    assert page.index("## City Region") < page.index("### City Council")
    assert page.index("## North Region") < page.index("### North College")
    assert ('<a href="https://council.example.org" rel="noopener external">'
            "City Council website</a>") in page
    assert "Co\\-delivers sessions on the law\\." in page
    hostile = dataclasses.replace(commons, partners={**commons.partners, "city-council":
                                  dataclasses.replace(commons.partners["city-council"],
                                                      website="javascript:alert(1)")})
    assert "javascript" not in partners.partners_page(hostile)


def test_region_page_lists_authorities_partners_teachers_and_sessions(commons):
    city = regions.region_page(commons, commons.regions["city"])
    assert "- Stoke\\-on\\-Trent" in city
    assert "[City Council](../partners/index.md#city-council)" in city
    assert "[Ben Carr](../teachers/ben-carr.md)" in city
    assert "Ada Brook" not in city
    online = city.split("## Online sessions")[1]
    assert "[Care Act overview](../sessions/care-act-overview.md)" in online


def test_pathway_totals_and_visual(commons):
    pathway = commons.pages["practice-teacher"]
    result = totals(commons, commons.index.steps["practice-teacher"])
    assert result.credits == 60 and result.levels == (("SCQF", 9),)
    html = pathways.steps_html(commons, pathway)
    assert '<ol class="commons-steps" aria-label="Steps of Becoming a practice teacher"' in html
    assert html.index("{#step-1}") < html.index("{#step-2}")
    assert "(SCQF level 7, 20 credits)" in html
    assert "**60 credits** in all · highest level reached: **SCQF level 9**" in html
    placed = additions.apply("# T\n\nIntro.\n\n## More\n", additions.Addition(html))
    assert placed.index("Intro.") < placed.index("commons-steps") < placed.index("## More")


def test_wrong_total_credits_is_an_error_at_its_line(tmp_path):
    root = make_commons(tmp_path / "commons")
    edit(root / "content/pathways/practice-teacher.md", "total_credits: 60",
         "total_credits: 70")
    found = [p for p in load(root).problems if p.field == "total_credits"]
    assert len(found) == 1
    assert found[0].location == "content/pathways/practice-teacher.md:15"
    assert "total_credits is 70 but the steps' qualifications add up to 60" in found[0].message
    assert found[0].severity == "error" and "total_credits: 60" in found[0].hint


def test_a_step_resource_links_to_its_pathway_and_next_step(commons):
    box = pathways.membership_html(commons, commons.pages["care-act-overview"])
    assert "step 1 of 2 on the pathway [Becoming a practice teacher]" in box
    assert "Next step: [Assess a student](../pathways/practice-teacher.md#step-2)" in box
    assert "Previous step" not in box
    assert pathways.membership_html(commons, commons.pages["card-pack"]) == ""


def test_pathways_index_has_a_card_per_pathway(commons):
    [made] = pathways.generate_pathways_index(commons, Settings(today=TODAY))
    assert made.src_uri == "pathways/index.md" and made.in_nav
    assert "[Becoming a practice teacher](practice-teacher.md)" in made.content
    assert "2 steps · 60 credits · SCQF level 9" in made.content


def test_qualification_page_lists_pathways_that_lead_to_it(commons):
    page = qualifications.qualification_page(commons, commons.qualifications["plq-stage-2"])
    assert "step 2: [Assess a student](../pathways/practice-teacher.md#step-2)" in page
    assert "SCQF level 9, 40 credits" in page


def test_role_matrix_and_where_to_learn(commons):
    matrix = roles.matrix_page(commons)
    assert "## In England" in matrix and "## In Scotland" in matrix
    assert "| [Safeguarding](../topics/safeguarding.md) | every 12 months |" in matrix
    page = roles.role_page(commons, commons.roles["care-worker"])
    assert "Renew: every 12 months" in page
    assert '<a href="https://www.legislation.gov.uk/ukpga/2014/23" rel="noopener external">' \
           "Care Act 2014</a>" in page
    assert "Learn it here: [Care Act overview](../sessions/care-act-overview.md)" in page
    educator = roles.role_page(commons, commons.roles["practice-educator"])
    assert "[Becoming a practice teacher, step 1](../pathways/practice-teacher.md#step-1)" \
        in educator


def test_role_requirement_with_an_unknown_topic_is_a_row_error(tmp_path):
    root = make_commons(tmp_path / "commons")
    edit(root / "data/role_requirements.csv", "care-worker,safeguarding,",
         "care-worker,safeguardng,")
    found = [p for p in load(root).problems if p.path.endswith("role_requirements.csv")]
    assert [(p.row, p.field) for p in found] == [(2, "topic")]
    assert "did you mean 'safeguarding'" in found[0].hint


def test_coverage_counts_public_perspectives_and_names_gaps(commons):
    groups = coverage.coverage_groups(commons)
    _, _, counts, people = groups["regions"]
    assert counts["north"] == [1, 0, 0, 0, 0, 1] and people["north"] == 1
    page = coverage.coverage_page(commons)
    assert "[City Region](../regions/city.md): missing getting support, family member" in page
    # Zed's unpublished "family member" is never counted
    assert counts["city"][1] == 0
    quiet = _with_teacher(commons, "ben-carr", topics=("co-production",))
    assert "### Topics with no teacher\n\n- [Safeguarding](../topics/safeguarding.md)" in \
        coverage.coverage_page(quiet)
    made = {f.src_uri: f.content for f in coverage.generate_coverage(commons, None)}
    svg = made["reports/coverage-regions.svg"]
    assert svg.startswith("<?xml") and "<title id=\"title\">" in svg and "style=" not in svg
    assert "North Region (1), getting support: 1" in svg
    assert "](coverage-regions.svg)" in made["reports/coverage.md"]


def _reviewed(commons, **dates):
    pages = dict(commons.pages)
    for page_id, day in dates.items():
        page = pages[page_id]
        meta = copy.copy(page.meta)  # keeps the line of each key
        meta["last_reviewed"] = day
        pages[page_id] = dataclasses.replace(page, meta=meta)
    return dataclasses.replace(commons, pages=pages)


def test_review_page_lists_due_and_overdue_oldest_first(commons):
    late = _reviewed(commons, learning=dt.date(2025, 1, 10), **{"card-pack": dt.date(2025, 3, 1)})
    page = reviews.reviews_page(late, TODAY)
    assert page.index("Learning policy") < page.index("Card pack")
    assert page.count("**Overdue**") == 2
    assert "| 2026-01-10 |" in page
    assert "Nothing is due" in reviews.reviews_page(commons, TODAY)


def test_overdue_review_is_a_warning_that_the_switch_makes_an_error(loaded):
    late = _reviewed(loaded.commons, learning=dt.date(2025, 1, 10))
    [problem] = [p for p in run_rules(late, Settings(today=TODAY)) if p.code == "CM206"]
    assert problem.severity == "warning" and problem.location == "content/policies/learning.md:7"
    assert "due on 2026-01-10" in problem.message
    kept, notes = apply_switch([problem], "warn")
    assert kept == [] and notes == [problem]
    kept, notes = apply_switch([problem], "error")
    assert [p.severity for p in kept] == ["error"] and notes == []
    kept, _ = apply_switch([], "eror")
    assert kept[0].path == "mkdocs.yml" and "warn or error" in kept[0].hint


def test_every_resource_is_reachable_from_its_topics(commons):
    made = {f.src_uri: f.content for f in topics.generate_topics(commons, None)}
    for page in commons.pages.values():
        for topic in page.topics:
            assert f"]({Path('..', page.src_path).as_posix()})" in made[f"topics/{topic}.md"]
        for audience in page.audience:
            slug = audience.replace(" ", "-")
            assert f"]({Path('..', page.src_path).as_posix()})" in made[f"topics/for-{slug}.md"]
    assert "[Co\\-production](co-production.md) (3)" in made["topics/index.md"]


def test_names_from_data_are_escaped(commons):
    hostile = _with_teacher(commons, "ada-brook", name="<img src=x onerror=alert(1)>",
                            bio="*[click](javascript:alert(1))*")
    page = teachers.teacher_page(hostile, hostile.teachers["ada-brook"])
    body = page.split("\n---\n", 1)[1]
    assert "<img" not in page and "](javascript" not in body
    assert "\\*\\[click\\]\\(javascript:alert\\(1\\)\\)\\*" in body
    assert 'title: "&lt;img src=x onerror=alert(1)&gt;"' in page


def test_escaped_text_shows_no_backslashes_to_readers():
    import markdown
    from commons.core.markup import md_text
    text = "Masterclass: rights = care ~ 2^3 | *not bold* [not](a link) #1 <b>"
    html = markdown.markdown(md_text(text), extensions=["tables", "def_list", "attr_list"])
    assert html == ("<p>Masterclass: rights = care ~ 2^3 | *not bold* [not](a link) #1 "
                    "&lt;b&gt;</p>")
    assert markdown.markdown("Term\n\n" + md_text(": not a definition"),
                             extensions=["def_list"]).endswith("<p>&#58; not a definition</p>")


def test_every_address_a_directory_card_writes_is_a_built_page(mini_site):
    """The cards are written in HTML, their addresses made by the generator (href), not by
    MkDocs from Markdown links: each must reach a page of the built site."""
    page = mini_site / "teachers/index.html"
    html = page.read_text(encoding="utf-8")
    cards = re.findall(r'<article class="commons-card".*?</article>', html, re.DOTALL)
    assert len(cards) == 2
    addresses = [a for card in cards for a in re.findall(r'href="([^"#][^"]*)"', card)]
    assert {"ada-brook/", "../regions/north/", "../topics/co-production/"} <= set(addresses)
    for address in addresses:
        assert (page.parent / address / "index.html").resolve().is_file(), address
    assert href("teachers/index.md", "index.md") == "../"
    assert href("sessions/a.md", "sessions/index.md") == "../"
    assert href("teachers/index.md", "teachers/index.md") == "./"
