"""A pathway that states its total credits must state the sum of its steps' credits."""

from __future__ import annotations

from commons.core.problems import Problem
from commons.load.settings import Settings
from commons.model.index import pathway_steps
from commons.model.pathways import totals
from commons.model.records import Commons


def credits_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """A pathway's `total_credits` must equal the credits of its steps' qualifications."""
    problems = []
    for page in commons.pages.values():
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
                page.origin.path, page.meta.line_of("total_credits"),
                field="total_credits",
                message=f"total_credits is {stated} but the steps' qualifications add up "
                        f"to {computed}",
                hint=f"write total_credits: {computed}, or check each step's qualification "
                     "in data/qualifications.csv"))
    return problems
