"""Build the site beside the live one and swap it in only when the build succeeded.

A failed or interrupted `mkdocs build --strict` still writes files; building into a
temporary folder on the same disk and exchanging it with site/ in one step keeps the last
good site/ intact, and a web server finds a whole site at every instant. The published
folders and files get ordinary permissions (0755 and 0644), and the folders a killed build
left behind are removed by the next. The child reports its progress through a pipe of its
own (core/progress.py); its output is kept, whole, for the caller to print.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from commons.core.problems import format_problems
from commons.core.progress import Event, Listener
from commons.load.config_check import config_problems
from commons.offline import write_service_worker


def build_atomically(root: Path, site_dir: Path | None = None,
                     config_file: Path | None = None,
                     extra_args: tuple[str, ...] = (),
                     progress: Callable[[Event], None] | None = None
                     ) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build into a temporary folder; on success replace site_dir.
    progress is given each event of the build as it comes (on another thread)."""
    root = Path(root).resolve()
    site_dir = Path(site_dir or root / "site").resolve()
    config_file = Path(config_file or root / "mkdocs.yml")
    refused = config_problems(config_file, config_file.name)
    if refused:  # MkDocs' YAML loader would run the tagged code as it reads the file
        return subprocess.CompletedProcess([], 1, "", "the site configuration was refused; "
                                           "nothing was built:\n" + format_problems(refused))
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(site_dir.parent)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING}{os.getpid()}-", dir=site_dir.parent))
    except OSError as error:
        return subprocess.CompletedProcess([], 1, "", f"cannot write the site into "
                                           f"{site_dir.parent}: {error.strerror} (choose a "
                                           "folder you can write to, or make this one "
                                           "writable)\n")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(config_file), "--site-dir", str(staging), *extra_args]
    report = progress or _ignore
    report(Event("start"))  # MkDocs takes a second or two to start and read its config
    try:
        result = _run_reporting(command, root, report)
        if result.returncode == 0:
            report(Event("publish"))
            write_service_worker(staging)
            readable(staging)
            swap_in(staging, site_dir)
        return result
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _run_reporting(command: list[str], root: Path, report: Callable[[Event], None]
                   ) -> subprocess.CompletedProcess:
    """Run the build with its output captured and its progress events passed to report."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with Listener(report) as channel, subprocess.Popen(
            command, cwd=root, env={**env, **channel.env}, pass_fds=channel.fds, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE) as child:
        channel.child_started()
        try:
            stdout, stderr = child.communicate()
        except BaseException:  # as subprocess.run does: an interrupted build is stopped
            child.kill()
            raise
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)


def _ignore(event: Event) -> None:
    pass


STAGING, RETIRED = ".site-build-", ".site-old-"
_RENAME_EXCHANGE = 2  # renameat2 flag (Linux): swap two paths in one step


def swap_in(staging: Path, site_dir: Path) -> None:
    """Put staging in the place of site_dir, in one step where the system can exchange two
    folders (Linux), else by two renames; the old site is removed afterwards."""
    if site_dir.is_dir() and not site_dir.is_symlink() and _exchange(staging, site_dir):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return
    retired = None
    if site_dir.exists():
        retired = Path(tempfile.mkdtemp(prefix=RETIRED, dir=site_dir.parent))
        os.rename(site_dir, retired / "site")
    os.rename(staging, site_dir)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    done = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second),
                     _RENAME_EXCHANGE)
    return done == 0


def readable(folder: Path) -> None:
    """Folders 0755 and files 0644, so that a web server running as another user can serve
    the site (a temporary folder starts as 0700)."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def remove_leftovers(parent: Path) -> None:
    """Staging and retired folders that a killed build left beside the site: those of a
    process that is no longer running (a build running now keeps its own)."""
    for path in parent.glob(".site-*"):
        name = path.name
        if not path.is_dir() or not name.startswith((STAGING, RETIRED)):
            continue
        pid = name.removeprefix(STAGING).split("-", 1)[0] if name.startswith(STAGING) else ""
        if pid.isdigit() and _running(int(pid)):
            continue
        shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
