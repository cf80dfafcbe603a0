"""A learner's own record, kept in the browser (site-overrides/assets/learner.js) and the
service worker that keeps visited pages for offline reading (hooks/commons/offline.py)."""

from __future__ import annotations

import contextlib
import csv
import functools
import http.server
import io
import json
import os
import shutil
import threading
from pathlib import Path

import pytest
from commons.offline import write_service_worker
from helpers import Handler
from playwright.sync_api import expect

from .axe import axe_violations, describe
from .site_pages import page_path

pytestmark = pytest.mark.browser

PACK = "toolkits/learning-organisation-card-pack/"
LOG = "about/learning-log/"
DATA = "about/your-data-on-this-device/"
FETCH = "(url) => fetch(url, {cache: 'no-store'}).then((r) => r.status, () => 'failed')"
STORED = """() => Object.fromEntries(Object.keys(localStorage).sort()
                                     .map((key) => [key, localStorage.getItem(key)]))"""


def _session(shipped_site: Path) -> str:
    return page_path(shipped_site, "session")


def test_ticking_a_step_survives_a_reload_and_sends_no_request(tab, shipped_site):
    pathway = page_path(shipped_site, "pathway")
    page = tab.open(pathway)
    steps = page.locator("li.commons-step").count()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.focus("#commons-done-step-2")
    page.keyboard.press("Space")  # by keyboard, as a reader without a mouse would
    page.check("#commons-done-step-1")
    assert page.locator(".commons-learner-progress").inner_text() == f"2 of {steps} steps done"
    assert requests == [], f"ticking a step sent requests: {requests}"

    page.reload()
    assert page.is_checked("#commons-done-step-1") and page.is_checked("#commons-done-step-2")
    assert not page.is_checked("#commons-done-step-3")
    assert page.locator(".commons-learner-progress").inner_text() == f"2 of {steps} steps done"
    title = page.locator(".md-content h1").inner_text().rstrip("¶ \n")

    home = tab.open("")
    box = home.locator(".commons-learner-continue")
    assert "Continue where you left off" in box.inner_text()
    assert box.get_by_role("link", name=title).get_attribute("href").endswith(pathway)
    assert f"2 of {steps} steps done" in box.inner_text()
    tab.assert_clean()


def _download(page, button: str) -> str:
    with page.expect_download() as info:
        page.get_by_role("button", name=button).first.click()
    return Path(info.value.path()).read_text(encoding="utf-8-sig")


def test_self_assessment_saved_cleared_and_loaded_comes_back_the_same(tab, tmp_path):
    page = tab.open(PACK)
    page.on("dialog", lambda dialog: dialog.accept())
    page.check("#commons-rate-kc-1-not-yet")
    page.check("#commons-rate-kc-2-not-yet")
    page.focus("#commons-rate-k-3-yes")
    page.keyboard.press("Space")
    page.check("#commons-rate-ipm-2-partly")
    page.fill("#commons-note-ipm-2", 'Budget talk, "next spring"\nthen =review')
    page.locator("#commons-note-ipm-2").blur()
    first = page.evaluate(STORED)["commons-learner.card-pack"]
    summary = page.locator(".commons-learner-summary")
    key_row = summary.locator("tr", has=page.get_by_role("link", name="Key characteristics"))
    assert "Straight away" in key_row.inner_text()  # the pack's own first time frame
    assert "4 of 21 cards rated" in page.locator(".commons-learner-pack-status").inner_text()

    text = _download(page, "Save as a file (CSV)")
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(text))}
    assert rows["IPM 2"]["rating"] == "partly"
    assert rows["IPM 2"]["note"] == 'Budget talk, "next spring"\nthen =review'
    assert rows["K 3"]["rating"] == "yes" and rows["K 1"]["rating"] == ""
    saved = tmp_path / "assessment.csv"
    saved.write_text(text, encoding="utf-8")

    page.get_by_role("button", name="Clear all ratings").click()
    assert page.locator(".commons-learner-rate input:checked").count() == 0
    assert "commons-learner.card-pack" not in page.evaluate(STORED)

    page.set_input_files("#commons-pack-load", str(saved))
    expect(page.locator(".commons-learner-pack-status")).to_contain_text("Loaded.")
    assert page.is_checked("#commons-rate-kc-1-not-yet") and page.is_checked("#commons-rate-k-3-yes")
    assert page.input_value("#commons-note-ipm-2") == 'Budget talk, "next spring"\nthen =review'
    assert json.loads(page.evaluate(STORED)["commons-learner.card-pack"])["ratings"] == \
        json.loads(first)["ratings"]

    page.emulate_media(media="print")  # the printed page: the result, without the buttons
    assert not page.locator(".commons-learner-pack .commons-learner-actions").is_visible()
    assert page.locator(".commons-learner-pack table.commons-learner-print-only").is_visible()
    tab.assert_clean()


def test_a_learning_log_entry_exported_and_imported_round_trips(tab, make_tab, shipped_site,
                                                                tmp_path):
    session = _session(shipped_site)
    page = tab.open(session)
    title = page.locator(".md-content h1").inner_text().rstrip("¶ \n")
    page.fill("#commons-log-session-date", "2026-02-03")
    page.fill("#commons-log-session-hours", "2.5")
    page.fill("#commons-log-session-learned", "Who can ask for an assessment, carers too")
    page.fill("#commons-log-session-practice", 'I will tell carers, "you can ask"')
    page.get_by_role("button", name="Add to my learning log").click()
    assert "Added" in page.locator(".commons-learner-log-status").inner_text()

    page = tab.open(LOG)
    page.fill("#commons-log-other-title", "Moving and handling refresher, elsewhere")
    page.fill("#commons-log-other-date", "2026-01-10")
    page.fill("#commons-log-other-hours", "3")
    page.get_by_role("button", name="Add to my learning log").click()
    rows = page.locator(".commons-learner-log-table tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).inner_text().startswith("2026-01-10")  # by date
    assert rows.get_by_role("link", name=title).count() == 1
    assert "5.5" in page.locator(".commons-learner-log-table tfoot").inner_text()
    assert "2 entries, 5.5 hours in all." in page.locator(".commons-learner-log-summary").inner_text()
    log = json.loads(page.evaluate(STORED)["commons-learner.log"])
    exported = tmp_path / "log.csv"
    exported.write_text(_download(page, "Save as a file (CSV)"), encoding="utf-8")

    other = make_tab(viewport={"width": 400, "height": 800})  # another device
    page = other.open(LOG)
    assert "0 entries" in page.locator(".commons-learner-log-summary").inner_text()
    page.set_input_files("#commons-log-import", str(exported))
    expect(page.locator(".commons-learner-log-summary")).to_contain_text("Loaded 2 new entries")
    imported = json.loads(page.evaluate(STORED)["commons-learner.log"])
    by_id = functools.partial(sorted, key=lambda entry: entry["id"])
    assert by_id(imported) == by_id(log)
    page.set_input_files("#commons-log-import", str(exported))  # loading twice adds nothing
    expect(page.locator(".commons-learner-log-summary")).to_contain_text("Loaded 0 new entries")
    assert len(json.loads(page.evaluate(STORED)["commons-learner.log"])) == 2
    tab.assert_clean()
    other.assert_clean()


def test_clear_my_data_removes_every_key_the_commons_stored(tab, shipped_site):
    page = tab.open(page_path(shipped_site, "pathway"))
    page.check("#commons-done-step-1")
    page = tab.open(PACK)
    page.check("#commons-rate-kc-1-yes")
    page.evaluate("""async () => {
      localStorage.setItem('/.__tabs', '["Straight away"]');   // Material's own setting
      sessionStorage.setItem('/.__search', 'x');
      localStorage.setItem('another-site', 'kept');             // not the commons' key
      await (await caches.open('commons-offline-test')).put('/x', new Response('x'));
    }""")
    page = tab.open(DATA)
    # the summary is filled in once the offline copies are counted, which is asynchronous
    expect(page.locator(".commons-learner-data-status")).to_contain_text(
        "progress on 1 pathway, 1 card rating")
    page.get_by_role("button", name="Clear my data").click()
    _until(page, "() => document.querySelector('.commons-learner-data-status')"
                 ".textContent.startsWith('Cleared')")
    assert page.evaluate(STORED) == {"another-site": "kept"}
    assert page.evaluate("Object.keys(sessionStorage)") == []
    assert page.evaluate("caches.keys()") == []
    tab.assert_clean()


def test_learner_pages_have_no_axe_violations(tab, shipped_site, axe_source):
    page = tab.open(_session(shipped_site))
    page.fill("#commons-log-session-hours", "1")
    page.get_by_role("button", name="Add to my learning log").click()
    found = {}
    for path in (_session(shipped_site), page_path(shipped_site, "pathway"), PACK, LOG, DATA, ""):
        page = tab.open(path)
        if path == PACK:
            page.check("#commons-rate-kc-1-yes")
        violations = axe_violations(page, axe_source)
        if violations:
            found[path] = describe(violations)
    assert not found, "\n".join(f"axe on /{path}:\n{text}" for path, text in found.items())


class _Switchable:
    """A server on one fixed port that can be stopped, started again and pointed at another
    build, as a host is between two deploys: a service worker belongs to its origin."""

    def __init__(self, site: Path):
        self.site, self.server, self.port = site, None, 0

    def start(self, site: Path | None = None) -> str:
        self.site = site or self.site
        self.server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", self.port), functools.partial(Handler, directory=str(self.site)))
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def _worker_context(browser):
    context = browser.new_context(service_workers="allow")
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
    finally:
        context.close()


def _until(page, script: str, arg=None, seconds: float = 15) -> None:
    """Poll a script until it is true (wait_for_function would need eval, which the CSP
    forbids)."""
    for _ in range(int(seconds * 10)):
        if page.evaluate(script, arg):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still not true after {seconds} s: {script}")


def _offline_copy(page) -> None:
    _until(page, "() => (document.querySelector('.commons-learner-offline')?.textContent "
                 "|| '').includes('available offline')")


def test_visited_page_and_home_load_with_the_server_stopped_and_a_new_build_replaces_them(
        browser, shipped_site, tmp_path):
    pathway = page_path(shipped_site, "pathway")
    older, newer = tmp_path / "older", tmp_path / "newer"
    shutil.copytree(shipped_site, older)
    (older / "admin").mkdir(exist_ok=True)
    (older / "admin" / "index.html").write_text("<!doctype html><title>Editor</title>",
                                               encoding="utf-8")
    write_service_worker(older)
    shutil.copytree(older, newer)
    page_file = newer / pathway / "index.html"
    page_file.write_text(page_file.read_text(encoding="utf-8").replace(
        "</h1>", " (newer build)</h1>", 1), encoding="utf-8")
    worker = write_service_worker(newer)
    # The test server answers If-Modified-Since to the second: a deploy a second later.
    later = worker.stat().st_mtime + 5
    os.utime(worker, (later, later))
    assert (newer / "sw.js").read_text() != (older / "sw.js").read_text()

    host = _Switchable(older)
    base = host.start()
    try:
        with _worker_context(browser) as page:
            page.goto(base + pathway)
            _offline_copy(page)
            old_caches = page.evaluate("caches.keys()")
            assert len(old_caches) == 1 and old_caches[0].startswith("commons-offline-")
            assert page.goto(base + "admin/").ok

            host.stop()
            for path in (pathway, ""):
                response = page.goto(base + path)
                assert response is not None and response.ok, f"/{path} did not load offline"
                assert page.locator(".md-content h1").count() == 1
            assert "(newer build)" not in page.locator(".md-content h1").inner_text()
            assert page.evaluate(FETCH, base + "admin/") == "failed"  # the editor is never kept

            host.start(newer)
            page.goto(base + pathway)
            page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
            _until(page, """(old) => caches.keys().then((names) =>
                names.length === 1 && names[0] !== old)""", old_caches[0])
            host.stop()
            page.goto(base + pathway)
            assert "(newer build)" in page.locator(".md-content h1").inner_text()
            assert page.goto(base).ok
    finally:
        with contextlib.suppress(Exception):
            host.stop()
