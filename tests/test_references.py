"""Content names data by id; an unknown id is an error with the nearest valid ids."""

from __future__ import annotations

from commons.pipeline import load
from helpers import edit


def texts(root):
    return [p.text() for p in load(root).problems]


def test_unknown_facilitator(mini):
    edit(mini / "content/sessions/care-act-overview.md", "[ben-carr, zed-hidden]",
         "[ben-car, zed-hidden]")
    assert texts(mini) == ["content/sessions/care-act-overview.md:10: 'ben-car' is not an id "
                           "in data/teachers.csv (did you mean 'ben-carr'?)"]


def test_unknown_partner_topic_and_legislation(mini):
    edit(mini / "content/sessions/care-act-overview.md", "[city-council]", "[city-counsel]")
    edit(mini / "content/policies/learning.md", "[co-production]", "[coproduction]")
    edit(mini / "content/policies/learning.md", "[care-act-2014]", "[care-act-2015]")
    assert texts(mini) == [
        "content/policies/learning.md:5: 'coproduction' is not an id in data/topics.csv "
        "(did you mean 'co-production'?)",
        "content/policies/learning.md:9: 'care-act-2015' is not an id in "
        "data/legislation.csv (did you mean 'care-act-2014'?)",
        "content/sessions/care-act-overview.md:11: 'city-counsel' is not an id in "
        "data/partners.csv (did you mean 'city-council'?)",
    ]


def test_pathway_step_qualification_and_resource(mini):
    edit(mini / "content/pathways/practice-teacher.md", "qualification: plq-stage-2",
         "qualification: plq-stage-5")
    edit(mini / "content/pathways/practice-teacher.md", "[care-act-overview]",
         "[care-act-overveiw]")
    assert texts(mini) == [
        "content/pathways/practice-teacher.md:11: 'care-act-overveiw' is not an id in "
        "content/ (did you mean 'care-act-overview'?)",
        "content/pathways/practice-teacher.md:14: 'plq-stage-5' is not an id in "
        "data/qualifications.csv (did you mean 'plq-stage-1', 'plq-stage-2'?)",
    ]


def test_duplicate_page_ids_name_both_files(mini):
    (mini / "content/toolkits/learning").mkdir()
    source = (mini / "content/policies/learning.md").read_text()
    (mini / "content/toolkits/learning/index.md").write_text(source)
    found = [t for t in texts(mini) if "already used" in t]
    assert found == ["content/toolkits/learning/index.md:1: the page id 'learning' is already "
                     "used by content/policies/learning.md (rename one of the two files)"]


def test_bad_file_name(mini):
    (mini / "content/policies/learning.md").rename(mini / "content/policies/Learning Policy.md")
    assert ("content/policies/Learning Policy.md:1: the file name 'Learning Policy' is not a "
            "valid id (rename it with lower-case letters, digits and single hyphens, e.g. "
            "moving-learning-online.md)") in texts(mini)


def test_file_that_is_not_utf8(mini):
    (mini / "content/policies/latin.md").write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    assert any(t.startswith("content/policies/latin.md: the file is not UTF-8 text")
               for t in texts(mini))


def test_all_problems_from_data_and_content_come_together(mini):
    edit(mini / "data/partners.csv", "council,city,", "council,cty,")
    edit(mini / "content/policies/learning.md", "owner: Learning Circle", "owner: no")
    found = texts(mini)
    assert any(t.startswith("content/policies/learning.md:6:") for t in found)
    assert any(t.startswith("data/partners.csv:row 2:region:") for t in found)
