"""Role requirements: for each role and nation, what must I learn, which law or body requires
it, how often to renew it (and who says so), and where to learn it here. One matrix page per
nation of every role against every topic, a page per role, and a printable checklist per role
and nation."""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.common import (
    ROLES,
    external_link,
    link,
    page_md,
    qualification_uri,
    role_uri,
    slug,
    table_origin,
    topic_uri,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model import types
from commons.model.nations import NATIONS, for_nation
from commons.model.records import Commons, Role, RoleRequirement


@reads("data_label", "events", "legislation", "pages", "qualifications", "regions", "regulators",
       "role_requirements", "roles", "topics")
def generate_roles(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "role_requirements")
    files = [GeneratedFile(ROLES, matrix_page(commons), origin, in_nav=True)]
    for role in commons.roles.values():
        files.append(GeneratedFile(role_uri(role.id), role_page(commons, role), role.origin))
        files += [GeneratedFile(checklist_uri(role.id, nation),
                                checklist_page(commons, role, nation), role.origin)
                  for nation in nations_of(commons, role)]
    return files


def checklist_uri(role_id: str, nation: str) -> str:
    return f"roles/{role_id}/{slug(nation)}.md"


def nations_of(commons: Commons, role: Role) -> list[str]:
    """The nations a role has requirements in, in the order of the four nations."""
    held = {r.nation for r in commons.role_requirements if r.role == role.id}
    return [n for n in NATIONS if n in held]


def requirements_of(commons: Commons, role_id: str, nation: str | None = None
                    ) -> list[RoleRequirement]:
    return [r for r in commons.role_requirements
            if r.role == role_id and (nation is None or r.nation == nation)]


def renewal_text(requirement: RoleRequirement) -> str:
    months = requirement.renew_every_months
    return f"every {months} months" if months else "once"


def renewal_basis(requirement: RoleRequirement) -> str:
    """Who sets the renewal interval: a sourced rule, or the commons' own choice."""
    if not requirement.renew_every_months:
        return ""
    basis = requirement.renew_basis or "commons choice"
    if basis == "commons choice":
        return "the commons' own choice; no law sets this interval"
    source = external_link(requirement.renew_source, "source")
    return f"set by {md_text(basis)}" + (f" ({source})" if source else "")


def required_by(commons: Commons, requirement: RoleRequirement) -> str:
    """'Required by <law>' or 'Recommended by the commons'."""
    law = commons.legislation.get(requirement.required_by or "")
    if law is None:
        return "Recommended by the commons"
    return "Required by " + (external_link(law.url, law.name) or md_text(law.name))


def matrix_page(commons: Commons) -> str:
    here = ROLES
    roles = list(commons.roles.values())
    body = ["The least learning each role must hold in each nation, how often it must be "
            "renewed, and the law behind it. Choose your role to see why each item matters and "
            "where to learn it here.", ""]
    body += [f"- {link(r.name, here, role_uri(r.id))}: {md_text(r.summary)}" for r in roles]
    for nation in NATIONS:
        needed = {(r.role, r.topic): r for r in commons.role_requirements if r.nation == nation}
        if not needed:
            continue
        in_nation = [r for r in roles if any(key[0] == r.id for key in needed)]
        topics = sorted({topic for _, topic in needed if topic in commons.topics},
                        key=lambda t: commons.topics[t].name.lower())
        body += ["", f"## In {nation}", "",
                 "Each cell says how often the learning must be renewed; an empty cell means "
                 "the role does not need it.", "",
                 "| Topic | " + " | ".join(link(r.name, here, checklist_uri(r.id, nation))
                                          for r in in_nation) + " |",
                 "| --- |" + " --- |" * len(in_nation)]
        for topic in topics:
            cells = [renewal_text(needed[(r.id, topic)]) if (r.id, topic) in needed else ""
                     for r in in_nation]
            body.append(f"| {link(commons.topics[topic].name, here, topic_uri(topic))} | "
                        + " | ".join(cells) + " |")
    return page_md("Role requirements", body + [""], "For each role and nation: what you must "
                   "learn, how often, and where to learn it in the commons.")


def where_to_learn(commons: Commons, requirement: RoleRequirement, here: str) -> str:
    """Links to the sessions and pages on the topic for the requirement's nation, and to
    pathway steps to the qualification."""
    index = commons.index
    pages = sorted((p for p in index.pages_by_topic.get(requirement.topic, [])
                    if for_nation(commons, p, requirement.nation)),
                   key=lambda p: (types.by_name(p.type).role_rank, p.title.lower()))
    parts = [link(p.title, here, p.src_path) for p in pages]
    for step in index.steps_by_qualification.get(requirement.qualification or "", []):
        if for_nation(commons, step.pathway, requirement.nation):
            parts.append(link(f"{step.pathway.title}, step {step.number}", here,
                              step.pathway.src_path, f"step-{step.number}"))
    return ", ".join(dict.fromkeys(parts)) or "Nothing here yet: ask your learning lead."


def role_page(commons: Commons, role: Role) -> str:
    here = role_uri(role.id)
    body = [md_text(role.summary), ""]
    if role.registration:
        body += [f"People in this role must join the {md_text(role.registration)}.", ""]
    nations = nations_of(commons, role)
    if not nations:
        body += ["No minimum learning is set for this role yet.", ""]
    for nation in nations:
        checklist = link(f"checklist for {nation}", here, checklist_uri(role.id, nation))
        body += [f"## What you must learn in {nation}", "",
                 f"Print or save the {checklist}.", ""]
        for requirement in requirements_of(commons, role.id, nation):
            body += _requirement(commons, requirement, here, heading="###")
    body += [link("All roles", here, ROLES), ""]
    return page_md(role.name, body, role.summary)


def checklist_page(commons: Commons, role: Role, nation: str) -> str:
    here = checklist_uri(role.id, nation)
    body = [f"The learning a {md_text(role.name.lower())} needs in {nation}, to print and tick "
            "off, or to keep with your learning log. Each line says whether the law requires "
            "it or the commons recommends it, and how often to renew it.", "",
            "| Learning | Why | Renew | Done on |", "| --- | --- | --- | --- |"]
    for requirement in requirements_of(commons, role.id, nation):
        topic = commons.topics.get(requirement.topic)
        basis = renewal_basis(requirement)
        renew = renewal_text(requirement) + (f" ({basis})" if basis else "")
        body.append(f"| {md_text(topic.name if topic else requirement.topic)} | "
                    f"{required_by(commons, requirement)} | {renew} | |")
    body += ["", "## Where to learn each item", ""]
    for requirement in requirements_of(commons, role.id, nation):
        body += _requirement(commons, requirement, here, heading="###")
    body += [f"Back to {link(role.name, here, role_uri(role.id))}.", ""]
    return page_md(f"{role.name} in {nation}: learning checklist", body,
                   f"What a {role.name.lower()} in {nation} must learn, and how often.")


def _requirement(commons: Commons, requirement: RoleRequirement, here: str,
                 heading: str) -> list[str]:
    topic = commons.topics.get(requirement.topic)
    name = topic.name if topic else requirement.topic
    basis = renewal_basis(requirement)
    lines = [f"{heading} {md_text(name)}", "", md_text(requirement.why), "",
             f"- {required_by(commons, requirement)}",
             f"- Renew: {renewal_text(requirement)}" + (f" ({basis})" if basis else "")]
    law = commons.legislation.get(requirement.legislation or "")
    if law is not None and law.id != requirement.required_by:
        lines.append(f"- About: {external_link(law.url, law.name) or md_text(law.name)}")
    body = commons.regulators.get(requirement.body or "")
    if body is not None:
        named = external_link(body.source, body.name) or md_text(body.name)
        lines.append(f"- Set or checked by: {named}")
        if body.register:
            lines.append(f"- Its register: {md_text(body.register)}")
    qualification = commons.qualifications.get(requirement.qualification or "")
    if qualification is not None:
        lines.append("- Shown by: " + link(qualification.name, here,
                                           qualification_uri(qualification.id)))
    return lines + [f"- Learn it here: {where_to_learn(commons, requirement, here)}", ""]
