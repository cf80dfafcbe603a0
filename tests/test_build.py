"""The build: strict, failing once with every problem, and atomic."""

from __future__ import annotations

import pytest
from commons.publish import build_atomically
from helpers import ROOT, edit, tree_digest


def test_mini_commons_builds(mini, tmp_path):
    site = tmp_path / "site"
    result = build_atomically(mini, site_dir=site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = (site / "policies/learning/index.html").read_text(encoding="utf-8")
    assert "We all learn from each other." in page
    assert not list(tmp_path.glob(".site-build-*")), "the staging folder is cleaned up"


def test_bad_input_fails_listing_every_problem_and_keeps_the_old_site(mini, tmp_path):
    site = tmp_path / "site"
    assert build_atomically(mini, site_dir=site).returncode == 0
    before = tree_digest(site)
    edit(mini / "data/partners.csv", "council,city,", "council,cty,")
    edit(mini / "content/policies/learning.md", "owner: Learning Circle", "owner: no")
    result = build_atomically(mini, site_dir=site)
    assert result.returncode != 0
    assert "2 problem(s) in content and data; nothing was built" in result.stderr
    assert "content/policies/learning.md:6: 'owner' expected text" in result.stderr
    assert "data/partners.csv:row 2:region: 'cty' is not an id in regions.csv" in result.stderr
    assert tree_digest(site) == before


def test_broken_internal_link_fails_strict_build(mini, tmp_path):
    edit(mini / "content/index.md", "(policies/learning.md)", "(policies/missing.md)")
    result = build_atomically(mini, site_dir=tmp_path / "site")
    assert result.returncode != 0
    assert "policies/missing.md" in result.stderr
    assert not (tmp_path / "site").exists(), "nothing is published from a failed build"


def test_broken_anchor_fails_strict_build(mini, tmp_path):
    edit(mini / "content/index.md", "(policies/learning.md)", "(policies/learning.md#nowhere)")
    result = build_atomically(mini, site_dir=tmp_path / "site")
    assert result.returncode != 0
    assert "nowhere" in result.stderr


@pytest.mark.slow
def test_shipped_commons_builds_with_no_warnings(tmp_path):
    result = build_atomically(ROOT, site_dir=tmp_path / "site")
    assert result.returncode == 0, result.stderr[-5000:]
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "site/index.html").is_file()


def test_build_into_a_folder_that_does_not_exist_yet(mini, tmp_path):
    site = tmp_path / "new" / "public" / "site"
    result = build_atomically(mini, site_dir=site)
    assert result.returncode == 0, result.stderr
    assert (site / "index.html").is_file()
