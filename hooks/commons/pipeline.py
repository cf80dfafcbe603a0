"""Load, validate and model the whole commons: the one entry point for hooks, scripts
and tests. Nothing here renders or writes files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import events, model
from .content import Source, load_pages
from .data import load_package
from .privacy import privacy_problems
from .problems import Problem, errors
from .references import check_pages, check_teacher_lists
from .rules import RULES
from .source_files import outside_links


@dataclass
class Loaded:
    commons: model.Commons
    sources: list[Source]
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


def load(root: Path, content_dir: Path | None = None, data_dir: Path | None = None) -> Loaded:
    """Read content/ and data/ under root, check every rule, and collect all problems."""
    root = Path(root).resolve()
    content_dir = Path(content_dir or root / "content").resolve()
    data_dir = Path(data_dir or root / "data").resolve()
    tables, problems = load_package(data_dir, root)
    sources, page_problems = load_pages(content_dir, _label(content_dir, root))
    problems += page_problems
    commons = model.Commons(
        **{name: model.records(name, tables.get(name, [])) for name in (
            "regions", "topics", "legislation", "qualifications", "partners", "teachers",
            "roles")},
        pages={s.page.id: s.page for s in sources},
        tables=tables,
        role_requirements=model.requirements(tables.get("role_requirements", [])),
        events=events.records(tables.get("events", [])),
    )
    ids = {name: set(getattr(commons, name)) for name in tables if hasattr(commons, name)}
    ids["pages"] = set(commons.pages)
    problems += check_pages(sources, ids)
    problems += check_teacher_lists(tables.get("teachers", []), ids.get("topics", set()),
                                    f"{_label(data_dir, root)}/teachers.csv")
    for rule in RULES:
        problems += rule(commons, sources)
    problems += privacy_problems(commons, sources, root, _label(data_dir, root))
    problems += outside_links(content_dir, _label(content_dir, root))
    return Loaded(commons, sources, sorted(set(problems), key=_order))


def _order(p: Problem) -> tuple:
    return (p.path, p.line or 0, p.row or 0, p.field or "", p.message)


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
