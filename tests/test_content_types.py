"""One table of content types: a type added there (with its fields) is in navigation, search
filters, topic pages, the feed, `make new` and downloads, with no other change."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from commons.model import schema, types
from commons.pipeline import load
from helpers import ROOT, edit

sys.path.insert(0, str(ROOT / "scripts"))
import new_page  # noqa: E402

CASE_STUDY = types.ContentType(
    "case-study", "case-studies", "Case study", "Case studies",
    "a case study: how one team changed its practice, told by the team",
    schema.COMMON, downloads=True)

PAGE = """---
title: Huddles in a rural team
summary: How one team made a ten-minute huddle part of every shift, and what changed.
audience: [care workers, learning leads]
topics: [co-production]
owner: Learning Circle
---

# Huddles in a rural team

The team met for ten minutes at the start of each shift. They said what went well and what
they would change. After a month, fewer visits ran late.
"""


@pytest.fixture
def with_case_studies(monkeypatch: pytest.MonkeyPatch, mini: Path) -> Path:
    monkeypatch.setattr(types, "CONTENT_TYPES", (*types.CONTENT_TYPES[:-1], CASE_STUDY,
                                                 types.CONTENT_TYPES[-1]))
    (mini / "content/case-studies").mkdir()
    (mini / "content/case-studies/huddles-in-a-rural-team.md").write_text(PAGE,
                                                                          encoding="utf-8")
    return mini


def test_a_new_type_is_checked_against_its_own_fields(with_case_studies: Path):
    page = with_case_studies / "content/case-studies/huddles-in-a-rural-team.md"
    loaded = load(with_case_studies)
    assert loaded.ok, [p.text() for p in loaded.problems]
    assert loaded.commons.pages["huddles-in-a-rural-team"].type == "case-study"
    edit(page, "owner: Learning Circle\n", "")
    assert [p.text() for p in load(with_case_studies).problems] == [
        "content/case-studies/huddles-in-a-rural-team.md:2: required field 'owner' is missing "
        "(add 'owner:' — the person or circle who keeps the page current)"]


def test_a_new_type_reaches_every_output_with_no_other_change(with_case_studies: Path,
                                                               tmp_path: Path):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = tmp_path / "site"
    build(load_config(str(with_case_studies / "mkdocs.yml"), site_dir=str(site)))
    page = (site / "case-studies/huddles-in-a-rural-team/index.html").read_text("utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="case-studies/huddles-in-a-rural-team/"' in home  # navigation
    assert '<span data-pagefind-filter="type">Case study</span>' in page  # search filter
    topic = (site / "topics/co-production/index.html").read_text(encoding="utf-8")
    assert "Case studies" in topic and "huddles-in-a-rural-team" in topic  # topic page
    assert "Huddles in a rural team" in (site / "feed.xml").read_text(encoding="utf-8")
    downloads = sorted(p.name for p in (site / "downloads").glob("huddles-in-a-rural-team-*"))
    assert [name.rsplit(".", 1)[1] for name in downloads] == ["docx", "epub", "pdf"]
    assert "downloads/huddles-in-a-rural-team-" in page  # the page offers them


def test_make_new_writes_a_page_of_the_new_type(with_case_studies: Path):
    path = new_page.write_page(with_case_studies, "case-study", "Night shifts that learn")
    assert path == with_case_studies / "content/case-studies/night-shifts-that-learn.md"
    loaded = load(with_case_studies)
    assert loaded.ok, [p.text() for p in loaded.problems]
    assert loaded.commons.pages["night-shifts-that-learn"].type == "case-study"


def test_every_type_has_a_folder_of_its_own_and_labels():
    folders = [t.folder for t in types.content_types() if t.folder]
    assert len(folders) == len(set(folders))
    assert types.by_name(types.PLAIN).folder is None
    for kind in types.content_types():
        assert kind.label and kind.plural and kind.about and kind.fields
