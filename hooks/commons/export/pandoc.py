"""pandoc, run sandboxed with raw TeX and raw HTML off, under a time and a memory limit.

`--sandbox` stops pandoc reading any file that is not named on its command line, so even an
image path that slipped past the folder check cannot pull a local file into a download;
images reach pandoc only as data: URIs made from files we have checked.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from dataclasses import dataclass
from functools import lru_cache

INPUT_FORMAT = "markdown-raw_html-raw_tex-raw_attribute"
TIMEOUT_SECONDS = 120.0
MEMORY_MB = 2048
# How a program stopped by its memory limit ends: killed by a signal when an allocation
# fails (GHC's and Rust's runtimes), or saying so (Python's MemoryError, GHC's heap message).
_SIGNALS_OF_MEMORY = (-signal.SIGSEGV, -signal.SIGABRT, -signal.SIGBUS, -signal.SIGKILL)
_WORDS_OF_MEMORY = ("MemoryError", "out of memory", "memory allocation", "Cannot allocate",
                    "heap overflow", "failed to allocate", "failed to map segment")


@dataclass(frozen=True)
class ToolLimits:
    """The time and memory pandoc or typst may take for one download (settings' limits)."""

    seconds: float = TIMEOUT_SECONDS
    memory_mb: int = MEMORY_MB


class ExportError(Exception):
    """A tool failed or ran out of time; the message says which and why."""


@lru_cache(maxsize=1)
def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def run(text: str, to: str, args: tuple[str, ...] = (), *,
        timeout: float | None = None, limits: ToolLimits = ToolLimits()) -> bytes:
    """pandoc's output for `text` converted to format `to` (written to stdout).
    In its sandbox pandoc sees no clock: DOCX and EPUB dates come out as 1970."""
    env = {"PATH": os.environ.get("PATH", ""), "LANG": "C.UTF-8"}
    return run_tool([pandoc_path(), "--sandbox", f"--from={INPUT_FORMAT}", f"--to={to}",
                     "--output=-", *args], "pandoc", f"the {to} file",
                    text.encode("utf-8"), env, timeout, limits)


def default_data_file(name: str) -> bytes:
    """One of pandoc's own data files, e.g. its reference.docx."""
    return run_tool([pandoc_path(), "--print-default-data-file", name],
                    "pandoc", f"reading its {name}")


def run_tool(command: list[str], tool: str, task: str, stdin: bytes = b"",
             env: dict[str, str] | None = None, timeout: float | None = None,
             limits: ToolLimits = ToolLimits()) -> bytes:
    """A tool's stdout; ExportError when it fails, runs past the time limit or needs more
    memory than its limit (an address-space limit, set in the child before it starts)."""
    limit = limits.seconds if timeout is None else timeout
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, env=env,
                              timeout=limit, check=False,
                              preexec_fn=_memory_limit(limits.memory_mb))
    except subprocess.TimeoutExpired as error:
        raise ExportError(f"{tool} did not finish {task} within {limit:g} s "
                          "and was stopped") from error
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip()
        if done.returncode in _SIGNALS_OF_MEMORY or any(w in said for w in _WORDS_OF_MEMORY):
            raise ExportError(f"{tool} needed more memory than its limit of "
                              f"{limits.memory_mb} MB for {task} and was stopped")
        reason = said.splitlines()
        raise ExportError(f"{tool} failed on {task}: "
                          + (reason[-1] if reason else f"exit code {done.returncode}"))
    return done.stdout


def _memory_limit(megabytes: int):
    """What the child runs before the tool: it only sets a limit, so that nothing it does
    needs a lock another thread of the build may hold."""
    size = megabytes * 1024 * 1024

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (size, size))

    return apply
