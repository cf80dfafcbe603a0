"""The shipped commons, built once, served on 127.0.0.1 and opened in Debian's Chromium.

Every page a test opens is watched: a request to any other host is blocked and recorded,
and console errors, uncaught exceptions and Content-Security-Policy violations are
collected, so a test can say that a page was clean (`Tab.assert_clean`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from commons.publish import build_atomically
from helpers import ROOT, serve

from .chromium import AXE, CHROMIUM, CHROMIUM_ARGS, INSTALL_HINT

# Reported to Python from the page the moment the browser blocks something.
WATCH_CSP = """
document.addEventListener('securitypolicyviolation', (e) => {
  window.__commonsCsp(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} `
                      + `at ${e.sourceFile || location.href}:${e.lineNumber}`);
});
"""


@pytest.fixture(scope="session")
def site_url(shipped_site: Path):
    """The built shipped site, served for the whole session."""
    with serve(shipped_site) as base:
        yield base


@pytest.fixture(scope="session")
def site_built_on(tmp_path_factory: pytest.TempPathFactory):
    """The shipped commons built as if on another day: site_built_on("2027-07-01")."""
    built: dict[str, Path] = {}

    def build(day: str) -> Path:
        if day not in built:
            site = tmp_path_factory.mktemp("built-" + day) / "site"
            epoch = int(dt.datetime.fromisoformat(day + "T12:00:00+00:00").timestamp())
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("SOURCE_DATE_EPOCH", str(epoch))
                result = build_atomically(ROOT, site_dir=site)
            if result.returncode != 0:
                pytest.fail(f"the commons did not build on {day}:\n{result.stderr[-4000:]}",
                            pytrace=False)
            built[day] = site
        return built[day]

    return build


@pytest.fixture
def tab_at(browser):
    """A watched tab on a site served at another address: tab_at(base_url)."""
    with contextlib.ExitStack() as stack:
        def open_at(base: str) -> Tab:
            generator = _open_tab(browser, base, viewport={"width": 1280, "height": 900})
            stack.callback(generator.close)
            return next(generator)

        yield open_at


@pytest.fixture
def tab_for_site(tab_at):
    """A watched tab on another built site, served for the test: tab_for_site(site_dir)."""
    with contextlib.ExitStack() as stack:
        yield lambda site: tab_at(stack.enter_context(serve(site)))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: {INSTALL_HINT}", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        pytest.fail(f"axe-core is missing at {AXE}: run `make test` (it runs npm ci) or "
                    "`npm ci`", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@dataclass
class Tab:
    """One browser page on the served site, with what went wrong while it was open."""

    page: object
    base: str
    third_party: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)
    expected_status: dict[str, int] = field(default_factory=dict)  # url -> e.g. 404

    def open(self, path: str, status: int = 200):
        url = self.base + path.lstrip("/")
        if status != 200:
            self.expected_status[url] = status
        response = self.page.goto(url, wait_until="load")
        assert response is not None and response.status == status, (
            f"{path} answered {response.status if response else 'nothing'}, not {status}")
        return self.page

    def problems(self) -> list[str]:
        return ([f"request to another host: {url}" for url in self.third_party]
                + [f"console: {text}" for text in self.errors]
                + [f"Content-Security-Policy: {text}" for text in self.csp])

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, f"on {self.page.url}:\n  " + "\n  ".join(problems)


@pytest.fixture
def tab(browser, site_url):
    """A fresh browser context (desktop size) whose every request and error is watched."""
    yield from _open_tab(browser, site_url, viewport={"width": 1280, "height": 900})


@pytest.fixture
def make_tab(browser, site_url):
    """Open tabs with other viewports: make_tab(viewport=..., device_scale_factor=...)."""
    contexts = []

    def make(**options) -> Tab:
        generator = _open_tab(browser, site_url, **options)
        contexts.append(generator)
        return next(generator)

    yield make
    for generator in contexts:
        generator.close()


def _open_tab(browser, site_url: str, **options):
    context = browser.new_context(accept_downloads=True, service_workers="block", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    tab = Tab(page, site_url)
    allowed = urlsplit(site_url).hostname

    def route(request_route, request):
        url = urlsplit(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.hostname != allowed:
            tab.third_party.append(request.url)
            return request_route.abort()
        return request_route.continue_()

    context.route("**/*", route)
    context.expose_function("__commonsCsp", lambda text: tab.csp.append(text))
    context.add_init_script(WATCH_CSP)
    page.on("console", lambda msg: _console_error(tab, msg))
    page.on("pageerror", lambda error: tab.errors.append(f"uncaught {error}"))
    try:
        yield tab
    finally:
        context.close()


def _console_error(tab: Tab, message) -> None:
    url = message.location.get("url", "")
    expected = tab.expected_status.get(url)
    if message.type != "error" or (expected and f"status of {expected}" in message.text):
        return  # the 404 page's own status is what was asked for
    tab.errors.append(f"{message.text} ({url}:{message.location.get('lineNumber', '')})")
