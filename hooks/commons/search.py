"""Site search with Pagefind: what each page tells the index, and the indexing step.

Pagefind indexes the built HTML into small fragments that a reader's browser fetches on
demand, instead of Material's single JSON index of the whole site. Each page carries its
filters (type, audience, topic, region) and weighted search terms (keywords, acronyms,
qualification and legislation names) in hidden markup that `partials/search-meta.html`
renders from `search_fields()`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .markup import esc
from .model import Commons
from .schema import CONTENT_FOLDERS

BUNDLE_DIR = "pagefind"
# Only the article is indexed: header, navigation, footer and sidebars never are.
ROOT_SELECTOR = "article.md-content__inner"
# Parts of the article that are not content: permalink marks, edit buttons, page notices.
EXCLUDE_SELECTORS = ".headerlink, .md-content__button, .md-source-file, [data-search-skip]"
# Pages only (every page is a folder's index.html with directory URLs), never 404.html.
PAGES_GLOB = "**/index.html"
# Material's own search, replaced by Pagefind: its worker and stemmers are not shipped.
STOCK_SEARCH_PREFIXES = ("assets/javascripts/workers/search.", "assets/javascripts/lunr/")
# Pagefind's ready-made interfaces, unused: assets/search.js drives its API instead.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)

TYPE_LABELS = {
    "policy": "Policy", "pathway": "Pathway", "toolkit": "Toolkit", "session": "Session",
    "teacher": "Teacher", "partner": "Partner", "region": "Region",
    "qualification": "Qualification", "report": "Report", "page": "Page",
}
_FOLDER_TYPES = {
    **CONTENT_FOLDERS, "teachers": "teacher", "partners": "partner", "regions": "region",
    "qualifications": "qualification", "reports": "report",
}
_ABBR = re.compile(r'<abbr title="([^"]+)">([^<]+)</abbr>')


@dataclass(frozen=True)
class SearchFields:
    """What one page adds to the index beyond its text."""

    type: str  # a label from TYPE_LABELS
    filters: tuple[tuple[str, tuple[str, ...]], ...]  # (filter name, values), fixed order
    terms: tuple[str, ...]  # weighted hidden text: keywords, acronyms and their expansions
    tags: tuple[str, ...]  # topic names, weighted above body text


class SearchIndexError(RuntimeError):
    pass


def page_type(src_uri: str, meta: dict[str, Any]) -> str:
    """The content type of a page: `type` in its front matter, else its top folder."""
    declared = meta.get("type")
    if isinstance(declared, str) and declared in TYPE_LABELS:
        return declared
    top, slash, _ = src_uri.partition("/")
    return _FOLDER_TYPES.get(top, "page") if slash else "page"


def search_fields(src_uri: str, meta: dict[str, Any], html: str,
                  commons: Commons | None) -> SearchFields:
    """Filters and extra terms of one rendered page, from its front matter and the model."""
    kind = page_type(src_uri, meta)
    topics = _names(_listed(meta.get("topics")), commons.topics if commons else {})
    regions = _names(_listed(meta.get("regions")) + _listed(meta.get("region")),
                     commons.regions if commons else {})
    filters = (
        ("type", (TYPE_LABELS[kind],)),
        ("audience", tuple(sorted(set(_listed(meta.get("audience")))))),
        ("topic", topics),
        ("region", regions),
    )
    terms = [*_listed(meta.get("keywords")), *_abbreviations(html)]
    if commons is not None:
        terms += _model_terms(kind, src_uri, meta, commons)
    return SearchFields(TYPE_LABELS[kind], tuple((k, v) for k, v in filters if v),
                        tuple(dict.fromkeys(t for t in terms if t)), topics)


def _model_terms(kind: str, src_uri: str, meta: dict[str, Any],
                 commons: Commons) -> list[str]:
    """Common names and acronyms of what a page is about or leads to."""
    quals = _listed(meta.get("qualification"))
    for step in meta.get("steps") or ():
        if isinstance(step, dict):
            quals += _listed(step.get("qualification"))
    if kind == "qualification":
        quals.append(_record_id(src_uri))
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


def _record_id(src_uri: str) -> str:
    stem = src_uri.removesuffix(".md").split("/")
    return stem[-2] if stem[-1] == "index" and len(stem) > 1 else stem[-1]


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


def render_fields(fields: SearchFields) -> str:
    """The hidden markup Pagefind reads: filters, a type shown in results, weighted terms."""
    # Filters and meta inside an ignored element are still read, but not indexed as text.
    labels = [f'<span data-pagefind-meta="type">{esc(fields.type)}</span>']
    for name, values in fields.filters:
        labels += [f'<span data-pagefind-filter="{esc(name)}">{esc(v)}</span>' for v in values]
    parts = ["<div data-pagefind-ignore>" + "".join(labels) + "</div>"]
    if fields.tags:
        parts.append(f'<p data-pagefind-weight="5">{esc(", ".join(fields.tags))}</p>')
    if fields.terms:
        parts.append(f'<p data-pagefind-weight="8">{esc(", ".join(fields.terms))}</p>')
    return '<div class="commons-search-fields" hidden>' + "".join(parts) + "</div>"


def is_stock_search_file(src_uri: str) -> bool:
    return src_uri.startswith(STOCK_SEARCH_PREFIXES)


def index_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind_bin", "--site", str(site_dir),
            "--output-subdir", BUNDLE_DIR, "--root-selector", ROOT_SELECTOR,
            "--exclude-selectors", EXCLUDE_SELECTORS, "--glob", PAGES_GLOB,
            "--force-language", "en", "--quiet"]


def index_site(site_dir: Path) -> None:
    """Write the Pagefind bundle into site_dir/pagefind; raise with Pagefind's output."""
    result = subprocess.run(index_command(Path(site_dir)), capture_output=True, text=True)
    bundle = Path(site_dir) / BUNDLE_DIR
    if result.returncode != 0 or not (bundle / "pagefind.js").exists():
        raise SearchIndexError(f"the search index could not be built:\n{result.stdout}"
                               f"{result.stderr}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
