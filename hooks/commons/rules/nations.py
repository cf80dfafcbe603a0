"""Each nation's law for each nation: a role requirement, a session or a pathway step cites
only law, regulators and qualifications in force where it applies, and every list of nations
names real ones."""

from __future__ import annotations

from commons.core.hints import nearest
from commons.core.problems import Origin, Problem
from commons.load.settings import Settings
from commons.model.nations import NATIONS, UK, applies, page_nations
from commons.model.records import Commons

_LISTED = {"legislation": "nations", "regulators": "nations", "frameworks": "nations",
           "qualifications": "nations", "roles": "nations", "role_requirements": "nation"}


def nations_rule(commons: Commons, settings: Settings) -> list[Problem]:
    return (_unknown_nations(commons) + _requirements(commons) + _sessions(commons)
            + _steps(commons) + _frameworks(commons))


def _unknown_nations(commons: Commons) -> list[Problem]:
    """A list cell frictionless cannot check item by item."""
    problems = []
    allowed = {*NATIONS, UK}
    for table, column in _LISTED.items():
        for row in commons.tables.get(table, []):
            values = row.get(column) or []
            for value in [values] if isinstance(values, str) else values:
                if value not in allowed:
                    problems.append(Problem(f"{commons.data_label}/{table}.csv",
                                            row=row.get("_row"), field=column,
                                            message=f"'{value}' is not a nation",
                                            hint=nearest(value, allowed)))
    return problems


def _law_problem(commons: Commons, origin: Origin, field: str, law_id: str, nation: str,
                 what: str, line: int | None = None) -> Problem | None:
    law = commons.legislation.get(law_id)
    if law is None or applies(law.nations, nation):
        return None  # an unknown id is the references rule's
    fits = sorted(lid for lid, other in commons.legislation.items() if applies(other.nations, nation))
    return origin.problem(
        f"'{law_id}' ({law.name}) is in force in {_and(law.nations)}, not in {nation}, where "
        f"this {what} applies", f"cite law in force in {nation}: "
        + (", ".join(f"'{lid}'" for lid in fits[:6]) if fits else "add it to legislation.csv"),
        field, line)


def _requirements(commons: Commons) -> list[Problem]:
    problems = []
    for requirement in commons.role_requirements:
        nation, origin = requirement.nation, requirement.origin
        role = commons.roles.get(requirement.role)
        if role is not None and nation and not applies(role.nations, nation):
            problems.append(origin.problem(
                f"the role '{role.id}' is not a role in {nation} (roles.csv gives "
                f"{_and(role.nations)})", "add the nation to the role, or correct this row",
                "nation"))
        for field in ("legislation", "required_by"):
            found = _law_problem(commons, origin, field, getattr(requirement, field) or "",
                                 nation, "requirement")
            problems += [found] if found else []
        qualification = commons.qualifications.get(requirement.qualification or "")
        if qualification is not None and not applies(qualification.nations, nation):
            problems.append(origin.problem(
                f"the qualification '{qualification.id}' is for {_and(qualification.nations)}, "
                f"not {nation}", f"choose a qualification recognised in {nation}",
                "qualification"))
        body = commons.regulators.get(requirement.body or "")
        if body is not None and not applies(body.nations, nation):
            problems.append(origin.problem(
                f"'{body.id}' ({body.name}) works in {_and(body.nations)}, not in {nation}",
                f"name the body that regulates this in {nation}", "body"))
    return problems


def _sessions(commons: Commons) -> list[Problem]:
    problems = []
    for page in commons.pages_of("session"):
        line = page.meta.line_of("legislation")
        for nation in (n for n in page_nations(commons, page) if n != UK):
            for law_id in page.meta.get("legislation") or ():
                found = _law_problem(commons, page.origin, "legislation", law_id, nation,
                                     "session", line)
                problems += [found] if found else []
    return problems


def _steps(commons: Commons) -> list[Problem]:
    problems = []
    for pathway in commons.pages_of("pathway"):
        nations = [n for n in page_nations(commons, pathway) if n != UK]
        for step in pathway.meta.get("steps") or ():
            if not hasattr(step, "line_of"):
                continue  # not a group of fields: the page's fields are reported already
            for nation in nations:
                for law_id in step.get("legislation") or ():
                    found = _law_problem(commons, pathway.origin, "legislation", law_id,
                                         nation, "pathway step", step.line_of("legislation"))
                    problems += [found] if found else []
    return problems


def _frameworks(commons: Commons) -> list[Problem]:
    problems = []
    for qualification in commons.qualifications.values():
        framework = commons.frameworks.get(qualification.framework)
        if framework is None:
            continue
        outside = [n for n in qualification.nations if not applies(framework.nations, n)]
        if outside:
            problems.append(qualification.origin.problem(
                f"the framework '{framework.id}' is not used in {_and(tuple(outside))}",
                f"list only nations where {framework.name} applies", "nations"))
    return problems


def _and(values: tuple[str, ...]) -> str:
    items = list(values)
    return " and ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)
