"""Additions to authored pages, made while MkDocs reads their Markdown: a session's
facilitators (consenting people by name, others as "a co-op teacher"), a pathway's steps, and
the pathways a page is a step of. Pure: Markdown in, Markdown out."""

from __future__ import annotations

from ..model import Commons
from .common import and_list, link, teacher_uri
from .index import cross_index
from .pathways import membership_html, with_steps

UNNAMED = "a co-op teacher"


def facilitator_names(commons: Commons, ids: list[str], from_uri: str) -> str:
    """Listed teachers linked by name; everyone else only counted, never named."""
    named, unnamed = [], 0
    for teacher_id in dict.fromkeys(ids):
        teacher = commons.teachers.get(teacher_id)
        if teacher is not None and teacher.listed:
            named.append(link(teacher.name, from_uri, teacher_uri(teacher.id)))
        else:
            unnamed += 1
    if unnamed == 1:
        named.append(UNNAMED)
    elif unnamed:
        named.append(f"{unnamed} co-op teachers")
    return and_list(named)


def augment(markdown: str, src_uri: str, commons: Commons) -> str:
    page = cross_index(commons).by_path.get(src_uri)
    if page is None:
        return markdown
    if page.type == "pathway":
        markdown = with_steps(markdown, commons, page)
    if page.type == "session":
        names = facilitator_names(commons, list(page.meta.get("facilitators") or ()), src_uri)
        if names:
            markdown = markdown.rstrip("\n") + f"\n\n## Facilitators\n\nWith {names}.\n"
    extra = membership_html(commons, page)
    return markdown.rstrip("\n") + "\n\n" + extra if extra else markdown

