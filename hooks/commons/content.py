"""Authored pages: find every Markdown file in content/, parse and check its front matter."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schema
from .fields import ID_PATTERN
from .frontmatter import Document, parse
from .model import Page
from .problems import Problem

_RESERVED_IDS = {"index", "tags", "search", "404"}


@dataclass(frozen=True)
class Source:
    """A Markdown file as loaded: its page record and where its fields are."""

    page: Page
    path: str  # relative to the project root, for messages
    document: Document


def page_id(src_path: str) -> str:
    """A page's id: the file's stem, or its folder's name for an index.md."""
    parts = src_path.split("/")
    stem = parts[-1].removesuffix(".md")
    if stem == "index" and len(parts) > 1:
        return parts[-2]
    return stem


def load_pages(content_dir: Path, root_label: str) -> tuple[list[Source], list[Problem]]:
    """Parse and check every page; root_label is how content_dir is named in messages."""
    sources: list[Source] = []
    problems: list[Problem] = []
    for file in sorted(content_dir.rglob("*.md")):
        src_path = file.relative_to(content_dir).as_posix()
        label = f"{root_label}/{src_path}"
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(label, message=f"the file is not UTF-8 text ({error.reason} "
                                    f"at byte {error.start})",
                                    hint="save it again as UTF-8 in your editor"))
            continue
        except OSError as error:
            problems.append(Problem(label, message=f"the file cannot be read: {error.strerror}",
                                    hint="check that it exists and is readable"))
            continue
        document = parse(label, text)
        problems.extend(document.problems)
        kind = schema.content_type(src_path)
        if not document.problems:
            problems.extend(schema.check(label, document.meta, schema.SCHEMAS[kind]))
        pid = page_id(src_path)
        if src_path != "index.md" and (not ID_PATTERN.match(pid) or pid in _RESERVED_IDS):
            problems.append(Problem(label, 1, message=f"the file name '{pid}' is not a valid id",
                                    hint="rename it with lower-case letters, digits and "
                                         "single hyphens, e.g. moving-learning-online.md"))
        meta = dict(document.meta)
        page = Page(id=pid if src_path != "index.md" else "home", type=kind, src_path=src_path,
                    title=str(meta.get("title", pid)), summary=str(meta.get("summary", "")),
                    meta=meta)
        sources.append(Source(page, label, document))
    problems.extend(_duplicate_ids(sources))
    return sources, problems


def _duplicate_ids(sources: list[Source]) -> list[Problem]:
    first: dict[str, Source] = {}
    problems = []
    for source in sources:
        earlier = first.setdefault(source.page.id, source)
        if earlier is not source:
            problems.append(Problem(source.path, 1,
                                    message=f"the page id '{source.page.id}' is already used by "
                                            f"{earlier.path}",
                                    hint="rename one of the two files"))
    return problems
