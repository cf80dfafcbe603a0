"""Authored pages: every Markdown file in content/, read once and split into front matter
(with the line of every key) and body, with the files it includes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commons.core.problems import Problem
from commons.load.frontmatter import Document, parse
from commons.load.includes import Included, read_includes


@dataclass(frozen=True)
class PageFile:
    """One Markdown file as read: where it is and its parsed document."""

    src_path: str  # inside content/, forward slashes
    label: str  # relative to the project root, for messages: content/policies/x.md
    document: Document
    includes: tuple[Included, ...] = ()  # the files its body includes ('--8<--')


def read_pages(content_dir: Path, root_label: str) -> tuple[list[PageFile], list[Problem]]:
    """Read and parse every page; root_label is how content_dir is named in messages."""
    files: list[PageFile] = []
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
        includes = ()
        if "--8<--" in document.body and document.body_line > 0:
            includes = read_includes(content_dir, root_label, src_path, document.body)
        files.append(PageFile(src_path, label, document, includes))
    return files, problems
