"""Front matter, parsed by us: MkDocs silently renders broken YAML into the page.

Safe loading only; duplicate keys are errors; every mapping remembers the file line of each
key and the raw text of each scalar, so that later rules can point at the exact line and
explain YAML 1.1 surprises (`no` read as false, `012` read as 10).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from commons.core.problems import Problem

_FENCE = re.compile(r"^---[ \t]*$")


class Mapping(dict):
    """A dict that knows the line of each key and the raw text of each scalar value."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[str, int] = {}
        self.raw: dict[str, tuple[str, str | None]] = {}  # key -> (source text, quote style)
        self.line = 0

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Loader(yaml.SafeLoader):
    line_offset = 0

    def construct_line_mapping(self, node: yaml.MappingNode) -> Mapping:
        self.flatten_mapping(node)
        result = Mapping()
        result.line = node.start_mark.line + 1 + self.line_offset
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} must be a word, not a number or date",
                    key_node.start_mark)
            if key in result:
                raise _DuplicateKey(
                    None, None,
                    f"the key '{key}' appears twice (first on line {result.lines[key]}); "
                    "keep one and delete the other", key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[key] = key_node.start_mark.line + 1 + self.line_offset
            if isinstance(value_node, yaml.ScalarNode):
                # libyaml gives a plain scalar the style "", the Python parser None
                result.raw[key] = (value_node.value, value_node.style or None)
        return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                        _Loader.construct_line_mapping)


if getattr(yaml, "__with_libyaml__", False):
    class _FastLoader(yaml.CSafeLoader):
        """The same loader on libyaml's parser (several times faster on a large commons);
        a document it refuses is read again by _Loader, so messages stay the same."""

        line_offset = 0
        construct_line_mapping = _Loader.construct_line_mapping

    _FastLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                _FastLoader.construct_line_mapping)
    _LOADERS: tuple[type, ...] = (_FastLoader, _Loader)
else:
    _LOADERS = (_Loader,)


@dataclass
class Document:
    """A Markdown file split into its front matter and its body."""

    meta: Mapping
    body: str
    body_line: int  # the file line on which the body starts
    problems: list[Problem] = field(default_factory=list)


def split(text: str) -> tuple[str | None, str, int]:
    """Return (front matter text, body, first body line); None when there is no front
    matter, and body_line 0 when the front matter is opened but never closed."""
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return None, text, 1
    for index, line in enumerate(lines[1:], start=1):
        if _FENCE.match(line.rstrip("\r\n")):
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    return "".join(lines[1:]), "", 0


def parse(path: str, text: str) -> Document:
    """Parse one Markdown file's front matter; problems carry the file line."""
    header, body, body_line = split(text)
    if header is None:
        return Document(Mapping(), body, body_line, [Problem(
            path, 1, message="the page has no front matter",
            hint="start the file with a line '---', the fields, then another '---'")])
    if body_line == 0:
        return Document(Mapping(), "", body_line, [Problem(
            path, 1, message="the front matter is never closed",
            hint="add a line '---' after the last field")])
    alias = _alias_line(header) if ("&" in header or "*" in header) else None
    if alias:
        return Document(Mapping(), body, body_line, [Problem(
            path, alias, message="front matter may not use YAML anchors or aliases (& and *)",
            hint="write each value out in full; put text that starts with & or * in quotes")])
    try:
        meta = _load(header)
    except yaml.reader.ReaderError as error:  # a character YAML refuses to read at all
        line = header[:error.position].count("\n") + 2
        return Document(Mapping(), body, body_line, [Problem(
            path, line, message=f"the front matter holds the control character "
                                f"U+{error.character:04X}, which no reader sees",
            hint="delete it: copy the text again from its source as plain text, or retype it")])
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 2 if mark else 1
        reason = error.problem or error.context or "invalid YAML"
        return Document(Mapping(), body, body_line, [Problem(
            path, line, message=f"front matter is not valid YAML: {reason}",
            hint="check the indentation, and put text containing ':' or '#' in quotes")])
    if meta is None:
        meta = Mapping()
    if not isinstance(meta, Mapping):
        return Document(Mapping(), body, body_line, [Problem(
            path, 2, message="front matter must be a list of 'field: value' lines",
            hint="write each field on its own line as 'name: value'")])
    return Document(meta, body, body_line)


def _alias_line(header: str) -> int | None:
    """The file line of the first anchor, alias or merge key: one small page of aliases can
    expand into gigabytes ("billion laughs"), so none is read at all. The scanner only
    tokenises, which takes time linear in the text."""
    try:
        for token in yaml.scan(header, Loader=_LOADERS[0]):
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                return token.start_mark.line + 2
    except yaml.YAMLError:
        return None  # the loader reports the broken YAML itself, or the character
    return None


def _load(header: str):
    """The front matter's data; a MarkedYAMLError worded by the pure-Python loader."""
    *faster, last = _LOADERS
    for loader_class in faster:
        try:
            return _read(loader_class, header)
        except yaml.YAMLError:
            pass  # read again below, for the message
    return _read(last, header)


def _read(loader_class: type, header: str):
    loader = loader_class(header)
    loader.line_offset = 1  # the opening '---' is line 1
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def strings(value: Any, line: int = 1) -> Iterator[tuple[int, str]]:
    """Every text value in front matter with the file line of the key it belongs to."""
    if isinstance(value, dict):
        lines = getattr(value, "lines", {})
        for key, item in value.items():
            yield from strings(item, lines.get(key, line))
    elif isinstance(value, list):
        for item in value:
            yield from strings(item, line)
    elif isinstance(value, str):
        yield line, value
