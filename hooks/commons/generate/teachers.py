"""The teacher directory and a page per listed teacher.

Only listed (consenting) teachers are ever read here, and only their public perspectives
and public contact: a person who did not consent has no page, card or name anywhere.
"""

from __future__ import annotations

from commons.core.markup import md_text, safe_url
from commons.generate.common import (
    TEACHERS,
    TOPICS,
    active_teachers,
    alumni,
    href,
    link,
    page_list,
    page_md,
    region_uri,
    slug,
    table_origin,
    teacher_uri,
    topic_names,
    topic_uri,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.generate.templates import fragment, fragment_lines
from commons.load.settings import Settings
from commons.model.records import PERSPECTIVES, Commons, Teacher

# The anchors of the directory's own headings, which no card's may take.
_SECTION_ANCHORS = frozenset({"everyone-listed", "browse-without-filters", "past-teachers"})
FILTERS = (("perspective", "Perspective", "Any perspective"),
           ("topic", "Topic", "Any topic"),
           ("region", "Region", "Any region"),
           ("role", "Role", "Any role"))


@reads("data_label", "pages", "regions", "teachers", "topics")
def generate_teachers(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "teachers")
    files = [GeneratedFile(TEACHERS, directory_page(commons), origin, in_nav=True)]
    for teacher in commons.listed_teachers():
        files.append(GeneratedFile(teacher_uri(teacher.id), teacher_page(commons, teacher),
                                   teacher.origin))
    return files


def contact_url(teacher: Teacher) -> str | None:
    """A mailto: or https: link for a contact the person asked to publish, else None."""
    contact = teacher.public_contact
    if contact and "@" in contact and ":" not in contact:
        contact = f"mailto:{contact}"
    return safe_url(contact)


def filter_values(commons: Commons, teacher: Teacher) -> dict[str, list[str]]:
    """The values a teacher matches for each filter, as URL-safe tokens."""
    return {
        "perspective": [slug(p) for p in teacher.public_perspectives],
        "topic": [t for t in teacher.topics if t in commons.topics],
        "region": [teacher.region],
        "role": [slug(teacher.role)],
    }


def filter_options(commons: Commons, teachers: list[Teacher]) -> dict[str, list[tuple[str, str]]]:
    """(value, label) choices for each filter: only values some listed teacher holds."""
    held = {key: set() for key, _, _ in FILTERS}
    for teacher in teachers:
        for key, values in filter_values(commons, teacher).items():
            held[key].update(values)
    return {
        "perspective": [(slug(p), p.capitalize()) for p in PERSPECTIVES
                        if slug(p) in held["perspective"]],
        "topic": sorted(((t, commons.topics[t].name) for t in held["topic"]),
                        key=lambda item: item[1].lower()),
        "region": [(r.id, r.name) for r in commons.regions.values() if r.id in held["region"]],
        "role": sorted({(slug(t.role), t.role.capitalize()) for t in teachers}),
    }


def directory_page(commons: Commons) -> str:
    teachers = active_teachers(commons)
    here = TEACHERS
    body = [
        "Our teachers, coaches and learning leads include people who get support, family "
        "carers, volunteers and care workers. Everyone listed here has agreed to be listed. "
        "Choose a perspective, topic, region or role to narrow the list.",
        "",
        *filter_form(commons, teachers),
        fragment("filter_count", total=len(teachers), noun="", text=_count(len(teachers))),
        "",
        "## Everyone listed",
        "",
        '<div class="commons-cards" data-commons-list>',
        *(_card(commons, teacher, here) for teacher in teachers),
        "</div>", "", "## Browse without filters", "",
        "- By region: " + ", ".join(link(r.name, here, region_uri(r.id))
                                   for r in commons.regions.values()),
        f"- By topic: {link('all topics', here, TOPICS)}", ""]
    past = alumni(commons)
    if past:
        body += ["## Past teachers", "",
                 "With thanks to the people who taught with us before, and agreed to be "
                 "credited here.", ""]
        body += [f"- {link(t.name, here, teacher_uri(t.id))}, {md_text(t.role)}: "
                 f"{topic_names(commons, t.topics, here)}" for t in past] + [""]
    return page_md("Teachers", body, "Teachers, coaches and learning leads of the commons, "
                   "filterable by perspective, topic, region and role.", hide_toc=True)


def filter_form(commons: Commons, teachers: list[Teacher]) -> list[str]:
    """Labelled selects, hidden until the script can make them work."""
    options = filter_options(commons, teachers)
    filters = [{"key": key, "label": label, "anyone": anyone, "options": options[key]}
               for key, label, anyone in FILTERS]
    return fragment_lines("filter_form", legend="Filter teachers", filters=filters,
                          reset="Show all teachers") + [""]


def _card(commons: Commons, teacher: Teacher, here: str) -> str:
    data = [(key, " ".join(values)) for key, values in filter_values(commons, teacher).items()]
    region = commons.regions.get(teacher.region)
    topics = [(commons.topics[t].name, href(here, topic_uri(t))) for t in teacher.topics
              if t in commons.topics]
    return fragment(
        "teacher_card", data=data,
        anchor=teacher.id if teacher.id not in _SECTION_ANCHORS else f"{teacher.id}-teacher",
        href=href(here, teacher_uri(teacher.id)), teacher=teacher.name,
        role=teacher.role.capitalize(),
        region=region and {"name": region.name, "href": href(here, region_uri(region.id))},
        perspectives=", ".join(teacher.public_perspectives),
        topics=[{"name": name, "href": url, "after": _between(number, len(topics))}
                for number, (name, url) in enumerate(topics)],
        bio=teacher.bio)


def _between(number: int, count: int) -> str:
    """What follows the item at number in 'a, b and c'."""
    return "" if number == count - 1 else " and " if number == count - 2 else ", "


def teacher_page(commons: Commons, teacher: Teacher) -> str:
    here = teacher_uri(teacher.id)
    index = commons.index
    region = commons.regions.get(teacher.region)
    first = teacher.name.split()[0]
    body = [f"{md_text(teacher.role.capitalize())}"
            + (f" · {link(region.name, here, region_uri(region.id))}" if region else ""), ""]
    if teacher.status != "active":
        body += ["!!! note \"Past teacher\"", "    "
                 f"{md_text(first)} taught with the commons before; this page credits "
                 "that work.", ""]
    body += [md_text(teacher.bio), ""]
    if teacher.public_perspectives:
        body += [f"**Perspectives:** {md_text(', '.join(teacher.public_perspectives))}", ""]
    body += [f"**Topics:** {topic_names(commons, teacher.topics, here)}", ""]
    url = contact_url(teacher)
    if url:
        body += [f"**Contact:** <{url}>" if url.startswith("https") else
                 f"**Contact:** [{md_text(url.removeprefix('mailto:'))}]({url})", ""]
    body += [f"## Sessions {md_text(first)} facilitates", "",
             *page_list(index.sessions_by_teacher.get(teacher.id, []), here,
                        "No sessions are listed yet."),
             f"## Pathways {md_text(first)} teaches on", "",
             *page_list(index.pathways_by_teacher.get(teacher.id, []), here,
                        "None yet."),
             link("All teachers", here, TEACHERS), ""]
    return page_md(teacher.name, body, f"{teacher.role.capitalize()}: {teacher.bio}"[:300])


def _count(shown: int) -> str:
    return f"Showing all {shown} teacher{'s' * (shown != 1)}"

