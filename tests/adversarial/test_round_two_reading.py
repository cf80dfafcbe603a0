"""Hostile input, round two: what a reader gets. What a page includes is checked as the page
is, at the included file's lines; contact details are found as a reader sees them, however
they are written; and a link is judged once, for the site and every download alike."""

from __future__ import annotations

import subprocess
import sys

import pytest
from commons.export.build import export_all
from commons.load.includes import include_targets
from commons.pipeline import load, settings_of
from commons.rules.privacy import personal_data
from helpers import ROOT, edit
from hostile import copy_of, download_links, refused

TOOLKIT = "content/toolkits/card-pack.md"
POLICY = "content/policies/learning.md"
LAST = "Lay the cards on a table."
BODY = "We all learn from each other."
PUBLIC = ("(personal contact details are not published: remove it, or, if it is the commons' "
          "own public contact, list it in mkdocs.yml under extra.commons.public_contacts)")
SCHEME = "(link to a page in the commons or to a https:, http:, mailto: or tel: address)"
NOTES = "Notes for the facilitator.\nRing Sam on 07700 900123 or write to sam.rota@gmail.com.\n"


def texts(root, *codes: str) -> list[str]:
    return [p.text() for p in load(root).problems if p.code in codes]


def run_check(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts/check.py"), "--root", str(root)],
                          capture_output=True, text=True)


def include(root, text: str, name: str = "notes.txt", how: str = "line") -> None:
    """The toolkit includes a file of its folder, in the one-line or the block form."""
    (root / "content/toolkits" / name).write_text(text, encoding="utf-8")
    line = f'--8<-- "{name}"' if how == "line" else f"--8<--\n{name}\n--8<--"
    edit(root / TOOLKIT, LAST, f"{LAST}\n\n{line}\n")


# 1. Whatever a page includes is checked as the page, at the included file's own lines.

@pytest.mark.parametrize("how", ["line", "block"])
def test_an_included_file_is_checked_for_contacts_html_and_links_at_its_own_lines(mini, how):
    include(mini, NOTES + "[Rota](javascript:alert(1)) and <script>alert(2)</script>\n", how=how)
    assert texts(mini, "CM202", "CM203") == [
        f"content/toolkits/notes.txt:2: a phone number, '07700 900123' {PUBLIC}",
        f"content/toolkits/notes.txt:2: an email address, 'sam.rota@gmail.com' {PUBLIC}",
        "content/toolkits/notes.txt:3: the HTML tag <script> is not allowed: it would run code "
        "in readers' browsers (remove it; ask the site's maintainers if the page needs "
        "something it cannot do in Markdown)",
        f"content/toolkits/notes.txt:3: the address 'javascript:alert(1' uses 'javascript:', "
        f"which is not allowed {SCHEME}"]


def test_an_include_in_an_include_and_in_any_page_is_checked_where_it_is_written(mini):
    include(mini, "Intro.\n--8<-- \"deeper.txt\"\n")
    (mini / "content/toolkits/deeper.txt").write_text("\n\n\nAsk jo&#64;example.net\n",
                                                        encoding="utf-8")
    (mini / "content/policies/rota.txt").write_text("Call 0161 496 0000.\n", encoding="utf-8")
    edit(mini / POLICY, BODY, f"{BODY}\n\n```text\n--8<-- 'rota.txt'\n```")
    assert texts(mini, "CM203") == [
        f"content/policies/rota.txt:1: a phone number, '0161 496 0000' {PUBLIC}",
        f"content/toolkits/deeper.txt:4: an email address, 'jo@example.net' {PUBLIC}"]


def test_an_include_outside_the_page_folder_is_not_read(mini):
    (mini / "content/secret.txt").write_text("jo@gmail.com\n", encoding="utf-8")
    edit(mini / TOOLKIT, LAST, f'{LAST}\n\n--8<-- "../secret.txt"\n')
    found = texts(mini, "CM203", "CM204")
    assert found == ["content/toolkits/card-pack.md:18: the include '../secret.txt' points "
                     "outside the page's folder (put the include in the page's own folder and "
                     "point to it with a relative path)"]


def test_both_include_forms_are_found_and_an_escaped_name_is_text():
    lines = ['--8<-- "a.md"', "text", "--8<--", "b.md", "", ";c.md", "--8<--", "--8<--",
             "not a block"]
    assert include_targets(lines) == ["a.md", None, "", "b.md", "", "", "", None, None]


def test_make_check_and_the_build_refuse_an_included_contact(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    include(commons, NOTES, how="block")
    expected = f"content/toolkits/notes.txt:2: a phone number, '07700 900123' {PUBLIC}"
    check = run_check(commons)
    assert check.returncode == 1 and expected in check.stdout.splitlines()
    assert expected in refused(commons, site).stderr


# 2. Contact details are found in what a reader sees, however they are written.

@pytest.mark.parametrize("written, shown", [
    ("jo&#64;example.net", "an email address, 'jo@example.net'"),
    ("jo&commat;example.net", "an email address, 'jo@example.net'"),
    ("jo&#x40;example&period;net", "an email address, 'jo@example.net'"),
    ("jo\\.bloggs\\@example\\.net", "an email address, 'jo.bloggs@example.net'"),
    ("jo\uff20example.net", "an email address, 'jo@example.net'"),
    ("jo\u200b@exam\u00adple.net", "an email address, 'jo@example.net'"),
    ("07700\u00a0900123", "a phone number, '07700 900123'"),
    ("07700\u202f900\u2009123", "a phone number, '07700 900 123'"),
    ("07700\u2007900&nbsp;123", "a phone number, '07700 900 123'"),
    ("0\u200b7700\u2011900123", "a phone number, '07700-900123'"),
    ("\uff10\uff17\uff17\uff10\uff10 \uff19\uff10\uff10\uff11\uff12\uff13",
     "a phone number, '07700 900123'"),
    ("943&#32;476&#32;5919", "what looks like an NHS number, ending 5919"),
])
def test_an_obfuscated_contact_in_a_page_is_found_at_its_line(mini, written, shown):
    edit(mini / POLICY, BODY, f"{BODY}\n\nA &amp; B, \u00a0said:\n\nAsk {written} today.")
    hint = "(never publish a person's NHS number: remove it)" if "NHS" in shown else PUBLIC
    assert texts(mini, "CM203") == [f"{POLICY}:18: {shown} {hint}"]


def test_an_obfuscated_contact_in_a_cell_and_in_front_matter_is_found_at_its_place(mini):
    edit(mini / "data/partners.csv", "Hosts skill sets.", "Hosts skill sets; jo&#64;example.net.")
    edit(mini / POLICY, "summary: How we learn together, and what each of us can expect.",
         "summary: How we learn together; ring 07700\u202f900123.")
    assert texts(mini, "CM203") == [
        f"{POLICY}:3: a phone number, '07700 900123' {PUBLIC}",
        f"data/partners.csv:row 3:contributes: an email address, 'jo@example.net' {PUBLIC}"]


def test_public_contacts_written_another_way_are_still_allowed(mini):
    edit(mini / POLICY, BODY, f"{BODY} Write to learning&#64;learning-commons.example.org or "
                              "ring the ICO on 0303\u00a0123\u00a01113.")
    assert texts(mini, "CM203") == []


def test_entities_escapes_and_spaces_alone_are_not_contacts():
    text = ("Care &amp; support\u00a0in 2026 &ndash; see s.\u202f42, \\*not\\* a list, "
            "&#35;1 of 20\u2009000 learners, ISBN 978&#8209;0&#8209;12&#8209;345678&#8209;9.")
    assert personal_data(text) == []


def test_the_build_refuses_an_obfuscated_contact(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    edit(commons / POLICY, BODY, f"{BODY}\nAsk jo\\@example\\.net.")
    assert (f"{POLICY}:15: an email address, 'jo@example.net' {PUBLIC}"
            in refused(commons, site).stderr)


# 3. One judgement of links for the site and every download.

@pytest.mark.parametrize("written, line, message", [
    ("[g]:\n    javascript:alert(1)\n\n[Go][g]", 18, "'javascript:alert(1)' uses 'javascript:'"),
    ("<div>\n[Go](javascript:alert(1))\n</div>", 19, "'javascript:alert(1' uses 'javascript:'"),
    ("<javascript:alert(1)>", 18, "'javascript:alert(1)' uses 'javascript:'"),
    ("> [g]: javascript:alert(1)\n\n[Go][g]", 18, "'javascript:alert(1)' uses 'javascript:'"),
    ("> [g]:\n> javascript:alert(1)\n\n[Go][g]", 18,
     "'javascript:alert(1)' uses 'javascript:'"),
    ("- [g]: javascript:alert(1)\n\n[Go][g]", 18, "'javascript:alert(1)' uses 'javascript:'"),
    ("!!! note\n    [g]: javascript:alert(1)\n\n[Go][g]", 19,
     "'javascript:alert(1)' uses 'javascript:'"),
    ("[a[b]]: data:text/html,x\n\n[Go][a[b]]", 18, "'data:text/html,x' uses 'data:'"),
    ("```\nnever closed\n\n[Go](vbscript:x)", 21, "'vbscript:x' uses 'vbscript:'"),
    ("A lone ` here.\n\n[Go](javascript:alert(1))\n\nAnd ` there.", 20,
     "'javascript:alert(1' uses 'javascript:'"),
    ("\\`[Go](javascript:alert(1))`", 18, "'javascript:alert(1' uses 'javascript:'"),
])
def test_a_link_the_site_or_pandoc_would_follow_is_refused_at_its_line(mini, written, line,
                                                                       message):
    edit(mini / TOOLKIT, LAST, f"{LAST}\n\n{written}")
    assert texts(mini, "CM202") == [f"{TOOLKIT}:{line}: the address {message}, which is not "
                                    f"allowed {SCHEME}"]


def test_an_autolink_is_checked_like_any_link(mini):
    edit(mini / POLICY, BODY, f"{BODY} See <http://www.nhs.uk/> and <https:www.nhs.uk>.")
    assert texts(mini, "CM106") == [
        f"{POLICY}:14: the address 'https:www.nhs.uk' is not a complete https:// address "
        "(copy the whole address from the browser)",
        f"{POLICY}:14: the link 'http://www.nhs.uk/' is not secure (http) (use the https:// "
        "address of the page, if it has one)"]


def test_a_footnote_and_code_are_not_links(mini):
    edit(mini / POLICY, BODY, f"{BODY}[^1] Type `[x](javascript:alert(1))` to see it.\n\n"
                              "[^1]: Some text, not a link.\n\n```\n[y]: javascript:alert(2)\n```")
    assert texts(mini, "CM106", "CM202") == []


def test_make_check_and_the_build_refuse_what_only_pandoc_would_follow(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    edit(commons / TOOLKIT, LAST, f"{LAST}\n\n<div>\n[Go](javascript:alert(1))\n</div>\n\n"
                                  "> [g]:\n> data:text/html,x\n\n[Also][g]")
    expected = [f"{TOOLKIT}:19: the address 'javascript:alert(1' uses 'javascript:', which is "
                f"not allowed {SCHEME}",
                f"{TOOLKIT}:22: the address 'data:text/html,x' uses 'data:', which is not "
                f"allowed {SCHEME}"]
    check = run_check(commons)
    assert check.returncode == 1 and check.stdout.splitlines() == expected
    stderr = refused(commons, site).stderr
    assert all(line in stderr for line in expected)


HOSTILE_BUT_FINE = """

See the [policy](../policies/learning.md#learning-policy), [this place](#how-to-use-it) and
<https://www.gov.uk/>; write to [us](mailto:learning@learning-commons.example.org).

<div>
[Raw block](https://www.nhs.uk/)
</div>

> [q]:
> https://www.legislation.gov.uk/

!!! note "Read [more](https://www.skillsforcare.org.uk/)"
    The [act][q] and [the CQC][c].

    [c]: <https://www.cqc.org.uk/> "Care Quality Commission"

=== "Tab"
    A [tab link](https://www.sssc.uk.com/).
"""
EXPECTED_LINKS = {"https://www.gov.uk/", "https://www.nhs.uk/", "https://www.cqc.org.uk/",
                  "https://www.legislation.gov.uk/", "https://www.skillsforcare.org.uk/",
                  "https://www.sssc.uk.com/", "mailto:learning@learning-commons.example.org",
                  "https://learning-commons.example.org/policies/learning/#learning-policy"}


def unsafe(links: list[str]) -> list[str]:
    """The links that are not https:, mailto:, tel: or inside the document."""
    return [link for link in links if not link.startswith(("https://", "mailto:", "tel:"))
            and (":" in link.split("/", 1)[0] or link.startswith("//"))]


def test_every_link_in_a_hostile_toolkits_downloads_is_safe(mini, tmp_path):
    edit(mini / TOOLKIT, LAST, LAST + HOSTILE_BUT_FINE)
    loaded = load(mini)
    assert loaded.ok, [p.text() for p in loaded.problems]
    settings = settings_of(mini)[0]
    downloads, problems = export_all(list(loaded.commons.pages.values()), mini / "content",
                                     tmp_path / "cache", settings)
    assert problems == [] and {d.format.key for d in downloads} == {"pdf", "docx", "epub"}
    for download in downloads:
        path = tmp_path / download.src_uri.replace("/", "-")
        path.write_bytes(download.data)
        links = download_links(path)
        assert unsafe(links) == [], path.name
        assert EXPECTED_LINKS <= set(links), (path.name, EXPECTED_LINKS - set(links))


@pytest.mark.parametrize("site", ["mini_site", "shipped_site"])
def test_every_link_in_the_published_downloads_is_safe(site, request):
    paths = sorted(p for p in (request.getfixturevalue(site) / "downloads").iterdir()
                   if p.suffix in (".pdf", ".docx", ".epub"))
    assert {p.suffix for p in paths} == {".pdf", ".docx", ".epub"}
    links = {p.name: download_links(p) for p in paths}
    assert {name: unsafe(found) for name, found in links.items() if unsafe(found)} == {}
    assert any(found for found in links.values())
