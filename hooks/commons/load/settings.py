"""Build settings from mkdocs.yml's `extra.commons`, with defaults, as one typed record."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Settings:
    today: dt.date
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    overdue_reviews: str = "warn"  # "warn" or "error"
    nav_order: tuple[str, ...] = ()
    public_contacts: frozenset[str] = frozenset()  # the commons' own, normalised


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that a build can be repeated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def from_config(config: dict[str, Any]) -> Settings:
    """The settings in a site configuration: MkDocs' own, or mkdocs.yml as read by
    config_check.read_config."""
    extra = (config.get("extra") or {}).get("commons") or {}
    return Settings(
        today=build_date(),
        site_url=config.get("site_url") or "",
        repo_url=config.get("repo_url") or "",
        edit_uri=config.get("edit_uri") or "",
        overdue_reviews=str(extra.get("overdue_reviews", "warn")),
        nav_order=tuple(extra.get("nav_order") or ()),
        public_contacts=frozenset(normalised_contact(str(v))
                                  for v in extra.get("public_contacts") or ()),
    )


def normalised_contact(value: str) -> str:
    """An address or number as the personal-data scan compares it: an email in lower case,
    a phone number as its digits."""
    value = value.strip().lower().removeprefix("mailto:")
    return value if "@" in value else re.sub(r"\D", "", value)
