"""Search: Pagefind indexes only articles, with filters and weighted terms; Material's own
search is gone; queries find the right page; people who did not consent are never indexed."""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

import pytest
import yaml
from commons.pipeline import load
from commons.publish import build_atomically
from commons.search import fields as search
from commons.search import index as search_index
from helpers import MINI_BUILD_DAY, ROOT, make_commons, tree_digest

sys.path.insert(0, str(ROOT / "scripts"))
from benchlib.searchprobe import first_search_bytes, run_queries, search_site  # noqa: E402


def bundle_texts(site: Path) -> dict[str, str]:
    """Every file of the Pagefind bundle, gzip fragments and chunks decompressed."""
    texts = {}
    for path in sorted((site / search_index.BUNDLE_DIR).rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if data[:2] == b"\x1f\x8b":
                data = gzip.decompress(data)
            texts[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return texts


def unlisted_names(data_dir: Path) -> list[str]:
    with (data_dir / "teachers.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["listed"] == "no"]
    return [part for r in rows for part in (r["name"], r["id"], r["bio"])]


# Pure functions


def test_page_type_comes_from_front_matter_or_folder():
    assert search.page_type("policies/learning.md", {}) == "policy"
    assert search.page_type("teachers/ada-brook.md", {}) == "teacher"
    assert search.page_type("about/index.md", {}) == "page"
    assert search.page_type("index.md", {}) == "page"
    assert search.page_type("x/y.md", {"type": "region"}) == "region"


def test_fields_name_topics_regions_and_acronyms_from_the_model(tmp_path):
    commons = load(make_commons(tmp_path / "c")).commons
    meta = {"audience": ["care workers"], "topics": ["safeguarding"], "regions": ["north"],
            "steps": [{"qualification": "plq-stage-1"}], "legislation": ["care-act-2014"],
            "keywords": ["practice teaching"]}
    html = '<p><abbr title="Scottish Credit and Qualifications Framework">SCQF</abbr></p>'
    fields = search.search_fields("pathways/x.md", meta, html, commons)
    assert fields.type == "Pathway"
    filters = dict(fields.filters)
    assert filters["type"] == ("Pathway",) and filters["audience"] == ("care workers",)
    assert filters["topic"] == (commons.topics["safeguarding"].name,)
    assert filters["region"] == (commons.regions["north"].name,)
    for term in ("practice teaching", "PLQ stage 1", "PLQ",
                 "Practice Learning Qualification stage 1", "Care Act 2014",
                 "SCQF Scottish Credit and Qualifications Framework"):
        assert term in fields.terms, term


def test_a_qualification_page_carries_its_short_name(tmp_path):
    commons = load(make_commons(tmp_path / "c")).commons
    fields = search.search_fields("qualifications/plq-stage-2.md", {}, "", commons)
    assert fields.type == "Qualification" and "PLQ stage 2" in fields.terms


def test_rendered_fields_are_escaped_and_hidden():
    fields = search.SearchFields("Policy", (("topic", ('<script>x</script>',)),),
                                 ('"><img src=x onerror=alert(1)>',), ("A & B",))
    html = search.render_fields(fields)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "A &amp; B" in html
    assert html.startswith('<div class="commons-search-fields" hidden>')


def test_material_search_files_are_recognised():
    assert search_index.is_stock_search_file("assets/javascripts/workers/search.a7633da7.min.js")
    assert search_index.is_stock_search_file("assets/javascripts/lunr/min/lunr.de.min.js")
    assert not search_index.is_stock_search_file("assets/javascripts/bundle.a5f9d56c.min.js")


# The built mini commons


def test_the_build_writes_a_pagefind_index_and_no_material_index(mini_site):
    bundle = mini_site / search_index.BUNDLE_DIR
    assert (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert list(bundle.glob("fragment/*.pf_fragment")) and list(bundle.glob("index/*.pf_index"))
    assert not (mini_site / "search/search_index.json").exists()
    assert not list(mini_site.glob("assets/javascripts/workers/*"))
    assert not list(mini_site.glob("assets/javascripts/lunr"))
    for unused in search_index.UNUSED_BUNDLE_FILES:
        assert not (bundle / unused).exists(), unused
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "search" not in (config.get("plugins") or [])


def test_pages_carry_the_search_box_filters_and_weighted_terms(mini_site):
    html = (mini_site / "pathways/practice-teacher/index.html").read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Search"' in html
    assert 'role="combobox"' in html and 'role="listbox"' in html
    assert '<span data-pagefind-filter="type">Pathway</span>' in html
    assert '<span data-pagefind-filter="audience">care workers</span>' in html
    assert 'data-pagefind-weight="8">PLQ stage 1' in html
    assert 'src="../../assets/search.js"' in html
    assert 'name="search"' not in html, "Material's own search code would start"


def test_only_the_article_is_indexed(mini_site):
    fragments = [t for name, t in bundle_texts(mini_site).items() if "fragment/" in name]
    pages = [p for p in mini_site.rglob("index.html") if p.parent.name != "admin"]
    assert len(fragments) == len(pages) > 5, "every page but 404.html and the editor is indexed"
    joined = "\n".join(fragments)
    assert "We all learn from each other" in joined
    for chrome in ("Skip to content", "Made by the learning commons", "Page not found",
                   "PathwayPathway", "Type to start searching"):
        assert chrome not in joined, chrome


def test_queries_find_pages_by_title_acronym_keyword_and_filter(mini_site):
    found = run_queries(mini_site, [
        {"term": "PLQ"}, {"term": "card pack"}, {"term": "welcome charter"},
        {"term": None, "filters": {"type": ["Policy"]}},
        {"term": "care", "filters": {"topic": ["Safeguarding"]}},
    ], filters=True)
    urls = [r["urls"] for r in found["results"]]
    assert urls[0][0] == "/pathways/practice-teacher/"
    assert urls[1][0] == "/toolkits/card-pack/"
    assert urls[2] == ["/"]
    assert urls[3] == ["/policies/learning/"]
    assert urls[4] == ["/sessions/care-act-overview/"]
    assert set(found["filters"]) == {"type", "audience", "topic"}


def test_first_search_is_small(mini_site):
    size, files = first_search_bytes(mini_site, "care")
    assert "pagefind/pagefind.js" in files and any("fragment/" in f for f in files)
    assert size < 150_000


def test_unlisted_teachers_are_not_in_the_mini_index(mini_site):
    texts = bundle_texts(mini_site)
    hidden = unlisted_names(ROOT / "tests/fixtures/mini/data")
    assert "Zed Hiddenperson" in hidden
    for name, text in texts.items():
        for secret in hidden:
            assert secret not in text, (name, secret)


def test_the_index_is_the_same_on_rebuild(mini_site, tmp_path, monkeypatch):
    """Pages, fragments and word index are byte-identical. Pagefind writes the values inside
    a filter chunk in hash-map order, so those files differ between runs; what they say
    (the filters and their counts) must not."""
    again = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", MINI_BUILD_DAY)  # the day the first was built
    result = build_atomically(mini_site.parent / "commons", site_dir=again)
    assert result.returncode == 0, result.stderr
    for folder in ("pagefind/fragment", "pagefind/index", "policies", "pathways"):
        assert tree_digest(again / folder) == tree_digest(mini_site / folder), folder
    filters = [run_queries(site, [{"term": "care"}], filters=True)["filters"]
               for site in (mini_site, again)]
    assert filters[0] == filters[1] and filters[0]["type"]


def test_a_failed_index_fails_the_build(tmp_path):
    with pytest.raises(search_index.SearchIndexError):
        search_index.index_site(tmp_path / "no-such-site")


# The shipped commons


@pytest.mark.slow
@pytest.mark.parametrize("query, expected", [
    ("PLQ", "/qualifications/plq-stage-"),  # any stage of the qualification
    ("PLQ stage 2", "/qualifications/plq-stage-2/"),
    ("practice learning qualification", "/qualifications/plq-stage-"),
    ("PLQ course", "/sessions/plq-stage-1-course/"),
    ("card pack", "/toolkits/learning-organisation-card-pack/"),
    ("Care Act", "/sessions/care-act-overview/"),
    ("Return to Learn", "/sessions/return-to-learn-programme/"),
    ("moving learning online", "/toolkits/moving-learning-online/"),
    ("data protection", "/policies/data-protection/"),
    ("learning policy", "/policies/learning-policy/"),
    ("peer supporter", "/roles/peer-supporter/"),  # the role, and its checklist per nation
    ("peer supporter paid work", "/pathways/peer-supporter-to-paid-work/"),
    ("SVQ", "/qualifications/svq-"),  # any SVQ
    ("volunteer to strategic manager", "/pathways/volunteer-to-strategic-manager/"),
    ("safeguarding", "/sessions/safeguarding-adults-webinar/"),
    ("short forms", "/about/glossary/"),
])
def test_shipped_queries_find_the_expected_page_in_the_top_three(shipped_site, query, expected):
    top = search_site(shipped_site, query)
    assert any(url.startswith(expected) for url in top), (query, top)


@pytest.mark.slow
def test_no_unlisted_teacher_is_in_the_shipped_index(shipped_site):
    hidden = [t.name for t in load(ROOT).commons.teachers.values() if not t.listed]
    assert hidden, "the shipped commons has people who asked not to be listed"
    for name, text in bundle_texts(shipped_site).items():
        for person in hidden:
            assert person not in text, (name, person)
