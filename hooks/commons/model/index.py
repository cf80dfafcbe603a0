"""Who and what is linked to what: the ids records name, resolved once per build into the
lists the generators, rules and page additions read (a 2,000-page commons must not be
scanned once per page). The model builds it and keeps it as `commons.index`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from commons.model.records import Commons, Event, Page


@dataclass(frozen=True)
class Step:
    pathway: Page
    number: int  # 1-based
    title: str
    qualification: str | None
    resources: tuple[str, ...]


@dataclass(frozen=True)
class CrossIndex:
    by_path: dict[str, Page]  # src_path inside content/ -> page
    sessions: list[Page]
    pathways: list[Page]
    steps: dict[str, list[Step]]  # pathway id -> its steps in order
    sessions_by_teacher: dict[str, list[Page]]
    pathways_by_teacher: dict[str, list[Page]]
    sessions_by_region: dict[str, list[Page]]
    sessions_by_partner: dict[str, list[Page]]
    online_sessions: list[Page]
    pages_by_topic: dict[str, list[Page]]
    pages_by_audience: dict[str, list[Page]]
    steps_by_resource: dict[str, list[Step]]
    steps_by_qualification: dict[str, list[Step]]
    sessions_by_qualification: dict[str, list[Page]]
    events_by_session: dict[str, list[Event]]  # in start order
    parts_in_series: dict[tuple[str, str], int]  # (session, series): how many events


def pathway_steps(page: Page) -> list[Step]:
    steps = []
    for number, raw in enumerate(page.meta.get("steps") or (), start=1):
        raw = raw if isinstance(raw, dict) else {}
        steps.append(Step(page, number, str(raw.get("title", f"Step {number}")),
                          raw.get("qualification"), tuple(raw.get("resources") or ())))
    return steps


def build_index(commons: Commons) -> CrossIndex:
    pages = sorted(commons.pages.values(), key=lambda p: p.src_path)
    sessions = [p for p in pages if p.type == "session"]
    pathways = [p for p in pages if p.type == "pathway"]
    lists = {name: defaultdict(list) for name, kind in CrossIndex.__annotations__.items()
             if kind.startswith("dict[str, list[") and name != "steps"}
    index = CrossIndex(by_path={p.src_path: p for p in pages}, sessions=sessions,
                       pathways=pathways, steps={}, online_sessions=[], parts_in_series={},
                       **lists)
    for session in sessions:
        for teacher in dict.fromkeys(session.meta.get("facilitators") or ()):
            index.sessions_by_teacher[teacher].append(session)
        for region in dict.fromkeys(session.meta.get("regions") or ()):
            index.sessions_by_region[region].append(session)
        for partner in dict.fromkeys(session.meta.get("partners") or ()):
            index.sessions_by_partner[partner].append(session)
        if session.meta.get("format") in ("online", "blended"):
            index.online_sessions.append(session)
        if session.meta.get("qualification"):
            index.sessions_by_qualification[session.meta["qualification"]].append(session)
    for page in pages:
        for topic in dict.fromkeys(page.topics):
            index.pages_by_topic[topic].append(page)
        for audience in dict.fromkeys(page.audience):
            index.pages_by_audience[audience].append(page)
    for pathway in pathways:
        index.steps[pathway.id] = pathway_steps(pathway)
        teachers: set[str] = set()
        for step in index.steps[pathway.id]:
            if step.qualification:
                index.steps_by_qualification[step.qualification].append(step)
            for resource in dict.fromkeys(step.resources):
                index.steps_by_resource[resource].append(step)
                page = commons.pages.get(resource)
                if page is not None and page.type == "session":
                    teachers.update(page.meta.get("facilitators") or ())
        for teacher in sorted(teachers):
            index.pathways_by_teacher[teacher].append(pathway)
    for event in commons.events:
        index.events_by_session[event.session].append(event)
        if event.series:
            key = (event.session, event.series)
            index.parts_in_series[key] = index.parts_in_series.get(key, 0) + 1
    return index
