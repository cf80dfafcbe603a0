"""Faults: a build that fails or is killed halfway leaves the last good site as it was; a
missing tool or an unreadable file says what and where."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from commons.core import tools
from commons.core.tools import ToolMissing, require_tool
from hostile import problem_texts, refused_with_hook

FAIL_HALFWAY = '''
PAGES = []

def on_post_page(output, page, config):
    PAGES.append(page.file.src_uri)
    if len(PAGES) == 3:
        raise RuntimeError("planted failure after two pages were written")
    return output
'''

KILLED_HALFWAY = '''
import os, signal
PAGES = []

def on_post_page(output, page, config):
    PAGES.append(page.file.src_uri)
    if len(PAGES) == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return output
'''


def test_a_build_failing_halfway_keeps_the_last_good_site(mini_built, tmp_path):
    result = refused_with_hook(mini_built, tmp_path, FAIL_HALFWAY, first=False)
    assert "RuntimeError: planted failure after two pages were written" in result.stderr


def test_a_build_killed_halfway_keeps_the_last_good_site(mini_built, tmp_path):
    result = refused_with_hook(mini_built, tmp_path, KILLED_HALFWAY, first=False)
    assert result.returncode == -9


def test_a_folder_named_like_a_page_names_itself(mini):
    (mini / "content/policies/broken.md").mkdir()
    assert ("content/policies/broken.md: the file cannot be read: Is a directory (check that "
            "it exists and is readable)") in problem_texts(mini)


def test_a_page_the_build_may_not_read_names_itself(mini, monkeypatch):
    # Tests run as root, where chmod 000 does not stop reading; refuse the read instead.
    original = Path.read_text
    locked = (mini / "content/policies/learning.md").resolve()

    def read_text(self, *args, **kwargs):
        if self.resolve() == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    assert ("content/policies/learning.md: the file cannot be read: Permission denied (check "
            "that it exists and is readable)") in problem_texts(mini)


MISSING = [
    ("pandoc", {"finder": None},
     "pandoc is not installed; it is needed to make the PDF, DOCX and EPUB downloads. To "
     "install it, run `make setup` (it installs pypandoc-binary, which ships pandoc 3), or "
     "install pandoc 3 from https://pandoc.org/installing.html."),
    ("chromium", {"candidates": ("/nonexistent/chromium", "chromium", "chromium-browser")},
     "chromium is not installed; it is needed to run the browser and accessibility tests. "
     "To install it, run `sudo apt-get install chromium` (Debian or Ubuntu), or "
     "scripts/setup_browser.sh."),
]


@pytest.mark.parametrize("name, absent, message", MISSING, ids=[m[0] for m in MISSING])
def test_a_missing_tool_says_how_to_install_it(monkeypatch, tmp_path, name, absent, message):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: nothing on the PATH
    monkeypatch.setitem(tools.TOOLS, name, replace(tools.TOOLS[name], **absent))
    with pytest.raises(ToolMissing) as missing:
        require_tool(name)
    assert str(missing.value) == message


def test_a_tool_that_is_installed_is_found(tmp_path, monkeypatch):
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setitem(tools.TOOLS, "chromium",
                        replace(tools.TOOLS["chromium"], candidates=("chromium",)))
    assert require_tool("chromium") == str(program)
