"""Build settings from mkdocs.yml's `extra.commons`, with defaults, as one typed record.

The commons' own settings are validated here, once: a value of the wrong kind becomes a
problem naming mkdocs.yml and the key (rule CM001), kept in `Settings.refused`, and the
setting falls back to its default.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from commons.core.problems import Problem

CONFIG = "mkdocs.yml"
LIMITS_CODE = "CM006"  # the rule of the limits, whose problems loading finds
ORGANISATION_KEYS = ("name", "email", "address")
SAMPLE_NOTICE = ("The people, events and venues on this site are examples, made up to show "
                 "how the commons works. They are not real.")


@dataclass(frozen=True)
class Organisation:
    """Who runs the commons and is the controller of people's details."""

    name: str = ""
    email: str = ""
    address: str = ""


@dataclass(frozen=True)
class Limits:
    """How much work any one input may ask for, from mkdocs.yml's `extra.commons.limits`:
    each is refused by `make check` with a message naming the file and the limit, before
    anything expensive runs (rule CM006). The defaults are far above what a real page or table
    needs."""

    nesting_depth: int = 16  # levels of lists and block quotes inside each other
    page_kb: int = 1024  # a page's file
    table_kb: int = 8192  # a CSV table's file
    download_kb: int = 2048  # a download's source: the page with its includes
    tool_memory_mb: int = 2048  # the memory pandoc or typst may take for one download
    tool_seconds: int = 120  # the time pandoc or typst may take for one download

    @staticmethod
    def key(name: str) -> str:
        return f"extra.commons.limits.{name}"


LIMIT_NAMES = tuple(Limits.__dataclass_fields__)


@dataclass(frozen=True)
class Settings:
    today: dt.date
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""
    overdue_reviews: str = "warn"  # "warn" or "error"
    nav_order: tuple[str, ...] = ()
    public_contacts: frozenset[str] = frozenset()  # the commons' own, normalised
    public_contacts_given: tuple[str, ...] = ()  # as written in mkdocs.yml, in order
    organisation: Organisation = Organisation()
    sample_data: bool = False  # the people, events and venues are examples
    publish: bool = False  # `make check --publish`: refuse what is not ready to publish
    theme_dir: str = ""  # the theme's overrides (custom_dir), whose files content/ may not shadow
    cache: Path | None = None  # where results are kept between runs (core/memo.py), or None
    limits: Limits = Limits()
    whats_on_months: int = 6  # What's on lists the events of this many months ahead
    calendar_months: int = 12  # the calendars hold events up to this many months ahead
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False,
                                  repr=False)  # a key of mkdocs.yml ("extra.commons.x"): line
    refused: tuple[Problem, ...] = field(default=(), compare=False, hash=False, repr=False)

    @property
    def sample_notice(self) -> str:
        """The notice every page, download and the open data carry in sample-data mode."""
        return SAMPLE_NOTICE if self.sample_data else ""

    def line_of(self, key: str) -> int | None:
        return self.lines.get(key)


def build_date() -> dt.date:
    """Today, or the day of SOURCE_DATE_EPOCH when set, so that a build can be repeated."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


def from_config(config: dict[str, Any], lines: dict[str, int] | None = None) -> Settings:
    """The settings in a site configuration: MkDocs' own, or mkdocs.yml as read by
    config_check.read_config; lines gives the line of each key, where known."""
    extra = (config.get("extra") or {}).get("commons") or {}
    lines = dict(lines or {})
    refused: list[Problem] = []
    sample_data = extra.get("sample_data", False)
    if not isinstance(sample_data, bool):
        refused.append(_refused("sample_data", f"sample_data is '{sample_data}'",
                                "write true or false", lines))
        sample_data = False
    organisation = _organisation(extra.get("organisation"), refused, lines)
    limits = _limits(extra.get("limits"), refused, lines)
    months = {key: _whole_number(extra, key, default, refused, lines)
              for key, default in (("whats_on_months", 6), ("calendar_months", 12))}
    contacts = tuple(str(v) for v in extra.get("public_contacts") or ())
    return Settings(
        theme_dir=_custom_dir(config),
        today=build_date(),
        site_url=config.get("site_url") or "",
        repo_url=config.get("repo_url") or "",
        edit_uri=config.get("edit_uri") or "",
        overdue_reviews=str(extra.get("overdue_reviews", "warn")),
        nav_order=tuple(extra.get("nav_order") or ()),
        public_contacts=frozenset(normalised_contact(v) for v in contacts),
        public_contacts_given=contacts,
        organisation=organisation, sample_data=sample_data, lines=lines,
        refused=tuple(refused), limits=limits, **months,
    )


def _organisation(value: Any, refused: list[Problem], lines: dict[str, int]) -> Organisation:
    if value is None:
        return Organisation()
    keys = ", ".join(ORGANISATION_KEYS)
    if not isinstance(value, dict):
        refused.append(_refused("organisation", "organisation is not a mapping",
                                f"give the organisation's {keys}, one a line", lines))
        return Organisation()
    missing = [key for key in ORGANISATION_KEYS if not isinstance(value.get(key), str)
               or not value[key].strip()]
    unknown = sorted(str(key) for key in value if key not in ORGANISATION_KEYS)
    if missing or unknown:
        said = "; ".join(filter(None, (
            missing and "it has no " + ", ".join(missing),
            unknown and "it has unknown keys " + ", ".join(unknown))))
        refused.append(_refused("organisation", f"organisation is incomplete: {said}",
                                f"give exactly these keys, each as text: {keys}", lines))
        return Organisation()
    return Organisation(*(value[key].strip() for key in ORGANISATION_KEYS))


def _limits(value: Any, refused: list[Problem], lines: dict[str, int]) -> Limits:
    if value is None:
        return Limits()
    if not isinstance(value, dict):
        refused.append(_refused("limits", "limits is not a mapping",
                                "give each limit as 'name: number', one a line: "
                                + ", ".join(LIMIT_NAMES), lines))
        return Limits()
    for key in sorted(str(k) for k in value if k not in LIMIT_NAMES):
        refused.append(_refused(f"limits.{key}", f"'{key}' is not a limit the commons knows",
                                "use one of: " + ", ".join(LIMIT_NAMES), lines))
    defaults = Limits()
    return Limits(**{name: _whole_number(value, name, getattr(defaults, name), refused, lines,
                                         prefix="limits.")
                     for name in LIMIT_NAMES})


def _whole_number(values: dict[str, Any], key: str, default: int, refused: list[Problem],
                  lines: dict[str, int], prefix: str = "") -> int:
    """values[key] when it is a whole number of at least 1, else default (and a problem)."""
    value = values.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        refused.append(_refused(f"{prefix}{key}", f"{prefix}{key} is '{value}'",
                                f"write a whole number of at least 1 (the default is "
                                f"{default})", lines))
        return default
    return value


def _refused(key: str, message: str, hint: str, lines: dict[str, int]) -> Problem:
    name = f"extra.commons.{key}"
    return Problem(CONFIG, line=lines.get(name), field=name, message=message, hint=hint)


def normalised_contact(value: str) -> str:
    """An address or number as the personal-data scan compares it: an email in lower case,
    a phone number as its digits."""
    value = value.strip().lower().removeprefix("mailto:")
    return value if "@" in value else re.sub(r"\D", "", value)


def _custom_dir(config: dict[str, Any]) -> str:
    """The theme's custom_dir: MkDocs gives it resolved; mkdocs.yml as read, as written."""
    theme = config.get("theme")
    if isinstance(theme, dict):
        return str(theme.get("custom_dir") or "")
    return str(getattr(theme, "custom_dir", None) or "")
