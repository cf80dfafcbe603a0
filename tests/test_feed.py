"""The Atom feed: well-formed, newest first, dated from git in one call, with fallbacks."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from commons.generate.feed import ATOM, feed_xml, generate_feed
from commons.load.git_dates import commit_times
from commons.load.settings import Settings
from commons.pipeline import Build
from helpers import git, make_commons

NS = {"a": ATOM}
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The mini commons in a git repository: two commits on different days."""
    root = make_commons(tmp_path_factory.mktemp("feed") / "c")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first", when="2026-01-05T09:00:00+00:00")
    with (root / "content/toolkits/card-pack.md").open("a", encoding="utf-8") as file:
        file.write("\nOne more line.\n")
    git(root, "commit", "-qam", "second", when="2026-06-10T15:30:00+01:00")
    build = Build.start(root, root / "content", Settings(today=TODAY))
    return root, build.commons


def entries(xml: str) -> list[ET.Element]:
    return ET.fromstring(xml).findall("a:entry", NS)


def test_git_dates_come_from_one_log_of_the_docs_folder(dated):
    root, _ = dated
    dates = commit_times(str(root / "content"))
    first, last = dates["toolkits/card-pack.md"]
    assert first == dt.datetime(2026, 1, 5, 9, tzinfo=dt.timezone.utc)
    assert last.isoformat() == "2026-06-10T15:30:00+01:00"
    assert dates["policies/learning.md"][0] == dates["policies/learning.md"][1] == first


def test_feed_is_well_formed_atom_newest_first(dated):
    root, commons = dated
    settings = Settings(today=TODAY, site_url="https://commons.example.org/")
    xml = generate_feed(commons, settings)[0].content
    feed = ET.fromstring(xml)
    assert feed.tag == f"{{{ATOM}}}feed"
    assert feed.findtext("a:updated", namespaces=NS) == "2026-06-10T14:30:00Z"
    items = entries(xml)
    assert items[0].findtext("a:title", namespaces=NS) == "Card pack"
    assert items[0].findtext("a:published", namespaces=NS) == "2026-01-05T09:00:00Z"
    for item in items:
        for tag in ("a:id", "a:title", "a:updated", "a:link", "a:summary"):
            assert item.find(tag, NS) is not None, tag
    assert items[0].find("a:link", NS).get("href") == \
        "https://commons.example.org/toolkits/card-pack/"
    assert {i.findtext("a:title", namespaces=NS) for i in items} >= {
        "Care Act overview", "Learning policy", "Becoming a practice teacher"}


def test_without_git_the_feed_uses_last_reviewed_then_the_build_date(dated):
    _, commons = dated
    xml = feed_xml(commons, Settings(today=TODAY), {})
    by_title = {i.findtext("a:title", namespaces=NS): i.findtext("a:updated", namespaces=NS)
                for i in entries(xml)}
    policy = commons.pages["learning"]
    assert by_title["Learning policy"] == f"{policy.meta['last_reviewed']}T00:00:00Z"
    assert by_title["Care Act overview"] == "2026-11-23T00:00:00Z"
    assert feed_xml(commons, Settings(today=TODAY), {}) == xml  # deterministic


def test_no_git_repository_means_no_dates(tmp_path: Path):
    assert commit_times(str(tmp_path)) == {}
