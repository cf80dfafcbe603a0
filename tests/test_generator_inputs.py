"""Each generator is run again only when a part of the model it reads changed, gives what a
run without the cache gives, and fails at once when it reads a part it does not name."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from commons.generate import GENERATORS, made_by
from commons.generate.files import GeneratedFile
from commons.generate.inputs import PARTS, UnnamedRead, parts_read, reads, tracked
from commons.load.settings import Settings
from commons.pipeline import load
from helpers import MINI_BUILD_DAY

TODAY = dt.datetime.fromtimestamp(int(MINI_BUILD_DAY), dt.timezone.utc).date()


def _counting(*parts: str):
    calls: list[int] = []

    @reads(*parts)
    def generator(commons, settings):
        calls.append(1)
        return [GeneratedFile("counted.md", str(sorted(commons.teachers)), commons.teachers
                              and next(iter(commons.teachers.values())).origin)]
    generator.__qualname__ = "counting_" + "_".join(parts)
    return generator, calls


def test_an_edit_remakes_only_the_generators_that_read_what_changed(mini_loaded, tmp_path):
    settings = Settings(today=TODAY, cache=tmp_path)
    commons = mini_loaded.commons
    teachers, teacher_calls = _counting("teachers")
    events, event_calls = _counting("teachers", "events")
    both = (teachers, events)
    made_by(both, commons, settings)
    made_by(both, commons, settings)
    assert (len(teacher_calls), len(event_calls)) == (1, 1)  # the second run: from the cache

    first = commons.events[0]
    moved = dataclasses.replace(commons, events=(dataclasses.replace(first, venue="Elsewhere"),
                                                 *commons.events[1:]))
    made_by(both, moved, settings)
    assert (len(teacher_calls), len(event_calls)) == (1, 2)

    renamed = {key: dataclasses.replace(value, bio=value.bio + " More.")
               for key, value in commons.teachers.items()}
    made_by(both, dataclasses.replace(moved, teachers=renamed), settings)
    assert (len(teacher_calls), len(event_calls)) == (2, 3)


def test_a_page_body_edit_remakes_no_generated_file(mini_loaded, tmp_path):
    settings = Settings(today=TODAY, cache=tmp_path)
    commons = mini_loaded.commons
    pages, calls = _counting("pages", "teachers")
    made_by((pages,), commons, settings)
    page = next(iter(commons.pages.values()))
    edited = {**commons.pages, page.id: dataclasses.replace(page, body=page.body + "\nMore.\n")}
    made_by((pages,), dataclasses.replace(commons, pages=edited), settings)
    assert len(calls) == 1
    retitled = {**commons.pages, page.id: dataclasses.replace(page, title="Another title")}
    made_by((pages,), dataclasses.replace(commons, pages=retitled), settings)
    assert len(calls) == 2


def test_cached_files_are_those_of_a_run_without_the_cache_after_each_table_edit(mini, tmp_path):
    settings = Settings(today=TODAY, cache=tmp_path)
    made_by(GENERATORS, load(mini).commons, settings)  # the cache, before the edits
    for table, old, new in (("teachers.csv", "from her own", "from her"),
                            ("events.csv", "Glebe Street", "Glebe Road"),
                            ("partners.csv", "Hosts skill sets", "Hosts courses")):
        path = mini / "data" / table
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        commons = load(mini).commons
        assert made_by(GENERATORS, commons, settings) == made_by(
            GENERATORS, commons, Settings(today=TODAY))


def test_every_generator_names_what_it_reads():
    for generator in GENERATORS:
        assert parts_read(generator), generator.__name__
        assert parts_read(generator) <= PARTS


def test_a_read_the_generator_does_not_name_fails_with_where_to_name_it(mini_loaded):
    @reads("teachers")
    def reads_partners(commons, settings):
        return [GeneratedFile("p.md", str(len(commons.partners)), next(
            iter(commons.teachers.values())).origin)]

    @reads("teachers")
    def reads_sessions(commons, settings):
        return [GeneratedFile("s.md", str(commons.index.sessions_by_teacher), next(
            iter(commons.teachers.values())).origin)]

    settings = Settings(today=TODAY)
    with pytest.raises(UnnamedRead, match=r"reads commons\.partners: add 'partners'"):
        made_by((reads_partners,), mini_loaded.commons, settings)
    with pytest.raises(UnnamedRead, match=r"sessions_by_teacher, made from 'pages': add 'pages'"):
        made_by((reads_sessions,), mini_loaded.commons, settings)
    with pytest.raises(ValueError, match="no such part of the model: teacher"):
        reads("teacher")


def test_regions_keep_the_order_their_table_gives_them(mini_loaded):
    from commons.generate.common import regions_in_order
    rows = mini_loaded.commons.tables["regions"]
    assert [r.id for r in regions_in_order(mini_loaded.commons)] == [row["id"] for row in rows]



def test_a_tracked_view_notes_a_record_read_by_key_and_a_table_read_whole(mini_loaded):
    view, noted = tracked(mini_loaded.commons)
    assert view.teachers.get("ada-brook").name == "Ada Brook"
    assert "ben-carr" in view.teachers and view.index.events_by_session.get("nothing") is None
    assert noted == {"teachers[ada-brook]", "teachers[ben-carr]",
                     "index.events_by_session[nothing]"}
    assert len(view.teachers.values()) == len(mini_loaded.commons.teachers)
    view.index.parts_in_series.get(("a-session", "a-series"))  # not a key a name can hold
    assert {"teachers", "events"} <= noted
