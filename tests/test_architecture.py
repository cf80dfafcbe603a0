"""The pipeline's shape holds: imports point one way, the stages up to generate run without
MkDocs, every rule has a code that CONTRIBUTING.md explains, and builds share no state."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from commons.rules import RULES, explain
from helpers import ROOT, edit, make_commons

BIN = Path(sys.executable).parent


def _lint_imports(hooks: Path) -> subprocess.CompletedProcess:
    env = {"PATH": str(BIN), "PYTHONPATH": str(hooks), "NO_COLOR": "1"}
    return subprocess.run([str(BIN / "lint-imports"), "--config", str(ROOT / "pyproject.toml"),
                           "--no-cache"], capture_output=True, text=True, cwd=ROOT, env=env)


def test_the_import_contract_is_kept():
    result = _lint_imports(ROOT / "hooks")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


LAYERS = "Stages import one way: nothing imports a stage above it"
NO_MKDOCS = "Only render knows MkDocs: the pipeline up to generate runs without it"


@pytest.mark.parametrize("module, planted, broken", [
    ("model/records.py", "from commons.pipeline import Build", LAYERS),  # an import upward
    ("rules/credits.py", "from commons.generate import common", LAYERS),  # beside generate
    ("generate/feed.py", "import mkdocs.utils", NO_MKDOCS),  # MkDocs outside render
])
def test_the_contract_catches_an_import_the_wrong_way(tmp_path, module, planted, broken):
    hooks = tmp_path / "hooks"
    shutil.copytree(ROOT / "hooks" / "commons", hooks / "commons",
                    ignore=shutil.ignore_patterns("__pycache__"))
    target = hooks / "commons" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}\n", encoding="utf-8")
    result = _lint_imports(hooks)
    assert result.returncode == 1, result.stdout
    assert f"{broken} BROKEN" in result.stdout and "1 broken" in result.stdout


def test_the_pipeline_up_to_generate_runs_without_mkdocs(mini):
    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from commons.generate import generate_all
        from commons.pipeline import load
        loaded = load(Path({str(mini)!r}))
        assert loaded.ok, [p.text() for p in loaded.problems]
        from commons.load.settings import Settings, build_date
        made, problems = generate_all(loaded.commons, Settings(today=build_date()))
        assert not problems and any(f.src_uri == "teachers/index.md" for f in made)
        loaded_mkdocs = sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material"))
        print(len(made), loaded_mkdocs)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    count, modules = result.stdout.split(" ", 1)
    assert int(count) > 10 and modules.strip() == "[]"


def test_every_rule_has_a_stable_unique_code():
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"CM\d{3}", code) for code in codes)


def test_every_rule_code_is_explained_in_contributing():
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = guide[guide.index("### Rule codes"):guide.index("### On GitHub")]
    listed = dict(re.findall(r"^\| `(CM\d{3})` \| ([^|]+) \|", table, re.M))
    assert listed == {rule.code: rule.name for rule in RULES}


def test_every_problem_carries_the_code_of_its_rule(mini):
    from commons.pipeline import load

    edit(mini / "content/sessions/care-act-overview.md", "format: online", "format: onlin")
    edit(mini / "data/partners.csv", ",city,", ",cty,")
    edit(mini / "content/policies/learning.md", "title:", "title: [unclosed\ntitle:")
    problems = load(mini).problems
    assert problems and all(p.code for p in problems)
    codes = {p.path.rsplit("/", 1)[-1]: p.code for p in problems}
    assert codes["care-act-overview.md"] == "CM004"  # a field's value
    assert codes["partners.csv"] == "CM003"  # a table's cell
    assert codes["learning.md"] == "CM002"  # front matter that is not YAML


def test_explain_prints_what_a_rule_checks_and_how_to_fix_it():
    script = ROOT / "scripts" / "check.py"
    shown = subprocess.run([sys.executable, str(script), "--explain", "cm201"],
                           capture_output=True, text=True)
    assert shown.returncode == 0
    assert shown.stdout == explain("CM201") + "\n"
    assert shown.stdout.startswith("CM201 readability\n  checks: ")
    unknown = subprocess.run([sys.executable, str(script), "--explain", "CM999"],
                             capture_output=True, text=True)
    assert unknown.returncode == 2 and "CM201" in unknown.stderr


def test_the_overdue_switch_goes_by_code_not_by_message(mini):
    from commons.core.problems import Problem
    from commons.rules.reviews import CODE, apply_switch

    lookalike = Problem("content/x.md", 3, field="last_reviewed", message="review overdue: no",
                        severity="warning", code="CM201")
    coded = Problem("content/y.md", 3, message="anything", severity="warning", code=CODE)
    kept, notes = apply_switch([lookalike, coded], "error")
    assert kept[0] == lookalike and kept[1].severity == "error" and notes == []


def test_two_builds_in_one_process_share_nothing(tmp_path):
    """As under `mkdocs serve`: the second build sees the changed table, not a cache."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = make_commons(tmp_path / "commons")

    def built(site: Path) -> str:
        config = load_config(str(root / "mkdocs.yml"), site_dir=str(site))
        build(config)
        return (site / "regions" / "city" / "index.html").read_text(encoding="utf-8")

    first = built(tmp_path / "one")
    edit(root / "data/teachers.csv", "Ben Carr", "Benedict Carr")
    second = built(tmp_path / "two")
    assert "Ben Carr" in first and "Benedict Carr" not in first
    assert "Benedict Carr" in second


def test_the_model_and_rules_import_without_the_output_libraries():
    """The card parser and the rules need neither icalendar nor pandoc's wrapper."""
    script = ("import sys\n"
              "for name in ('icalendar', 'pypandoc', 'typst', 'mkdocs'):\n"
              "    sys.modules[name] = None  # importing it now fails\n"
              "import commons.model.cards, commons.rules, commons.pipeline\n")
    blocked = subprocess.run([sys.executable, "-c", script.replace(", commons.pipeline", "")],
                             capture_output=True, text=True)
    assert blocked.returncode == 0, blocked.stderr
    with_pipeline = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert with_pipeline.returncode == 1 and "icalendar" in with_pipeline.stderr
