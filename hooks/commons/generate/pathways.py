"""Pathways: each pathway's steps as an accessible timeline, credits and levels worked out
from the qualifications, a card per pathway, and where a page sits on a pathway."""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.common import PATHWAYS, link, page_md, qualification_uri, whole_commons
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.generate.templates import fragment
from commons.load.settings import Settings
from commons.model.index import pathway_steps
from commons.model.pathways import level_text, qualification_text, totals
from commons.model.records import Commons, Page


def steps_html(commons: Commons, pathway: Page) -> str:
    """The steps in order: an ordered list styled as a timeline, with a summary line."""
    here = pathway.src_path
    steps = commons.index.steps.get(pathway.id) or pathway_steps(pathway)
    total = totals(commons, steps)
    lines = ["## Steps on this pathway {#steps}", "",
             '<div class="commons-pathway" markdown="block">', "",
             f"**{len(steps)} steps** · **{total.credits} credits** in all · "
             f"highest level reached: **{md_text(level_text(total.levels))}**", "",
             fragment("steps_open", title=pathway.title)]
    descriptions = [raw.get("description", "") if isinstance(raw, dict) else ""
                    for raw in pathway.meta.get("steps") or ()]
    for step, description in zip(steps, descriptions):
        lines += ['<li class="commons-step" markdown="block">', "",
                  f"### {md_text(step.title)} {{#step-{step.number}}}", "",
                  md_text(description), ""]
        qualification = commons.qualifications.get(step.qualification or "")
        if qualification is not None:
            lines += [f"Qualification: {link(qualification.name, here, qualification_uri(qualification.id))} "
                      f"({md_text(qualification_text(qualification))})", ""]
        resources = [commons.pages[r] for r in step.resources if r in commons.pages]
        if resources:
            lines += ["Learn with: " + ", ".join(link(p.title, here, p.src_path)
                                                  for p in resources), ""]
        lines += ["</li>", ""]
    lines += ["</ol>", "", "</div>", ""]
    return "\n".join(lines)


def membership_html(commons: Commons, page: Page) -> str:
    """For a page that is a step's resource: each pathway it is on, with the steps before
    and after it."""
    index = commons.index
    here = page.src_path
    lines = []
    for step in index.steps_by_resource.get(page.id, []):
        pathway = step.pathway
        steps = index.steps[pathway.id]
        lines += [fragment("on_pathway_open", title=pathway.title, step=step.number), "",
                  f"This page is step {step.number} of {len(steps)} on the pathway "
                  f"{link(pathway.title, here, pathway.src_path)}: "
                  f"{link(step.title, here, pathway.src_path, f'step-{step.number}')}.", ""]
        if step.number > 1:
            before = steps[step.number - 2]
            lines += [f"- Previous step: {link(before.title, here, pathway.src_path, f'step-{before.number}')}"]
        if step.number < len(steps):
            after = steps[step.number]
            lines += [f"- Next step: {link(after.title, here, pathway.src_path, f'step-{after.number}')}"]
        lines += ["", "</nav>", ""]
    return "\n".join(lines)


@reads("content_label", "pages", "qualifications")
def generate_pathways_index(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    """A card per pathway, unless the authors wrote their own pathways/index.md."""
    if any(p.src_path == PATHWAYS for p in commons.pages.values()):
        return []
    index = commons.index
    here = PATHWAYS
    body = ["Step-by-step routes into and through care and support work. Join at any step; "
            "you do not have to go all the way.", "",
            "## All pathways", "", '<div class="commons-cards" markdown="block">', ""]
    for pathway in sorted(index.pathways, key=lambda p: (p.title.lower(), p.id)):
        steps = index.steps[pathway.id]
        total = totals(commons, steps)
        body += ['<article class="commons-card" markdown="block">', "",
                 f"### {link(pathway.title, here, pathway.src_path)}", "",
                 md_text(pathway.summary), "",
                 f"{len(steps)} steps · {total.credits} credits · "
                 f"{md_text(level_text(total.levels))}", "", "</article>", ""]
    body += ["</div>", ""] if index.pathways else ["No pathways are published yet.", ""]
    return [GeneratedFile(PATHWAYS, page_md("Pathways", body, "Learning pathways, step by "
                                             "step, with the qualifications they lead to."),
                          whole_commons(commons), in_nav=True)]
