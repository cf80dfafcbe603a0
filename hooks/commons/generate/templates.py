"""HTML fragments of generated pages, from Jinja templates in `templates/` that escape every
value (one escaping rule for every fragment). Fragments sit in Markdown, so each renders
to a single line or a block of lines with no blank line inside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    keep_trailing_newline=False)


def fragment(name: str, **values: Any) -> str:
    """The template `name` (.html unless it names its own suffix) filled in, escaped."""
    return _ENVIRONMENT.get_template(name if "." in name else f"{name}.html").render(**values)


def fragment_lines(name: str, **values: Any) -> list[str]:
    return fragment(name, **values).split("\n")
