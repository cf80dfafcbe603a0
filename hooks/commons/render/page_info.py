"""What each page says about itself: where to edit it, when it last changed, for policies
and toolkits when it was reviewed and is next due and who owns it, and a "Was this page
helpful?" pair of links to a prefilled GitHub issue (no analytics, works without script).

A page made by the build has no file in content/: its edit link goes to the data file it
is made from, or there is none (pages made from the whole commons).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from commons.core.problems import Origin
from commons.load.git_dates import Changed
from commons.load.settings import Settings
from commons.model import types
from commons.model.records import Page

FEEDBACK_FORM = "page-feedback.yml"  # .github/ISSUE_TEMPLATE/
FEEDBACK_LABEL = "feedback"


@dataclass(frozen=True)
class Review:
    owner: str
    reviewed: str  # dates as people read them, "1 June 2026"
    reviewed_iso: str
    due: str
    due_iso: str
    overdue: bool


@dataclass(frozen=True)
class PageInfo:
    source: str | None  # root-relative file the page comes from, e.g. "data/teachers.csv"
    edit_url: str | None
    edits_data: bool  # the edit link opens a data file, not the page itself
    updated: str | None  # "3 March 2027", or None when not recorded
    updated_iso: str | None
    updated_from: str  # "git", "file" or "build"
    review: Review | None
    helpful_yes: str | None
    helpful_no: str | None
    contribute_url: str | None


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def source_of(src_uri: str, origin: Origin | None, docs_label: str) -> str | None:
    """The root-relative file a page comes from: its Markdown, or the data file a generated
    page is made from (data/teachers.csv); None for pages made from the whole commons."""
    if origin is None:
        return f"{docs_label}/{src_uri}"
    path = origin.path
    return path if path.startswith("data/") and path.endswith((".csv", ".yaml")) else None


def edit_url(settings: Settings, source: str | None, docs_label: str) -> str | None:
    """The GitHub edit address of a root-relative file, built from repo_url and edit_uri
    (which ends in the docs folder, e.g. 'edit/main/content/')."""
    prefix = _repo_prefix(settings, docs_label)
    return None if prefix is None or not source else urljoin(prefix, source)


def review_of(page: Page | None, today: dt.date) -> Review | None:
    if page is None or not types.by_name(page.type).reviewed or page.review_due is None:
        return None
    reviewed, due = page.meta["last_reviewed"], page.review_due
    return Review(str(page.meta.get("owner") or "not named"), long_date(reviewed),
                  reviewed.isoformat(), long_date(due), due.isoformat(), due < today)


@functools.lru_cache(maxsize=16384)  # the preview asks again for every page at every save
def feedback_url(settings: Settings, title: str, url: str, helpful: bool) -> str | None:
    """A new-issue address with the feedback form, title, label and page filled in."""
    if not settings.repo_url.startswith("https://github.com/"):
        return None
    query = {"template": FEEDBACK_FORM, "labels": FEEDBACK_LABEL,
             "title": feedback_subject(title, helpful), "page": url,
             "helpful": "Yes" if helpful else "No", "body": feedback_body(url, helpful)}
    return settings.repo_url.rstrip("/") + "/issues/new?" + urlencode(query)


def feedback_subject(title: str, helpful: bool) -> str:
    return f"Feedback: {title} ({'helpful' if helpful else 'not helpful'})"


def feedback_body(url: str, helpful: bool) -> str:
    """The prefilled text of an answer, by issue or by email."""
    return (f"Page: {url}\nWas this page helpful? {'Yes' if helpful else 'No'}\n\nWhat would "
            "make it better? Please do not include anyone's personal details.\n")


def page_info(*, src_uri: str, origin: Origin | None, page: Page | None, title: str, url: str,
              changed: Changed | None, settings: Settings, docs_label: str = "content",
              feedback: bool = True) -> PageInfo:
    """Everything the page-info partial shows for one page. origin is None for an authored
    page; for a generated one, the GeneratedFile's origin."""
    source = source_of(src_uri, origin, docs_label)
    if changed is None and source is None:
        changed = Changed(settings.today, "build")  # made from the whole commons at build
    prefix = _repo_prefix(settings, docs_label)
    return PageInfo(
        source=source, edit_url=edit_url(settings, source, docs_label),
        edits_data=origin is not None,
        updated=long_date(changed.day) if changed else None,
        updated_iso=changed.day.isoformat() if changed else None,
        updated_from=changed.recorded_by if changed else "",
        review=review_of(page if origin is None else None, settings.today),
        helpful_yes=feedback_url(settings, title, url, True) if feedback else None,
        helpful_no=feedback_url(settings, title, url, False) if feedback else None,
        contribute_url=urljoin(prefix.replace("/edit/", "/blob/", 1), "CONTRIBUTING.md")
        if prefix else None)


def _repo_prefix(settings: Settings, docs_label: str) -> str | None:
    """'https://github.com/o/r/edit/main/' from repo_url and 'edit/main/content/'."""
    edit_uri = settings.edit_uri.strip("/")
    if not settings.repo_url or not edit_uri.endswith("/" + docs_label):
        return None
    branch_part = edit_uri.removesuffix(docs_label)
    return urljoin(settings.repo_url.rstrip("/") + "/", branch_part)
