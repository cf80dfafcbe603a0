"""Public pages are held to plain English: a Flesch reading ease of at least 60."""

from __future__ import annotations

from pathlib import Path

from commons.pipeline import load
from commons.rules.readability import THRESHOLD, plain_text, reading_ease

HARD = """
Notwithstanding the aforementioned organisational considerations, stakeholders are
necessitated to operationalise comprehensive, interdisciplinary methodologies, thereby
facilitating the institutionalisation of evidence-informed continuous professional
development frameworks across heterogeneous service configurations. Consequently,
practitioners' epistemological positioning regarding experiential knowledge acquisition
ought to be systematically interrogated within supervisory relationships, particularly
where regulatory accountability intersects with organisational learning imperatives.
"""

PLAIN = """
We all learn from each other. A person who gets support can teach a care worker. A family
carer can teach a nurse. Learning is about people and how they treat each other. We try
new things and see what works. Then we change how we work. Nobody has to learn in the same
way. You can choose what you take part in, and when. Ask your coach if you need help.
"""


def test_hard_text_scores_below_the_threshold():
    assert reading_ease(HARD) < THRESHOLD


def test_plain_text_scores_above_the_threshold():
    assert reading_ease(PLAIN) >= THRESHOLD


def test_short_text_is_not_judged():
    assert reading_ease("Welcome. See the pages below.") is None


def test_markup_a_reader_does_not_read_is_left_out():
    body = """# A heading

Read the [policy](../policies/learning-policy.md){: .md-button } now.

| a | b |
| --- | --- |
| table | cell |

```text
code block
```

!!! note "A note"
    Inside the note.

*[PLQ]: Practice Learning Qualification
"""
    text = plain_text(body)
    assert text == "A heading. Read the policy now. A note. Inside the note."


def test_rule_names_the_file_at_line_one(mini: Path):
    page = mini / "content/policies/learning.md"
    page.write_text(page.read_text(encoding="utf-8") + HARD, encoding="utf-8")
    problems = [p for p in load(mini).problems if "hard to read" in p.message]
    assert [(p.path, p.line) for p in problems] == [("content/policies/learning.md", 1)]
    assert problems[0].hint


def test_rule_is_quiet_on_a_plain_page(mini: Path):
    page = mini / "content/policies/learning.md"
    page.write_text(page.read_text(encoding="utf-8") + PLAIN, encoding="utf-8")
    assert not [p for p in load(mini).problems if "hard to read" in p.message]
