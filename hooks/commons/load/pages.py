"""Authored pages: every Markdown file in content/, read once and split into front matter
(with the line of every key) and body, with the files it includes; a file parsed by the
last run is taken from the cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commons.core.markdown import too_deep
from commons.core.memo import each, remembered
from commons.core.problems import Problem
from commons.load.frontmatter import Document, parse
from commons.load.includes import Included, read_includes
from commons.load.settings import LIMITS_CODE, Limits


@dataclass(frozen=True)
class PageFile:
    """One Markdown file as read: where it is and its parsed document."""

    src_path: str  # inside content/, forward slashes
    label: str  # relative to the project root, for messages: content/policies/x.md
    document: Document
    includes: tuple[Included, ...] = ()  # the files its body includes ('--8<--')


def read_pages(content_dir: Path, root_label: str, cache: Path | None = None,
               limits: Limits = Limits()) -> tuple[list[PageFile], list[Problem]]:
    """Read and parse every page; root_label is how content_dir is named in messages. A
    page larger than the limit is not read at all (rule CM006)."""
    texts: dict[str, tuple[str, str]] = {}  # src_path: (label, text)
    problems: list[Problem] = []
    for file in sorted(content_dir.rglob("*.md")):
        src_path = file.relative_to(content_dir).as_posix()
        label = f"{root_label}/{src_path}"
        try:
            size = file.stat().st_size
            if size > limits.page_kb * 1024:
                problems.append(size_problem(label, size, limits.page_kb, "page_kb", "page"))
                continue
            texts[src_path] = label, file.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(label, message=f"the file is not UTF-8 text ({error.reason} "
                                    f"at byte {error.start})",
                                    hint="save it again as UTF-8 in your editor"))
        except OSError as error:
            problems.append(Problem(label, message=f"the file cannot be read: {error.strerror}",
                                    hint="check that it exists and is readable"))
    documents = remembered(cache, "pages", list(texts.values()), _parse_key, _parse_all)
    depth = limits.nesting_depth
    too_deep_at = each(cache, "nesting", [(d.body, depth) if d.body_line > 0 else ("", depth)
                                          for d in documents], too_deep)
    files = []
    for (src_path, (label, _)), document, index in zip(texts.items(), documents, too_deep_at):
        problems += document.problems + nesting_problems(label, document, depth, index)
        includes = ()
        if "--8<--" in document.body and document.body_line > 0:
            includes = read_includes(content_dir, root_label, src_path, document.body)
        files.append(PageFile(src_path, label, document, includes))
    return files, problems


def _parse_key(labelled: tuple[str, str]) -> bytes:
    label, text = labelled
    return f"{label}\0{text}".encode()


def _parse_all(labelled: list[tuple[str, str]]) -> list[Document]:
    return [parse(label, text) for label, text in labelled]


def size_problem(label: str, size: int, limit_kb: int, key: str, what: str) -> Problem:
    """A file too large to read: how large, the limit and where it is set."""
    return Problem(label, code=LIMITS_CODE,
                   message=f"the {what} is {_kilobytes(size)}, more than the limit of "
                           f"{limit_kb} KB (extra.commons.limits.{key} in mkdocs.yml); "
                           "it was not read",
                   hint=f"split it into smaller {what}s; if it must be this large, a "
                        "maintainer may raise the limit")


def nesting_problems(label: str, document: Document, limit: int, index: int | None
                     ) -> list[Problem]:
    """The first line of the body nested deeper than the limit allows, at index (what
    too_deep found in the body)."""
    if index is None or document.body_line <= 0:
        return []
    return [Problem(label, document.body_line + index, code=LIMITS_CODE,
                    message=f"lists and block quotes are nested more than {limit} levels deep "
                            "here (extra.commons.limits.nesting_depth in mkdocs.yml)",
                    hint="flatten the list: use headings or separate lists instead of "
                         "putting lists inside lists")]


def _kilobytes(size: int) -> str:
    return f"{-(-size // 1024)} KB"
