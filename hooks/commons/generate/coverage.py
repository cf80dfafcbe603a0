"""The coverage report: how many listed teachers hold each perspective, per region and per
topic, as a chart with the same numbers in a table, and where the gaps are.

Only public perspectives are counted, so the report never reveals a perspective a person
did not agree to publish.
"""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.chart import stacked_bars
from commons.generate.common import (
    COVERAGE,
    active_teachers,
    link,
    page_md,
    region_uri,
    regions_in_order,
    table_origin,
    topic_uri,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model.records import PERSPECTIVES, Commons, Teacher

Counts = dict[str, list[int]]  # group id -> count per perspective, in PERSPECTIVES order


@reads("data_label", "regions", "teachers", "topics")
def generate_coverage(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "teachers")
    groups = coverage_groups(commons)
    files = [GeneratedFile(COVERAGE, coverage_page(commons), origin, in_nav=True)]
    for name, (heading, members, counts, people) in groups.items():
        files.append(GeneratedFile(chart_uri(name), _chart(heading, members, counts, people),
                                   origin))
    return files


def coverage_groups(commons: Commons) -> dict[str, tuple]:
    """For regions and topics: (heading, [(id, name, uri)], counts, teachers per group)."""
    teachers = active_teachers(commons)
    regions = [(r.id, r.name, region_uri(r.id)) for r in regions_in_order(commons)]
    topics = [(t.id, t.name, topic_uri(t.id))
              for t in sorted(commons.topics.values(), key=lambda t: t.name.lower())]
    return {"regions": ("per region", regions, *count_by(teachers, lambda t: (t.region,))),
            "topics": ("per topic", topics, *count_by(teachers, lambda t: t.topics))}


def count_by(teachers: list[Teacher], group_ids) -> tuple[Counts, dict[str, int]]:
    """Per group: teachers holding each perspective, and teachers in all."""
    counts: Counts = {}
    people: dict[str, int] = {}
    for teacher in teachers:
        for group in dict.fromkeys(group_ids(teacher)):
            row = counts.setdefault(group, [0] * len(PERSPECTIVES))
            people[group] = people.get(group, 0) + 1
            for perspective in teacher.public_perspectives:
                row[PERSPECTIVES.index(perspective)] += 1
    return counts, people


def missing_perspectives(counts: Counts, group: str) -> list[str]:
    row = counts.get(group, [0] * len(PERSPECTIVES))
    return [p for p, n in zip(PERSPECTIVES, row) if n == 0]


def chart_uri(name: str) -> str:
    return f"reports/coverage-{name}.svg"


def _chart(heading: str, groups: list[tuple[str, str, str]], counts: Counts,
           people: dict[str, int]) -> str:
    rows = [(f"{name} ({people.get(gid, 0)})", counts.get(gid, [0] * len(PERSPECTIVES)))
            for gid, name, _ in groups]
    return stacked_bars(f"Listed teachers by perspective, {heading}",
                        "Stacked bars: the number of listed teachers holding each perspective. "
                        "The table beside the chart has the same numbers.",
                        list(PERSPECTIVES), rows)


def _section(name: str, heading: str, groups: list[tuple[str, str, str]], counts: Counts,
             people: dict[str, int]) -> list[str]:
    """The chart image at the full width of the page, and a table of the same numbers."""
    first = heading.removeprefix("per ").capitalize()
    header = f"| {first} | Teachers | " + " | ".join(p.capitalize() for p in PERSPECTIVES) + " |"
    lines = ['<div class="commons-report" markdown="block">', "",
             # focusable: on a phone the chart scrolls sideways at a size that reads
             '<figure class="commons-figure" tabindex="0" markdown="block">', "",
             f"![Bar chart of listed teachers by perspective, {heading}. The same numbers are "
             f"in the table.]({chart_uri(name).removeprefix('reports/')})", "",
             f"<figcaption>Teachers holding each perspective, {heading}; the number in "
             "brackets is all listed teachers there.</figcaption>", "", "</figure>", "",
             '<div class="commons-report-table" markdown="block">', "",
             header, "| --- |" + " --- |" * (len(PERSPECTIVES) + 1)]
    for gid, label, uri in groups:
        row = counts.get(gid, [0] * len(PERSPECTIVES))
        lines.append(f"| {link(label, COVERAGE, uri)} | {people.get(gid, 0)} | "
                     + " | ".join(str(n) for n in row) + " |")
    return lines + ["", "</div>", "", "</div>", ""]


def coverage_page(commons: Commons) -> str:
    groups = coverage_groups(commons)
    _, regions, by_region, in_region = groups["regions"]
    _, topics, by_topic, on_topic = groups["topics"]
    body = [f"{len(active_teachers(commons))} listed teachers, counted by the perspectives they agreed to "
            "publish. A teacher can hold several perspectives and teach several topics, so "
            "the numbers in a row can add up to more than the teachers there.", "",
            "## Per region", "", *_section("regions", *groups["regions"]),
            "### Regions missing a perspective", ""]
    gaps = [(gid, name, uri, missing_perspectives(by_region, gid)) for gid, name, uri in regions]
    body += [f"- {link(name, COVERAGE, uri)}: missing " + md_text(", ".join(missing))
             for _, name, uri, missing
             in gaps if missing] or ["Every region has a teacher of every perspective."]
    body += ["", "## Per topic", "", *_section("topics", *groups["topics"]),
             "### Topics with no teacher", ""]
    empty = [(name, uri) for gid, name, uri in topics if not on_topic.get(gid)]
    body += [f"- {link(name, COVERAGE, uri)}" for name, uri in empty] \
        or ["Every topic has at least one listed teacher."]
    return page_md("Teacher coverage", body + [""], "How many listed teachers hold each "
                   "perspective, per region and per topic, and where the gaps are.")
