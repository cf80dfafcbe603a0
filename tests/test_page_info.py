"""Every page shows where to edit it, when it last changed (from git, or the file outside
git), review dates and owner for policies and toolkits, and "Was this page helpful?"."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from commons.core.problems import Origin
from commons.load.git_dates import Changed, commit_times, last_changed, last_days
from commons.load.settings import Settings
from commons.model.records import Page
from commons.publish import build_atomically
from commons.render.page_info import edit_url, feedback_url, page_info, review_of, source_of
from helpers import edit, git, make_commons

REPO = "https://github.com/learning-commons/commons"
SETTINGS = Settings(today=dt.date(2027, 7, 1), repo_url=REPO, edit_uri="edit/main/content/")


def _policy(reviewed: dt.date, months: int = 12) -> Page:
    return Page("learning", "policy", "policies/learning.md", "Learning policy", "",
                {"owner": "Learning Circle", "last_reviewed": reviewed,
                 "review_every_months": months})


def test_an_authored_page_edits_its_markdown_and_a_made_page_its_data_file():
    assert source_of("policies/learning.md", None, "content") == "content/policies/learning.md"
    assert source_of("teachers/ada.md", Origin("data/teachers.csv", row=4), "content") == \
        "data/teachers.csv"
    assert source_of("topics/x.md", Origin("data/topics.csv", row=3), "content") == \
        "data/topics.csv"
    assert source_of("reports/index.md", Origin("content"), "content") is None
    assert edit_url(SETTINGS, "content/policies/learning.md", "content") == \
        f"{REPO}/edit/main/content/policies/learning.md"
    assert edit_url(SETTINGS, "data/teachers.csv", "content") == \
        f"{REPO}/edit/main/data/teachers.csv"
    assert edit_url(SETTINGS, None, "content") is None
    assert edit_url(Settings(today=SETTINGS.today), "content/x.md", "content") is None


def test_review_dates_owner_and_overdue():
    review = review_of(_policy(dt.date(2026, 1, 31), 1), dt.date(2026, 2, 27))
    assert (review.owner, review.reviewed, review.due, review.due_iso, review.overdue) == \
        ("Learning Circle", "31 January 2026", "28 February 2026", "2026-02-28", False)
    assert review_of(_policy(dt.date(2026, 1, 31), 1), dt.date(2026, 3, 1)).overdue
    session = Page("s", "session", "sessions/s.md", "S", "", {"owner": "x"})
    assert review_of(session, dt.date(2026, 1, 1)) is None


def test_feedback_links_prefill_a_github_issue_naming_the_page():
    url = feedback_url(SETTINGS, "Learning <policy>", "https://site.example/policies/x/", False)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO}/issues/new"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query["title"] == "Feedback: Learning <policy> (not helpful)"
    assert query["labels"] == "feedback" and query["template"] == "page-feedback.yml"
    assert query["page"] == "https://site.example/policies/x/" and query["helpful"] == "No"
    assert "https://site.example/policies/x/" in query["body"]
    assert "<" not in url and " " not in url
    assert feedback_url(Settings(today=SETTINGS.today, repo_url="https://git.example/x"),
                        "T", "u", True) is None


def test_a_page_made_from_the_whole_commons_is_dated_by_the_build():
    info = page_info(src_uri="reports/index.md", origin=Origin("content"), page=None, title="Reports",
                     url="u", changed=None, settings=SETTINGS)
    assert (info.edit_url, info.updated, info.updated_from) == (None, "1 July 2027", "build")
    hidden = page_info(src_uri="index.md", origin=None, page=None, title="Home", url="u",
                       changed=Changed(dt.date(2027, 1, 2), "git"), settings=SETTINGS,
                       feedback=False)
    assert hidden.helpful_yes is None and hidden.updated == "2 January 2027"


def test_last_changed_comes_from_git_or_else_the_file(tmp_path: Path):
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "content" / "b.md").write_text("b", encoding="utf-8")
    assert commit_times(str(tmp_path)) == {}  # not a git repository
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "content/a.md")
    git(tmp_path, "commit", "-qm", "a", when="2026-03-04T10:00:00+00:00")
    known = last_days(commit_times(str(tmp_path)))
    assert known == {"content/a.md": dt.date(2026, 3, 4)}
    assert last_changed(tmp_path, "content/a.md", known) == Changed(dt.date(2026, 3, 4), "git")
    os.utime(tmp_path / "content" / "b.md", (1767225600, 1767225600))  # 2026-01-01 UTC
    assert last_changed(tmp_path, "content/b.md", known) == Changed(dt.date(2026, 1, 1), "file")
    assert last_changed(tmp_path, "content/gone.md", known) is None


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The mini commons in git, committed on a known day, built once."""
    root = make_commons(tmp_path_factory.mktemp("info") / "c")
    edit(root / "content" / "index.md", "summary:", "hide: [feedback]\nsummary:")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first", when="2026-01-05T09:00:00+00:00")
    edit(root / "content" / "policies" / "learning.md", "We all learn", "We all keep learning")
    git(root, "commit", "-qam", "policy", when="2026-08-20T16:00:00+01:00")
    result = build_atomically(root, site_dir=root.parent / "site")
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_policy_shows_its_edit_link_last_update_review_dates_and_owner(site):
    soup = _soup(site, "policies/learning")
    facts = soup.select_one("ul.commons-facts")
    text = " ".join(facts.get_text(" ").split())
    assert text.startswith("Policy") and text.endswith(
        "Updated 20 August 2026 Review due 1 June 2027 Owner: Learning Circle")
    assert [t["datetime"] for t in facts.select("time")] == ["2026-08-20", "2027-06-01"]
    assert soup.find("h1").find_next_sibling() == soup.select_one(".commons-lead")
    info = soup.select_one("details.commons-page-info")
    assert info.get("open") is None and info["data-pagefind-ignore"] == "all"
    updated = info.select_one(".commons-page-info__updated time")
    assert (updated["datetime"], updated.text) == ("2026-08-20", "20 August 2026")
    link = info.find("a", string="Edit this page on GitHub")
    assert link["href"] == f"{REPO}/edit/main/content/policies/learning.md"
    assert soup.select("a.md-content__button[rel=edit]") == []  # only in About this page
    answers = soup.select(".commons-feedback__answers a")
    assert [a.text for a in answers] == ["Yes", "No"]
    yes, no = (parse_qs(urlsplit(a["href"]).query) for a in answers)
    assert all(a["href"].startswith("mailto:learning@learning-commons.example.org?")
               for a in answers)  # anyone can answer: no account needed
    assert no["subject"] == ["Feedback: Learning policy (not helpful)"]
    assert "Page: https://" in yes["body"][0] and "helpful? Yes" in yes["body"][0]
    second = soup.select_one(".commons-feedback__note a")  # the code host, for contributors
    assert second["href"].startswith(f"{REPO}/issues/new?")
    assert soup.select_one(".commons-feedback")["data-pagefind-ignore"] == "all"  # not indexed
    assert soup.select_one(".commons-feedback")["aria-labelledby"] == \
        soup.find(string="Was this page helpful?").parent["id"]


def test_a_toolkit_dated_by_its_first_commit_and_a_session_without_review(site):
    toolkit = _soup(site, "toolkits/card-pack")
    assert toolkit.select_one(".commons-page-info__updated time")["datetime"] == "2026-01-05"
    assert "Review due 1 May 2027" in " ".join(
        toolkit.select_one(".commons-facts").get_text(" ").split())
    session = _soup(site, "sessions/care-act-overview")
    assert "Review due" not in session.select_one(".commons-facts").get_text()
    assert session.select_one(".commons-page-info a[rel=edit]")["href"].endswith(
        "/edit/main/content/sessions/care-act-overview.md")


def test_made_pages_edit_their_data_file_or_show_no_edit_link(site):
    teacher = _soup(site, "teachers/ada-brook")
    link = teacher.select_one(".commons-page-info a[rel=edit]")
    assert link["href"] == f"{REPO}/edit/main/data/teachers.csv"
    assert "made from data/teachers.csv" in " ".join(
        teacher.select_one(".commons-page-info").get_text(" ").split())
    assert teacher.select_one(".commons-page-info time")["datetime"] == "2026-01-05"
    reports = _soup(site, "reports")
    assert reports.select("a[rel=edit]") == []  # nothing in content/ to edit
    assert "when the site was built" in reports.select_one(".commons-page-info").get_text()


def test_hide_feedback_leaves_out_the_question_and_nothing_is_inline(site):
    home = _soup(site, "")
    assert home.select_one(".commons-feedback") is None
    assert home.select_one(".commons-page-info a[rel=edit]") is not None
    for page in ("", "policies/learning", "teachers/ada-brook"):
        info = _soup(site, page).select_one(".commons-page-info")
        assert not info.select("[style], script") and "onclick" not in str(info)
