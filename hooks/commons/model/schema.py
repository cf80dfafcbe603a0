"""The front-matter fields of each content type, as declarative tables, and the checker.

The types themselves (folder, labels, what each takes part in) are in `types.py`.
"""

from __future__ import annotations

from dataclasses import replace

from commons.core.hints import nearest
from commons.core.problems import Problem
from commons.load.frontmatter import Mapping
from commons.model.fields import (
    Boolean,
    Choice,
    Date,
    Field,
    Group,
    Integer,
    ListOf,
    Ref,
    Text,
    Url,
)

AUDIENCES = (
    "people getting support", "family carers", "care workers", "volunteers",
    "learning leads", "teachers", "partners", "students",
)
SESSION_FORMATS = ("in person", "online", "blended")
SESSION_KINDS = (
    "workshop", "masterclass", "short course", "accredited course", "webinar",
    "community of practice", "programme", "briefing",
)

COMMON = (  # the fields of every resource type
    Field("title", Text(max_length=90, plain=True), help="the page title, in plain words"),
    Field("summary", Text(min_length=20, max_length=300),
          help="one or two sentences saying what the page is for"),
    Field("audience", ListOf(Choice(values=AUDIENCES)), help="who the page is for"),
    Field("topics", ListOf(Ref(table="topics")), help="topic ids from data/topics.csv"),
    Field("owner", Text(max_length=80), help="the person or circle who keeps the page current"),
    Field("download", Boolean(), required=False,
          help="true to offer the page as PDF, DOCX and EPUB downloads"),
    Field("keywords", ListOf(Text(max_length=80)), required=False,
          help="other names and acronyms people search for, e.g. [PLQ, practice learning]"),
)

_REVIEWED = (
    Field("last_reviewed", Date(), help="when the owner last checked the page, YYYY-MM-DD"),
    Field("review_every_months", Integer(minimum=1, maximum=36),
          help="how often it must be reviewed, in months"),
)

_STEP = (
    Field("title", Text(max_length=90, plain=True), help="the step, in a few words"),
    Field("description", Text(min_length=20, max_length=600), help="what happens in this step"),
    Field("qualification", Ref(table="qualifications"), required=False,
          help="the qualification id from data/qualifications.csv it leads to"),
    Field("resources", ListOf(Ref(table="pages"), min_items=0), required=False,
          help="ids of pages (sessions, toolkits, policies) that help with this step"),
    Field("legislation", ListOf(Ref(table="legislation"), min_items=0), required=False,
          help="ids from data/legislation.csv that the policy answers to, or the session or "
               "step teaches"),
)

NATION_NAMES = ("England", "Scotland", "Wales", "Northern Ireland", "UK")

PAGE = (  # a plain page: the common fields, only a title and summary required
        *(replace(spec, required=False) if spec.name not in ("title", "summary") else spec
          for spec in COMMON),
        Field("hide", ListOf(Choice(values=("navigation", "toc", "footer", "feedback"))),
              required=False, help="parts of the page to hide"),
)

POLICY = COMMON + _REVIEWED + (
        Field("legislation", ListOf(Ref(table="legislation"), min_items=0),
              help="ids from data/legislation.csv that the policy answers to, or the session "
                   "or step teaches"),
)

PATHWAY = COMMON + (
        Field("steps", Group(fields=_STEP), help="the steps, in order"),
        Field("total_credits", Integer(maximum=2000), required=False,
              help="the credits of all steps added up; the check adds them up too"),
        Field("nations", ListOf(Choice(values=NATION_NAMES)), required=False,
              help="where the pathway applies: [Scotland], [England], or [UK] for "
                   "everywhere"),
)

TOOLKIT = COMMON + _REVIEWED + (
        Field("version", Text(max_length=20),
              help="the toolkit's version in quotes, e.g. \"1.2\""),
        Field("cards", Boolean(), required=False,
              help="true for a card pack: each card an H3 heading, e.g. ### KC 1 Purpose"),
)

SESSION = COMMON + (
        Field("kind", Choice(values=SESSION_KINDS), help="what kind of session it is"),
        Field("format", Choice(values=SESSION_FORMATS),
              help="in person, online or blended"),
        Field("duration_minutes", Integer(minimum=15, maximum=60 * 24 * 30),
              help="how long the session, or each part of a series, lasts, in minutes"),
        Field("sessions_in_series", Integer(minimum=1, maximum=52), required=False,
              help="how many parts a series has"),
        Field("capacity", Integer(minimum=1, maximum=2000), required=False,
              help="how many people can take part"),
        Field("facilitators", ListOf(Ref(table="teachers"), min_items=0),
              help="teacher ids from data/teachers.csv"),
        Field("partners", ListOf(Ref(table="partners"), min_items=0),
              help="partner ids from data/partners.csv"),
        Field("regions", ListOf(Ref(table="regions"), min_items=0), required=False,
              help="region ids where it runs in person; leave out for online only"),
        Field("qualification", Ref(table="qualifications"), required=False,
              help="the qualification id from data/qualifications.csv it leads to"),
        Field("legislation", ListOf(Ref(table="legislation"), min_items=0), required=False,
              help="ids from data/legislation.csv that the policy answers to, or the session "
                   "or step teaches"),
        Field("learning_outcomes", ListOf(Text(min_length=10, max_length=300)),
              help="what people will know or be able to do afterwards"),
        Field("accessibility", Text(min_length=20, max_length=800),
              help="how the session is made accessible, and how to ask for adjustments"),
        Field("booking", Url(schemes=("https", "mailto")), required=False,
              help="an https:// link or a mailto: address to book"),
)


def _unknown_field_hint(name: str, known: set[str]) -> str:
    guess = nearest(name, known)
    if guess.startswith("did you mean"):
        return guess
    return "remove it; the fields allowed here are " + ", ".join(sorted(known))


def check(path: str, meta: Mapping, fields: tuple[Field, ...]) -> list[Problem]:
    """Every problem with a mapping's fields: missing, unknown, or of the wrong kind."""
    problems: list[Problem] = []
    known = {f.name for f in fields}
    for name in meta:
        if name not in known:
            problems.append(Problem(path, meta.line_of(name), field=name,
                                    message=f"unknown field '{name}'",
                                    hint=_unknown_field_hint(name, known)))
    for spec in fields:
        if spec.name not in meta:
            if spec.required:
                hint = f"add '{spec.name}:' — {spec.help}" if spec.help else f"add '{spec.name}:'"
                problems.append(Problem(path, meta.line or 1, field=spec.name,
                                        message=f"required field '{spec.name}' is missing",
                                        hint=hint))
            continue
        value = meta[spec.name]
        raw = meta.raw.get(spec.name, (None, None))
        raw_text = raw[0] if raw[1] is None else None  # quoted text is never reinterpreted
        issue = spec.kind.problem(value, raw_text)
        if issue:
            problems.append(Problem(path, meta.line_of(spec.name), field=spec.name,
                                    message=f"'{spec.name}' {issue[0]}", hint=issue[1]))
        elif isinstance(spec.kind, Group):
            for item in value:
                if not isinstance(item, Mapping):
                    problems.append(Problem(path, meta.line_of(spec.name), field=spec.name,
                                            message=f"each item of '{spec.name}' needs fields",
                                            hint="indent 'title:' and the others under '- '"))
                    continue
                problems.extend(check(path, item, spec.kind.fields))
    return problems
