"""mkdocs.yml is code: MkDocs reads it with PyYAML's full loader, where a tag such as
`!!python/object/apply:os.system` runs a command the moment the file is read.

Only plain YAML values and MkDocs' own `!ENV` and `!relative` tags are allowed. The file is
composed into nodes, which runs nothing, and every other tag is reported at its line, so
that `make check` and `make build` refuse the file before MkDocs ever loads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from commons.core.problems import Problem

MKDOCS_TAGS = frozenset({"!ENV", "!relative"})
_YAML_PREFIX = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(_YAML_PREFIX + name for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge"))


def config_problems(path: Path, label: str = "mkdocs.yml") -> list[Problem]:
    """Every tag in the config file that could run code, at its line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as error:
        return [Problem(label, message=f"the site configuration cannot be read: "
                                       f"{error.strerror}",
                        hint="restore mkdocs.yml from the repository")]
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        return [Problem(label, line=mark.line + 1 if mark else None,
                        message=f"the site configuration is not valid YAML: "
                                f"{getattr(error, 'problem', None) or error}",
                        hint="check the indentation near this line")]
    return [Problem(label, line=node.start_mark.line + 1,
                    message=f"the YAML tag '{_shown(node.tag)}' is not allowed: it can run code "
                            "when MkDocs reads the file",
                    hint="remove the tag; only !ENV and !relative are allowed in mkdocs.yml")
            for node in _nodes(root) if node.tag not in PLAIN_TAGS | MKDOCS_TAGS]


def _nodes(node: yaml.Node | None) -> Iterator[yaml.Node]:
    if node is None:
        return
    yield node
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(key)
            yield from _nodes(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nodes(item)


def key_lines(path: Path) -> dict[str, int]:
    """The line of each key and list item in a YAML file, by its dotted path
    ("extra.commons.sample_data", "extra.commons.public_contacts.0"); {} when the file cannot
    be read (config_problems says why). Composed as nodes, so no tag runs."""
    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return dict(_key_lines(root, ""))


def _key_lines(node: yaml.Node | None, prefix: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                name = f"{prefix}{key.value}"
                yield name, key.start_mark.line + 1
                yield from _key_lines(value, name + ".")
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value):
            name = f"{prefix}{number}"
            yield name, item.start_mark.line + 1
            yield from _key_lines(item, name + ".")


def _shown(tag: str) -> str:
    return "!!" + tag[len(_YAML_PREFIX):] if tag.startswith(_YAML_PREFIX) else tag


class _PlainLoader(yaml.SafeLoader):
    """Reads the config as plain data; MkDocs' tags become their text, nothing runs."""


def _tag_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None


_PlainLoader.add_constructor("!ENV", _tag_as_text)
_PlainLoader.add_constructor("!relative", _tag_as_text)


def read_config(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data for the pipeline's own settings; {} when it is missing or
    refused (config_problems says why)."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_PlainLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}
