"""The model keeps where everything came from, and each input is read once: a card pack's
problem names its real line, and no CSV or page is opened twice while the commons loads."""

from __future__ import annotations

import builtins
import io
import pathlib
from collections import Counter

from commons.pipeline import load
from commons.publish import build_atomically
from helpers import edit

PACK = "content/toolkits/card-pack.md"


def test_a_card_pack_without_cards_is_reported_at_its_cards_line(mini):
    page = mini / PACK
    edit(page, "version:", "cards: true\nversion:")
    text = page.read_text(encoding="utf-8")
    body = text.split("---", 2)[2]
    page.write_text(text.replace(body, "\n# Card pack\n\nNo cards yet.\n"), encoding="utf-8")
    line = text.splitlines().index("cards: true") + 1
    [found] = [p for p in load(mini).problems if p.field == "cards"]
    assert (found.path, found.line, found.code) == (PACK, line, "CM204")
    assert line > 1


def test_each_table_and_page_is_read_from_disk_once(mini, monkeypatch):
    """Every read goes through io.open (Path.read_text and read_bytes too)."""
    reads: Counter = Counter()
    real_open = io.open

    def counted_open(file, *args, **kwargs):
        if isinstance(file, (str, pathlib.Path)):
            reads[pathlib.Path(file).name] += 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counted_open)
    monkeypatch.setattr(io, "open", counted_open)
    loaded = load(mini)
    assert loaded.ok, [p.text() for p in loaded.problems]
    inputs = {p.name for p in (mini / "data").glob("*.csv")} | {
        p.name for p in (mini / "content").rglob("*.md")}
    assert {name: reads[name] for name in inputs} == {name: 1 for name in inputs}


def test_a_broken_link_fails_the_build_once_at_its_line(mini, tmp_path):
    edit(mini / "content/policies/learning.md", "We all learn from each other.",
         "We all learn from each other. See [this](no-such-page.md).")
    result = build_atomically(mini, site_dir=tmp_path / "site")
    assert result.returncode != 0
    assert result.stderr.count("no-such-page.md") == 1, result.stderr
    assert "content/policies/learning.md:14: the link 'no-such-page.md' leads to no page" \
        in result.stderr
    assert "Doc file" not in result.stderr
