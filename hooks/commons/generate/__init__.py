"""Pages and files made from the model, never written into content/.

A generator is a pure function `(commons, settings) -> list[GeneratedFile]`, listed in
GENERATORS. The hook turns each GeneratedFile into `File.generated(...)`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from typing import Any, Callable

from commons.core.memo import remembered
from commons.core.paths import unsafe_output_path
from commons.core.problems import Problem
from commons.generate.calendar import generate_calendars
from commons.generate.common import regions_in_order
from commons.generate.coverage import generate_coverage
from commons.generate.feed import FEED, generate_feed
from commons.generate.files import GeneratedFile
from commons.generate.open_data import generate_open_data
from commons.generate.partners import generate_partners
from commons.generate.pathways import generate_pathways_index
from commons.generate.qualifications import generate_qualifications
from commons.generate.regions import generate_regions
from commons.generate.reports import generate_reports_index
from commons.generate.reviews import generate_reviews
from commons.generate.roles import generate_roles
from commons.generate.teachers import generate_teachers
from commons.generate.topics import generate_topics
from commons.generate.whats_on import calendar_uri, generate_whats_on
from commons.load.settings import Settings
from commons.model.records import Commons

__all__ = ["FILE_GENERATORS", "GENERATORS", "PAGE_GENERATORS", "GeneratedFile", "Generator",
           "file_paths", "generate_all", "model_key"]

Generator = Callable[[Commons, Settings], list[GeneratedFile]]

# Pages (and the files beside them), which links and their anchors may point into...
PAGE_GENERATORS: tuple[Generator, ...] = (
    generate_teachers, generate_partners, generate_regions, generate_pathways_index,
    generate_qualifications, generate_roles, generate_topics, generate_reports_index,
    generate_coverage, generate_reviews, generate_whats_on, generate_open_data,
)
# ...and files only, which `make check` needs the names of, not the content.
FILE_GENERATORS: tuple[Generator, ...] = (generate_calendars, generate_feed)
GENERATORS = PAGE_GENERATORS + FILE_GENERATORS


def file_paths(commons: Commons) -> list[str]:
    """Where FILE_GENERATORS write, without making the files."""
    return [calendar_uri(), *(calendar_uri(r.id) for r in regions_in_order(commons)), FEED]


def generate_all(commons: Commons, settings: Settings,
                 authored: set[str] = frozenset(),
                 generators: tuple[Generator, ...] | None = None,
                 extra: list[GeneratedFile] = (),
                 ) -> tuple[list[GeneratedFile], list[Problem]]:
    """Run every generator (and take the files made elsewhere, such as downloads); refuse
    unsafe paths and two sources for one path, naming both."""
    made: dict[str, GeneratedFile] = {}
    problems: list[Problem] = []
    items = made_by(GENERATORS if generators is None else generators, commons, settings)
    items += list(extra)
    for item in items:
        reason = unsafe_output_path(item.src_uri)
        if reason:
            problems.append(item.origin.problem(f"cannot write '{item.src_uri}': {reason}",
                                                "use an id of lower-case letters, digits and "
                                                "hyphens"))
            continue
        clash = made.get(item.src_uri)
        if clash or item.src_uri in authored:
            other = str(clash.origin) if clash else f"{commons.content_label}/{item.src_uri}"
            problems.append(item.origin.problem(f"would make the page '{item.src_uri}', "
                                                f"which {other} makes too",
                                                "give one of the two a different id"))
            continue
        made[item.src_uri] = item
    return [made[key] for key in sorted(made)], problems


def made_by(generators: tuple[Generator, ...], commons: Commons, settings: Settings
            ) -> list[GeneratedFile]:
    """What the generators make, in order; taken from the cache (settings.cache) when the
    last run saw the same model_key."""
    names = " ".join(f"{g.__module__}.{g.__qualname__}" for g in generators)
    kind = "made-" + hashlib.blake2b(names.encode(), digest_size=6).hexdigest()
    [items] = remembered(settings.cache, kind, [(commons, settings)],
                         lambda inputs: model_key(*inputs),
                         lambda inputs: [[item for generator in generators
                                          for item in generator(*inputs)] for inputs in inputs])
    return list(items)


def model_key(commons: Commons, settings: Settings) -> bytes:
    """Everything a generator can read: the tables as written, every page but its body and
    what it includes (no generator reads those, so an edit to a page's text makes no
    generated page again), the git dates and the settings."""
    pages = [(page.src_path, page.id, page.type, page.title, page.summary, page.meta,
              page.body_line, page.origin) for page in commons.pages.values()]
    return json.dumps([sorted(commons.table_texts.items()), commons.resources, pages,
                       sorted(commons.history.items()), commons.data_label,
                       commons.content_label, commons.content_dir, settings],
                      sort_keys=True, default=_plain).encode("utf-8", "surrogatepass")


def _plain(value: Any) -> Any:
    """A value json cannot write, as one that is the same in every run (a set's order is
    not: strings hash differently from one process to the next)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return repr(value)
