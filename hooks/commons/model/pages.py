"""Page records from the files as read: each checked against its type's fields."""

from __future__ import annotations

from commons.core.problems import Origin, Problem
from commons.load.pages import PageFile
from commons.model import schema, types
from commons.model.fields import ID_PATTERN
from commons.model.records import Page

RESERVED_IDS = frozenset({"index", "tags", "search", "404"})
HOME = "home"  # the id of content/index.md


def page_id(src_path: str) -> str:
    """A page's id: the file's stem, or its folder's name for an index.md; the home page is
    'home'."""
    if src_path == "index.md":
        return HOME
    parts = src_path.split("/")
    stem = parts[-1].removesuffix(".md")
    if stem == "index" and len(parts) > 1:
        return parts[-2]
    return stem


def offers_downloads(page: Page) -> bool:
    """Whether the page is published as PDF, DOCX and EPUB too: by its type, or because its
    front matter asks."""
    return types.by_name(page.type).downloads or page.meta.get("download") is True


def pages(files: list[PageFile]) -> tuple[list[Page], list[Problem]]:
    """A record for every page, and every problem with its fields, file name or id."""
    records: list[Page] = []
    problems: list[Problem] = []
    for file in files:
        document = file.document
        kind = types.of_path(file.src_path)
        if not document.problems:
            problems.extend(schema.check(file.label, document.meta, kind.fields))
        pid = page_id(file.src_path)
        if pid != HOME and (not ID_PATTERN.match(pid) or pid in RESERVED_IDS):
            problems.append(Problem(file.label, 1,
                                    message=f"the file name '{pid}' is not a valid id",
                                    hint="rename it with lower-case letters, digits and "
                                         "single hyphens, e.g. moving-learning-online.md"))
        meta = document.meta
        records.append(Page(id=pid, type=kind.name, src_path=file.src_path,
                            title=str(meta.get("title", pid)),
                            summary=str(meta.get("summary", "")), meta=meta,
                            body=document.body, body_line=document.body_line,
                            origin=Origin(file.label, 1), includes=file.includes))
    problems.extend(_duplicate_ids(records))
    return records, problems


def _duplicate_ids(records: list[Page]) -> list[Problem]:
    first: dict[str, Page] = {}
    problems = []
    for page in records:
        earlier = first.setdefault(page.id, page)
        if earlier is not page:
            problems.append(page.origin.problem(
                f"the page id '{page.id}' is already used by {earlier.origin.path}",
                "rename one of the two files"))
    return problems
