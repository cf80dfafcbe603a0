"""LinkChecker over the built site, served on http://127.0.0.1 (through file:// it reports
false 404s when site_url is set): every internal link and #anchor must resolve.

Links to other sites are not fetched (no network in tests); the page loading nothing from
other hosts is proven in tests/browser/test_clean_pages.py.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import serve

# Through our runner: as root, LinkChecker's own command switches to `nobody`, who cannot
# read a .venv inside a private temporary clone.
LINKCHECKER = [sys.executable,
               str(Path(__file__).resolve().parent.parent / "scripts/run_linkchecker.py")]
CONFIG = """\
[checking]
threads=4
timeout=20
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
[output]
status=0
"""


def broken_links(site: Path, config_dir: Path) -> tuple[list[str], str]:
    """'page:line: url: why' for each broken link or anchor, and LinkChecker's own log."""
    config = config_dir / "linkcheckerrc"
    config.write_text(CONFIG, encoding="utf-8")
    with serve(site) as base:
        result = subprocess.run([*LINKCHECKER, "-f", str(config), "-o", "csv",
                                 "--no-status", base], capture_output=True, text=True,
                                timeout=300)
    rows = csv.DictReader(io.StringIO("\n".join(
        line for line in result.stdout.splitlines() if not line.startswith("#"))),
        delimiter=";")
    found = []
    for row in rows:
        anchor = "Anchor" in (row["warningstring"] or "")
        if row["valid"] != "True" or anchor:
            page = (row["parentname"] or "").removeprefix(base) or "/"
            why = row["warningstring"] if anchor else row["result"]
            found.append(f"{page}:{row['line']}: {row['urlname']}: {' '.join(why.split())}")
    if result.returncode not in (0, 1):
        pytest.fail(f"LinkChecker failed to run:\n{result.stderr[-2000:]}", pytrace=False)
    return found, result.stderr


def test_every_internal_link_and_anchor_of_the_shipped_site_resolves(shipped_site, tmp_path):
    found, log = broken_links(shipped_site, tmp_path)
    assert not found, "broken links (page:line: link: why):\n" + "\n".join(found)
    assert "Checking intern URLs only" in log


def test_the_check_reports_a_broken_page_and_a_broken_anchor_with_page_and_line(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text(
        "<!doctype html><html><head><title>Home</title></head><body>\n"
        '<p><a href="guide/">Guide</a></p>\n'
        '<p><a href="guide/#step-9">Step nine</a></p>\n'
        '<p><a href="gone/">Gone</a></p>\n</body></html>\n', encoding="utf-8")
    (site / "guide" / "index.html").write_text(
        '<!doctype html><html><head><title>Guide</title></head><body>'
        '<h2 id="step-1">Step one</h2></body></html>\n', encoding="utf-8")
    found, _ = broken_links(site, tmp_path)
    assert len(found) == 2, found
    assert any(f.startswith("/:4: gone/: 404") for f in found), found
    assert any(f.startswith("/:3: guide/#step-9: ") and "step-9" in f for f in found), found
