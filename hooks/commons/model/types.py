"""The content types: one table that every stage reads to know what kinds of page there are.

A type is named by the folder its pages live in (`content/policies/` holds policies); a
Markdown file anywhere else is a plain page. To add a type, add its fields to `schema.py`
and one entry to CONTENT_TYPES: navigation, search filters, topic and audience pages, the
feed, `make new` and downloads all read this table.

The table is read through the functions below, at call time, never copied at import.
"""

from __future__ import annotations

from dataclasses import dataclass

from commons.model import schema
from commons.model.fields import Field


@dataclass(frozen=True)
class ContentType:
    name: str  # "policy": how pages, rules and messages name the type
    folder: str | None  # "policies": its folder under content/; None for plain pages
    label: str  # "Policy": the type as search results and page facts show it
    plural: str  # "Policies": the heading over a group of them (topic pages)
    about: str  # what a page of this type is, for `make new`
    fields: tuple[Field, ...]
    reviewed: bool = False  # has review dates: the reviews report, page info, overdue rule
    downloads: bool = False  # offered as PDF, DOCX and EPUB without `download: true`
    in_feed: bool = True  # listed in the feed of new and updated resources
    role_rank: int = 9  # where role pages list it among places to learn (lower first)


CONTENT_TYPES: tuple[ContentType, ...] = (
    ContentType("pathway", "pathways", "Pathway", "Pathways",
                "a learning pathway: steps from one role or qualification to the next",
                schema.PATHWAY, role_rank=1),
    ContentType("session", "sessions", "Session", "Sessions",
                "a session: a workshop, course or webinar that people can join",
                schema.SESSION, role_rank=0),
    ContentType("policy", "policies", "Policy", "Policies",
                "a policy: what we agree to do, reviewed by its owner on a set cycle",
                schema.POLICY, reviewed=True, role_rank=3),
    ContentType("toolkit", "toolkits", "Toolkit", "Toolkits",
                "a toolkit: a guide or resource to use, print and adapt",
                schema.TOOLKIT, reviewed=True, downloads=True, role_rank=2),
    ContentType("page", None, "Page", "Other pages",
                "a plain page in About: how the commons works",
                schema.PAGE, in_feed=False, role_rank=4),
)

PLAIN = "page"  # the type of a page outside every type's folder
PLAIN_FOLDER = "about"  # where `make new` puts a plain page

# Pages the build makes from data, by folder: their type as search shows it.
GENERATED_KINDS: tuple[tuple[str, str, str], ...] = (
    ("teachers", "teacher", "Teacher"), ("partners", "partner", "Partner"),
    ("regions", "region", "Region"), ("qualifications", "qualification", "Qualification"),
    ("reports", "report", "Report"),
)


def content_types() -> tuple[ContentType, ...]:
    return CONTENT_TYPES


def by_name(name: str) -> ContentType:
    """The type called name; a plain page for a name no type has."""
    known = _by_name(CONTENT_TYPES)
    return known.get(name) or known[PLAIN]


_INDEX: list[tuple[tuple[ContentType, ...], dict[str, ContentType]]] = []


def _by_name(kinds: tuple[ContentType, ...]) -> dict[str, ContentType]:
    """The types by name, made once for the table (asked for thousands of times a build)."""
    if not _INDEX or _INDEX[0][0] is not kinds:
        _INDEX[:] = [(kinds, {kind.name: kind for kind in kinds})]
    return _INDEX[0][1]


def names() -> tuple[str, ...]:
    return tuple(kind.name for kind in CONTENT_TYPES)


def of_path(src_path: str) -> ContentType:
    """The type of a page from its path inside content/."""
    top, slash, _ = src_path.partition("/")
    if slash:
        for kind in CONTENT_TYPES:
            if kind.folder == top:
                return kind
    return by_name(PLAIN)


def folder_of(name: str) -> str:
    """The folder under content/ where `make new` writes a page of this type."""
    return by_name(name).folder or PLAIN_FOLDER


def search_labels() -> dict[str, str]:
    """Every kind of page, authored or made, with the label search shows for it."""
    return {kind.name: kind.label for kind in CONTENT_TYPES} | {
        name: label for _, name, label in GENERATED_KINDS}


def kind_of_folder(top: str) -> str | None:
    """The kind of page in a top-level folder of the site, authored or made; None if none."""
    for kind in CONTENT_TYPES:
        if kind.folder == top:
            return kind.name
    return next((name for folder, name, _ in GENERATED_KINDS if folder == top), None)
