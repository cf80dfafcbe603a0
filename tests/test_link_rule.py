"""`make check` resolves every link and image without rendering the site: to authored and
generated pages, their anchors, files beside the pages and files the build makes; each broken
one at its file and line with the nearest good target."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from commons.pipeline import load
from commons.publish import build_atomically
from helpers import ROOT, edit

POLICY = "content/policies/learning.md"
BODY = "We all learn from each other."  # line 14 of the fixture policy


def link_texts(mini: Path, markdown: str) -> list[str]:
    edit(mini / POLICY, BODY, f"{BODY}\n\n{markdown}")
    return [p.text() for p in load(mini).problems if p.code == "CM106"]


@pytest.mark.parametrize("markdown", [
    "[home](../index.md) and [itself](learning.md) and [the top](#learning-policy)",
    "[a session](../sessions/care-act-overview.md#care-act-overview)",
    "[a teacher](../teachers/ben-carr.md) and [teachers](../teachers/index.md)",
    "[a partner](../partners/index.md#city-council)",  # a heading on a generated page
    "[step two](../pathways/practice-teacher.md#step-2)",  # an id the build adds to a page
    "[dates](../sessions/care-act-overview.md#upcoming-dates)",  # a section it adds
    "[a region](../regions/city.md) and [a topic](../topics/safeguarding.md)",
    "[a role](../roles/index.md) and [reports](../reports/coverage.md)",
    "[what's on](../whats-on.md) and [the archive](../whats-on/archive.md)",
    "[calendar](../calendar/all.ics), [feed](../feed.xml), [data](../open-data/teachers.csv)",
    "[downloads](../downloads/index.md)",
    "[the card pack as PDF](../downloads/card-pack-1.0.pdf)",
    "![flow](../toolkits/card-pack.md) and <https://www.legislation.gov.uk/>",
    "[mail us](mailto:learning@commons.example.org)",
    "`[not a link](nowhere.md)` and\n\n```\n[nor this](nowhere.md)\n```",
])
def test_good_links_pass(mini, markdown):
    assert link_texts(mini, markdown) == []


@pytest.mark.parametrize("markdown, expected", [
    ("See [this](no-such-page.md).",
     "content/policies/learning.md:16: the link 'no-such-page.md' leads to no page or file "
     "(check the spelling; links go to a page's .md file, relative to this page)"),
    ("See [that](learning.md#no-such-anchor).",
     "content/policies/learning.md:16: the link 'learning.md#no-such-anchor' names a place "
     "'#no-such-anchor' that policies/learning.md does not have "
     "(valid values: 'learning-policy')"),
    ("[care](../sessions/care-act-overveiw.md)",
     "content/policies/learning.md:16: the link '../sessions/care-act-overveiw.md' leads to "
     "no page or file (did you mean '../sessions/care-act-overview.md'?)"),
    ("[dates](../sessions/care-act-overview.md#upcoming-date)",
     "content/policies/learning.md:16: the link '../sessions/care-act-overview.md#upcoming-"
     "date' names a place '#upcoming-date' that sessions/care-act-overview.md does not "
     "have (did you mean 'upcoming-dates'?)"),
    ("[Ada](../teachers/ada-brok.md)",
     "content/policies/learning.md:16: the link '../teachers/ada-brok.md' leads to no page or "
     "file (did you mean '../teachers/ada-brook.md'?)"),
    ("[council](../partners/index.md#city-counsel)",
     "content/policies/learning.md:16: the link '../partners/index.md#city-counsel' names a "
     "place '#city-counsel' that partners/index.md does not have "
     "(did you mean 'city-council'?)"),
    ("[step 9](../pathways/practice-teacher.md#step-9)",
     "content/policies/learning.md:16: the link '../pathways/practice-teacher.md#step-9' "
     "names a place '#step-9' that pathways/practice-teacher.md does not have "
     "(did you mean 'step-1', 'step-2'?)"),
    ("[session](../sessions/care-act-overview/)",
     "content/policies/learning.md:16: the link '../sessions/care-act-overview/' is a page's "
     "address, which the build does not check (link to its file instead: "
     "../sessions/care-act-overview.md)"),
    ("[root](/policies/learning/)",
     "content/policies/learning.md:16: the link '/policies/learning/' starts with '/', which "
     "breaks when the site is not at the root of its address (link to the page's .md file "
     "with a relative path, e.g. ../policies/learning-policy.md)"),
    ("[old](http://example.org/page)",
     "content/policies/learning.md:16: the link 'http://example.org/page' is not secure "
     "(http) (use the https:// address of the page, if it has one)"),
    ("[half](https:/example.org)",
     "content/policies/learning.md:16: the address 'https:/example.org' is not a complete "
     "https:// address (copy the whole address from the browser)"),
    ("[mail](mailto:)",
     "content/policies/learning.md:16: the email link 'mailto:' has no address "
     "(write mailto:name@example.org)"),
    ("[up](../../outside.md)",
     "content/policies/learning.md:16: the link '../../outside.md' leads out of the site "
     "(link to the page's .md file with a relative path, e.g. "
     "../policies/learning-policy.md)"),
    ("[g]:\n    ../nowhere.md\n\nSee [g].",  # a reference whose target is on the next line
     "content/policies/learning.md:16: the link '../nowhere.md' leads to no page or file "
     "(did you mean '../index.md', '../partners/index.md', '../teachers/index.md'?)"),
    ('<a href="no-such.md">raw</a>',
     "content/policies/learning.md:16: the link 'no-such.md' leads to no page or file "
     "(check the spelling; links go to a page's .md file, relative to this page)"),
])
def test_each_broken_link_is_one_problem_at_its_line(mini, markdown, expected):
    assert link_texts(mini, markdown) == [expected]


def test_explicit_ids_and_repeated_headings_are_anchors_as_the_build_makes_them(mini):
    edit(mini / POLICY, BODY, f"{BODY}\n\n## Who we are {{#us}}\n\n## Notes\n\n## Notes\n\n"
         "[us](#us), [notes](#notes) and [more notes](#notes_1)")
    assert [p.text() for p in load(mini).problems] == []
    site = mini.parent / "site"
    assert build_atomically(mini, site_dir=site).returncode == 0
    html = (site / "policies/learning/index.html").read_text(encoding="utf-8")
    assert all(f'id="{anchor}"' in html for anchor in ("us", "notes", "notes_1"))


def test_the_issue_example_on_the_shipped_commons(tmp_path):
    """The two mistakes a contributor makes most, in the check and as GitHub annotations."""
    root = tmp_path / "commons"
    for part in ("content", "data"):
        shutil.copytree(ROOT / part, root / part)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    page = root / "content/policies/data-protection.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text + "\nSee [this](no-such-page.md) and [that](learning-policy.md"
                    "#no-such-anchor).\n", encoding="utf-8")
    line = text.count("\n") + 2
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--root",
                             str(root), "--format", "github"], capture_output=True, text=True)
    assert result.returncode == 1
    annotations = [a for a in result.stdout.splitlines() if "CM106" in a]
    assert len(annotations) == 2
    for annotation in annotations:
        assert annotation.startswith(f"::error file=content/policies/data-protection.md,"
                                     f"line={line},title=CM106::")
    assert "no-such-page.md" in annotations[0] + annotations[1]
    assert "#no-such-anchor" in annotations[0] + annotations[1]
