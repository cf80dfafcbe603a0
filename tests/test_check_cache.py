"""The check cache: the problems are those of a run without it, cold or warm, after an edit
that makes an error and after the one that mends it; a damaged, foreign or unwritable cache
is made again, never an error."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest
from commons.core import memo
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
    assert {p.name for p in (mini / CACHE).iterdir()} == {
        "pages.pickle", "readability.pickle", "tables.pickle"}
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

    rows = mini / "data/partners.csv"
    edit(rows, "council,city,", "council,cty,")
    wrong = same_warm_and_fresh(mini)
    assert any("CM003" in p and "'cty' is not an id in regions.csv" in p for p in wrong)
    edit(rows, "council,cty,", "council,city,")
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
