"""The partner directory, grouped by region, with what each contributes and a link out."""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.common import (
    PARTNERS,
    external_link,
    link,
    page_md,
    region_uri,
    regions_in_order,
    table_origin,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model.records import Commons, Partner


@reads("data_label", "pages", "partners", "regions")
def generate_partners(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    return [GeneratedFile(PARTNERS, partners_page(commons), table_origin(commons, "partners"),
                          in_nav=True)]


def partners_by_region(commons: Commons) -> dict[str, list[Partner]]:
    grouped: dict[str, list[Partner]] = {}
    for partner in sorted(commons.partners.values(), key=lambda p: (p.name.lower(), p.id)):
        grouped.setdefault(partner.region, []).append(partner)
    return grouped


def partners_page(commons: Commons) -> str:
    here = PARTNERS
    grouped = partners_by_region(commons)
    sessions = commons.index.sessions_by_partner
    body = ["Councils, colleges, charities, co-operatives and national bodies design, host "
            "and deliver learning with us. They are grouped by the region where they work.", ""]
    for region in regions_in_order(commons):
        members = grouped.get(region.id, [])
        if not members:
            continue
        body += [f"## {md_text(region.name)}", "",
                 f"See {link(region.name, here, region_uri(region.id))} for its teachers "
                 "and sessions.", ""]
        for partner in members:
            body += [f"### {md_text(partner.name)} {{#{partner.id}}}", "",
                     f"*{md_text(partner.kind)}*", "", md_text(partner.contributes), ""]
            led = sessions.get(partner.id, [])
            if led:
                body += ["Sessions with us: " + ", ".join(link(s.title, here, s.src_path)
                                                          for s in led), ""]
            out = external_link(partner.website, f"{partner.name} website")
            if out:
                body += [out, ""]
    return page_md("Partners", body, "The organisations that learn and teach with the "
                   "commons, by region.")
