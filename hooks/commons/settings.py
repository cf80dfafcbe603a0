"""Build settings from mkdocs.yml's `extra.commons`, with defaults, as one typed record."""

from __future__ import annotations

import datetime as dt
import os
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
    docs_dir: str = ""  # absolute; for git dates of pages
    data_dir: str = ""  # absolute; for the table schemas that open data republishes


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that a build can be repeated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def from_config(config: dict[str, Any]) -> Settings:
    extra = (config.get("extra") or {}).get("commons") or {}
    return Settings(
        today=build_date(),
        site_url=config.get("site_url") or "",
        repo_url=config.get("repo_url") or "",
        edit_uri=config.get("edit_uri") or "",
        overdue_reviews=str(extra.get("overdue_reviews", "warn")),
        nav_order=tuple(extra.get("nav_order") or ()),
        docs_dir=str(config.get("docs_dir") or ""),
        data_dir=_data_dir(config),
    )


def _data_dir(config: Any) -> str:
    config_file = getattr(config, "config_file_path", None)
    if not config_file:
        return ""
    return os.path.join(os.path.dirname(os.path.abspath(config_file)), "data")
