"""Where fenced code is: one answer for the card parser, the downloads, the HTML check and
the readability score."""

from __future__ import annotations

from commons.core.markdown import fence_end, fenced_lines, without_fenced_code


def test_a_fence_closes_only_with_its_own_character_at_least_as_long():
    lines = ["text", "````", "~~~", "```", "still code", "`````", "after"]
    assert fenced_lines(lines) == [False, True, True, True, True, True, False]
    assert fence_end(lines, 1) == 5


def test_a_fence_in_a_quote_and_one_never_closed():
    # Never closed, a fence is text to pymdownx.superfences and to pandoc alike.
    lines = ["> ```", "> <script>", "> ```", "prose", "~~~", "# a heading"]
    assert fenced_lines(lines) == [True, True, True, False, False, False]
    assert fence_end(lines, 4) is None


def test_emptied_code_keeps_every_line_number():
    text = "one\n```\n<b>code</b>\n```\nfive"
    assert without_fenced_code(text) == "one\n\n\n\nfive"
