"""Helpers shared by the generators: page skeletons, links between docs files, slugs."""

from __future__ import annotations

import json
import re
from functools import partial

from commons.core.markup import esc, md_text, safe_url
from commons.core.problems import Origin
from commons.generate.templates import fragment
from commons.model.records import Commons, Page, Region, Teacher

_SLUG = re.compile(r"[^a-z0-9]+")

TEACHERS = "teachers/index.md"
PARTNERS = "partners/index.md"
REGIONS = "regions/index.md"
QUALIFICATIONS = "qualifications/index.md"
ROLES = "roles/index.md"
TOPICS = "topics/index.md"
REPORTS = "reports/index.md"
COVERAGE = "reports/coverage.md"
REVIEWS = "reports/reviews.md"
PATHWAYS = "pathways/index.md"


def table_origin(commons: Commons, table: str) -> Origin:
    """A page made from a whole table, such as a directory of its rows."""
    return Origin(f"{commons.data_label}/{table}.csv")


def whole_commons(commons: Commons) -> Origin:
    """A page made from everything the commons holds, with no one file to edit."""
    return Origin(commons.content_label)


def slug(text: str) -> str:
    """'health or care professional' -> 'health-or-care-professional'."""
    return _SLUG.sub("-", str(text).lower()).strip("-")


def record_uri(section: str, record_id: str) -> str:
    """The docs path of a record's page, e.g. teachers/ada-brook.md."""
    return f"{section}/{record_id}.md"


teacher_uri = partial(record_uri, "teachers")
region_uri = partial(record_uri, "regions")
topic_uri = partial(record_uri, "topics")
qualification_uri = partial(record_uri, "qualifications")
role_uri = partial(record_uri, "roles")


def audience_uri(audience: str) -> str:
    return record_uri("topics", f"for-{slug(audience)}")


def theme_text(value: str) -> str:
    """A title for the theme, which writes titles into text unescaped in some places and
    escaped in others: only '<' and '>' are escaped, so no tag can form and an '&' or a
    quote is never shown escaped twice."""
    return str(value).replace("<", "&lt;").replace(">", "&gt;")


def page_md(title: str, body: list[str], description: str = "", hide_toc: bool = False) -> str:
    """A Markdown page: front matter (values JSON-quoted, which YAML reads as strings) and
    the title as its only level-one heading."""
    head = ["---", f"title: {json.dumps(theme_text(title), ensure_ascii=False)}"]
    if description:
        head.append(f"description: {json.dumps(esc(description), ensure_ascii=False)}")
    if hide_toc:  # a page of many cards would have a useless table of contents
        head.append("hide: [toc]")
    head += ["---", "", f"# {md_text(title)}", ""]
    return "\n".join(head + body).rstrip() + "\n"


def rel(from_uri: str, to_uri: str) -> str:
    """The relative link from one docs file to another, as MkDocs resolves it (what
    posixpath.relpath gives for normalised paths, without its cost on a large commons)."""
    base, target = from_uri.split("/")[:-1], to_uri.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + target[common:])


def href(from_uri: str, to_uri: str) -> str:
    """The address of one page from another in the built site, as MkDocs makes it from a
    Markdown link (directory URLs: teachers/ada-brook.md is teachers/ada-brook/), for the
    HTML a generator writes whole."""
    base, target = _url_parts(from_uri), _url_parts(to_uri)
    common = 0
    while common < min(len(base), len(target)) and base[common] == target[common]:
        common += 1
    path = "/".join([".."] * (len(base) - common) + target[common:])
    return path + "/" if path else "./"


def _url_parts(uri: str) -> list[str]:
    parts = uri.removesuffix(".md").split("/")
    return parts[:-1] if parts[-1] == "index" else parts


def link(text: str, from_uri: str, to_uri: str, anchor: str = "") -> str:
    target = rel(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{md_text(text)}]({target})"


def page_link(page: Page, from_uri: str) -> str:
    return link(page.title, from_uri, page.src_path)


def links(items: list[tuple[str, str]], from_uri: str) -> str:
    """'a, b and c' of (text, uri) pairs."""
    return and_list([link(text, from_uri, uri) for text, uri in items])


def and_list(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def active_teachers(commons: Commons) -> list[Teacher]:
    """Listed, current teachers: the directory, coverage and filters use only these."""
    return [t for t in commons.listed_teachers() if t.status == "active"]


def alumni(commons: Commons) -> list[Teacher]:
    return [t for t in commons.listed_teachers() if t.status != "active"]


def regions_in_order(commons: Commons) -> list[Region]:
    """Regions in the order regions.csv lists them, which its editors chose (each region's
    row is in its origin)."""
    return sorted(commons.regions.values(),
                  key=lambda r: (r.origin.row is None, r.origin.row or 0, r.id))


def external_link(url: str | None, text: str, css_class: str = "") -> str:
    """An inline link out of the site, only to an https: or mailto: address; css_class
    makes it look like a button, for example."""
    safe = safe_url(url)
    return fragment("external_link", url=safe, text=text, css_class=css_class) if safe else ""


def by_title(pages: list[Page]) -> list[Page]:
    return sorted(pages, key=lambda p: (p.title.lower(), p.src_path))


def page_list(pages: list[Page], from_uri: str, empty: str) -> list[str]:
    """A bulleted list of pages with their summaries, or a sentence saying there are none."""
    if not pages:
        return [md_text(empty), ""]
    return [f"- {page_link(p, from_uri)}: {md_text(p.summary)}" for p in by_title(pages)] + [""]


def topic_names(commons: Commons, ids: tuple[str, ...], from_uri: str) -> str:
    return links([(commons.topics[t].name, topic_uri(t)) for t in ids if t in commons.topics],
                 from_uri)


# On a phone the filters are folded behind this button (assets/directory.js, generated.css).
