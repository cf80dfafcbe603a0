"""How this site is tested, with the tools' versions and the build date, written into the
accessibility statement at every build so that it never goes out of date.

The statement (content/about/accessibility.md) marks the place with PLACEHOLDER; without
it, the section goes at the end of the page.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.metadata
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

STATEMENT = "about/accessibility.md"
PLACEHOLDER = "<!-- commons: how we test -->"
CHROMIUM = "/usr/bin/chromium"
UNKNOWN = "(version not known on the machine that built this page)"
CHROMIUM_CACHE = Path(".cache") / "chromium-version.json"


@dataclass(frozen=True)
class Tools:
    axe_core: str
    playwright: str
    chromium: str
    linkchecker: str


def axe_version(root: Path) -> str:
    """axe-core's version as pinned in package-lock.json."""
    try:
        lock = json.loads((Path(root) / "package-lock.json").read_text(encoding="utf-8"))
        return lock["packages"]["node_modules/axe-core"]["version"]
    except (OSError, ValueError, KeyError):
        return UNKNOWN


def _python_package(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return UNKNOWN


@functools.lru_cache(maxsize=4)
def chromium_version(executable: str = CHROMIUM, cache_file: Path | None = None) -> str:
    """'156.0.8078.79' from 'Chromium 156.0.8078.79 built on Debian ...'. Asking takes
    seconds (Debian's chromium is a wrapper script), so the answer is kept in cache_file for
    as long as the executable is the same file."""
    try:
        stat = os.stat(executable)
    except OSError:
        return UNKNOWN
    key = f"{os.path.realpath(executable)}:{stat.st_mtime_ns}:{stat.st_size}"
    try:
        kept = json.loads(cache_file.read_text(encoding="utf-8")) if cache_file else {}
    except (OSError, ValueError):
        kept = {}
    if isinstance(kept, dict) and kept.get("executable") == key:
        return str(kept.get("version", UNKNOWN))
    version = _ask_chromium(executable)
    if cache_file and version != UNKNOWN:
        try:
            cache_file.parent.mkdir(parents=True, exist_ok=True)
            partial = cache_file.with_name(f".{cache_file.name}.{os.getpid()}")
            partial.write_text(json.dumps({"executable": key, "version": version}),
                               encoding="utf-8")
            partial.replace(cache_file)
        except OSError:
            pass  # asked again next time
    return version


def _ask_chromium(executable: str) -> str:
    try:
        out = subprocess.run([executable, "--version"], capture_output=True, text=True,
                             timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return UNKNOWN
    words = out.split()
    return words[1] if len(words) > 1 and words[0] == "Chromium" else UNKNOWN


def tools(root: Path) -> Tools:
    return Tools(axe_version(root), _python_package("playwright"),
                 chromium_version(CHROMIUM, Path(root) / CHROMIUM_CACHE),
                 _python_package("linkchecker"))


def section(used: Tools, built: dt.date) -> str:
    """The Markdown section: what is tested, with which tool versions, as of which build."""
    day = f"{built.day} {built:%B %Y}"
    return f"""## How we test this site

Every change to this site is tested before it is published. This version was built on
{day}, and the tests use these tools:

- **axe-core {used.axe_core}** checks every kind of page against WCAG 2.2 at levels A and
  AA, and against good practice: the home page, a policy, a pathway, a toolkit, a session,
  the teacher directory and a teacher, the partner directory, a region, a qualification,
  a topic, the reports, this statement, search results and the "page not found" page.
  Every check must pass.
- **Chromium {used.chromium}**, driven by **Playwright {used.playwright}**, uses the site
  with a keyboard only: the "skip to content" link, searching and opening a result,
  filtering the teacher directory and sharing the address, following a pathway from the
  first step to the last, and downloading a toolkit.
- The same browser checks that every kind of page fits a screen 320 pixels wide and a
  page zoomed to 200% without scrolling sideways, shows no script errors, loads nothing
  from any other website, and breaks none of the rules of its Content Security Policy.
- **LinkChecker {used.linkchecker}** follows every link inside the site, including links
  to a place on a page, and fails the test if one is broken.
"""


def fill(markdown: str, src_uri: str, root: Path, built: dt.date) -> str:
    """The statement's Markdown with the testing section in place; other pages unchanged."""
    if src_uri != STATEMENT:
        return markdown
    text = section(tools(root), built)
    if PLACEHOLDER in markdown:
        return markdown.replace(PLACEHOLDER, text, 1)
    return markdown.rstrip("\n") + "\n\n" + text
