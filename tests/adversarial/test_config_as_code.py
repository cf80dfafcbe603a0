"""mkdocs.yml is code: tags that run code are refused before MkDocs reads the file, and the
hooks log only where strict mode counts their warnings."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from commons.load.config_check import config_problems
from helpers import ROOT
from hostile import refused, refused_with_hook

TAG_HINT = "(remove the tag; only !ENV and !relative are allowed in mkdocs.yml)"


def _plant(commons: Path, line: str) -> int:
    """Put a line into the commons' mkdocs.yml after site_name; return its line number."""
    config = commons / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    at = next(i for i, text in enumerate(lines) if text.startswith("site_name:")) + 1
    lines.insert(at, line)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return at + 1


def test_code_running_tag_is_refused_before_mkdocs_reads_it(mini, tmp_path):
    marker = tmp_path / "pwned"
    line = _plant(mini, f'site_author: !!python/object/apply:os.system ["touch {marker}"]')
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    result = refused(mini, site)
    assert result.stderr == (
        "the site configuration was refused; nothing was built:\n"
        f"mkdocs.yml:{line}: the YAML tag '!!python/object/apply:os.system' is not allowed: it "
        f"can run code when MkDocs reads the file {TAG_HINT}")
    assert not marker.exists(), "the command never ran"


def test_without_the_guard_mkdocs_would_run_the_command(tmp_path):
    from mkdocs.utils.yaml import yaml_load

    marker = tmp_path / "ran"
    yaml_load(f'site_author: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert marker.exists(), "MkDocs' own loader executes the tag; the guard is needed"


def test_make_check_names_the_tag_and_line(mini):
    line = _plant(mini, "theme_loader: !!python/name:os.system")
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--root",
                             str(mini)], capture_output=True, text=True)
    assert result.returncode == 1
    assert (f"mkdocs.yml:{line}: the YAML tag '!!python/name:os.system' is not allowed: it can "
            f"run code when MkDocs reads the file {TAG_HINT}") in result.stdout.splitlines()


def test_unknown_local_tag_is_refused_and_mkdocs_tags_are_allowed(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: !ENV [SITE_NAME, 'Commons']\n"
                      "docs_dir: !relative $config_dir/content\n"
                      "extra:\n  secrets: !include ../secrets.yml\n"
                      "  copy: !!python/object/new:subprocess.Popen [[id]]\n", encoding="utf-8")
    assert [p.text() for p in config_problems(config)] == [
        f"mkdocs.yml:4: the YAML tag '!include' is not allowed: it can run code when MkDocs "
        f"reads the file {TAG_HINT}",
        f"mkdocs.yml:5: the YAML tag '!!python/object/new:subprocess.Popen' is not allowed: it "
        f"can run code when MkDocs reads the file {TAG_HINT}"]


def _calls(tree: ast.AST, name: str) -> list[ast.Call]:
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call) and (
        getattr(node.func, "id", None) == name or getattr(node.func, "attr", None) == name)]


# The preview listens to MkDocs' own logger for the warnings a strict build would stop on; it
# never writes to it.
LISTENERS = {Path("hooks/commons/render/preview.py")}


def test_hooks_log_only_through_mkdocs_plugins_loggers():
    wrong = []
    for path in sorted((ROOT / "hooks").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for call in _calls(tree, "getLogger"):
            name = call.args[0] if call.args else None
            listening = where in LISTENERS and isinstance(name, ast.Constant) \
                and name.value == "mkdocs" and not any(
                    _calls(tree, level) for level in ("debug", "info", "warning", "error"))
            if not listening and not (isinstance(name, ast.Constant) and str(
                    name.value).startswith("mkdocs.plugins.")):
                wrong.append(f"{where}:{call.lineno}: a logger outside mkdocs.plugins.*")
        wrong += [f"{where}:{c.lineno}: print() is not counted by strict mode"
                  for c in _calls(tree, "print")]
    assert wrong == []


PLANTED_WARNING = '''
import logging

def on_config(config):
    logging.getLogger("mkdocs.plugins.commons").warning("planted: a rule found a problem")
    return config
'''


def test_a_warning_from_the_commons_logger_fails_the_strict_build(mini_built, tmp_path):
    result = refused_with_hook(mini_built, tmp_path, PLANTED_WARNING)
    assert "WARNING -  planted: a rule found a problem" in result.stderr
    assert "Aborted with 1 warnings in strict mode!" in result.stdout
