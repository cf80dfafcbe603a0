"""The preview (`make serve`): rebuilt in part after each edit, never different from a clean
`make build` of the same inputs, and answering every page at once after a broken edit, with
the problems listed over the last good page."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from commons.core import memo
from commons.generate.admin_config import LOCAL_BACKEND_URL
from commons.publish import build_atomically
from commons.render.preview import Preview
from helpers import edit, make_commons, preview_server

TEACHERS = "data/teachers.csv"
# What only `make build` writes (the offline service worker) or what Pagefind makes anew at
# each run, with names that differ from run to run.
NOT_COMPARED = ("sw.js", "pagefind/")


def _tree(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()
            and not path.relative_to(site).as_posix().startswith(NOT_COMPARED)}


def _rebuilt(preview: Preview):
    outcome = preview.rebuild()
    assert outcome.ok, [p.text() for p in outcome.problems] + outcome.warnings
    return outcome


def _built_pages(site: Path) -> dict[str, int]:
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns
            for path in site.rglob("index.html")}


@pytest.fixture
def commons(tmp_path: Path) -> Path:
    return make_commons(tmp_path / "commons")


@pytest.mark.slow
def test_the_preview_after_a_series_of_edits_is_a_clean_build(commons, tmp_path):
    preview = Preview(commons / "mkdocs.yml", tmp_path / "preview", make_downloads=True)
    first = _rebuilt(preview)
    assert first.rendered == first.pages and first.converted == first.pages
    edits = [
        (commons / "content/policies/learning.md", "# ", "# Our "),  # a heading: its toc
        (commons / TEACHERS, "Ada teaches co-production", "Ada teaches co-production well"),
        (commons / "data/events.csv", "2027-03-25T11:30,in person", "2027-03-25T12:00,in person"),
        (commons / "content/sessions/care-act-overview.md", "title: ", "title: The "),  # nav
        # a topic's name: in the search fields and structured data of the pages on it
        (commons / "data/topics.csv", "co-production,Co-production,", "co-production,Working "
                                                                      "together,"),
    ]
    for path, old, new in edits:
        edit(path, old, new)
        outcome = _rebuilt(preview)
        assert 0 < outcome.rendered < outcome.pages or path.name.endswith(".md"), (path, outcome)
    added = commons / "content/policies/new-policy.md"
    added.write_text((commons / "content/policies/learning.md").read_text(encoding="utf-8")
                     .replace("title: ", "title: New ", 1), encoding="utf-8")
    _rebuilt(preview)
    added.unlink()
    _rebuilt(preview)
    preview.finish()  # the editor's files, after the pages (the preview: in the background)
    clean = build_atomically(commons, site_dir=tmp_path / "clean")
    assert clean.returncode == 0, clean.stderr
    preview_tree, clean_tree = _tree(tmp_path / "preview"), _tree(tmp_path / "clean")
    assert sorted(preview_tree) == sorted(clean_tree)
    assert [name for name in clean_tree if preview_tree[name] != clean_tree[name]] == []


def test_a_teacher_row_edit_rebuilds_the_pages_that_show_the_teacher_and_no_other(
        commons, tmp_path):
    site = tmp_path / "preview"
    preview = Preview(commons / "mkdocs.yml", site)
    _rebuilt(preview)
    before = _built_pages(site)
    ben = preview.written["teachers/ben-carr.md"].inputs_key
    edit(commons / TEACHERS, "Ada teaches co-production", "Ada teaches co-production well")
    outcome = _rebuilt(preview)
    after = _built_pages(site)
    redone = {page for page, stamp in after.items() if before.get(page) != stamp}
    assert "teachers/ada-brook/index.html" in redone and "teachers/index.html" in redone
    assert "policies/learning/index.html" not in redone  # does not show Ada
    assert outcome.rendered == len(redone) < outcome.pages
    assert outcome.converted < outcome.pages
    # Only the contexts that read Ada's row are made again (generate/inputs.py: tracked):
    # Ben's page reads his own row, by key.
    assert len(redone) <= outcome.contexts < outcome.pages
    assert preview.written["teachers/ben-carr.md"].inputs_key == ben
    assert "teachers[ben-carr]" in preview.written["teachers/ben-carr.md"].parts


def test_a_page_edit_makes_that_page_s_context_again_and_no_other(commons, tmp_path):
    preview = Preview(commons / "mkdocs.yml", tmp_path / "preview")
    first = _rebuilt(preview)
    assert first.contexts == first.pages
    assert _rebuilt(preview).contexts == 0
    edit(commons / "content/policies/learning.md", "\n\n", "\n\nA new first sentence.\n\n")
    assert _rebuilt(preview).contexts == 1


def test_a_page_edit_converts_that_page_again_and_no_other(commons, tmp_path):
    preview = Preview(commons / "mkdocs.yml", tmp_path / "preview")
    _rebuilt(preview)
    edit(commons / "content/policies/learning.md", "\n\n", "\n\nA new first sentence.\n\n")
    outcome = _rebuilt(preview)
    assert outcome.converted == 1
    assert "A new first sentence." in (tmp_path / "preview/policies/learning/index.html"
                                       ).read_text(encoding="utf-8")


def test_a_broken_edit_keeps_the_last_good_pages_and_names_the_problem(commons, tmp_path):
    site = tmp_path / "preview"
    preview = Preview(commons / "mkdocs.yml", site)
    _rebuilt(preview)
    page = site / "policies/learning/index.html"
    good = page.read_bytes()
    edit(commons / TEACHERS, "ada-brook,Ada Brook,teacher", "ada-brook,Ada Brook,wizard")
    broken = preview.rebuild()
    assert not broken.ok and page.read_bytes() == good
    assert [(p.path, p.row, p.field) for p in broken.problems] == [(TEACHERS, 2, "role")]
    edit(commons / TEACHERS, "ada-brook,Ada Brook,wizard", "ada-brook,Ada Brook,teacher")
    assert _rebuilt(preview).ok


def _get(address: str, base: str) -> str:
    """The page, or the body of an error answer (the site's 404 page)."""
    try:
        with urllib.request.urlopen(base + address, timeout=30) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.read().decode("utf-8")


def _until(check, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


@pytest.mark.slow
def test_make_serve_answers_every_page_after_a_broken_edit_and_recovers(tmp_path):
    """The preview server: its pages keep their Content-Security-Policy, which lets the
    preview's own script in."""
    commons = make_commons(tmp_path / "commons")
    with preview_server(commons) as base:
        page = _until(lambda: _get("policies/learning/", base))
        assert 'http-equiv="Content-Security-Policy"' in page
        assert '<script src="/.preview/preview.js"' in page
        edit(commons / TEACHERS, "ada-brook,Ada Brook,teacher", "ada-brook,Ada Brook,wizard")
        assert _until(lambda: "commons-preview-problems" in _get("policies/learning/", base))
        for address in ("policies/learning/", "teachers/ada-brook/", "no-such-page/"):
            started = time.monotonic()
            broken = _get(address, base)
            assert time.monotonic() - started < 5  # answered at once, not held until a fix
            assert f"<code>{TEACHERS}:row 2:role</code>" in broken, address
        assert "To fix:" in broken
        assert "Learning" in _get("policies/learning/", base)  # the last good page, behind
        edit(commons / TEACHERS, "ada-brook,Ada Brook,wizard", "ada-brook,Ada Brook,teacher")
        assert _until(lambda: "commons-preview-problems" not in _get("policies/learning/", base))


def test_a_new_preview_takes_up_the_last_ones_pages_while_the_code_is_the_same(
        commons, tmp_path):
    site, state = tmp_path / "preview", tmp_path / "preview-state.pickle"
    first = Preview(commons / "mkdocs.yml", site)
    _rebuilt(first)
    first.save(state)
    edit(commons / "content/policies/learning.md", "\n\n", "\n\nSaved while it was stopped.\n\n")
    again = Preview(commons / "mkdocs.yml", site)
    assert again.resume(state)
    outcome = _rebuilt(again)
    assert outcome.converted == 1 and outcome.rendered < outcome.pages
    assert "Saved while it was stopped." in (site / "policies/learning/index.html").read_text(
        encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:  # other code of the commons, or packages
        patch.setattr(memo, "VERSION", memo.VERSION + "-changed")
        assert not Preview(commons / "mkdocs.yml", site).resume(state)
    edit(commons / "mkdocs.yml", "site_name: ", "site_name: Renamed ")  # every page shows it
    assert not Preview(commons / "mkdocs.yml", site).resume(state)
    state.write_bytes(b"not a saved preview")
    assert not Preview(commons / "mkdocs.yml", site).resume(state)


def test_make_edit_s_preview_points_the_editor_at_decap_server_and_make_serve_s_does_not(
        commons, tmp_path):
    for local, expected in ((True, LOCAL_BACKEND_URL), (False, None)):
        site = tmp_path / f"preview-{local}"
        preview = Preview(commons / "mkdocs.yml", site, local_editor=local)
        _rebuilt(preview)
        preview.finish()
        config = yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))
        assert (config.get("local_backend") or {}).get("url") == expected


@pytest.mark.slow
def test_make_serve_started_again_rewrites_no_page_it_saved(tmp_path):
    commons = make_commons(tmp_path / "commons")
    page = commons / ".cache/preview/policies/learning/index.html"
    with preview_server(commons) as base:
        assert _until(lambda: "<article" in _get("policies/learning/", base))
    written = page.stat().st_mtime_ns
    with preview_server(commons) as base:
        assert "<article" in _until(lambda: _get("policies/learning/", base))
    assert page.stat().st_mtime_ns == written


def test_each_page_is_told_as_it_is_written(commons, tmp_path):
    """What lets `make serve` send a page before its first rebuild is over."""
    told = []
    preview = Preview(commons / "mkdocs.yml", tmp_path / "preview",
                      wrote=lambda path: told.append((path, path.is_file())))
    outcome = _rebuilt(preview)
    assert len(told) == outcome.rendered == outcome.pages
    assert all(whole for _, whole in told)
    assert {path for path, _ in told} == set((tmp_path / "preview").rglob("index.html"))


def test_while_the_first_rebuild_goes_on_a_page_it_wrote_is_sent_at_once(tmp_path):
    import preview as script
    from commons.render.preview import Outcome

    state = script.State()
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    home, about, style = site / "index.html", site / "about" / "index.html", site / "assets/a.css"
    style.write_text("body {}", encoding="utf-8")
    assert not state.wait_for_page(home, 0.05)  # not written yet: it waits
    assert not state.wait_for_page(style, 0.05)  # left by another run until a page is written
    state.page_written(home)
    assert state.wait_for_page(home, 5) and state.wait_for_page(style, 5)
    assert not state.wait_for_page(about, 0.05)
    state.publish(Outcome(pages=2, rendered=2))
    assert not state.wait_for_page(home, 5)  # the rebuild is over: pages are sent as usual


def test_the_editor_s_files_are_made_again_only_when_the_model_changes(commons, tmp_path,
                                                                       monkeypatch):
    from commons.render import site as site_events

    made = []
    write_editor = site_events.write_editor
    monkeypatch.setattr(site_events, "write_editor",
                        lambda config: made.append(1) or write_editor(config))
    site = tmp_path / "preview"
    preview = Preview(commons / "mkdocs.yml", site)
    _rebuilt(preview)
    preview.finish()
    edit(commons / "content/policies/learning.md", "\n\n", "\n\nA new first sentence.\n\n")
    _rebuilt(preview)
    preview.finish()
    assert len(made) == 1  # a page's body: no choice in the editor changes
    edit(commons / TEACHERS, "ada-brook,Ada Brook,", "ada-brook,Ada Brooke,")
    _rebuilt(preview)
    preview.finish()
    assert len(made) == 2 and "Ada Brooke" in (site / "admin/config.yml").read_text("utf-8")


def test_the_preview_is_told_of_saves_and_not_of_files_being_read(commons):
    """Every rebuild reads every page; those reads must not reach the builder's thread."""
    import preview as script

    class Seen:
        def __init__(self) -> None:
            self.paths: list[str] = []

        def saw(self, path: str) -> None:
            self.paths.append(path)

    class Counted(script._Saves):
        events = 0

        def on_any_event(self, event) -> None:
            Counted.events += 1
            super().on_any_event(event)

    seen = Seen()
    observer = script.watch(Counted(seen, commons), commons)
    try:
        page = commons / "content/policies/learning.md"
        for _ in range(20):
            page.read_text(encoding="utf-8")
        time.sleep(0.5)
        assert seen.paths == [] and Counted.events == 0  # not even handed to Python
        edit(page, "# ", "# Our ")
        deadline = time.monotonic() + 10
        while "content/policies/learning.md" not in seen.paths and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "content/policies/learning.md" in seen.paths
    finally:
        observer.stop()
        observer.join()
