"""Ids, slugs and output paths: nothing generated can leave site/, and two records cannot
quietly share one page."""

from __future__ import annotations

import pytest
from commons.core.paths import unsafe_output_path
from commons.core.problems import Origin
from commons.generate import GeneratedFile, generate_all
from commons.load import settings
from commons.pipeline import load
from helpers import edit
from hostile import copy_of, exact, problem_texts, refused

UNSAFE = [
    ("/etc/passwd.md", "the path must be relative and use '/'"),
    ("teachers\\..\\..\\x.md", "the path must be relative and use '/'"),
    ("teachers/../../etc.md", "the path has an empty, '.' or '..' part"),
    ("teachers//x.md", "the path has an empty, '.' or '..' part"),
    ("teachers/x\x00.md", "the path contains a control character"),
    ("teachers/x\n.md", "the path contains a control character"),
    ("teachers/con.md", "'con.md' is a name Windows reserves"),
    ("AUX/index.md", "'AUX' is a name Windows reserves"),
    ("teachers/com1.md", "'com1.md' is a name Windows reserves"),
    ("teachers/Ada Brook.md", "'Ada Brook.md' has characters outside a-z, 0-9, '-', '_' and '.'"),
]


@pytest.mark.parametrize("path, reason", UNSAFE, ids=[repr(p) for p, _ in UNSAFE])
def test_unsafe_output_paths_are_named(path, reason):
    assert unsafe_output_path(path) == reason


def _made(*items):
    return lambda commons, settings: list(items)


def test_generate_all_refuses_escape_and_names_both_sources_of_one_page(mini):
    commons = load(mini).commons
    today = settings.Settings(today=settings.build_date())
    made, problems = generate_all(commons, today, {"about.md"}, generators=[_made(
        GeneratedFile("../outside.md", "x", Origin("data/regions.csv", row=4)),
        GeneratedFile("regions/north.md", "x", Origin("data/regions.csv", row=2)),
        GeneratedFile("regions/north.md", "y", Origin("data/partners.csv", row=3)),
        GeneratedFile("about.md", "z", Origin("data/topics.csv", row=5)),
    )])
    assert [f.src_uri for f in made] == ["regions/north.md"]
    assert exact(problems) == [
        "data/regions.csv:row 4: cannot write '../outside.md': the path has an empty, '.' or "
        "'..' part (use an id of lower-case letters, digits and hyphens)",
        "data/partners.csv:row 3: would make the page 'regions/north.md', which "
        "data/regions.csv:row 2 makes too (give one of the two a different id)",
        "data/topics.csv:row 5: would make the page 'about.md', which content/about.md makes "
        "too (give one of the two a different id)",
    ]


def test_csv_id_climbing_out_of_the_site_is_refused_at_its_row(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path / "try")
    edit(commons / "data/teachers.csv", "ada-brook,Ada", "../../etc,Ada")
    result = refused(commons, site)
    assert ("data/teachers.csv:row 2:id: '../../etc' breaks a rule: constraint \"pattern\" is "
            "\"[a-z0-9]+(-[a-z0-9]+)*\" (use lower-case letters, digits and single hyphens, "
            "e.g. region-one)") in result.stderr
    assert not (tmp_path / "etc").exists() and not (tmp_path / "try/etc").exists()


def test_windows_reserved_id_in_a_csv_is_refused_at_its_row(mini):
    edit(mini / "data/partners.csv", "north-college,", "con,")
    assert ("data/partners.csv:row 3:id: the id 'con' cannot be a file name (choose another "
            "id; Windows reserves this name for a device)") in problem_texts(mini)


def test_windows_reserved_page_file_name_is_refused(mini):
    (mini / "content/policies/nul.md").write_text(
        (mini / "content/policies/learning.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert ("content/policies/nul.md:1: the page id 'nul' cannot be a file name (choose another "
            "id; Windows reserves this name for a device)") in problem_texts(mini)


def test_authored_page_and_teacher_record_for_one_page_name_both(mini):
    (mini / "content/teachers").mkdir()
    (mini / "content/teachers/ada-brook.md").write_text(
        "---\ntitle: Ada\nsummary: A page that claims the same address as a teacher.\n---\n\n"
        "# Ada\n", encoding="utf-8")
    loaded = load(mini)
    today = settings.Settings(today=settings.build_date())
    _, problems = generate_all(loaded.commons, today, {"teachers/ada-brook.md"})
    assert ("data/teachers.csv:row 2: would make the page 'teachers/ada-brook.md', which "
            "content/teachers/ada-brook.md makes too (give one of the two a different id)"
            ) in exact(problems)
