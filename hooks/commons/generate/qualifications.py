"""A page per qualification: what it is, and the pathways and sessions that lead to it."""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.common import (
    QUALIFICATIONS,
    link,
    page_list,
    page_md,
    qualification_uri,
    table_origin,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.generate.pathways import qualification_text
from commons.load.settings import Settings
from commons.model.records import Commons, Qualification


@reads("data_label", "pages", "qualifications")
def generate_qualifications(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "qualifications")
    files = [GeneratedFile(QUALIFICATIONS, qualifications_index(commons), origin, in_nav=True)]
    files += [GeneratedFile(qualification_uri(q.id), qualification_page(commons, q),
                            q.origin) for q in commons.qualifications.values()]
    return files


def _ordered(commons: Commons) -> list[Qualification]:
    return sorted(commons.qualifications.values(),
                  key=lambda q: (q.framework == "none", q.framework, q.level or 0, q.name))


def qualifications_index(commons: Commons) -> str:
    here = QUALIFICATIONS
    body = ["The awards our pathways and sessions lead to, with their framework, level and "
            "credit. Credit-rated awards come first, lowest level first.", "",
            "| Qualification | Framework and credit | Awarded by |", "| --- | --- | --- |"]
    body += [f"| {link(q.name, here, qualification_uri(q.id))} "
             f"| {md_text(qualification_text(q))} | {md_text(q.awarded_by)} |"
             for q in _ordered(commons)]
    return page_md("Qualifications", body + [""], "Qualifications that the commons' pathways "
                   "and sessions lead to.")


def qualification_page(commons: Commons, qualification: Qualification) -> str:
    here = qualification_uri(qualification.id)
    index = commons.index
    body = [md_text(qualification.summary), "",
            f"- Short name: {md_text(qualification.short_name)}",
            f"- Framework and credit: {md_text(qualification_text(qualification))}",
            f"- Awarded by: {md_text(qualification.awarded_by)}", "",
            "## Pathways that lead to it", ""]
    steps = index.steps_by_qualification.get(qualification.id, [])
    body += [f"- {link(s.pathway.title, here, s.pathway.src_path)}, step {s.number}: "
             f"{link(s.title, here, s.pathway.src_path, f'step-{s.number}')}" for s in steps] \
        or ["No pathway leads to it yet."]
    body += ["", "## Sessions that lead to it", "",
             *page_list(index.sessions_by_qualification.get(qualification.id, []), here,
                        "No sessions lead to it yet."),
             link("All qualifications", here, QUALIFICATIONS), ""]
    return page_md(qualification.name, body, qualification.summary)
