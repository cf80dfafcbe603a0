"""Front matter is parsed by the project: safe, strict about duplicates, with lines."""

from __future__ import annotations

import datetime as dt

from commons.load.frontmatter import parse, split


def test_split_reports_body_line():
    header, body, line = split("---\ntitle: A\n---\n# Body\n")
    assert header == "title: A\n"
    assert body == "# Body\n"
    assert line == 4


def test_keys_know_their_file_lines():
    doc = parse("c.md", "---\ntitle: A\nsummary: B\nsteps:\n  - title: C\n---\n")
    assert doc.problems == []
    assert doc.meta.line_of("title") == 2
    assert doc.meta.line_of("summary") == 3
    assert doc.meta["steps"][0].line_of("title") == 5


def test_duplicate_key_is_an_error_naming_both_lines():
    doc = parse("c.md", "---\ntitle: A\nsummary: B\ntitle: C\n---\n")
    [problem] = doc.problems
    assert problem.text() == (
        "c.md:4: front matter is not valid YAML: the key 'title' appears twice "
        "(first on line 2); keep one and delete the other "
        "(check the indentation, and put text containing ':' or '#' in quotes)")


def test_broken_yaml_names_the_line():
    doc = parse("c.md", "---\ntitle: A\nsummary: [unclosed\nowner: B\n---\n")
    [problem] = doc.problems
    assert problem.path == "c.md"
    assert problem.line in (4, 5)
    assert "not valid YAML" in problem.message


def test_missing_front_matter():
    [problem] = parse("c.md", "# Just a body\n").problems
    assert problem.text().startswith("c.md:1: the page has no front matter")


def test_unclosed_front_matter():
    [problem] = parse("c.md", "---\ntitle: A\n").problems
    assert problem.message == "the front matter is never closed"


def test_unsafe_tags_are_refused():
    doc = parse("c.md", "---\ntitle: !!python/object/apply:os.system ['true']\n---\n")
    [problem] = doc.problems
    assert problem.line == 2
    assert "not valid YAML" in problem.message


def test_raw_text_is_kept_for_yaml_surprises():
    doc = parse("c.md", "---\ntitle: no\nversion: 012\nday: 2026-01-02\n---\n")
    assert doc.meta["title"] is False and doc.meta.raw["title"] == ("no", None)
    assert doc.meta["version"] == 10 and doc.meta.raw["version"] == ("012", None)
    assert doc.meta["day"] == dt.date(2026, 1, 2)


def test_front_matter_that_is_not_a_mapping():
    [problem] = parse("c.md", "---\n- a\n- b\n---\n").problems
    assert problem.message == "front matter must be a list of 'field: value' lines"
