"""The browser editor at /admin/ with its local backend: decap-server on a free port, over a
copy of the commons, started and stopped here. A session made through the form passes the
check; an empty required field is refused; the shell is clean and passes axe."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, serve

from .axe import axe_violations, describe

SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"decap-server stopped: {process.stdout.read()}", pytrace=False)
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail("decap-server did not start within 20 s", pytrace=False)


@pytest.fixture(scope="module")
def editor(shipped_site: Path, tmp_path_factory):
    """(site address, the commons the editor writes to) with decap-server running."""
    if not SERVER.exists():
        pytest.fail(f"decap-server is missing at {SERVER}: run `npm ci`", pytrace=False)
    work = tmp_path_factory.mktemp("editor")
    commons = work / "commons"
    for name in ("content", "data"):
        shutil.copytree(ROOT / name, commons / name)
    shutil.copy(ROOT / "mkdocs.yml", commons / "mkdocs.yml")
    site = work / "site"
    shutil.copytree(shipped_site, site)
    port = _free_port()
    config = site / "admin" / "config.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    assert "local_backend" not in settings, "the published editor looks for a local server"
    settings["local_backend"] = {"url": f"http://127.0.0.1:{port}/api/v1"}  # as `make edit`
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    process = subprocess.Popen(
        ["node", str(SERVER)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1",
             "GIT_REPO_DIRECTORY": str(commons), "LOG_LEVEL": "warn"})
    try:
        _wait_for(port, process)
        with serve(site) as base:
            yield base, commons
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def editor_tab(tab_at, editor):
    return tab_at(editor[0])


def _sign_in(tab, route: str):
    page = tab.open("admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_text("Sessions").first.wait_for()
    page.goto(tab.base + "admin/#/" + route)
    page.locator('[id^="title-field-"]').wait_for()
    return page


def _pick(page, name: str, *values: str) -> None:
    box = page.locator(f'[id^="{name}-field-"]').first
    for value in values:
        box.click()
        page.keyboard.type(value)
        page.get_by_role("option", name=value, exact=False).first.wait_for()
        page.keyboard.press("Enter")


def _publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def test_a_session_made_in_the_form_passes_the_check(editor_tab, editor):
    commons = editor[1]
    page = _sign_in(editor_tab, "collections/sessions/new")
    page.locator('[id^="title-field-"]').fill("Listening well in care")
    page.locator('[id^="summary-field-"]').fill(
        "A short workshop on listening to people who get support, and to their families.")
    _pick(page, "audience", "care workers", "family carers")
    _pick(page, "topics", "lived-experience")
    page.locator('[id^="owner-field-"]').fill("Learning circle")
    _pick(page, "kind", "workshop")
    _pick(page, "format", "online")
    page.locator('[id^="duration_minutes-field-"]').fill("90")
    _pick(page, "facilitators", "Calum Macaulay")
    page.get_by_role("button", name="Add learning outcomes").click()
    page.locator('[id^="item-field-"]').last.fill("Say back what someone has told you.")
    page.locator('[id^="accessibility-field-"]').fill(
        "Online with captions; ask the learning circle for any other adjustment.")
    preview = page.frame_locator("iframe").first
    assert preview.locator("article.md-typeset h1").inner_text() == "Listening well in care"
    styles = preview.locator('link[rel="stylesheet"]').evaluate_all(
        "links => links.map(l => l.getAttribute('href'))")
    assert any(re.fullmatch(r"\.\./assets/stylesheets/main\.\w+\.min\.css", s) for s in styles)
    assert "../assets/commons.css" in styles
    _publish(page)
    page.get_by_text("Entry saved").wait_for()
    made = commons / "content" / "sessions" / "listening-well-in-care.md"
    text = made.read_text(encoding="utf-8")
    assert "- calum-macaulay" in text and "title: Listening well in care" in text
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check.py"), "--root",
                            str(commons)], capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, text + check.stdout + check.stderr
    editor_tab.assert_clean()


def test_an_empty_required_field_is_refused_with_its_message(editor_tab, editor):
    page = _sign_in(editor_tab, "collections/sessions/new")
    page.locator('[id^="summary-field-"]').fill("Too short")
    _publish(page)
    page.get_by_text("Title is required.").wait_for()
    page.get_by_text("20 to 300 characters").first.wait_for()
    assert not list((editor[1] / "content" / "sessions").glob("untitled*"))


def test_the_published_editor_is_clean_before_sign_in_and_passes_axe(tab, axe_source):
    """As published: the GitHub backend only; nothing is asked of another host."""
    page = tab.open("admin/")
    page.get_by_role("button", name="Login").wait_for()
    links = page.get_by_role("navigation", name="Tables and help")
    assert links.get_by_role("link", name="How to change a table").get_attribute(
        "href").endswith("CONTRIBUTING.md#add-or-change-a-row-in-a-table")
    violations = axe_violations(page, axe_source)
    assert not violations, f"axe on the editor's sign-in page:\n{describe(violations)}"
    page.wait_for_timeout(1000)  # anything the editor would fetch after showing its page
    tab.assert_clean()


def test_the_editor_loading_its_configuration_passes_axe(tab, axe_source):
    """The loading screen shows while config.yml is on its way (long on a slow line): held
    here until axe has looked at it."""
    held = []
    tab.page.route("**/admin/config.yml", lambda route: held.append(route))
    page = tab.open("admin/")
    page.get_by_text("Loading configuration").wait_for()
    violations = axe_violations(page, axe_source)
    assert held, "the editor asked for its configuration before axe ran"
    for route in held:
        route.continue_()
    assert not violations, f"axe on the editor's loading screen:\n{describe(violations)}"
    page.get_by_role("button", name="Login").wait_for()


def test_the_built_editor_is_noindex_has_its_own_policy_and_is_left_out(shipped_site):
    admin = shipped_site / "admin"
    page = (admin / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    policy = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src == "script-src 'self' 'unsafe-eval'"  # no inline script, no CDN
    assert (admin / "decap-cms.js").is_file() and not list(admin.glob("*.map"))
    generated = yaml.safe_load((admin / "config.yml").read_text(encoding="utf-8"))
    assert [c["folder"] for c in generated["collections"]] == [
        "content/pathways", "content/sessions", "content/policies", "content/toolkits",
        "content/about"]  # the order of the content-type table
    for listing in ("sitemap.xml", "feed.xml"):
        assert "/admin/" not in (shipped_site / listing).read_text(encoding="utf-8")
    fragments = [gzip.decompress(f.read_bytes())
                 for f in (shipped_site / "pagefind" / "fragment").iterdir()]
    assert fragments and not [f for f in fragments if b'"url":"/admin/' in f]


def test_editing_a_policy_changes_only_the_field_that_was_changed(editor_tab, editor):
    """Every other key's text, the body and the line ends are kept byte for byte."""
    policy = editor[1] / "content" / "policies" / "learning-policy.md"
    before = policy.read_text(encoding="utf-8")
    owner = next(line for line in before.splitlines() if line.startswith("owner: "))
    page = _sign_in(editor_tab, "collections/policies/entries/learning-policy")
    page.locator('[id^="owner-field-"]').fill("Learning and development circle")
    _publish(page)
    page.get_by_text("Entry saved").wait_for()
    after = policy.read_text(encoding="utf-8")
    assert after == before.replace(owner + "\n", "owner: Learning and development circle\n", 1)
    editor_tab.assert_clean()
