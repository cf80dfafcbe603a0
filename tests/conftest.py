"""Shared fixtures: a tiny valid commons in a temporary folder, and the project root."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def make_commons(target: Path, fixture: Path = MINI) -> Path:
    """Copy a fixture commons into target, with the project's schemas and a mkdocs.yml
    whose hooks and theme point back into the project."""
    shutil.copytree(fixture, target, dirs_exist_ok=True)
    for schema in (ROOT / "data").glob("*.yaml"):
        shutil.copy(schema, target / "data" / schema.name)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["watch"] = ["data", str(ROOT / "hooks")]
    config.pop("nav", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                       encoding="utf-8")
    return target


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the tiny commons; tests break it to see what the checks say."""
    return make_commons(tmp_path / "commons")


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a fixture file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
