"""A session's facilitators: consenting people by name, others as "a co-op teacher"."""

from __future__ import annotations

from commons.generate.common import and_list, link, teacher_uri
from commons.model.records import Commons, Page

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


def facilitators_section(commons: Commons, page: Page) -> str:
    """The 'Facilitators' section of a session page, or nothing when it names nobody."""
    names = facilitator_names(commons, list(page.meta.get("facilitators") or ()), page.src_path)
    return f"## Facilitators\n\nWith {names}.\n" if names else ""
