"""Role requirements: for each role, what must I learn, why, how often, and where can I learn
it here. One matrix page of every role against every required topic, and a page per role."""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.common import (
    ROLES,
    external_link,
    link,
    page_md,
    qualification_uri,
    role_uri,
    table_origin,
    topic_uri,
)
from commons.generate.files import GeneratedFile
from commons.load.settings import Settings
from commons.model import types
from commons.model.records import Commons, Role, RoleRequirement


def generate_roles(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "role_requirements")
    files = [GeneratedFile(ROLES, matrix_page(commons), origin, in_nav=True)]
    files += [GeneratedFile(role_uri(r.id), role_page(commons, r), r.origin)
              for r in commons.roles.values()]
    return files


def requirements_of(commons: Commons, role_id: str) -> list[RoleRequirement]:
    return [r for r in commons.role_requirements if r.role == role_id]


def renewal_text(requirement: RoleRequirement) -> str:
    months = requirement.renew_every_months
    return f"every {months} months" if months else "once"


def matrix_page(commons: Commons) -> str:
    here = ROLES
    roles = list(commons.roles.values())
    needed = {(r.role, r.topic): r for r in commons.role_requirements}
    topics = sorted({r.topic for r in commons.role_requirements if r.topic in commons.topics},
                    key=lambda t: commons.topics[t].name.lower())
    body = ["The least learning each role must hold, how often it must be renewed, and the law "
            "behind it. Choose your role to see why each item matters and where to learn it "
            "here.", ""]
    body += [f"- {link(r.name, here, role_uri(r.id))}: {md_text(r.summary)}" for r in roles]
    body += ["", "## Every role at a glance", "",
             "Each cell says how often the learning must be renewed; an empty cell means the "
             "role does not need it.", "",
             "| Topic | " + " | ".join(link(r.name, here, role_uri(r.id)) for r in roles) + " |",
             "| --- |" + " --- |" * len(roles)]
    for topic in topics:
        cells = [renewal_text(needed[(r.id, topic)]) if (r.id, topic) in needed else ""
                 for r in roles]
        body.append(f"| {link(commons.topics[topic].name, here, topic_uri(topic))} | "
                    + " | ".join(cells) + " |")
    return page_md("Role requirements", body + [""], "For each role: what you must learn, how "
                   "often, and where to learn it in the commons.")


def where_to_learn(commons: Commons, requirement: RoleRequirement, here: str) -> str:
    """Links to the sessions and pages on the topic, and pathways to the qualification."""
    index = commons.index
    pages = sorted(index.pages_by_topic.get(requirement.topic, []),
                   key=lambda p: (types.by_name(p.type).role_rank, p.title.lower()))
    parts = [link(p.title, here, p.src_path) for p in pages]
    for step in index.steps_by_qualification.get(requirement.qualification or "", []):
        parts.append(link(f"{step.pathway.title}, step {step.number}", here,
                          step.pathway.src_path, f"step-{step.number}"))
    return ", ".join(dict.fromkeys(parts)) or "Nothing here yet: ask your learning lead."


def role_page(commons: Commons, role: Role) -> str:
    here = role_uri(role.id)
    body = [md_text(role.summary), ""]
    if role.registration:
        body += [f"People in this role must join the {md_text(role.registration)}.", ""]
    body += ["## What you must learn, and where to learn it", ""]
    requirements = requirements_of(commons, role.id)
    if not requirements:
        body += ["No minimum learning is set for this role yet.", ""]
    for requirement in requirements:
        topic = commons.topics.get(requirement.topic)
        name = topic.name if topic else requirement.topic
        body += [f"### {md_text(name)}", "", md_text(requirement.why), "",
                 f"- Renew: {renewal_text(requirement)}"]
        law = commons.legislation.get(requirement.legislation or "")
        if law is not None:
            body.append(f"- The law: {external_link(law.url, law.name) or md_text(law.name)}")
        qualification = commons.qualifications.get(requirement.qualification or "")
        if qualification is not None:
            body.append("- Shown by: " + link(qualification.name, here,
                                              qualification_uri(qualification.id)))
        body += [f"- Learn it here: {where_to_learn(commons, requirement, here)}", ""]
    body += [link("All roles", here, ROLES), ""]
    return page_md(role.name, body, role.summary)
