"""Pages and files made from the model, never written into content/.

A generator is a pure function `(commons, settings) -> list[GeneratedFile]`; list it in
GENERATORS. The hook turns each GeneratedFile into `File.generated(...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Commons
from ..paths import unsafe_output_path
from ..problems import Problem
from ..settings import Settings


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str  # path inside the site's docs, e.g. "teachers/ada-brook.md"
    content: str | bytes
    origin: str  # what it was made from, for messages, e.g. "data/teachers.csv:row 4"
    in_nav: bool = False  # per-person and per-record pages stay out of the navigation


Generator = Callable[[Commons, Settings], list[GeneratedFile]]

GENERATORS: list[Generator] = []


def generate_all(commons: Commons, settings: Settings,
                 authored: set[str] = frozenset(),
                 generators: list[Generator] | None = None,
                 ) -> tuple[list[GeneratedFile], list[Problem]]:
    """Run every generator; refuse unsafe paths and two sources for one path."""
    made: dict[str, GeneratedFile] = {}
    problems: list[Problem] = []
    for generator in GENERATORS if generators is None else generators:
        for item in generator(commons, settings):
            reason = unsafe_output_path(item.src_uri)
            if reason:
                problems.append(_at(item.origin, f"cannot write '{item.src_uri}': {reason}",
                                    "use an id of lower-case letters, digits and hyphens"))
                continue
            clash = made.get(item.src_uri)
            if clash or item.src_uri in authored:
                other = clash.origin if clash else f"content/{item.src_uri}"
                problems.append(_at(item.origin, f"would make the page '{item.src_uri}', "
                                                 f"which {other} makes too",
                                    "give one of the two a different id"))
                continue
            made[item.src_uri] = item
    return [made[key] for key in sorted(made)], problems


def _at(origin: str, message: str, hint: str) -> Problem:
    """A Problem located at an origin such as 'data/x.csv:row 4' or 'content/y.md:3'."""
    path, _, rest = origin.partition(":")
    if rest.startswith("row "):
        return Problem(path, row=int(rest[4:].split(":")[0]), message=message, hint=hint)
    return Problem(path, line=int(rest) if rest.isdigit() else None, message=message, hint=hint)

# Generators register after GENERATORS exists (their modules import GeneratedFile from here).
from .coverage import generate_coverage  # noqa: E402
from .partners import generate_partners  # noqa: E402
from .pathways import generate_pathways_index  # noqa: E402
from .qualifications import generate_qualifications  # noqa: E402
from .regions import generate_regions  # noqa: E402
from .reports import generate_reports_index  # noqa: E402
from .reviews import generate_reviews  # noqa: E402
from .roles import generate_roles  # noqa: E402
from .teachers import generate_teachers  # noqa: E402
from .topics import generate_topics  # noqa: E402
from .whats_on import generate_whats_on  # noqa: E402
from .calendar import generate_calendars  # noqa: E402
from .feed import generate_feed  # noqa: E402
from .open_data import generate_open_data  # noqa: E402

GENERATORS += [generate_teachers, generate_partners, generate_regions, generate_pathways_index,
               generate_qualifications, generate_roles, generate_topics, generate_reports_index,
               generate_coverage, generate_reviews]
GENERATORS += [generate_whats_on, generate_calendars, generate_feed, generate_open_data]
