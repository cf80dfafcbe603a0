"""Every front-matter rule, each with a tiny bad input and the exact message."""

from __future__ import annotations

import pytest
from commons.load.frontmatter import parse
from commons.model import schema, types

POLICY = """---
title: Learning policy
summary: How we learn together, and what each of us can expect.
audience: [care workers]
topics: [co-production]
owner: Learning Circle
last_reviewed: 2026-06-01
review_every_months: 12
legislation: [care-act-2014]
---
Body
"""


def problems_for(text: str, kind: str = "policy") -> list[str]:
    doc = parse("content/policies/p.md", text)
    assert doc.problems == []
    return [p.text() for p in schema.check("content/policies/p.md", doc.meta,
                                           types.by_name(kind).fields)]


def test_good_policy_has_no_problems():
    assert problems_for(POLICY) == []


@pytest.mark.parametrize("old, new, expected", [
    ("title: Learning policy", "title: no",
     "content/policies/p.md:2: 'title' expected text but found 'no', which YAML reads as "
     "the true/false value False (put the value in quotes, e.g. \"no\")"),
    ("owner: Learning Circle", "owner: 012",
     "content/policies/p.md:6: 'owner' expected text but found '012', which YAML reads as "
     "the number 10 (put the value in quotes, e.g. \"012\")"),
    ("last_reviewed: 2026-06-01", "last_reviewed: 01/06/2026",
     "content/policies/p.md:7: 'last_reviewed' expected a date but found the text "
     "'01/06/2026' (write the date as YYYY-MM-DD, without quotes, e.g. 2026-03-31)"),
    ("last_reviewed: 2026-06-01", "last_reviewed: '2026-06-01'",
     "content/policies/p.md:7: 'last_reviewed' expected a date but found the text "
     "'2026-06-01' (write the date as YYYY-MM-DD, without quotes, e.g. 2026-03-31)"),
    ("review_every_months: 12", "review_every_months: 012",
     "content/policies/p.md:8: 'review_every_months' '012' is read by YAML as 10 "
     "(write the number plainly, e.g. 90)"),
    ("review_every_months: 12", "review_every_months: 48",
     "content/policies/p.md:8: 'review_every_months' 48 is out of range "
     "(use a number from 1 to 36)"),
    ("audience: [care workers]", "audience: [care-workers]",
     "content/policies/p.md:4: 'audience' item 1: 'care-workers' is not allowed "
     "(did you mean 'care workers'?)"),
    ("audience: [care workers]", "audience: care workers",
     "content/policies/p.md:4: 'audience' expected a list but found the text 'care workers' "
     "(write each item on its own line starting with '- ')"),
    ("topics: [co-production]", "topics: [Co Production]",
     "content/policies/p.md:5: 'topics' item 1: 'Co Production' is not a valid id "
     "(ids use lower-case letters, digits and single hyphens, e.g. care-act-2014)"),
    ("topics: [co-production]", "topics: [co-production, co-production]",
     "content/policies/p.md:5: 'topics' lists the same item twice (remove the repeated item)"),
    ("summary: How we learn together, and what each of us can expect.", "summary: Short",
     "content/policies/p.md:3: 'summary' is too short (5 characters, at least 20) "
     "(write a little more)"),
    ("owner: Learning Circle\n", "owner: Learning Circle\ncolour: blue\n",
     "content/policies/p.md:7: unknown field 'colour' (remove it; the fields allowed here are "
     "audience, "),
    ("owner: Learning Circle\n", "owner: Learning Circle\nsumary: typo\n",
     "content/policies/p.md:7: unknown field 'sumary' (did you mean 'summary'?)"),
    ("owner: Learning Circle\n", "",
     "content/policies/p.md:2: required field 'owner' is missing (add 'owner:' — the person "
     "or circle who keeps the page current)"),
])
def test_each_rule_names_line_and_fix(old, new, expected):
    assert old in POLICY
    found = problems_for(POLICY.replace(old, new, 1))
    assert any(text.startswith(expected) for text in found), found


def test_every_problem_is_reported_at_once():
    text = POLICY.replace("title: Learning policy", "title: yes").replace(
        "review_every_months: 12", "review_every_months: twelve")
    found = problems_for(text)
    assert len(found) == 2
    assert found[0].startswith("content/policies/p.md:2:")
    assert found[1].startswith("content/policies/p.md:8:")


def test_pathway_steps_are_checked_with_their_own_lines():
    text = """---
title: A pathway
summary: A pathway with a step that lacks a description.
audience: [care workers]
topics: [co-production]
owner: Learning Circle
steps:
  - title: First step
    description: This step is described well enough.
  - title: Second step
    qualification: Not An Id
---
"""
    doc = parse("content/pathways/x.md", text)
    found = [p.text() for p in schema.check("content/pathways/x.md", doc.meta,
                                            types.by_name("pathway").fields)]
    assert found == [
        "content/pathways/x.md:10: required field 'description' is missing "
        "(add 'description:' — what happens in this step)",
        "content/pathways/x.md:11: 'qualification' 'Not An Id' is not a valid id "
        "(ids use lower-case letters, digits and single hyphens, e.g. care-act-2014)",
    ]


@pytest.mark.parametrize("path, kind", [
    ("policies/a.md", "policy"), ("pathways/a.md", "pathway"),
    ("toolkits/a.md", "toolkit"), ("toolkits/a/index.md", "toolkit"),
    ("sessions/a.md", "session"), ("about/a.md", "page"), ("index.md", "page"),
    ("policies.md", "page"),
])
def test_content_type_comes_from_the_folder(path, kind):
    assert types.of_path(path).name == kind
