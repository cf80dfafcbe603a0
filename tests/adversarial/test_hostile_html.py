"""Raw HTML and links in Markdown bodies: each hostile input is refused at its file line."""

from __future__ import annotations

import pytest
from commons.rules.html_policy import body_problems
from helpers import edit
from hostile import copy_of, problem_texts, refused

POLICY = "content/policies/learning.md"
LAST_LINE = "We all learn from each other."  # line 14 of the fixture policy
LINK_HINT = "(link to a page in the commons or to a https:, http:, mailto: or tel: address)"
TAG_HINT = ("(remove it; ask the site's maintainers if the page needs something it cannot do "
            "in Markdown)")
HANDLER_HINT = "(remove it: pages cannot run script)"
STYLE_HINT = ("(use a class from the theme instead; the site's security policy blocks inline "
              "styles)")

HOSTILE_BODIES = [
    ("<script>alert(1)</script>",
     "the HTML tag <script> is not allowed: it would run code in readers' browsers " + TAG_HINT),
    ("<img src=x onerror=alert(1)>",
     "the event handler 'onerror' on <img> is not allowed " + HANDLER_HINT),
    ('<a href="javascript:alert(1)">win a prize</a>',
     "the address 'javascript:alert(1)' uses 'javascript:', which is not allowed " + LINK_HINT),
    ('<a href="jav&#x09;ascript:alert(1)">tab-split scheme</a>',
     "the address 'jav\\x09ascript:alert(1)' uses 'javascript:', which is not allowed "
     + LINK_HINT),
    ("[read more](JavaScript:alert(1))",
     "the address 'JavaScript:alert(1' uses 'javascript:', which is not allowed " + LINK_HINT),
    ("![chart](data:text/html;base64,PHNjcmlwdD4=)",
     "the address 'data:text/html;base64,PHNjcmlwdD4=' uses 'data:', which is not allowed "
     + LINK_HINT),
    ("<javascript:alert(1)>",
     "the address 'javascript:alert(1)' uses 'javascript:', which is not allowed " + LINK_HINT),
    ("[policy]: vbscript:msgbox(1)",
     "the address 'vbscript:msgbox(1)' uses 'vbscript:', which is not allowed " + LINK_HINT),
    ('<iframe src="https://evil.example"></iframe>',
     "the HTML tag <iframe> is not allowed: it would embed another site " + TAG_HINT),
    ('<object data="https://evil.example/x.swf"></object>',
     "the HTML tag <object> is not allowed: it can load or run content from elsewhere "
     + TAG_HINT),
    ('<embed src="https://evil.example/x.swf">',
     "the HTML tag <embed> is not allowed: it can load or run content from elsewhere "
     + TAG_HINT),
    ('<form action="https://evil.example/steal">',
     "the HTML tag <form> is not allowed: forms would send readers' data elsewhere " + TAG_HINT),
    ("<style>body{background:url(https://evil.example/t.gif)}</style>",
     "the HTML tag <style> is not allowed: styles belong in the theme's stylesheet " + TAG_HINT),
    ('<div style="background:url(https://evil.example/t.gif)">x</div>',
     "a style attribute on <div> is not allowed " + STYLE_HINT),
    ('<link rel="stylesheet" href="https://evil.example/x.css">',
     "the HTML tag <link> is not allowed: it can load or run content from elsewhere "
     + TAG_HINT),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example">',
     "the HTML tag <meta> is not allowed: it can load or run content from elsewhere "
     + TAG_HINT),
    ('<base href="https://evil.example/">',
     "the HTML tag <base> is not allowed: it can load or run content from elsewhere "
     + TAG_HINT),
    ('<details ontoggle="alert(1)" open><summary>More</summary></details>',
     "the event handler 'ontoggle' on <details> is not allowed " + HANDLER_HINT),
    ('## Read this first { onclick="alert(1)" }',
     "the event handler 'onclick' on a Markdown attribute list { } is not allowed "
     + HANDLER_HINT),
    ('<marquee>hello</marquee>',
     "the HTML tag <marquee> is not in the allowlist (use Markdown, or one of: a, abbr, "
     "article, aside, b, blockquote, br, caption, cite, code, col, colgroup, dd, del, details, "
     "dfn, div, dl, dt, em, figcaption, figure, h2, h3, h4, h5, h6, hr, i, img, ins, kbd, li, "
     "mark, ol, p, pre, q, s, section, small, span, strong, sub, summary, sup, table, tbody, "
     "td, tfoot, th, thead, time, tr, u, ul, wbr)"),
]


@pytest.mark.parametrize("payload, message", HOSTILE_BODIES,
                         ids=[body.split(">")[0][:28] for body, _ in HOSTILE_BODIES])
def test_hostile_body_is_refused_at_its_line(mini, payload, message):
    edit(mini / POLICY, LAST_LINE, f"{LAST_LINE}\n\n{payload}")
    assert f"{POLICY}:16: {message}" in problem_texts(mini)


def test_svg_carrying_script_names_both_tags():
    found = body_problems("p.md", "<svg><script>alert(1)</script></svg>", 5)
    assert [p.message for p in found] == [
        "the HTML tag <script> is not allowed: it would run code in readers' browsers",
        "the HTML tag <svg> is not allowed: it can carry script"]
    assert {p.line for p in found} == {5}


def test_code_examples_are_not_html():
    body = ("Write `<script>` in a code span.\n\n```html\n<script>alert(1)</script>\n"
            "<a href=\"javascript:x\">x</a>\n```\n\n~~~\n<iframe></iframe>\n~~~\n")
    assert body_problems("p.md", body, 1) == []


def test_allowed_html_and_links_pass():
    body = ('<details markdown="1"><summary>Why</summary>\n\nBecause.\n</details>\n\n'
            '<abbr title="Care Quality Commission">CQC</abbr> <kbd>Ctrl</kbd> '
            '<span class="x" aria-label="y" role="note" lang="cy">Croeso</span>\n\n'
            '[mail us](mailto:learning@example.org) [call](tel:01234567890) '
            '[local](../policies/learning.md#scope) <https://example.org> <ada@example.org>\n'
            '![Team](img/team.png){ .wide }\n')
    assert body_problems("p.md", body, 1) == []


def test_every_problem_is_listed_with_its_own_line(mini):
    edit(mini / POLICY, LAST_LINE,
         f"{LAST_LINE}\n\n<script>x</script>\n\n[a](javascript:x)\n\n<p onclick=x>hi</p>")
    found = [t for t in problem_texts(mini) if t.startswith(POLICY)]
    assert [t.split(": ")[0] for t in found] == [f"{POLICY}:16", f"{POLICY}:18",
                                                  f"{POLICY}:20"]


def test_script_in_a_page_fails_the_build_and_publishes_nothing(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path / "try")
    edit(commons / POLICY, LAST_LINE, f"{LAST_LINE}\n\n<script>alert(1)</script>")
    result = refused(commons, site)
    assert ("content/policies/learning.md:16: the HTML tag <script> is not allowed: it would "
            "run code in readers' browsers") in result.stderr
