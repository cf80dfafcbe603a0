"""The check cache: the problems are those of a run without it, cold or warm, after an edit
that makes an error and after the one that mends it; a damaged, foreign or unwritable cache
is made again, never an error."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from commons.core import memo
from commons.generate import PAGE_GENERATORS
from commons.load import tables
from commons.pipeline import CACHE, load
from helpers import ROOT, edit

HARD = ("\n\nNotwithstanding the aforementioned organisational considerations, "
        "interdisciplinary multiagency collaboration necessitates comprehensive "
        "documentation, systematic accountability, demonstrable competency verification, "
        "institutionalised supervisory arrangements, individualised developmental "
        "objectives and contemporaneous recording, particularly regarding safeguarding "
        "responsibilities, confidentiality obligations and interprofessional "
        "communication methodologies throughout organisational restructuring.\n")


def problems(root, cache: bool) -> list[str]:
    return [f"{p.code} {p.text()}" for p in load(root, cache=cache).problems]


def same_warm_and_fresh(root) -> list[str]:
    """The problems of a run with the cache, having checked they are a fresh run's."""
    warm = problems(root, cache=True)
    assert warm == problems(root, cache=False)
    return warm


def test_a_warm_check_finds_what_a_fresh_one_finds(mini):
    clean = same_warm_and_fresh(mini)  # cold: the cache is made
    kept = {p.name for p in (mini / CACHE).iterdir()}
    assert {name for name in kept if not name.startswith("made-")} == {
        "pages.pickle", "readability.pickle", "tables.pickle", "table.pickle",
        "html-policy.pickle", "personal-data.pickle", "links.pickle", "nesting.pickle"}
    # a check keeps what each page generator made
    assert len([name for name in kept if name.startswith("made-")]) == len(PAGE_GENERATORS)
    assert same_warm_and_fresh(mini) == clean  # warm: everything taken from it
    page = mini / "content/policies/learning.md"

    edit(page, "owner: Learning Circle", "owner: Learning Circle\nowner: twice")
    edit(page, "We all learn from each other.\n", "We all learn from each other.\n" + HARD)
    broken = same_warm_and_fresh(mini)
    assert any("CM002" in p and "appears twice" in p for p in broken)
    edit(page, "owner: Learning Circle\nowner: twice", "owner: Learning Circle")
    hard = same_warm_and_fresh(mini)
    assert any("CM201" in p and "hard to read" in p for p in hard)
    edit(page, HARD, "\n")
    assert same_warm_and_fresh(mini) == clean

    # The rules kept by page text: a link, then a tag and a phone number, added to the body
    # (links to pages are told only once the rest is sound).
    link = "See [the rota](no-such-rota.md).\n"
    edit(page, "We all learn from each other.\n", "We all learn from each other.\n" + link)
    assert any("CM106" in p and "no-such-rota.md" in p for p in same_warm_and_fresh(mini))
    unsafe = "<iframe src=\"x\"></iframe> Call 0131 496 0000.\n"
    edit(page, link, unsafe)
    added = same_warm_and_fresh(mini)
    assert any("CM202" in p and "<iframe>" in p for p in added)
    assert any("CM203" in p and "phone number" in p for p in added)
    edit(page, unsafe, "")
    assert same_warm_and_fresh(mini) == clean

    rows = mini / "data/partners.csv"
    edit(rows, "council,city,", "council,cty,")
    wrong = same_warm_and_fresh(mini)
    assert any("CM003" in p and "'cty' is not an id in regions.csv" in p for p in wrong)
    edit(rows, "council,cty,", "council,city,")
    assert same_warm_and_fresh(mini) == clean


def test_the_pages_made_from_the_model_follow_a_changed_row_and_ignore_a_page_body(mini):
    """The generators read no page body: an edited body takes the pages made last time; an
    edited row, or a page's front matter, makes them again."""
    def teacher_page(loaded) -> str:
        return next(str(item.content) for item in loaded.made
                    if item.src_uri == "teachers/ada-brook.md")

    first = load(mini, cache=True)
    made = next((mini / CACHE).glob("made-*.pickle"))
    edit(mini / "content/policies/learning.md", "We all learn from each other.\n",
         "We all learn from each other, every day.\n")
    stamp = made.stat().st_mtime_ns
    assert load(mini, cache=True).made == first.made and made.stat().st_mtime_ns == stamp
    edit(mini / "data/teachers.csv", "Ada teaches co-production from her own experience.",
         "Ada teaches co-production from her own life.")
    assert "from her own life" in teacher_page(load(mini, cache=True))
    assert teacher_page(load(mini, cache=True)) == teacher_page(load(mini, cache=False))
    edit(mini / "content/policies/learning.md", "title: Learning policy",
         "title: Our learning policy")
    assert [item for item in load(mini, cache=True).made] == load(mini, cache=False).made


def test_a_table_edit_validates_that_table_and_those_it_points_to_again(mini, monkeypatch):
    """Each table is validated apart, with the tables its foreign keys point to: an edited
    table is validated again, and so is every table pointing to an edited one."""
    clean = same_warm_and_fresh(mini)
    validated = []
    real = tables._validated_table
    monkeypatch.setattr(tables, "_validated_table",
                        lambda *unit: validated.append(unit[3][0]["name"]) or real(*unit))
    edit(mini / "data/events.csv", "Glebe Street", "Glebe Road")
    load(mini, cache=True)
    assert validated == ["events"]
    validated.clear()
    edit(mini / "data/regions.csv", "city,", "town,")  # partners, teachers, events point here
    moved = problems(mini, cache=True)
    assert {"regions", "partners", "teachers", "events"} <= set(validated)
    assert "topics" not in validated
    assert any("'city' is not an id in regions.csv" in p for p in moved)
    assert moved == problems(mini, cache=False)
    edit(mini / "data/regions.csv", "town,", "city,")
    assert same_warm_and_fresh(mini) == clean


def test_an_edited_schema_is_read_again(mini):
    clean = same_warm_and_fresh(mini)
    edit(mini / "data/partners.schema.yaml", "council, college", "councils, college")
    changed = same_warm_and_fresh(mini)
    assert changed != clean and any("partners.csv" in p for p in changed)


def test_only_the_changed_inputs_are_made_again(tmp_path):
    made = []

    def double(items):
        made.append(list(items))
        return [item * 2 for item in items]

    assert memo.remembered(tmp_path, "twice", ["a", "b"], str.encode, double) == ["aa", "bb"]
    assert memo.remembered(tmp_path, "twice", ["a", "c"], str.encode, double) == ["aa", "cc"]
    assert memo.remembered(tmp_path, "twice", ["c", "a"], str.encode, double) == ["cc", "aa"]
    assert made == [["a", "b"], ["c"]]
    assert memo.remembered(tmp_path, "twice", ["b"], str.encode, double) == ["bb"]
    assert made[-1] == ["b"]  # dropped by the run that did not use it
    assert [p.name for p in tmp_path.iterdir()] == ["twice.pickle"]  # no partial file left


@pytest.mark.parametrize("content", [
    b"", b"not a pickle", pickle.dumps(("another version", {})),
    pickle.dumps((memo.VERSION, ["not", "a", "dict"])),
])
def test_a_damaged_or_foreign_cache_is_made_again(tmp_path, content):
    memo.remembered(tmp_path, "twice", ["a"], str.encode, lambda items: ["wrong"])
    if content:
        (tmp_path / "twice.pickle").write_bytes(content)
    else:
        (tmp_path / "twice.pickle").write_bytes(
            (tmp_path / "twice.pickle").read_bytes()[:20])  # cut short
    assert memo.remembered(tmp_path, "twice", ["a"], str.encode,
                           lambda items: [i * 2 for i in items]) == ["aa"]


def test_results_of_other_code_are_not_used(tmp_path, monkeypatch):
    memo.remembered(tmp_path, "twice", ["a"], str.encode, lambda items: ["old"])
    monkeypatch.setattr(memo, "VERSION", "changed code")
    assert memo.remembered(tmp_path, "twice", ["a"], str.encode, lambda items: ["new"]) == ["new"]


class _Runs:
    def __reduce__(self):
        return (print, ("a cache file ran code",))


def test_a_cache_file_cannot_run_code(tmp_path, capsys):
    (tmp_path / "twice.pickle").write_bytes(pickle.dumps((memo.VERSION, {b"x": _Runs()})))
    assert memo.remembered(tmp_path, "twice", ["a"], str.encode, lambda items: ["aa"]) == ["aa"]
    assert "ran code" not in capsys.readouterr().out


def test_a_cache_that_cannot_be_written_is_left(tmp_path):
    (tmp_path / "blocked").write_text("a file where the folder would be", encoding="utf-8")
    folder = tmp_path / "blocked" / "check"
    assert memo.remembered(folder, "twice", ["a"], str.encode,
                           lambda items: [i * 2 for i in items]) == ["aa"]


def test_no_cache_keeps_nothing(mini):
    command = [sys.executable, str(ROOT / "scripts/check.py"), "--root", str(mini)]
    subprocess.run([*command, "--no-cache"], check=True, capture_output=True)
    assert not (mini / ".cache").exists()
    subprocess.run(command, check=True, capture_output=True)
    assert (mini / CACHE / "pages.pickle").is_file()


def test_no_generator_reads_a_page_body(mini_loaded):
    """What lets the pages made from the model be kept while only bodies change: each
    generator's output is the same with every body and include replaced."""
    from dataclasses import replace

    from commons.generate import GENERATORS
    from commons.load.settings import from_config
    from commons.model.index import build_index

    commons, settings = mini_loaded.commons, from_config({})
    other = replace(commons, pages={key: replace(page, body="# Another\n\nOther words.\n",
                                                 includes=())
                                    for key, page in commons.pages.items()})
    other = replace(other, index=build_index(other))
    for generator in GENERATORS:
        assert generator(commons, settings) == generator(other, settings), generator.__name__
