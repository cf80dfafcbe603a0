"""The A to Z of every page (hooks/commons/a_to_z.py) and the home page's coming-up and
latest sections (hooks/commons/home.py)."""

from __future__ import annotations

import datetime as dt

from commons.generate import a_to_z, home
from commons.pipeline import load
from conftest import make_commons


def test_titles_come_from_front_matter_then_the_heading_then_the_file_name():
    assert a_to_z.title_of("p/a.md", "---\ntitle: 'Front'\n---\n# Heading\n") == "Front"
    assert a_to_z.title_of("p/a.md", "---\nsummary: x\n---\n\n# The heading\n") == "The heading"
    assert a_to_z.title_of("regions/region-one/index.md", "no title") == "Region one"


def test_the_index_is_sorted_by_title_with_a_heading_a_letter_and_titles_escaped():
    found = a_to_z.entries([("b.md", "# beta"), ("a-z.md", "# All"), ("x/a.md", "# Alpha"),
                            ("n.md", "# 2 <b>nights</b> [x]")])
    assert [e.src_uri for e in found] == ["n.md", "x/a.md", "b.md"]  # not the index itself
    text = a_to_z.markdown(found)
    assert "## 0–9\n\n- [2 &lt;b&gt;nights&lt;/b&gt; \\[x\\]](n.md)" in text
    assert "## A\n\n- [Alpha](x/a.md)\n\n## B\n\n- [beta](b.md)" in text
    assert text.startswith("---\ntitle: All pages, A to Z\n")


def test_home_shows_the_next_three_events_and_the_latest_resources(tmp_path):
    root = make_commons(tmp_path / "c")
    commons = load(root, content_dir=root / "content").commons
    day = dt.date(2000, 1, 1)  # every event in the fixture is still to come
    text = home.with_sections(f"# Home\n\n{home.MARKER}\n", "index.md", commons, day,
                              {"content/policies/learning.md": dt.date(2030, 5, 6)})
    coming = text.split("## Coming up\n\n")[1].split("\n\n")[0].splitlines()
    assert 1 <= len(coming) <= 3 and all(line.startswith("- **<time") for line in coming)
    latest = text.split("## New and updated\n\n")[1].splitlines()
    assert latest[0].endswith("· Policy · updated 6 May 2030")
    assert home.MARKER not in text
    assert home.with_sections("# Other", "about/index.md", commons, day, {}) == "# Other"
