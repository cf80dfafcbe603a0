"""pandoc, run sandboxed with raw TeX and raw HTML off, under a time limit.

`--sandbox` stops pandoc reading any file that is not named on its command line, so even an
image path that slipped past the folder check cannot pull a local file into a download;
images reach pandoc only as data: URIs made from files we have checked.
"""

from __future__ import annotations

import os
import subprocess
from functools import lru_cache

INPUT_FORMAT = "markdown-raw_html-raw_tex-raw_attribute"
TIMEOUT_SECONDS = 120.0


class ExportError(Exception):
    """A tool failed or ran out of time; the message says which and why."""


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(text: str, to: str, args: tuple[str, ...] = (), *,
        timeout: float | None = None) -> bytes:
    """pandoc's output for `text` converted to format `to` (written to stdout).
    In its sandbox pandoc sees no clock: DOCX and EPUB dates come out as 1970."""
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}
    return run_tool([pandoc_path(), "--sandbox", f"--from={INPUT_FORMAT}", f"--to={to}",
                     "--output=-", *args], "pandoc", f"the {to} file",
                    text.encode("utf-8"), env, timeout)


def default_data_file(name: str) -> bytes:
    """One of pandoc's own data files, e.g. its reference.docx."""
    return run_tool([pandoc_path(), "--print-default-data-file", name],
                    "pandoc", f"reading its {name}")


def run_tool(command: list[str], tool: str, task: str, stdin: bytes = b"",
             env: dict[str, str] | None = None, timeout: float | None = None) -> bytes:
    """A tool's stdout; ExportError when it fails or runs past the time limit."""
    limit = TIMEOUT_SECONDS if timeout is None else timeout
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, env=env,
                              timeout=limit, check=False)
    except subprocess.TimeoutExpired as error:
        raise ExportError(f"{tool} did not finish {task} within {limit:g} s "
                          "and was stopped") from error
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ExportError(f"{tool} failed on {task}: "
                          + (reason[-1] if reason else f"exit code {done.returncode}"))
    return done.stdout
