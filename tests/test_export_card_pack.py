"""The shipped card pack as a printable card sheet: every card, four to an A4 page."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from commons.export.build import document
from commons.export.formats import Style, card_colour, cards
from commons.load.pages import read_pages
from commons.load.settings import Settings
from commons.model.pages import pages
from pypdf import PdfReader

PACK = (Path(__file__).resolve().parent.parent / "content" / "toolkits"
        / "learning-organisation-card-pack")


@pytest.mark.slow
def test_the_shipped_card_pack_prints_as_cards(tmp_path: Path) -> None:
    shutil.copytree(PACK, tmp_path / "toolkits" / PACK.name)
    [page], _ = pages(read_pages(tmp_path, "content")[0])
    settings = Settings(today=dt.date(2026, 6, 1), site_url="https://commons.example.org/")
    doc, problems = document(page, tmp_path, settings)
    assert problems == []
    body = (PACK / "index.md").read_text(encoding="utf-8")
    codes = re.findall(r"^### ([A-Z]+ \d+) ", body, re.M)
    assert len(codes) >= 20 and [c.code for c in doc.cards] == codes
    assert card_colour(doc.cards[0], Style()) == dict(Style().named_colours)["light green"]

    reader = PdfReader(io.BytesIO(cards(doc, Style())))
    assert len(reader.pages) == -(-len(codes) // 4)
    for number, page in enumerate(reader.pages):
        text = page.extract_text()
        for code in codes[number * 4:number * 4 + 4]:
            assert code in text
