"""What a generator makes: a file for the site, and where it comes from."""

from __future__ import annotations

from dataclasses import dataclass

from commons.core.problems import Origin


@dataclass(frozen=True)
class GeneratedFile:
    src_uri: str  # path inside the site's docs, e.g. "teachers/ada-brook.md"
    content: str | bytes
    origin: Origin  # what it is made from: a table and row, a page, or a whole folder
    in_nav: bool = False  # per-person and per-record pages stay out of the navigation
    raw: bool = False  # copied into the site as it is, never rendered (a README.md beside data)
