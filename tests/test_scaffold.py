"""`make new` writes a page of each type that passes every check, with a note on each field,
and refuses an id that a page already has or that the build uses."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from commons.model import types
from commons.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import new_page  # noqa: E402

SCRIPT = ROOT / "scripts" / "new_page.py"


@pytest.mark.parametrize("kind", types.names())
def test_each_type_writes_a_page_that_passes_every_check(mini: Path, kind: str):
    path = new_page.write_page(mini, kind, "Safe moving & handling: the basics")
    folder = types.folder_of(kind)
    assert path == mini / "content" / folder / "safe-moving-and-handling-the-basics.md"
    loaded = load(mini)
    assert [p.text() for p in loaded.problems] == []
    page = loaded.commons.pages["safe-moving-and-handling-the-basics"]
    assert (page.type, page.title) == (kind, "Safe moving & handling: the basics")
    required = [f.name for f in types.by_name(kind).fields if f.required]
    assert set(required) <= set(page.meta)
    text = path.read_text(encoding="utf-8")
    for spec in types.by_name(kind).fields:  # every field has a note; optional ones are comments
        line = next(li for li in text.splitlines() if li.lstrip("# ").startswith(spec.name + ":"))
        assert "  # " in line, line
        assert line.startswith("# ") != spec.required, line


def test_the_command_line_writes_without_asking(mini: Path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--root", str(mini), "--type",
                             "session", "--title", "Moving and handling refresher"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Wrote content/sessions/moving-and-handling-refresher.md" in result.stdout
    assert load(mini).ok


def test_asks_for_type_and_title_when_not_given(mini: Path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--root", str(mini)],
                            input="4\nTeam huddles\n", capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "What kind of page?" in result.stdout and "4. a toolkit" in result.stdout
    assert (mini / "content" / "toolkits" / "team-huddles.md").is_file()


@pytest.mark.parametrize("kind, title, page_id, reason", [
    ("policy", "Learning", None, "content/policies/learning.md already has the id 'learning'"),
    ("toolkit", "Care Act overview", None, "content/sessions/care-act-overview.md already has"),
    ("page", "Index", None, "a name the site keeps for itself"),
    ("session", "Aux", None, "a name the site keeps for itself"),
    ("session", "Bad <b>", None, "contains '<' or '>'"),
    ("session", "Ok", "Not_An_Id", "is not a valid id"),
])
def test_refuses_an_id_in_use_or_unsafe(mini: Path, kind, title, page_id, reason):
    before = sorted(p.relative_to(mini) for p in (mini / "content").rglob("*"))
    with pytest.raises(new_page.Refused, match=reason.replace("(", r"\(")):
        new_page.write_page(mini, kind, title, page_id)
    assert sorted(p.relative_to(mini) for p in (mini / "content").rglob("*")) == before


def test_a_path_the_build_makes_is_refused_naming_its_source(mini: Path):
    assert new_page.generated_clash(mini, "teachers/ada-brook.md") == \
        "the build already makes teachers/ada-brook.md from data/teachers.csv:row 2"
    assert new_page.generated_clash(mini, "pathways/index.md").startswith(
        "the build already makes pathways/index.md")
    assert new_page.generated_clash(mini, "about/lone-working.md") is None


def test_refusal_on_the_command_line_writes_nothing_and_says_why(mini: Path):
    result = subprocess.run([sys.executable, str(SCRIPT), "--root", str(mini), "--type",
                             "policy", "--title", "Learning"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("Nothing was written: content/policies/learning.md")


def test_ids_from_titles():
    assert new_page.slug("  Safe Moving & Handling: the BASICS!  ") == \
        "safe-moving-and-handling-the-basics"
    long = new_page.slug("word " * 40)
    assert len(long) <= 60 and not long.endswith("-")


def test_placeholder_review_date_is_the_day_it_was_written(mini: Path):
    path = new_page.write_page(mini, "policy", "Lone working", today=dt.date(2027, 2, 3))
    assert "last_reviewed: 2027-02-03  # " in path.read_text(encoding="utf-8")
