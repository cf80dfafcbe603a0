"""The page header (title, lead, facts) and feedback by email: hooks/commons/page_header.py."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from commons.render.page_header import feedback_emails, header, organisation, split_title

EXTRA = {"commons": {"organisation": {"name": "Co-op (example)", "email": "hi@example.org",
                                      "address": "1 Street"}}}


def test_the_title_is_split_from_what_comes_before_and_after_it():
    html = '<p>pic</p><h1 id="t">Title<a href="#t">¶</a></h1><p>Body</p><h1>Second</h1>'
    title, body = split_title(html)
    assert title == '<h1 id="t">Title<a href="#t">¶</a></h1>'
    assert body == "<p>pic</p><p>Body</p><h1>Second</h1>"
    assert split_title("<h2>No title</h2>") == ("", "<h2>No title</h2>")
    assert split_title("<h1x>odd</h1x>")[0] == ""


def test_header_names_the_kind_audience_and_summary():
    made = header("policies/a.md", {"audience": ["carers", "teachers"], "summary": " Why. "},
                  "<h1>A</h1><p>x</p>")
    assert (made.kind, made.audience, made.summary) == ("Policy", ("carers", "teachers"), "Why.")
    plain = header("about/index.md", {"audience": "everyone"}, "<p>x</p>")
    assert (plain.kind, plain.audience, plain.summary, plain.title_html) == (
        None, ("everyone",), None, "")


def test_feedback_is_a_prefilled_email_to_the_commons():
    yes, no = feedback_emails(EXTRA, {}, "Safe & sound", "https://s.example/p/")
    assert yes.startswith("mailto:hi@example.org?")
    query = parse_qs(urlsplit(no).query)
    assert query["subject"] == ["Feedback: Safe & sound (not helpful)"]
    assert query["body"][0].startswith("Page: https://s.example/p/\nWas this page helpful? No")
    assert "+" not in no  # spaces as %20: mail programs do not read + as a space


def test_no_email_feedback_when_hidden_or_without_an_address():
    assert feedback_emails(EXTRA, {"hide": ["feedback"]}, "T", "u") == (None, None)
    assert feedback_emails({}, {}, "T", "u") == (None, None)
    assert organisation(EXTRA) == {"name": "Co-op (example)", "email": "hi@example.org",
                                   "address": "1 Street"}
