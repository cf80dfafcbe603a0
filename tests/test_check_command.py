"""`make check`: every problem on its own line, non-zero exit, GitHub annotations."""

from __future__ import annotations

import subprocess
import sys

from helpers import ROOT, edit


def run_check(root, *args):
    return subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root),
                           *args], capture_output=True, text=True)


def test_clean_commons_exits_zero(mini):
    result = run_check(mini)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "0 errors" in result.stderr


def test_problems_one_per_line_then_exit_one(mini):
    edit(mini / "data/partners.csv", "council,city,", "council,cty,")
    edit(mini / "content/policies/learning.md", "owner: Learning Circle", "owner: no")
    result = run_check(mini)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "content/policies/learning.md:6: 'owner' expected text but found 'no', which YAML "
        "reads as the true/false value False (put the value in quotes, e.g. \"no\")",
        "data/partners.csv:row 2:region: 'cty' is not an id in regions.csv "
        "(did you mean 'city'?)",
    ]
    assert "2 errors" in result.stderr


def test_github_format_annotates_file_and_line(mini):
    edit(mini / "content/policies/learning.md", "owner: Learning Circle", "owner: no")
    edit(mini / "data/partners.csv", "council,city,", "council,cty,")
    lines = run_check(mini, "--format", "github").stdout.splitlines()
    assert lines[0].startswith("::error file=content/policies/learning.md,line=6,title=CM004 owner::"
                               "content/policies/learning.md:6: 'owner' expected text")
    assert lines[1].startswith("::error file=data/partners.csv,line=2,title=CM003 region::"
                               "data/partners.csv:row 2:region: 'cty' is not an id")
