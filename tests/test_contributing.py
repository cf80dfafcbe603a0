"""CONTRIBUTING.md documents every field and column and shows real messages; the check's
GitHub format annotates file and line; the templates, forms and code owners are sound."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from commons.model import types
from commons.render.page_info import FEEDBACK_FORM
from helpers import edit, make_commons

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
GITHUB = ROOT / ".github"
BIN = Path(sys.executable).parent


def _section(heading: str) -> str:
    """The text under a heading, up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    start = GUIDE.index(heading + "\n")
    end = re.compile(rf"^#{{1,{len(level)}}} ", re.M).search(GUIDE, start + len(heading))
    return GUIDE[start:end.start() if end else len(GUIDE)]


def _fields(fields) -> set[str]:
    names = set()
    for spec in fields:
        names.add(spec.name)
        names |= _fields(getattr(spec.kind, "fields", ()))
    return names


def test_every_front_matter_field_is_documented():
    documented = set(re.findall(r"^\| `([a-z_]+)`", _section("## Front matter fields"), re.M))
    every = set().union(*(_fields(f) for f in (t.fields for t in types.content_types())))
    assert every - documented == set()


@pytest.mark.parametrize("schema_file", sorted((ROOT / "data").glob("*.schema.yaml")),
                         ids=lambda p: p.name)
def test_every_column_of_every_table_is_documented(schema_file):
    table = schema_file.name.removesuffix(".schema.yaml")
    section = _section(f"### `data/{table}.csv`")
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    columns = [f["name"] for f in yaml.safe_load(schema_file.read_text())["fields"]]
    assert documented == columns  # all of them, in the order of the file's columns


def _broken_commons(target: Path) -> Path:
    """The mini commons with one of each common mistake."""
    root = make_commons(target)
    content, data = root / "content", root / "data"
    edit(content / "sessions/care-act-overview.md", "format: online", "format: onlin")
    edit(content / "sessions/care-act-overview.md", "duration_minutes: 90",
         "duration_minutes: 1:30")
    edit(content / "policies/learning.md", "last_reviewed: 2026-06-01",
         "last_reviewed: 01/06/2026")
    edit(content / "policies/learning.md", "topics: [co-production]", "topics: [coproduction]")
    edit(content / "toolkits/card-pack.md", "owner: Learning Circle",
         "owner: Learning Circle\nowner: Learning Circle")
    edit(content / "pathways/practice-teacher.md", "audience:", "audiences:")
    edit(data / "teachers.csv", "ben-carr,Ben Carr,coach", "ben-carr,Ben Carr,mentor")
    edit(data / "teachers.csv", ",active,yes,no,yes,ben@", ",active,yes,no,Yes please,ben@")
    edit(data / "partners.csv", "college,north", "college,nort")
    edit(data / "regions.csv", "city,City Region", "north,City Region")
    return root


def _check(root: Path, style: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--root",
                           str(root), "--format", style], capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    return _broken_commons(tmp_path_factory.mktemp("broken") / "c")


def test_check_prints_github_annotations_on_file_and_line(broken):
    result = _check(broken, "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("::error file=") for line in lines), lines
    assert (
        "::error file=content/sessions/care-act-overview.md,line=8,title=CM004 format::"
        "content/sessions/care-act-overview.md:8: 'format' 'onlin' is not allowed "
        "(did you mean 'online'?)") in lines
    assert (
        "::error file=data/partners.csv,line=3,title=CM003 region::data/partners.csv:row 3:region: "
        "'nort' is not an id in regions.csv (did you mean 'north'?)") in lines
    assert (
        "::error file=content/toolkits/card-pack.md,line=7,title=CM002::"
        "content/toolkits/card-pack.md:7: front matter is not valid YAML: the key 'owner' "
        "appears twice (first on line 6); keep one and delete the other (check the "
        "indentation, and put text containing ':' or '#' in quotes)") in lines
    assert re.search(r"checked .*: \d+ errors", result.stderr)


def _examples(section: str) -> list[str]:
    blocks = re.findall(r"```text\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines() if line]


def test_the_example_messages_in_the_guide_are_what_the_check_says(broken, tmp_path):
    section = _section("## What the checks mean and how to fix each error")
    text = _check(broken, "text").stdout.splitlines()
    github = _check(broken, "github").stdout.splitlines()
    root = make_commons(tmp_path / "latin")
    partners = root / "data" / "partners.csv"
    latin = partners.read_text(encoding="utf-8").replace("North College", "North Collège")
    partners.write_bytes(latin.encode("cp1252"))
    text += _check(root, "text").stdout.splitlines()
    examples = _examples(section)
    assert len(examples) >= 12
    assert [line for line in examples if line not in text + github] == []


def test_issue_forms_and_their_config_match_githubs_schemas():
    forms = sorted(str(p) for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml")
                   if p.name != "config.yml")
    for schema_name, files in (("vendor.github-issue-forms", forms),
                               ("vendor.github-issue-config",
                                [str(GITHUB / "ISSUE_TEMPLATE" / "config.yml")])):
        result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema",
                                 schema_name, *files], capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr


def _form(name: str) -> dict:
    return yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))


def test_the_four_kinds_of_contribution_have_templates():
    assert {p.name for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml")} >= {
        "new-resource.yml", "policy-change.yml", "add-me-as-a-teacher.yml",
        "accessibility-problem.yml", "config.yml"}
    assert {p.name for p in (GITHUB / "PULL_REQUEST_TEMPLATE").glob("*.md")} == {
        "new-resource.md", "policy-change.md", "add-teacher.md"}
    assert (GITHUB / "PULL_REQUEST_TEMPLATE.md").is_file()


def test_the_teacher_form_asks_each_consent_separately_and_says_how_to_withdraw():
    form = _form("add-me-as-a-teacher.yml")
    questions = {item.get("id"): item for item in form["body"]}
    for consent in ("listed", "perspectives-consent", "contact-opt-in"):
        options = questions[consent]["attributes"]["options"]
        assert len(options) == 2 and questions[consent]["validations"]["required"]
        assert sorted(o.split(",")[0] for o in options) == ["No", "Yes"]
    intro = form["body"][0]["attributes"]["value"]
    assert "withdraw at any time" in intro and "public" in intro
    template = (GITHUB / "PULL_REQUEST_TEMPLATE" / "add-teacher.md").read_text("utf-8")
    for column in ("listed", "perspectives_consent", "contact_opt_in", "Withdrawing"):
        assert column in template


def test_the_feedback_links_land_on_a_form_with_the_fields_they_fill_in():
    form = _form(FEEDBACK_FORM)
    ids = {item.get("id") for item in form["body"]}
    assert {"page", "helpful"} <= ids and form["labels"] == ["feedback"]


def _owners(path: str) -> list[str]:
    """The owners GitHub asks for a file: the last matching CODEOWNERS line wins."""
    owners: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *who = line.split()
        if pattern == "*" or ("/" + path).startswith(pattern):
            owners = who
    return owners


@pytest.mark.parametrize("path, owner", [
    ("content/policies/learning-policy.md", "@learning-commons/learning-circle"),
    ("content/policies/data-protection.md", "@learning-commons/data-lead"),
    ("data/teachers.csv", "@learning-commons/learning-lead"),
    ("data/events.csv", "@learning-commons/learning-lead"),
    ("mkdocs.yml", "@learning-commons/maintainers"),
    ("hooks/commons/data.py", "@learning-commons/maintainers"),
    ("scripts/new_page.py", "@learning-commons/maintainers"),
    ("site-overrides/main.html", "@learning-commons/maintainers"),
    (".github/workflows/deploy.yml", "@learning-commons/maintainers"),
])
def test_code_owners(path, owner):
    assert owner in _owners(path)


def test_code_owners_name_only_files_that_exist():
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and line.split()[0] != "*":
            assert (ROOT / line.split()[0].lstrip("/")).exists(), line
