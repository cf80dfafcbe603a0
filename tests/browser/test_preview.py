"""The preview in a browser: a save shows by itself, a broken save puts the problems over the
last good page (accessible, and able to be hidden), and fixing it takes them away, with no
console error and nothing the page's Content-Security-Policy refuses."""

from __future__ import annotations

import pytest
from helpers import edit, make_commons, preview_server
from playwright.sync_api import expect

from .axe import axe_violations, describe

pytestmark = pytest.mark.browser

POLICY = "content/policies/learning.md"
TEACHERS = "data/teachers.csv"


def test_the_preview_reloads_after_each_save_and_shows_problems_until_fixed(
        tab_at, axe_source, tmp_path):
    commons = make_commons(tmp_path / "commons")
    with preview_server(commons) as base:
        tab = tab_at(base)
        page = tab.open("policies/learning/")
        edit(commons / POLICY, "\n\n", "\n\nA sentence saved a moment ago.\n\n")
        expect(page.locator("article")).to_contain_text("A sentence saved a moment ago.",
                                                        timeout=30_000)
        edit(commons / TEACHERS, "ada-brook,Ada Brook,teacher", "ada-brook,Ada Brook,wizard")
        panel = page.get_by_role("alert")
        expect(panel).to_contain_text(f"{TEACHERS}:row 2:role", timeout=30_000)
        expect(page.locator("article")).to_contain_text("A sentence saved a moment ago.")
        violations = axe_violations(page, axe_source)
        assert not violations, f"axe on the preview's problem panel:\n{describe(violations)}"
        page.get_by_role("button", name="Hide until the next save").click()
        expect(panel).to_have_count(0)
        with page.expect_navigation(timeout=30_000):  # the fix reloads the page by itself
            edit(commons / TEACHERS, "ada-brook,Ada Brook,wizard", "ada-brook,Ada Brook,teacher")
        expect(page.locator("article")).to_contain_text("A sentence saved a moment ago.")
        expect(page.get_by_role("alert")).to_have_count(0)
        tab.assert_clean()
