"""A page per region, and an index of regions: learning at the shortest possible distance."""

from __future__ import annotations

import datetime as dt

from commons.core.markup import md_text
from commons.generate.common import (
    PARTNERS,
    REGIONS,
    active_teachers,
    link,
    page_list,
    page_md,
    region_uri,
    regions_in_order,
    table_origin,
    teacher_uri,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.generate.partners import partners_by_region
from commons.generate.whats_on import region_events
from commons.load.settings import Settings
from commons.model.records import Commons, Region


@reads("data_label", "events", "pages", "partners", "regions", "teachers")
def generate_regions(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "regions")
    files = [GeneratedFile(REGIONS, regions_index(commons), origin, in_nav=True)]
    files += [GeneratedFile(region_uri(r.id), region_page(commons, r, settings.today,
                                                               settings.whats_on_months),
                            r.origin)
              for r in commons.regions.values()]
    return files


def regions_index(commons: Commons) -> str:
    here = REGIONS
    teachers = _teachers_by_region(commons)
    partners = partners_by_region(commons)
    sessions = commons.index.sessions_by_region
    body = ["Find learning, teachers and partners near you. Each region has its own learning "
            "network; online sessions are open to everyone.", "",
            "| Region | Nation | Teachers | Partners | Sessions in person |",
            "| --- | --- | --- | --- | --- |"]
    for region in regions_in_order(commons):
        body.append(f"| {link(region.name, here, region_uri(region.id))} "
                    f"| {md_text(region.nation)} | {len(teachers.get(region.id, []))} "
                    f"| {len(partners.get(region.id, []))} "
                    f"| {len(sessions.get(region.id, []))} |")
    return page_md("Regions", body + [""], "The regions of the commons and their learning "
                   "networks.")


def region_page(commons: Commons, region: Region, today: dt.date | None = None,
                months: int = 6) -> str:
    here = region_uri(region.id)
    index = commons.index
    body = [md_text(region.summary), "", "## Local authorities", ""]
    body += [f"- {md_text(name)}" for name in region.local_authorities] + [""]
    body += ["## Partners", ""]
    partners = partners_by_region(commons).get(region.id, [])
    body += [f"- {link(p.name, here, PARTNERS, p.id)}: {md_text(p.contributes)}"
             for p in partners] or ["No partners are listed here yet."]
    body += ["", "## Teachers", ""]
    teachers = _teachers_by_region(commons).get(region.id, [])
    body += [f"- {link(t.name, here, teacher_uri(t.id))}, {md_text(t.role)}" for t in teachers] \
        or ["No teachers are listed here yet."]
    body += ["", "## Sessions in this region", "",
             *page_list(index.sessions_by_region.get(region.id, []), here,
                        "No in-person sessions are listed here yet."),
             "## Online sessions, open to everyone", "",
             *page_list(index.online_sessions, here, "No online sessions are listed yet."),
             *(region_events(commons, region.id, today, months) if today else []),
             link("All regions", here, REGIONS), ""]
    return page_md(region.name, body, region.summary)


def _teachers_by_region(commons: Commons) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for teacher in active_teachers(commons):
        grouped.setdefault(teacher.region, []).append(teacher)
    return grouped
