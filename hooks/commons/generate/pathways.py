"""Pathways: each pathway's steps as an accessible timeline, credits and levels worked out
from the qualifications, a card per pathway, and where a page sits on a pathway."""

from __future__ import annotations

from dataclasses import dataclass

from ..content import Source
from ..markup import esc, md_text
from ..model import Commons, Page, Qualification
from ..problems import Problem
from ..settings import Settings
from . import GeneratedFile
from .common import PATHWAYS, link, page_md, qualification_uri
from .index import Step, cross_index, pathway_steps

PLACEHOLDER = "<!-- pathway-steps -->"


@dataclass(frozen=True)
class Totals:
    credits: int
    levels: tuple[tuple[str, int], ...]  # (framework, highest level), by framework


def totals(commons: Commons, steps: list[Step]) -> Totals:
    """The credits of all steps' qualifications added up, and the highest level reached in
    each framework (levels of different frameworks are not comparable)."""
    credits, highest = 0, {}
    for step in steps:
        qualification = commons.qualifications.get(step.qualification or "")
        if qualification is None:
            continue
        credits += qualification.credits or 0
        if qualification.level is not None and qualification.framework != "none":
            framework = qualification.framework
            highest[framework] = max(highest.get(framework, 0), qualification.level)
    return Totals(credits, tuple(sorted(highest.items())))


def level_text(levels: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{framework} level {level}" for framework, level in levels) or "not levelled"


def credits_rule(commons: Commons, sources: list[Source]) -> list[Problem]:
    """A pathway's `total_credits` must equal the credits of its steps' qualifications."""
    problems = []
    for source in sources:
        page = source.page
        stated = page.meta.get("total_credits")
        if page.type != "pathway" or not isinstance(stated, int) or isinstance(stated, bool):
            continue
        steps = pathway_steps(page)
        named = {step.qualification for step in steps} - {None}
        if not named <= set(commons.qualifications):
            continue  # an unknown qualification is reported already; a sum would mislead
        computed = totals(commons, steps).credits
        if stated != computed:
            problems.append(Problem(
                source.path, source.document.meta.line_of("total_credits"),
                field="total_credits",
                message=f"total_credits is {stated} but the steps' qualifications add up "
                        f"to {computed}",
                hint=f"write total_credits: {computed}, or check each step's qualification "
                     "in data/qualifications.csv"))
    return problems


def qualification_text(qualification: Qualification) -> str:
    """'SCQF level 7, 20 credits' or what is known of it."""
    parts = []
    if qualification.framework != "none":
        level = f" level {qualification.level}" if qualification.level is not None else ""
        parts.append(f"{qualification.framework}{level}")
    if qualification.credits:
        parts.append(f"{qualification.credits} credits")
    return ", ".join(parts) or "not credit-rated"


def steps_html(commons: Commons, pathway: Page) -> str:
    """The steps in order: an ordered list styled as a timeline, with a summary line."""
    here = pathway.src_path
    steps = cross_index(commons).steps.get(pathway.id) or pathway_steps(pathway)
    total = totals(commons, steps)
    lines = ["## Steps on this pathway {#steps}", "",
             f'<div class="commons-pathway" markdown="block">', "",
             f"**{len(steps)} steps** · **{total.credits} credits** in all · "
             f"highest level reached: **{md_text(level_text(total.levels))}**", "",
             f'<ol class="commons-steps" aria-label="Steps of {esc(pathway.title)}" '
             'markdown="block">']
    descriptions = [raw.get("description", "") if isinstance(raw, dict) else ""
                    for raw in pathway.meta.get("steps") or ()]
    for step, description in zip(steps, descriptions):
        lines += [f'<li class="commons-step" markdown="block">', "",
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


def with_steps(markdown: str, commons: Commons, pathway: Page) -> str:
    """The pathway's Markdown with its steps placed where the author put the placeholder,
    or else before the first second-level heading, or at the end."""
    visual = steps_html(commons, pathway)
    if PLACEHOLDER in markdown:
        return markdown.replace(PLACEHOLDER, "\n" + visual, 1)
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.startswith("## "):
            return "\n".join(lines[:number] + [visual] + lines[number:])
    return markdown.rstrip("\n") + "\n\n" + visual


def membership_html(commons: Commons, page: Page) -> str:
    """For a page that is a step's resource: each pathway it is on, with the steps before
    and after it."""
    index = cross_index(commons)
    here = page.src_path
    lines = []
    for step in index.steps_by_resource.get(page.id, []):
        pathway = step.pathway
        steps = index.steps[pathway.id]
        lines += [f'<nav class="commons-on-pathway" aria-label="Step {step.number} on the '
                  f'pathway {esc(pathway.title)}" markdown="block">', "",
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


def generate_pathways_index(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    """A card per pathway, unless the authors wrote their own pathways/index.md."""
    if any(p.src_path == PATHWAYS for p in commons.pages.values()):
        return []
    index = cross_index(commons)
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
                          "content/pathways", in_nav=True)]
