"""Build the site beside the live one and swap it in only when the build succeeded.

A failed or interrupted `mkdocs build --strict` still writes files; building into a
temporary folder on the same disk and renaming keeps the last good site/ intact.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from commons.core.problems import format_problems
from commons.load.config_check import config_problems
from commons.offline import write_service_worker


def build_atomically(root: Path, site_dir: Path | None = None,
                     config_file: Path | None = None,
                     extra_args: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build into a temporary folder; on success replace site_dir."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    config_file = Path(config_file or root / "mkdocs.yml")
    refused = config_problems(config_file, config_file.name)
    if refused:  # MkDocs' YAML loader would run the tagged code as it reads the file
        return subprocess.CompletedProcess([], 1, "", "the site configuration was refused; "
                                           "nothing was built:\n" + format_problems(refused))
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
             "--config-file", str(config_file), "--site-dir", str(staging), *extra_args],
            cwd=root, env=env, text=True, capture_output=True)
        if result.returncode == 0:
            write_service_worker(staging)
            swap_in(staging, site_dir)
        return result
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def swap_in(staging: Path, site_dir: Path) -> None:
    """Replace site_dir with staging using renames, so readers never see half a site."""
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site_dir.parent))
        os.rename(site_dir, retired / "site")
    os.rename(staging, site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)
