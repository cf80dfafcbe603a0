"""Plain typed records of the commons, each knowing where it came from.

Records refer to each other by id; `index.py` resolves those ids once per build into the
lists every page needs (a teacher's sessions, a region's partners, a pathway's steps).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from commons.core.problems import Origin
from commons.load.includes import Included

if TYPE_CHECKING:
    from commons.model.index import CrossIndex

PERSPECTIVES = (
    "getting support", "family member", "health or care professional",
    "independent care worker", "community volunteer", "employee",
)
# Perspectives that reveal health or lived experience of support: published only with
# the person's explicit consent for that field.
SENSITIVE_PERSPECTIVES = frozenset({"getting support", "family member"})

# The publish allowlist of teachers.csv: each column is shown on the site (some only with
# the person's consent) or is a consent flag that is never shown.
PUBLIC, CONSENT = "public", "consent"
TEACHER_COLUMNS = {
    "id": PUBLIC, "name": PUBLIC, "role": PUBLIC, "topics": PUBLIC, "region": PUBLIC,
    "bio": PUBLIC, "status": PUBLIC,
    "perspectives": PUBLIC,  # the sensitive ones only with perspectives_consent = yes
    "contact": PUBLIC,  # only with contact_opt_in = yes
    "listed": CONSENT, "perspectives_consent": CONSENT, "contact_opt_in": CONSENT,
}


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    nation: str
    local_authorities: tuple[str, ...]
    summary: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Legislation:
    """A law, regulation, standard or code, and the nations where it applies."""

    id: str
    name: str
    kind: str  # act, regulations, standards or code of practice
    nations: tuple[str, ...]  # England, Scotland, Wales, Northern Ireland or UK
    url: str
    source: str
    summary: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Qualification:
    id: str
    name: str
    short_name: str
    framework: str  # an id in frameworks.csv, or "none"
    nations: tuple[str, ...]
    level: int | None
    credits: int | None
    awarded_by: str
    summary: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Regulator:
    """A regulator, registration body or workforce body, and the nations where it works."""

    id: str
    name: str
    kind: str
    nations: tuple[str, ...]
    regulates: str
    register: str | None
    legislation: tuple[str, ...]
    source: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Framework:
    """A qualification framework (SCQF, RQF) and the nations that use it."""

    id: str
    name: str
    nations: tuple[str, ...]
    managed_by: str
    summary: str
    source: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    kind: str
    region: str
    website: str | None
    contributes: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Teacher:
    id: str
    name: str
    role: str
    perspectives: tuple[str, ...]
    topics: tuple[str, ...]
    region: str
    bio: str
    status: str
    listed: bool
    perspectives_consent: bool
    contact_opt_in: bool
    contact: str | None
    origin: Origin = field(default=Origin(""), compare=False)  # table and row

    @property
    def public_perspectives(self) -> tuple[str, ...]:
        """The perspectives that may be published for this person."""
        if self.perspectives_consent:
            return self.perspectives
        return tuple(p for p in self.perspectives if p not in SENSITIVE_PERSPECTIVES)

    @property
    def public_contact(self) -> str | None:
        return self.contact if self.contact_opt_in and self.contact else None


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    nations: tuple[str, ...]
    summary: str
    registration: str | None
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class RoleRequirement:
    """The least learning a role must hold on one topic, and why."""

    role: str
    topic: str
    nation: str  # where this requirement holds
    qualification: str | None
    legislation: str | None  # the law the learning is about
    required_by: str | None  # the law that requires it; None: the commons recommends it
    body: str | None  # the regulator or body that sets or checks it
    renew_every_months: int | None  # None: once is enough
    renew_basis: str | None  # law, regulator rules, regulator guidance or commons choice
    renew_source: str | None  # where the interval is set, unless it is the commons' choice
    why: str
    origin: Origin = field(default=Origin(""), compare=False)  # table and row


@dataclass(frozen=True)
class Event:
    """A dated occurrence of a session; start and end are aware Europe/London times."""

    id: str
    session: str  # a session page id
    start: dt.datetime
    end: dt.datetime
    mode: str  # "in person" or "online"
    venue: str | None
    region: str | None
    places: int
    booking: str
    contact: str = ""  # how to book when there is no booking link
    series: str | None = None  # the parts of one course share a series
    part: int | None = None  # which part of the series this is
    origin: Origin = field(default=Origin(""), compare=False)  # data/events.csv and row

    @property
    def row(self) -> int:
        return self.origin.row or 0


@dataclass(frozen=True)
class Page:
    """An authored Markdown page; `meta` holds its validated front matter."""

    id: str
    type: str  # policy, pathway, toolkit, session or page
    src_path: str  # inside content/, forward slashes
    title: str
    summary: str
    meta: dict[str, Any] = field(compare=False, hash=False)  # a Mapping: lines of keys
    body: str = field(default="", compare=False, repr=False)
    body_line: int = field(default=1, compare=False)  # the file line the body starts on
    origin: Origin = field(default=Origin(""), compare=False)  # content/... and line 1
    includes: tuple[Included, ...] = field(default=(), compare=False, repr=False)  # '--8<--'

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(self.meta.get("topics") or ())

    @property
    def audience(self) -> tuple[str, ...]:
        return tuple(self.meta.get("audience") or ())

    @property
    def review_due(self) -> dt.date | None:
        last, months = self.meta.get("last_reviewed"), self.meta.get("review_every_months")
        if not isinstance(last, dt.date) or not isinstance(months, int):
            return None
        return add_months(last, months)


@dataclass(frozen=True)
class Commons:
    """Everything the build knows, loaded once per build."""

    regions: dict[str, Region]
    topics: dict[str, Topic]
    legislation: dict[str, Legislation]
    qualifications: dict[str, Qualification]
    partners: dict[str, Partner]
    teachers: dict[str, Teacher]
    pages: dict[str, Page]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict, compare=False)
    roles: dict[str, Role] = field(default_factory=dict)
    regulators: dict[str, Regulator] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    role_requirements: tuple[RoleRequirement, ...] = ()
    events: tuple[Event, ...] = ()  # sorted by start, then id
    data_label: str = "data"  # the data folder as messages name it
    content_label: str = "content"  # the content folder as messages name it
    content_dir: str = ""  # the content folder itself, where the rules read includes
    table_texts: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    resources: tuple[dict[str, Any], ...] = field(default=(), compare=False, repr=False)
    history: dict[str, tuple[dt.datetime, dt.datetime]] = field(
        default_factory=dict, compare=False, repr=False)  # root-relative file: git dates
    index: "CrossIndex" = field(default=None, compare=False, repr=False)  # type: ignore[assignment]

    def listed_teachers(self) -> list[Teacher]:
        return [t for t in self.teachers.values() if t.listed]

    def pages_of(self, kind: str) -> list[Page]:
        return [p for p in self.pages.values() if p.type == kind]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)


RECORD_CLASSES = {  # tables read into records, by table name
    "regions": Region, "topics": Topic, "legislation": Legislation,
    "qualifications": Qualification, "partners": Partner, "teachers": Teacher, "roles": Role,
    "regulators": Regulator, "frameworks": Framework,
}


def records(table: str, rows: list[dict[str, Any]], path: str) -> dict[str, Any]:
    """Typed records of a table, keyed by id and sorted by id for deterministic output;
    path is the table's file, for each record's origin."""
    cls = RECORD_CLASSES[table]
    names = [n for n in cls.__dataclass_fields__ if n != "origin"]
    result = {}
    for row in sorted(rows, key=lambda r: str(r.get("id"))):
        values = {n: _tupled(row.get(n)) for n in names}
        result[values["id"]] = cls(**values, origin=Origin(path, row=row.get("_row")))
    return result


def requirements(rows: list[dict[str, Any]], path: str) -> tuple[RoleRequirement, ...]:
    """Role requirements in file order, which is the order a role's list is read in."""
    names = [n for n in RoleRequirement.__dataclass_fields__ if n != "origin"]
    return tuple(RoleRequirement(**{n: row.get(n) for n in names},
                                 origin=Origin(path, row=row.get("_row"))) for row in rows)


def _tupled(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
