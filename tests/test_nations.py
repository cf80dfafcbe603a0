"""Each nation's law where it applies: a Scottish requirement, session or pathway step that
cites English law is an error at its row or line, naming the laws that would fit."""

from __future__ import annotations

from commons.pipeline import load
from helpers import edit

SCOTTISH_LAW = ("adult-support-and-protection-scotland-act-2007,Adult Support and Protection "
                "(Scotland) Act 2007,act,Scotland,https://www.legislation.gov.uk/asp/2007/10,"
                "https://www.legislation.gov.uk/asp/2007/10/contents,How councils protect "
                "adults at risk of harm in Scotland.\n")


def nation_texts(mini) -> list[str]:
    return [p.text() for p in load(mini).problems if p.code == "CM107"]


def test_the_shipped_rows_and_the_mini_commons_pass(mini):
    assert nation_texts(mini) == []


def test_a_scottish_requirement_citing_english_law_names_the_laws_that_fit(mini):
    with (mini / "data/legislation.csv").open("a", encoding="utf-8") as table:
        table.write(SCOTTISH_LAW)
    edit(mini / "data/role_requirements.csv", "practice-educator,co-production,Scotland,"
         "plq-stage-1,,", "practice-educator,co-production,Scotland,plq-stage-1,care-act-2014,")
    assert nation_texts(mini) == [
        "data/role_requirements.csv:row 3:legislation: 'care-act-2014' (Care Act 2014) is in "
        "force in England, not in Scotland, where this requirement applies (cite law in force "
        "in Scotland: 'adult-support-and-protection-scotland-act-2007')"]


def test_a_requirement_for_a_nation_the_role_is_not_in(mini):
    edit(mini / "data/role_requirements.csv", "care-worker,safeguarding,England,",
         "care-worker,safeguarding,Scotland,")
    texts = nation_texts(mini)
    assert "data/role_requirements.csv:row 2:nation: the role 'care-worker' is not a role in " \
           "Scotland (roles.csv gives England) (add the nation to the role, or correct this " \
           "row)" in texts
    assert any("row 2:legislation: 'care-act-2014'" in t for t in texts)


def test_a_session_in_a_scottish_region_citing_english_law_is_refused_at_its_line(mini):
    page = mini / "content/sessions/care-act-overview.md"
    edit(page, "format: online", "format: online\nregions: [north]\nlegislation: [care-act-2014]")
    line = page.read_text(encoding="utf-8").splitlines().index("legislation: [care-act-2014]")
    assert nation_texts(mini) == [
        f"content/sessions/care-act-overview.md:{line + 1}: 'care-act-2014' (Care Act 2014) is "
        "in force in England, not in Scotland, where this session applies (cite law in force "
        "in Scotland: add it to legislation.csv)"]


def test_a_pathway_step_for_the_wrong_nation(mini):
    page = mini / "content/pathways/practice-teacher.md"
    text = page.read_text(encoding="utf-8")
    edit(page, "\nsteps:", "\nnations: [Scotland]\nsteps:")
    edit(page, "qualification: plq-stage-1", "qualification: plq-stage-1\n"
         "    legislation: [care-act-2014]")
    assert text != page.read_text(encoding="utf-8")
    [found] = nation_texts(mini)
    assert found.startswith("content/pathways/practice-teacher.md:")
    assert "where this pathway step applies" in found


def test_a_list_of_nations_names_real_ones(mini):
    edit(mini / "data/legislation.csv", ",act,England,", ",act,Englnd,")
    assert "data/legislation.csv:row 2:nations: 'Englnd' is not a nation (did you mean " \
           "'England'?)" in nation_texts(mini)
