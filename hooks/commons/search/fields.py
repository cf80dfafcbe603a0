"""What each page tells the search index: its filters (type, audience, topic, region) and
weighted search terms (keywords, acronyms, qualification and legislation names), in hidden
markup that `partials/search-meta.html` places in the page."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable

from commons.generate.templates import fragment
from commons.model import types
from commons.model.pages import page_id
from commons.model.records import Commons

_ABBR = re.compile(r'<abbr title="([^"]+)">([^<]+)</abbr>')


@dataclass(frozen=True)
class SearchFields:
    """What one page adds to the index beyond its text."""

    type: str  # the label search shows for the page's type
    filters: tuple[tuple[str, tuple[str, ...]], ...]  # (filter name, values), fixed order
    terms: tuple[str, ...]  # weighted hidden text: keywords, acronyms and their expansions
    tags: tuple[str, ...]  # topic names, weighted above body text


def page_type(src_uri: str, meta: dict[str, Any]) -> str:
    """The content type of a page: `type` in its front matter, else its top folder."""
    declared = meta.get("type")
    if isinstance(declared, str) and declared in types.search_labels():
        return declared
    top, slash, _ = src_uri.partition("/")
    return (types.kind_of_folder(top) if slash else None) or types.PLAIN


def search_fields(src_uri: str, meta: dict[str, Any], html: str,
                  commons: Commons | None) -> SearchFields:
    """Filters and extra terms of one rendered page, from its front matter and the model."""
    kind = page_type(src_uri, meta)
    # The model's tables are read only when the page names something in them (the preview
    # remakes a page's context when a table it read changes).
    topic_ids = _listed(meta.get("topics"))
    region_ids = _listed(meta.get("regions")) + _listed(meta.get("region"))
    topics = _names(topic_ids, commons.topics if commons and topic_ids else {})
    regions = _names(region_ids, commons.regions if commons and region_ids else {})
    label = types.search_labels()[kind]
    filters = (
        ("type", (label,)),
        ("audience", tuple(sorted(set(_listed(meta.get("audience")))))),
        ("topic", topics),
        ("region", regions),
    )
    terms = [*_listed(meta.get("keywords")), *_abbreviations(html)]
    if commons is not None:
        terms += _model_terms(kind, src_uri, meta, commons)
    return SearchFields(label, tuple((k, v) for k, v in filters if v),
                        tuple(dict.fromkeys(t for t in terms if t)), topics)


def _model_terms(kind: str, src_uri: str, meta: dict[str, Any],
                 commons: Commons) -> list[str]:
    """Common names and acronyms of what a page is about or leads to."""
    quals = _listed(meta.get("qualification"))
    for step in meta.get("steps") or ():
        if isinstance(step, dict):
            quals += _listed(step.get("qualification"))
    if kind == "qualification":
        quals.append(page_id(src_uri))
    terms = []
    for qid in quals:
        qual = commons.qualifications.get(qid)
        if qual:
            terms += [qual.short_name, qual.name, _acronym(qual.name)]
    for lid in _listed(meta.get("legislation")):
        law = commons.legislation.get(lid)
        if law:
            terms.append(law.name)
    return terms


def _acronym(name: str) -> str:
    """'Practice Learning Qualification stage 1' -> 'PLQ': the initials of leading capitals."""
    initials = []
    for word in name.split():
        if not word[:1].isupper():
            break
        initials.append(word[0])
    return "".join(initials) if len(initials) >= 2 else ""


def _abbreviations(html: str) -> list[str]:
    """The expansions of abbreviations a page defines (Markdown `*[PLQ]: ...`)."""
    return sorted({f"{short} {title}" for title, short in _ABBR.findall(html)})


def _listed(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if isinstance(v, (str, int))]
    return []


def _names(ids: Iterable[str], records: dict[str, Any]) -> tuple[str, ...]:
    return tuple(sorted({getattr(records.get(i), "name", i) for i in ids}))


@functools.lru_cache(maxsize=16384)  # the preview asks again for every page at every save
def render_fields(fields: SearchFields) -> str:
    """The hidden markup Pagefind reads: filters, a type shown in results, weighted terms."""
    return fragment("search_fields", type=fields.type, filters=fields.filters,
                    tags=fields.tags, terms=fields.terms)
