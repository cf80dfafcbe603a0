"""Fixtures: the tiny commons (a fresh copy per test, or loaded and built once per run, for
tests that only read), and the shipped commons built once per run. Helpers are in
helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest
from commons.pipeline import Loaded, load
from commons.publish import build_atomically
from helpers import MINI_BUILD_DAY, ROOT, make_commons


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A fresh copy of the tiny commons; tests break it to see what the checks say."""
    return make_commons(tmp_path / "commons")


@pytest.fixture(scope="session")
def mini_loaded(tmp_path_factory: pytest.TempPathFactory) -> Loaded:
    """The tiny commons loaded once per run: for tests that only read it."""
    loaded = load(make_commons(tmp_path_factory.mktemp("mini-loaded") / "commons"))
    assert loaded.ok, [p.text() for p in loaded.problems]
    return loaded


@pytest.fixture(scope="session")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tiny commons and its site, built once per run on 23 November 2026: for tests that
    read the site, or copy both to break the copy."""
    base = tmp_path_factory.mktemp("mini-built")
    commons, site = make_commons(base / "commons"), base / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", MINI_BUILD_DAY)
        result = build_atomically(commons, site_dir=site)
    assert result.returncode == 0, result.stderr
    return commons, site


@pytest.fixture(scope="session")
def mini_site(mini_built: tuple[Path, Path]) -> Path:
    return mini_built[1]


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped commons built once per run, for the browser, search and link tests."""
    site = tmp_path_factory.mktemp("shipped") / "site"
    result = build_atomically(ROOT, site_dir=site)
    if result.returncode != 0:
        pytest.fail(f"the shipped commons did not build:\n{result.stderr[-4000:]}",
                    pytrace=False)
    return site
