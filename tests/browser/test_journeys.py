"""What readers do, with the keyboard only: each journey fails, saying what is missing,
when a feature it needs is not on the site."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from .keyboard import focused_description, tab_to
from .site_pages import page_path

pytestmark = pytest.mark.browser

SEARCH_TOPIC = "safeguarding"
DOWNLOAD_TYPES = {".pdf": "application/pdf", ".epub": "application/epub+zip",
                  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def test_skip_link_is_the_first_stop_and_moves_to_the_content(tab, shipped_site):
    page = tab.open(page_path(shipped_site, "policy"))
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const el = document.activeElement;
      const box = el.getBoundingClientRect();
      return {cls: el.className, href: el.getAttribute('href'), text: el.textContent.trim(),
              visible: box.width > 0 && box.height > 0 && box.top >= 0}; }""")
    assert "md-skip" in skip["cls"], f"the first Tab stop is {focused_description(page)}, " \
                                     "not the skip link"
    assert skip["visible"] and skip["text"], f"the focused skip link is not visible: {skip}"
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == skip["href"].lstrip("#")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert inside, f"after the skip link, Tab went to {focused_description(page)}, " \
                   "outside the main content"
    tab.assert_clean()


def test_search_for_a_topic_and_open_a_result(tab):
    page = tab.open("")
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.matches('input[type=text], "
                         "input[type=search]')"), "pressing / did not put the focus in search"
    page.keyboard.type(SEARCH_TOPIC)
    first = page.wait_for_selector("#commons-search-results li a", timeout=10_000)
    expected = urlsplit(urljoin(page.url, first.get_attribute("href"))).path
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == expected, \
        f"Enter on the first result opened {page.url}, not {expected}"
    body = page.inner_text("article").lower()
    assert SEARCH_TOPIC in body, f"the result {page.url} does not mention {SEARCH_TOPIC}"
    tab.assert_clean()


def _directory_state(page) -> dict:
    return page.evaluate("""() => ({
      values: Array.from(document.querySelectorAll('form[data-commons-filter] select'),
                         (s) => [s.name, s.value]),
      shown: Array.from(document.querySelectorAll('.commons-card'))
                  .filter((c) => !c.hidden).map((c) => c.querySelector('a').textContent),
      status: document.querySelector('[data-commons-count]').textContent.trim()})""")


def test_filter_the_teacher_directory_and_share_the_url(tab, make_tab, shipped_site):
    page = tab.open(page_path(shipped_site, "teacher directory"))
    select = tab_to(page, "form[data-commons-filter] select", "the first directory filter")
    all_cards = len(_directory_state(page)["shown"])
    page.keyboard.press("ArrowDown")  # a closed select takes the next option at once
    chosen = select.evaluate("(s) => s.value")
    assert chosen, "the arrow key did not choose a filter value"
    state = _directory_state(page)
    assert 0 < len(state["shown"]) < all_cards, \
        f"filtering by {chosen!r} showed {len(state['shown'])} of {all_cards} teachers"
    assert re.search(rf"{len(state['shown'])}\b", state["status"]), state["status"]
    shared = page.url
    assert urlsplit(shared).query, "the filter is not in the address to share"

    friend = make_tab(viewport={"width": 1280, "height": 900})
    friend.page.goto(shared, wait_until="load")
    assert _directory_state(friend.page) == state, "the shared address shows other teachers"
    page.reload(wait_until="load")
    assert _directory_state(page) == state, "reloading lost the filter"
    tab.assert_clean()
    friend.assert_clean()


def test_follow_a_pathway_from_first_to_last_step(tab, shipped_site):
    pathway_path = page_path(shipped_site, "pathway")
    page = tab.open(pathway_path)
    steps = page.query_selector_all("ol.commons-steps > li")
    assert len(steps) >= 2, f"the pathway {page.url} lists {len(steps)} steps"
    on_pathway = f'nav.commons-on-pathway:has(a[href$="{pathway_path}"])'
    visited = []
    for number in range(1, len(steps) + 1):
        resource = f"ol.commons-steps > li:nth-child({number}) p:has-text('Learn with') a"
        if page.query_selector(resource) is None:
            continue  # a step to do, with nothing to read: read on
        tab_to(page, resource, f"the link of step {number}")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        visited.append(page.url)
        nav = page.query_selector(on_pathway)
        assert nav, f"{page.url}, step {number} of {pathway_path}, does not say it is on it"
        where = nav.inner_text()
        assert f"step {number} of {len(steps)}" in where, where
        next_link = f"{on_pathway} li:has-text('Next step') a"
        if number == len(steps):
            assert page.query_selector(next_link) is None, "the last step offers a next step"
            break
        tab_to(page, next_link, f"the next step after step {number}")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert urlsplit(page.url).path.endswith(pathway_path)
        assert urlsplit(page.url).fragment == f"step-{number + 1}"
    assert len(visited) >= 2, f"the journey opened only {visited}: too few steps link anywhere"
    tab.assert_clean()


def test_download_a_toolkit(tab, shipped_site):
    page = tab.open(page_path(shipped_site, "toolkit"))
    link = tab_to(page, "nav.commons-downloads a[href]", "the toolkit's first download")
    href = link.get_attribute("href")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == href.rsplit("/", 1)[-1]
    assert open(download.path(), "rb").read(5) == b"%PDF-" or not href.endswith(".pdf")
    for each in page.query_selector_all("nav.commons-downloads a[href]"):
        url = urljoin(page.url, each.get_attribute("href"))
        response = page.request.get(url)
        suffix = "." + url.rsplit(".", 1)[-1]
        assert response.status == 200, f"{url} answered {response.status}"
        assert response.headers["content-type"] == DOWNLOAD_TYPES.get(suffix), \
            f"{url} is served as {response.headers['content-type']}"
        assert len(response.body()) > 1000, f"{url} is almost empty"
    tab.assert_clean()
