"""Authored pages: every Markdown file in content/, read once and split into front matter
(with the line of every key) and body, with the files it includes; a file parsed by the
last run is taken from the cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commons.core.memo import remembered
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


def read_pages(content_dir: Path, root_label: str, cache: Path | None = None
               ) -> tuple[list[PageFile], list[Problem]]:
    """Read and parse every page; root_label is how content_dir is named in messages."""
    texts: dict[str, tuple[str, str]] = {}  # src_path: (label, text)
    problems: list[Problem] = []
    for file in sorted(content_dir.rglob("*.md")):
        src_path = file.relative_to(content_dir).as_posix()
        label = f"{root_label}/{src_path}"
        try:
            texts[src_path] = label, file.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            problems.append(Problem(label, message=f"the file is not UTF-8 text ({error.reason} "
                                    f"at byte {error.start})",
                                    hint="save it again as UTF-8 in your editor"))
        except OSError as error:
            problems.append(Problem(label, message=f"the file cannot be read: {error.strerror}",
                                    hint="check that it exists and is readable"))
    documents = remembered(cache, "pages", list(texts.values()), _parse_key, _parse_all)
    files = []
    for (src_path, (label, _)), document in zip(texts.items(), documents):
        includes = ()
        if "--8<--" in document.body and document.body_line > 0:
            includes = read_includes(content_dir, root_label, src_path, document.body)
        files.append(PageFile(src_path, label, document, includes))
    return files, problems + [problem for document in documents for problem in document.problems]


def _parse_key(labelled: tuple[str, str]) -> bytes:
    label, text = labelled
    return f"{label}\0{text}".encode()


def _parse_all(labelled: list[tuple[str, str]]) -> list[Document]:
    return [parse(label, text) for label, text in labelled]
