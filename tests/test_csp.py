"""The Content-Security-Policy meta tag: hashes of exactly the page's inline scripts."""

from __future__ import annotations

import base64
import hashlib
import re

from commons.render import csp

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>t</title>
<script>__md_scope=new URL("../",location)</script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script type="application/ld+json">{"@type": "Course"}</script>
<script type="module">import "./a.js"</script>
<script src="../assets/search.js"></script>
</head><body><p>x</p></body></html>"""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy_of(html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(found) == 1, found
    return found[0]


def test_only_executable_inline_scripts_are_found():
    assert csp.inline_scripts(PAGE) == ['__md_scope=new URL("../",location)',
                                        'import "./a.js"']


def test_hash_is_the_browser_s_sha256_of_the_exact_text():
    # The hash Chromium prints for an empty inline script.
    assert csp.script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert csp.script_hash("a ") != csp.script_hash("a")


def test_policy_allows_page_scripts_by_hash_and_never_unsafe_inline():
    policy = _policy_of(csp.apply(PAGE))
    directives = dict(part.split(" ", 1) for part in policy.split("; "))
    scripts = directives["script-src"].split()
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert scripts[0] == "'self'"
    assert _sha256('__md_scope=new URL("../",location)') in scripts
    assert _sha256('import "./a.js"') in scripts
    assert _sha256('{"base": ".."}') not in scripts  # a data block is not a script
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "'unsafe-inline'" not in directives["style-src"]


def test_meta_comes_before_every_script():
    html = csp.apply(PAGE)
    assert html.index("Content-Security-Policy") < html.index("<script")
    assert html.index('<meta charset="utf-8">') < html.index("Content-Security-Policy")


def test_applying_twice_changes_nothing_and_follows_changed_scripts():
    once = csp.apply(PAGE)
    assert csp.apply(once) == once
    changed = once.replace('new URL("../"', 'new URL("../../"')
    policy = _policy_of(csp.apply(changed))
    assert _sha256('__md_scope=new URL("../../",location)') in policy
    assert _sha256('__md_scope=new URL("../",location)') not in policy


def test_repeated_scripts_are_hashed_once_in_a_fixed_order():
    html = "<head><script>b()</script><script>a()</script><script>b()</script></head>"
    scripts = _policy_of(csp.apply(html)).split("; ")[1].split()
    hashes = [s for s in scripts if s.startswith("'sha256-")]
    assert hashes == sorted({_sha256("a()"), _sha256("b()")})


def test_page_without_head_is_left_alone():
    assert csp.apply("<p>fragment</p>") == "<p>fragment</p>"


def test_every_built_page_and_the_404_page_carry_a_policy_for_their_own_scripts(mini, tmp_path):
    from commons.publish import build_atomically

    site = tmp_path / "site"
    result = build_atomically(mini, site_dir=site)
    assert result.returncode == 0, result.stderr
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages and len(pages) > 3
    # The editor at /admin/ has no inline script and its own fixed policy (test_editor.py).
    for page in [p for p in pages if p.relative_to(site).parts[0] != "admin"]:
        html = page.read_text(encoding="utf-8")
        policy = _policy_of(html)
        scripts = csp.inline_scripts(html)
        assert scripts, f"{page}: expected Material's inline scripts"
        for text in scripts:
            assert _sha256(text) in policy, f"{page}: inline script not allowed: {text[:60]}"
        assert html.index("Content-Security-Policy") < html.index("<script")
