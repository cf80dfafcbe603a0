"""Authored pages: every Markdown file in content/, read once and split into front matter
(with the line of every key) and body."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commons.core.markdown import too_deep
from commons.core.problems import Problem
from commons.load.frontmatter import Document, parse
from commons.load.settings import LIMITS_CODE, Limits


@dataclass(frozen=True)
class PageFile:
    """One Markdown file as read: where it is and its parsed document."""

    src_path: str  # inside content/, forward slashes
    label: str  # relative to the project root, for messages: content/policies/x.md
    document: Document


def read_pages(content_dir: Path, root_label: str, limits: Limits = Limits()
               ) -> tuple[list[PageFile], list[Problem]]:
    """Read and parse every page; root_label is how content_dir is named in messages. A
    page larger than the limit is not read at all (rule CM006)."""
    files: list[PageFile] = []
    problems: list[Problem] = []
    for file in sorted(content_dir.rglob("*.md")):
        src_path = file.relative_to(content_dir).as_posix()
        label = f"{root_label}/{src_path}"
        try:
            size = file.stat().st_size
            if size > limits.page_kb * 1024:
                problems.append(size_problem(label, size, limits.page_kb, "page_kb", "page"))
                continue
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
        problems.extend(nesting_problems(label, document, limits.nesting_depth))
        files.append(PageFile(src_path, label, document))
    return files, problems


def size_problem(label: str, size: int, limit_kb: int, key: str, what: str) -> Problem:
    """A file too large to read: how large, the limit and where it is set."""
    return Problem(label, code=LIMITS_CODE, message=f"the {what} is {_kilobytes(size)}, more than the limit of "
                                  f"{limit_kb} KB (extra.commons.limits.{key} in mkdocs.yml); "
                                  "it was not read",
                   hint=f"split it into smaller {what}s; if it must be this large, a "
                        "maintainer may raise the limit")


def nesting_problems(label: str, document: Document, limit: int) -> list[Problem]:
    """The first line of the body nested deeper than the limit allows."""
    index = too_deep(document.body, limit) if document.body_line > 0 else None
    if index is None:
        return []
    return [Problem(label, document.body_line + index, code=LIMITS_CODE,
                    message=f"lists and block quotes are nested more than {limit} levels deep "
                            "here (extra.commons.limits.nesting_depth in mkdocs.yml)",
                    hint="flatten the list: use headings or separate lists instead of "
                         "putting lists inside lists")]


def _kilobytes(size: int) -> str:
    return f"{-(-size // 1024)} KB"
