"""What the build adds to authored pages, worked out once per build from the model: a
pathway's steps, a session's facilitators and upcoming dates, the pathways a page is a step
of, and what is coming up and new on the home page. Applying an addition to a page's Markdown is a pure function."""

from __future__ import annotations

from dataclasses import dataclass

from commons.generate import home
from commons.generate.augment import facilitators_section
from commons.generate.pathways import membership_html, steps_html
from commons.generate.whats_on import session_dates
from commons.load.git_dates import last_days
from commons.load.settings import Settings
from commons.model.records import Commons

PLACEHOLDER = "<!-- pathway-steps -->"


@dataclass(frozen=True)
class Addition:
    steps: str = ""  # a pathway's steps: at its placeholder, or before its first H2
    sections: tuple[str, ...] = ()  # Markdown added at the end, in order
    marked: tuple[tuple[str, str], ...] = ()  # (marker in the page, what replaces it)


def page_additions(commons: Commons, settings: Settings) -> dict[str, Addition]:
    """The addition of every authored page that gets one, by its path inside content/."""
    additions = {}
    for page in commons.pages.values():
        steps = steps_html(commons, page) if page.type == "pathway" else ""
        sections = []
        if page.type == "session":
            sections.append(facilitators_section(commons, page))
        sections.append(membership_html(commons, page))
        if page.type == "session":
            sections.append(session_dates(commons, page.src_path, page.id, settings.today,
                                          settings.whats_on_months))
        marked = ()
        if page.src_path == home.HOME:
            dates = last_days(commons.history)
            marked = ((home.MARKER, home.sections(commons, settings.today, dates,
                                                  commons.content_label)),)
        addition = Addition(steps, tuple(s for s in sections if s), marked)
        if addition != Addition():
            additions[page.src_path] = addition
    return additions


def apply(markdown: str, addition: Addition | None) -> str:
    """The page's Markdown with its addition in place."""
    if addition is None:
        return markdown
    for marker, text in addition.marked:
        markdown = markdown.replace(marker, text, 1)
    if addition.steps:
        markdown = _with_steps(markdown, addition.steps)
    for section in addition.sections:
        markdown = markdown.rstrip("\n") + "\n\n" + section
    return markdown


def _with_steps(markdown: str, steps: str) -> str:
    if PLACEHOLDER in markdown:
        return markdown.replace(PLACEHOLDER, "\n" + steps, 1)
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("## "):
            return "\n".join(lines[:number] + [steps] + lines[number:])
    return markdown.rstrip("\n") + "\n\n" + steps
