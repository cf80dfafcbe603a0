"""Pages and files made from the model, never written into content/.

A generator is a pure function `(commons, settings) -> list[GeneratedFile]`, listed in
GENERATORS. The hook turns each GeneratedFile into `File.generated(...)`.
"""

from __future__ import annotations

import hashlib
from typing import Callable

from commons.core.memo import remembered
from commons.core.paths import unsafe_output_path
from commons.core.problems import Problem
from commons.generate.calendar import generate_calendars
from commons.generate.common import regions_in_order
from commons.generate.coverage import generate_coverage
from commons.generate.feed import FEED, generate_feed
from commons.generate.files import GeneratedFile
from commons.generate.inputs import guarded, model_key, parts_read
from commons.generate.inputs import key as inputs_key
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
    """What the generators make, in order; each generator's files taken from the cache
    (settings.cache) when the parts of the model it reads are as the last run saw them."""
    fingerprints: dict[str, bytes] = {}  # each part's digest, made once for all of them
    return [item for generator in generators
            for item in _made(generator, commons, settings, fingerprints)]


def _made(generator: Generator, commons: Commons, settings: Settings,
          fingerprints: dict[str, bytes]) -> list[GeneratedFile]:
    name = f"{generator.__module__}.{generator.__qualname__}"
    kind = "made-" + hashlib.blake2b(name.encode(), digest_size=6).hexdigest()
    [made] = remembered(settings.cache, kind, [(commons, settings)],
                        lambda inputs: inputs_key(*inputs, parts_read(generator), fingerprints),
                        lambda todo: [generator(guarded(model, generator), given)
                                      for model, given in todo])
    return made
