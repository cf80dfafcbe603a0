"""Hostile inputs, round two, bounds: text that made the checks slow, input that asks for
unbounded work (deep nesting, huge pages, tables and downloads, tools that eat memory), and
an events table large enough to make What's on and the calendars unusable. Each is refused
at its place, quickly, or made into bounded pages."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml
from commons.export import pandoc
from commons.export.typeset import compile_pdf
from commons.generate.calendar import generate_calendars
from commons.generate.whats_on import generate_whats_on
from commons.load.settings import Settings
from commons.pipeline import load
from helpers import edit
from hostile import copy_of, one_line, problems_in_child, refused

TOOLKIT = "content/toolkits/card-pack.md"
HARD = f"{TOOLKIT}:1: the page is hard to read"
NESTED = ("lists and block quotes are nested more than 16 levels deep here "
          "(extra.commons.limits.nesting_depth in mkdocs.yml) (flatten the list: use headings "
          "or separate lists instead of putting lists inside lists)")
TODAY = dt.date(2026, 11, 23)


def set_extra(commons, **values) -> None:
    """Set keys under extra.commons in the commons' mkdocs.yml."""
    path = commons / "mkdocs.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    config.setdefault("extra", {}).setdefault("commons", {}).update(values)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def append(path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# The worst line found for each check's patterns, 1 MB long, at line 18 of the card pack (a
# download page, so that the download and card checks see it too), and what the checks say.
WORST_LINES = {
    "We go *on. ": [],  # emphasis that never closes: quadratic in the readability check
    "[": [], "![": [], "*[": [], "[^": [], "(": [], " (": [],  # links and images never closed
    "``": [], "` ``": [],  # code spans of every length, never closed
    "{": [], "{a=b": [], "{.card ": [HARD],  # attribute lists
    "a@": [], "0 ": [],  # email addresses and phone numbers
    "# ": [], "*": [], "__": [],  # closing hashes, emphasis marks, rules
    "<!--": [], "<a ": [HARD], "<a href=": [HARD], "<div markdown": [HARD],  # tags not closed
    "!!! a ": [HARD],
    "](": [f"{TOOLKIT}:18: the link '{'](' * 40}…' leads to no page or file (check the "
           "spelling; links go to a page's .md file, relative to this page)"],
    "> ": [f"{TOOLKIT}:18: {NESTED}"],
}


@pytest.fixture(scope="module")
def worst_line_problems(tmp_path_factory):
    """Every check over each worst line, one load in a child process each, stopped after
    five minutes in all."""
    from helpers import make_commons

    commons = make_commons(tmp_path_factory.mktemp("worst") / "commons")
    page = commons / TOOLKIT
    base = page.read_text(encoding="utf-8")
    found = {}
    for unit in WORST_LINES:
        page.write_text(f"{base}\n{one_line(unit)}\n", encoding="utf-8")
        found[unit] = problems_in_child(commons, timeout=120)
    return found


@pytest.mark.parametrize("unit", list(WORST_LINES))
def test_every_check_reads_a_megabyte_line_of_its_worst_pattern(worst_line_problems, unit):
    found = worst_line_problems[unit]
    expected = WORST_LINES[unit]
    if expected == [HARD]:
        assert len(found) == 1 and found[0].startswith(HARD), found
    else:
        assert found == expected


def test_a_long_cell_of_addresses_and_numbers_is_scanned(mini):
    edit(mini / "data/topics.csv", "Keeping people safe", one_line("a@b.org 0 ", 130_000))
    found = problems_in_child(mini, timeout=120)
    assert "data/topics.csv:row 3:description: an email address, 'a@b.org' (personal contact " \
           "details are not published: remove it, or, if it is the commons' own public " \
           "contact, list it in mkdocs.yml under extra.commons.public_contacts)" in found


@pytest.mark.parametrize("levels, line", [
    ("- " * 3000 + "x", 18),  # 3,000 levels on one line: the build hung on it
    ("> " * 17 + "x", 18),
    ("\n".join("    " * level + "- x" for level in range(200)), 18 + 16),
])
def test_deep_nesting_is_refused_at_its_line_before_the_build(mini_built, tmp_path, levels,
                                                              line):
    commons, site = copy_of(mini_built, tmp_path)
    append(commons / TOOLKIT, f"\n{levels}\n")
    found = problems_in_child(commons, timeout=60)
    assert [text for text in found if "nested" in text] == [f"{TOOLKIT}:{line}: {NESTED}"]
    result = refused(commons, site)
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert f"{TOOLKIT}:{line}: lists and block quotes are nested" in result.stderr


def test_nesting_at_the_limit_and_a_rule_of_dashes_pass(mini):
    append(mini / TOOLKIT, "\n" + "\n".join("    " * level + "- x" for level in range(16))
           + "\n\n" + "- " * 40 + "\n")
    assert [p.text() for p in load(mini).problems if p.code == "CM006"] == []


def test_a_page_over_the_size_limit_is_not_read(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    append(commons / TOOLKIT, "\n" + one_line("We go on. ", 1024 * 1024) + "\n")
    assert [p.text() for p in load(commons).problems if p.code == "CM006"] == [
        f"{TOOLKIT}: the page is 1025 KB, more than the limit of 1024 KB "
        "(extra.commons.limits.page_kb in mkdocs.yml); it was not read (split it into smaller "
        "pages; if it must be this large, a maintainer may raise the limit)"]
    refused(commons, site)
    set_extra(commons, limits={"page_kb": 2048})
    assert [p.text() for p in load(commons).problems if p.code == "CM006"] == []


def test_a_table_over_the_size_limit_is_not_read(mini):
    set_extra(mini, limits={"table_kb": 1})
    append(mini / "data/topics.csv", "".join(f"topic-{n},Topic {n},About topic {n}.\n"
                                             for n in range(40)))
    found = [p.text() for p in load(mini).problems if p.code == "CM006"]
    assert found == [
        "data/topics.csv: the table is 2 KB, more than the limit of 1 KB "
        "(extra.commons.limits.table_kb in mkdocs.yml); it was not read (split it into smaller "
        "tables; if it must be this large, a maintainer may raise the limit)"]


def test_a_download_over_the_size_limit_is_refused_at_the_line_that_passes_it(mini):
    set_extra(mini, limits={"download_kb": 1})
    append(mini / TOOLKIT, "".join(f"\nParagraph {n} of the card pack, said plainly.\n"
                                   for n in range(40)))
    [found] = [p.text() for p in load(mini).problems if p.code == "CM006"]
    assert found.startswith(f"{TOOLKIT}:") and found.endswith(
        ": the download's source, with its includes, is more than the limit of 1 KB "
        "(extra.commons.limits.download_kb in mkdocs.yml) (split the page or what it includes "
        "into smaller pages, or stop offering it as a download; a maintainer may raise the "
        "limit)")
    assert 25 < int(found.split(":")[1]) < 80


def test_includes_that_include_themselves_stop_at_the_download_limit(mini):
    """Each level multiplies: 100 includes of itself, five deep, would be 10^10 lines."""
    bomb = mini / "content/toolkits/bomb.md"
    bomb.write_text("".join('--8<-- "bomb.md"\n' for _ in range(100)), encoding="utf-8")
    append(mini / TOOLKIT, '\n--8<-- "bomb.md"\n')
    message = ("the download's source, with its includes, is more than the limit of 2048 KB "
               "(extra.commons.limits.download_kb in mkdocs.yml) (split the page or what it "
               "includes into smaller pages, or stop offering it as a download; a maintainer "
               "may raise the limit)")
    # bomb.md is in toolkits/, so it is a toolkit of its own as well
    assert [p.text() for p in load(mini).problems if p.code == "CM006"] == [
        f"content/toolkits/bomb.md:2: {message}", f"{TOOLKIT}:18: {message}"]


@pytest.mark.parametrize("limits, expected", [
    ({"page_kb": 0}, "mkdocs.yml: limits.page_kb is '0' (write a whole number of at least 1 "
                     "(the default is 1024))"),
    ({"nesting_depth": "deep"}, "mkdocs.yml: limits.nesting_depth is 'deep' (write a whole "
                                "number of at least 1 (the default is 16))"),
    ({"pages": 3}, "mkdocs.yml: 'pages' is not a limit the commons knows (use one of: "
                   "nesting_depth, page_kb, table_kb, download_kb, tool_memory_mb, "
                   "tool_seconds)"),
    ([1, 2], "mkdocs.yml: limits is not a mapping (give each limit as 'name: number', one a "
             "line: nesting_depth, page_kb, table_kb, download_kb, tool_memory_mb, "
             "tool_seconds)"),
])
def test_a_limit_that_is_not_a_whole_number_is_refused(mini, limits, expected):
    set_extra(mini, limits=limits)
    [found] = [p for p in load(mini).problems if p.code == "CM001"]
    assert found.path == "mkdocs.yml" and found.line is not None
    assert f"mkdocs.yml: {found.message} ({found.hint})" == expected


@pytest.mark.parametrize("to", ["docx", "typst"])
def test_pandoc_past_its_memory_limit_is_a_clear_message(to):
    with pytest.raises(pandoc.ExportError) as raised:
        pandoc.run("# A title\n\nSome text.\n", to, limits=pandoc.ToolLimits(memory_mb=16))
    assert str(raised.value) == (f"pandoc needed more memory than its limit of 16 MB for the "
                                 f"{to} file and was stopped")


def test_typst_past_its_memory_limit_is_a_clear_message(tmp_path):
    (tmp_path / "main.typ").write_text("= Title\n", encoding="utf-8")
    with pytest.raises(pandoc.ExportError) as raised:
        compile_pdf(tmp_path / "main.typ", tmp_path, (), 0,
                    limits=pandoc.ToolLimits(memory_mb=16))
    assert str(raised.value) == ("typst needed more memory than its limit of 16 MB for the PDF "
                                 "and was stopped")


def test_a_build_whose_tools_run_out_of_memory_is_refused_at_the_page(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    shutil.rmtree(commons / ".cache", ignore_errors=True)
    set_extra(commons, limits={"tool_memory_mb": 16})
    result = refused(commons, site)
    assert "Traceback" not in result.stderr
    assert (f"{TOOLKIT}:1: the PDF download could not be made: pandoc needed more memory "
            "than its limit of 16 MB for the typst file and was stopped") in result.stderr


def events_table(count: int, first: dt.date = dt.date(2026, 12, 1)) -> str:
    """A legal events table of count online dates of the mini's session, three a day."""
    rows = ["id,session,start,end,mode,venue,region,places,booking"]
    for n in range(count):
        day = first + dt.timedelta(days=n // 3)
        hour = 9 + 3 * (n % 3)
        rows.append(f"e{n},care-act-overview,{day}T{hour:02d}:00,{day}T{hour + 1:02d}:00,"
                    f"online,,,20,https://book.example.org/e{n}")
    return "\n".join(rows) + "\n"


def test_a_large_events_table_makes_bounded_pages_and_calendars(mini):
    (mini / "data/events.csv").write_text(events_table(3000), encoding="utf-8")
    loaded = load(mini, settings=Settings(today=TODAY))
    assert loaded.ok, [p.text() for p in loaded.problems][:5]
    made = {f.src_uri: f for f in generate_whats_on(loaded.commons, Settings(today=TODAY))}
    whats_on = made["whats-on.md"].content
    # from 1 December 2026 to 30 April 2027: 151 days of three events, in the six months
    assert whats_on.count('class="commons-card"') == 151 * 3
    assert "[May 2027](whats-on/2027-05.md): 93 events" in whats_on
    assert sorted(uri for uri in made if uri.startswith("whats-on/20"))[:2] == [
        "whats-on/2027-05.md", "whats-on/2027-06.md"]
    assert "Friday 7 May 2027" in made["whats-on/2027-05.md"].content
    [every, *_] = generate_calendars(loaded.commons, Settings(today=TODAY))
    assert every.content.count(b"BEGIN:VEVENT") == 335 * 3  # 1 December to 31 October


def test_later_months_and_past_years_are_pages_the_links_check_knows(mini):
    append(mini / "data/events.csv",
           "later-2027-09,care-act-overview,2027-09-14T10:00,2027-09-14T11:00,online,,,40,"
           "https://book.example.org/later\n"
           "past-2025-06,care-act-overview,2025-06-10T10:00,2025-06-10T11:00,online,,,40,"
           "https://book.example.org/past\n")
    append(mini / "content/policies/learning.md",
           "\nSee [September](../whats-on/2027-09.md) and [2025](../whats-on/archive/2025.md)."
           "\n")
    loaded = load(mini, settings=Settings(today=TODAY))
    assert [p.text() for p in loaded.problems if p.code == "CM106"] == []
    made = {f.src_uri: str(f.content) for f in loaded.made}
    assert "Tuesday 14 September 2027" not in made["whats-on.md"]
    assert "[September 2027](whats-on/2027-09.md): 1 event" in made["whats-on.md"]
    assert "Tuesday 14 September 2027" in made["whats-on/2027-09.md"]
    assert "- [2025](archive/2025.md): 1 event" in made["whats-on/archive.md"]
    assert "Tuesday 10 June 2025" in made["whats-on/archive/2025.md"]
    assert "[September 2027](../whats-on/2027-09.md)" in made["regions/north.md"]
