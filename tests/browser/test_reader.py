"""Reader-first pages: the title near the top on a phone, text of at least 16 px, bold dark
headings, a footer that says who runs the commons, no repository widget, lists that do not
move as they load, filters folded on a phone, an empty state that says how to widen, and a
404 page with a way on, with and without script."""

from __future__ import annotations

import pytest
import yaml
from helpers import ROOT

from .site_pages import TEMPLATES, page_path, status_of

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 780}}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
H1_TOP = "() => Math.round(document.querySelector('article h1').getBoundingClientRect().top)"
SMALL_TEXT = """() => Array.from(document.querySelectorAll(
    'article p, article li, article td, article th, article dd, article summary, '
    + 'article .admonition, footer p, footer li, footer address'))
  .filter((el) => el.textContent.trim() && el.getClientRects().length
          && parseFloat(getComputedStyle(el).fontSize) < 16)
  .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: `
                   + getComputedStyle(el).fontSize)"""
WATCH_SHIFTS = """window.__shift = 0; new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shift += entry.value;
  }
}).observe({type: 'layout-shift', buffered: true});"""


def test_the_title_starts_within_250px_on_a_phone_on_every_template(make_tab, shipped_site):
    tab = make_tab(**PHONE)
    tops = {}
    for template in TEMPLATES:
        page = tab.open(page_path(shipped_site, template), status=status_of(template))
        tops[template] = page.evaluate(H1_TOP)
    late = {template: top for template, top in tops.items() if top > 250}
    assert not late, f"the h1 starts below 250 px at 360 x 780 on: {late}"


@pytest.mark.parametrize("path", ["", "policies/minimum-learning-for-regulated-roles/",
                                  "reports/coverage/", "toolkits/co-producing-learning/"])
def test_body_text_is_at_least_16px_and_headings_bold_and_dark(path, make_tab):
    tab = make_tab(**PHONE)
    page = tab.open(path)
    assert page.evaluate(SMALL_TEXT) == []
    for heading in page.locator("article h1, article h2").all()[:4]:
        weight, colour = heading.evaluate(
            "(el) => [getComputedStyle(el).fontWeight, getComputedStyle(el).color]")
        assert int(weight) >= 700 and colour in ("rgba(0, 0, 0, 0.87)", "rgb(0, 0, 0)"), (
            f"{heading.inner_text()!r}: weight {weight}, colour {colour}")


def test_footer_says_who_runs_the_commons_and_the_header_has_no_repository(tab):
    page = tab.open("toolkits/co-producing-learning/")
    footer = page.locator("footer.md-footer")
    text = " ".join(footer.inner_text().split())
    assert "is run by Learning Commons Co-operative (example)" in text
    address = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))[
        "extra"]["commons"]["organisation"]["address"]
    assert f"Post: {address}" in text
    assert footer.locator("a[href='mailto:learning@learning-commons.example.org']").count() == 1
    for name, href in (("Privacy", "/policies/data-protection/"),
                       ("Accessibility statement", "/about/accessibility/"),
                       ("Content licence", "https://creativecommons.org/licenses/by/4.0/")):
        link = footer.get_by_role("link", name=name)
        assert link.get_attribute("href").endswith(href)
    assert page.locator(".md-source, [data-md-component=source]").count() == 0
    assert page.locator(".md-footer__link").count() == 0  # no Previous/Next
    assert page.locator("header svg.commons-wordmark").count() == 1
    tab.assert_clean()  # and so no request to the code host's API


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize("path", ["teachers/", "whats-on/"])
def test_lists_do_not_shift_as_their_filters_appear(path, screen, make_tab):
    tab = make_tab(**screen)
    tab.page.add_init_script(WATCH_SHIFTS)
    page = tab.open(path)
    page.wait_for_selector("form[data-commons-filter][data-ready]:not([hidden])", state="attached")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01
    tab.assert_clean()


def test_filters_fold_on_a_phone_and_show_on_a_desktop(make_tab):
    phone = make_tab(**PHONE).open("teachers/")
    fold = phone.get_by_role("button", name="Show filters")
    assert not phone.locator("form[data-commons-filter] fieldset").is_visible()
    fold.click()
    assert phone.locator("form[data-commons-filter] fieldset").is_visible()
    assert phone.get_by_role("button", name="Hide filters").get_attribute(
        "aria-expanded") == "true"
    desktop = make_tab(**DESKTOP).open("teachers/")
    assert desktop.locator("form[data-commons-filter] fieldset").is_visible()
    assert not desktop.locator("[data-commons-fold]").is_visible()


def test_a_filter_that_matches_nobody_says_how_to_widen(tab):
    page = tab.open("teachers/")
    selects = page.locator("form[data-commons-filter] select")
    for index in range(selects.count()):  # the last option of each: nobody has them all
        select = selects.nth(index)
        values = select.locator("option").evaluate_all("(os) => os.map((o) => o.value)")
        select.select_option(values[-1])
    status = page.locator("[data-commons-count]")
    assert status.inner_text().startswith("No teachers match all of these choices")
    assert "Show all teachers" in status.inner_text()
    assert not page.locator("[data-commons-list]").is_visible()


def test_the_404_page_offers_search_and_the_main_sections(tab):
    page = tab.open("no-such-page/", status=404)
    assert page.locator("h1").inner_text() == "Page not found"
    for name in ("Learning pathways", "Policies", "What's on: sessions coming up",
                 "Every page, A to Z"):
        assert page.locator("article").get_by_role("link", name=name).count() == 1
    page.get_by_role("searchbox", name="Search for what you need").fill("safeguarding")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_selector("#commons-search-results li a", timeout=10_000)
    assert page.locator("#commons-search-query").input_value() == "safeguarding"
    tab.assert_clean()


def test_without_script_search_leads_to_an_a_to_z_of_every_page(make_tab, shipped_site):
    tab = make_tab(java_script_enabled=False, **DESKTOP)
    page = tab.open("no-such-page/", status=404)
    page.get_by_role("searchbox", name="Search for what you need").fill("safeguarding")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("/a-z/")
    pages = len([p for p in shipped_site.rglob("index.html")]) - 1  # all but the A to Z
    assert page.locator("article li a").count() >= pages - 5  # redirect stubs aside


def test_home_puts_search_first_then_large_audience_choices_and_what_is_coming(make_tab):
    page = make_tab(**PHONE).open("")
    search = page.get_by_role("searchbox", name="Search policies, pathways, toolkits and sessions")
    choices = page.locator("a.commons-choice")
    assert search.bounding_box()["y"] < choices.first.bounding_box()["y"] < 780 * 2
    assert choices.count() == 4
    assert all(choices.nth(i).bounding_box()["height"] >= 44 for i in range(4))
    coming = page.locator("h2#coming-up + ul > li")
    assert coming.count() == 3
    assert page.locator("h2#new-and-updated + ul > li").count() >= 3
