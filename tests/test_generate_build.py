"""The generated pages in a real build of the mini commons: what readers get in site/."""

from __future__ import annotations

from pathlib import Path

import pytest
from adversarial.hostile import readable_text
from commons.publish import build_atomically
from helpers import MINI_BUILD_DAY, edit, make_commons

GENERATED = ("teachers", "partners", "regions", "qualifications", "roles", "topics", "reports",
             "pathways/index.html")


def _build(root: Path, site: Path) -> Path:
    result = build_atomically(root, site_dir=site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture
def site(mini_site: Path) -> Path:
    return mini_site


def _html(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_listed_teachers_have_pages_and_cards(site):
    directory = _html(site, "teachers")
    assert '<a href="ada-brook/">Ada Brook</a>' in directory
    assert '<a href="ben-carr/">Ben Carr</a>' in directory
    ben = _html(site, "teachers/ben-carr")
    assert '<a href="../../sessions/care-act-overview/">Care Act overview</a>' in ben
    assert 'href="mailto:ben@example.org"' in ben


def test_a_teacher_who_did_not_consent_appears_nowhere(site):
    assert not (site / "teachers" / "zed-hidden").exists()
    traces = ("Hiddenperson", "zed-hidden", "Zed prefers")
    files = [p for p in site.rglob("*") if p.is_file()]
    assert any(p.name == "sitemap.xml" for p in files)
    assert any("pagefind" in p.parts for p in files), "the search index was not built"
    texts = {str(p.relative_to(site)): readable_text(p) for p in files}
    # the scan reads the compressed search index: a listed teacher is found there
    assert any("pagefind" in name and "Ben Carr" in text for name, text in texts.items())
    leaks = [(name, t) for name, text in texts.items() for t in traces if t in text]
    assert leaks == []
    session = _html(site, "sessions/care-act-overview")
    assert "Ben Carr</a> and a co-op teacher." in session


def test_filters_have_labels_and_a_live_region(site):
    directory = _html(site, "teachers")
    for key in ("perspective", "topic", "region", "role"):
        assert f'<label for="filter-{key}">' in directory
    assert 'role="status" aria-live="polite"' in directory
    assert "assets/directory.js" in directory
    assert (site / "assets" / "directory.js").is_file()
    assert (site / "assets" / "generated.css").is_file()


def test_pathway_credits_and_steps(site):
    page = _html(site, "pathways/practice-teacher")
    assert "<strong>60 credits</strong> in all" in page
    assert "<strong>SCQF level 9</strong>" in page
    assert '<h3 id="step-2">Assess a student' in page
    index = _html(site, "pathways")
    assert "2 steps · 60 credits · SCQF level 9" in index
    session = _html(site, "sessions/care-act-overview")
    assert 'href="../../pathways/practice-teacher/#step-2">Assess a student</a>' in session


def test_region_page_lists_its_partners(site):
    city = _html(site, "regions/city")
    assert '<a href="../../partners/#city-council">City Council</a>' in city
    north = _html(site, "regions/north")
    assert '<a href="../../partners/#north-college">North College</a>' in north
    assert "Highland" in north and "Moray" in north
    partners = _html(site, "partners")
    assert 'rel="noopener external"' in partners


def test_reports_roles_and_qualifications_render(site):
    coverage = _html(site, "reports/coverage")
    assert 'src="../coverage-regions.svg"' in coverage and "<table>" in coverage
    assert (site / "reports" / "coverage-regions.svg").read_text().startswith("<?xml")
    assert "Reviews due" in _html(site, "reports/reviews")
    assert "every 12 months" in _html(site, "roles")
    assert "Becoming a practice teacher" in _html(site, "qualifications/plq-stage-1")


def test_generated_pages_are_byte_identical_on_rebuild(site, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MINI_BUILD_DAY)  # the day the first was built
    again = _build(make_commons(tmp_path / "commons"), tmp_path / "site")
    pages = sorted(p.relative_to(site) for name in GENERATED for p in
                   ([site / name] if name.endswith(".html") else (site / name).rglob("*"))
                   if p.is_file())
    assert len(pages) > 20
    different = [str(p) for p in pages if (site / p).read_bytes() != (again / p).read_bytes()]
    assert different == []


def test_overdue_review_warns_by_default_and_fails_when_switched(tmp_path):
    root = make_commons(tmp_path / "commons")
    edit(root / "content/policies/learning.md", "last_reviewed: 2026-06-01",
         "last_reviewed: 2020-06-01")
    result = build_atomically(root, site_dir=tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    assert ("INFO    -  content/policies/learning.md:7: warning: review overdue: it was due "
            "on 2021-06-01") in result.stderr
    assert "Overdue" in _html(tmp_path / "site", "reports/reviews")
    edit(root / "mkdocs.yml", "overdue_reviews: warn", "overdue_reviews: error")
    failed = build_atomically(root, site_dir=tmp_path / "site2")
    assert failed.returncode != 0
    assert "content/policies/learning.md:7: review overdue" in failed.stderr
    assert not (tmp_path / "site2").exists()
