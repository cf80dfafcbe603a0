"""Outside programs the build and the tests use, found or explained.

`require_tool(name)` returns the program's path, or raises ToolMissing with a message that
says what the tool is for and exactly how to install it on this project's machines.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class ToolMissing(RuntimeError):
    """A program the build needs is not installed; the message says how to install it."""


@dataclass(frozen=True)
class Tool:
    purpose: str
    install: str
    candidates: tuple[str, ...]  # program names or absolute paths, in order of preference
    finder: Callable[[], str | None] | None = None  # a Python package that ships the program


def _pandoc_from_wheel() -> str | None:
    try:
        import pypandoc  # from pypandoc-binary, pinned in pyproject.toml
    except ImportError:
        return None
    try:
        return pypandoc.get_pandoc_path()
    except OSError:
        return None


TOOLS: dict[str, Tool] = {
    "pandoc": Tool(
        purpose="to make the PDF, DOCX and EPUB downloads",
        install="run `make setup` (it installs pypandoc-binary, which ships pandoc 3), or "
                "install pandoc 3 from https://pandoc.org/installing.html",
        candidates=("pandoc",), finder=_pandoc_from_wheel),
    "chromium": Tool(
        purpose="to run the browser and accessibility tests",
        install="run `sudo apt-get install chromium` (Debian or Ubuntu), or "
                "scripts/setup_browser.sh",
        candidates=("/usr/bin/chromium", "chromium", "chromium-browser")),
    "node": Tool(
        purpose="to load axe-core for the accessibility tests",
        install="run `sudo apt-get install nodejs npm`",
        candidates=("node", "nodejs")),
}


def find_tool(name: str) -> str | None:
    """The path of a known tool, or None when it is not installed."""
    tool = TOOLS[name]
    if tool.finder is not None:
        found = tool.finder()
        if found:
            return found
    for candidate in tool.candidates:
        if Path(candidate).is_absolute():
            if Path(candidate).is_file():
                return candidate
        elif shutil.which(candidate):
            return shutil.which(candidate)
    return None


def missing_message(name: str) -> str:
    tool = TOOLS[name]
    return f"{name} is not installed; it is needed {tool.purpose}. To install it, {tool.install}."


def require_tool(name: str) -> str:
    """The path of a tool the build needs, or ToolMissing saying how to install it."""
    if name not in TOOLS:
        raise KeyError(f"unknown tool '{name}'; known tools: {', '.join(sorted(TOOLS))}")
    found = find_tool(name)
    if found is None:
        raise ToolMissing(missing_message(name))
    return found
