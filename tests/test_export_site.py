"""Downloads in a built site: the files, the downloads page, and each toolkit's buttons."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from commons.publish import build_atomically

EXPORT = Path(__file__).resolve().parent / "fixtures" / "export"


def test_site_has_downloads_page_buttons_and_files(mini: Path, tmp_path: Path) -> None:
    shutil.copytree(EXPORT / "content", mini / "content", dirs_exist_ok=True)
    site = tmp_path / "site"
    result = build_atomically(mini, site_dir=site)
    assert result.returncode == 0, result.stderr

    names = sorted(p.name for p in (site / "downloads").iterdir() if p.is_file())
    assert "reflection-cards-1.0-cards.pdf" in names
    for ext in ("pdf", "docx", "epub"):
        assert f"team-huddles-2.1.{ext}" in names
        assert f"card-pack-1.0.{ext}" in names  # every toolkit has downloads

    listing = BeautifulSoup((site / "downloads" / "index.html").read_text(), "html.parser")
    links = {a["href"]: a.get_text() for a in listing.select("article a[href]")}
    size = (site / "downloads" / "team-huddles-2.1.pdf").stat().st_size
    assert links["team-huddles-2.1.pdf"] == f"PDF, {max(1, round(size / 1024))} KB"
    assert re.fullmatch(r"Printable cards \(PDF\), \d+ KB",
                        links["reflection-cards-1.0-cards.pdf"])
    assert "Last reviewed 10 April 2026" in listing.get_text() or \
        "last reviewed 10 April 2026" in listing.get_text()

    page = BeautifulSoup((site / "toolkits" / "team-huddles" / "index.html").read_text(),
                         "html.parser")
    buttons = page.select("nav.commons-downloads a")
    assert [b["href"] for b in buttons] == [f"../../downloads/team-huddles-2.1.{e}"
                                           for e in ("pdf", "docx", "epub")]
    assert re.fullmatch(r"PDF, \d+ KB", buttons[0].get_text(strip=True))
    page_dir = site / "toolkits" / "team-huddles"
    assert all((page_dir / b["href"]).resolve().is_file() for b in buttons)
    policy = (site / "policies" / "learning" / "index.html").read_text()
    assert "commons-downloads" not in policy  # no buttons without `download: true`
