"""Topic and audience pages, so that every resource can be reached from its topic and from
the people it is for."""

from __future__ import annotations

from commons.core.markup import md_text
from commons.generate.common import (
    TOPICS,
    active_teachers,
    audience_uri,
    link,
    page_list,
    page_md,
    table_origin,
    teacher_uri,
    topic_uri,
    whole_commons,
)
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model import types
from commons.model.records import Commons, Topic
from commons.model.schema import AUDIENCES


@reads("content_label", "data_label", "pages", "teachers", "topics")
def generate_topics(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    origin = table_origin(commons, "topics")
    files = [GeneratedFile(TOPICS, topics_index(commons), origin, in_nav=True)]
    files += [GeneratedFile(topic_uri(t.id), topic_page(commons, t), t.origin)
              for t in commons.topics.values()]
    files += [GeneratedFile(audience_uri(a), audience_page(commons, a), whole_commons(commons))
              for a in AUDIENCES]
    return files


def topics_index(commons: Commons) -> str:
    here = TOPICS
    index = commons.index
    body = ["Every policy, pathway, toolkit and session is filed under one or more topics.", "",
            "## By topic", ""]
    for topic in sorted(commons.topics.values(), key=lambda t: t.name.lower()):
        count = len(index.pages_by_topic.get(topic.id, []))
        body.append(f"- {link(topic.name, here, topic_uri(topic.id))} ({count}): "
                    f"{md_text(topic.description)}")
    body += ["", "## By who it is for", ""]
    body += [f"- {link(a.capitalize(), here, audience_uri(a))} "
             f"({len(index.pages_by_audience.get(a, []))})" for a in AUDIENCES]
    return page_md("Topics", body + [""], "Browse the commons by topic and by who it is for.")


def _grouped(pages: list, here: str) -> list[str]:
    body: list[str] = []
    for kind, heading in ((t.name, t.plural) for t in types.content_types()):
        chosen = [p for p in pages if p.type == kind]
        if chosen:
            body += [f"## {heading}", "", *page_list(chosen, here, "")]
    return body or ["Nothing is filed here yet.", ""]


def topic_page(commons: Commons, topic: Topic) -> str:
    here = topic_uri(topic.id)
    body = [md_text(topic.description), "",
            *_grouped(commons.index.pages_by_topic.get(topic.id, []), here)]
    teachers = [t for t in active_teachers(commons) if topic.id in t.topics]
    if teachers:
        body += ["## Teachers", "", ", ".join(link(t.name, here, teacher_uri(t.id))
                                              for t in teachers), ""]
    body += [link("All topics", here, TOPICS), ""]
    return page_md(topic.name, body, topic.description)


def audience_page(commons: Commons, audience: str) -> str:
    here = audience_uri(audience)
    body = [f"Pages written for {md_text(audience)}.", "",
            *_grouped(commons.index.pages_by_audience.get(audience, []), here),
            link("All topics", here, TOPICS), ""]
    return page_md(f"For {audience}", body, f"Pages of the commons written for {audience}.")
