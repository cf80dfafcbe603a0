"""What a pathway adds up to: credits and levels worked out from its steps' qualifications,
so that no page states a total by hand."""

from __future__ import annotations

from dataclasses import dataclass

from commons.model.index import Step
from commons.model.records import Commons, Qualification


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


def qualification_text(qualification: Qualification) -> str:
    """'SCQF level 7, 20 credits' or what is known of it."""
    parts = []
    if qualification.framework != "none":
        level = f" level {qualification.level}" if qualification.level is not None else ""
        parts.append(f"{qualification.framework}{level}")
    if qualification.credits:
        parts.append(f"{qualification.credits} credits")
    return ", ".join(parts) or "not credit-rated"
