"""The pipeline as plain Python, for the hook, the scripts and the tests alike:

    load -> model -> rules                      `check()`: what `make check` runs
    ... -> generate, export                     `Build`: one per build, made in on_config

Nothing here imports MkDocs, renders HTML or writes files; `render/` and the hook do that.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from commons import rules
from commons.core.problems import Problem, errors
from commons.export import DownloadProgress, download_files
from commons.export.build import download_paths
from commons.export.listing import INDEX as DOWNLOADS_PAGE
from commons.generate import (
    FILE_GENERATORS,
    PAGE_GENERATORS,
    GeneratedFile,
    a_to_z,
    file_paths,
    generate_all,
)
from commons.generate.additions import Addition, apply, page_additions
from commons.load import git_dates
from commons.load.config_check import config_problems, key_lines, read_config
from commons.load.content_files import content_problems, site_files
from commons.load.pages import read_pages
from commons.load.settings import Settings, from_config
from commons.load.tables import load_package
from commons.model.build import build_commons
from commons.model.records import Commons
from commons.rules.links import SiteMap, link_problems
from commons.rules.reviews import apply_switch


@dataclass
class Loaded:
    """A checked commons: its model and every problem found, each under its rule's code."""

    commons: Commons
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # overdue reviews in "warn" mode
    made: list[GeneratedFile] = field(default_factory=list)  # the pages from the model
    additions: dict[str, Addition] = field(default_factory=dict)  # to authored pages
    settings: Settings | None = None  # as the load ran: with its cache and publish switches

    @property
    def ok(self) -> bool:
        return not errors(self.problems)


CACHE = Path(".cache/check")  # under the root: what the last run parsed, scored and validated


def load(root: Path, content_dir: Path | None = None, data_dir: Path | None = None,
         settings: Settings | None = None, history: git_dates.Dates | None = None,
         publish: bool = False, cache: bool = False) -> Loaded:
    """Read content/ and data/ under root once, build the model, run every rule; history
    (git dates, which only a build needs) dates the pages the build makes; publish adds the
    publish check (CM401); cache keeps and takes the results of the slow steps for
    unchanged inputs in root/.cache/check/ (the problems are the same either way)."""
    root = Path(root).resolve()
    content_dir = Path(content_dir or root / "content").resolve()
    data_dir = Path(data_dir or root / "data").resolve()
    refused: list[Problem] = []
    if settings is None:
        settings, refused = settings_of(root)
    if publish:
        settings = replace(settings, publish=True)
    settings = replace(settings, cache=root / CACHE if cache else None)
    content_label, data_label = _label(content_dir, root), _label(data_dir, root)
    tables, table_problems = load_package(data_dir, root, settings.cache,
                                          settings.limits.table_kb)
    files, file_problems = read_pages(content_dir, content_label, settings.cache,
                                      settings.limits)
    commons, field_problems = build_commons(tables, files, data_label, content_label)
    commons = replace(commons, history=history or {}, content_dir=str(content_dir))
    problems = ([p.coded(rules.SETTINGS.code) for p in [*refused, *settings.refused]]
                + [p.coded(rules.TABLES.code) for p in table_problems]
                + [p.coded(rules.FRONT_MATTER.code) for p in file_problems]
                + [p.coded(rules.FIELDS.code) for p in field_problems]
                + [p.coded(rules.CONTENT_FILES.code)
                   for p in content_problems(content_dir, content_label, _theme_dirs(root, settings))]
                + rules.run_rules(commons, settings))
    # The generators need a sound model; until it is, links are checked against what is
    # known: the authored pages and files.
    complete = not errors(problems)
    made, made_problems, additions = [], [], {}
    if complete:
        made, made_problems = generate_all(commons, settings,
                                           {page.src_path for page in commons.pages.values()},
                                           generators=PAGE_GENERATORS)
        additions = page_additions(commons, settings)
    site = site_map(commons, made, additions, site_files(content_dir), settings, complete)
    problems += [p.coded(rules.LINKS.code) for p in link_problems(commons, site, settings.cache)]
    problems += [p.coded(rules.GENERATED.code) for p in made_problems]
    return Loaded(commons, sorted(set(problems), key=_order), made=made, additions=additions,
                  settings=settings)


def site_map(commons: Commons, made: list[GeneratedFile], additions: dict[str, Addition],
             files: frozenset[str], settings: Settings, complete: bool = True) -> SiteMap:
    """What the built site will hold, for the link rule: every page with its anchors (an
    authored page's with what the build adds to it), and every other file."""
    pages = {page.src_path: apply(page.body, additions.get(page.src_path))
             for page in commons.pages.values()}
    others = set(files) | set(download_paths(list(commons.pages.values()), settings.today))
    others |= set(file_paths(commons))
    for item in made:
        if item.src_uri.endswith(".md"):
            pages[item.src_uri] = str(item.content)
        else:
            others.add(item.src_uri)
    pages.setdefault(DOWNLOADS_PAGE, "")
    pages.setdefault(a_to_z.SRC_URI, "")  # made by render from every page's title
    return SiteMap(pages, frozenset(others), settings.site_url, complete)


def settings_of(root: Path) -> tuple[Settings, list[Problem]]:
    """The settings of the commons under root, from its mkdocs.yml, for when no MkDocs
    build is running, and the problems with the file itself (a tag that would run code)."""
    config_file = Path(root) / "mkdocs.yml"
    if not config_file.is_file():  # a data-only folder has no site config
        return from_config({}), []
    refused = config_problems(config_file)
    config: dict[str, Any] = read_config(config_file)  # tags are read as text, never run
    return from_config(config, key_lines(config_file)), refused


@dataclass
class Build:
    """Everything one build knows, made once in on_config and dropped with it: `mkdocs
    serve` keeps the hook loaded between rebuilds, so nothing lives in module state."""

    root: Path
    content_dir: Path
    settings: Settings
    loaded: Loaded
    generated: dict[str, GeneratedFile] = field(default_factory=dict)  # by src_uri
    pending_downloads: int = 0  # left to make (the preview makes them after its pages)

    @classmethod
    def start(cls, root: Path, content_dir: Path, settings: Settings) -> "Build":
        """Load and check the commons, with the git history its pages and feed need."""
        loaded = load(root, content_dir=content_dir, settings=settings,
                      history=git_dates.commit_times(str(root)), cache=True)
        loaded.problems, loaded.notes = apply_switch(loaded.problems, settings.overdue_reviews)
        loaded.problems = [p.coded(rules.SETTINGS.code) for p in loaded.problems]
        return cls(Path(root), Path(content_dir), loaded.settings, loaded)

    @property
    def commons(self) -> Commons:
        return self.loaded.commons

    def make_files(self, authored: set[str], progress: DownloadProgress | None = None,
                   make_downloads: bool = True) -> tuple[list[GeneratedFile], list[Problem]]:
        """Every page and file the build makes from the model, downloads included (only
        those in the cache unless make_downloads; progress is told how far they are);
        refused as a whole when any of them has a problem."""
        pages = list(self.commons.pages.values())
        downloads, problems, self.pending_downloads = download_files(
            pages, self.content_dir, self.root, self.settings, progress,
            make_missing=make_downloads)
        if problems:
            return [], problems
        made, problems = generate_all(self.commons, self.settings, authored,
                                      generators=FILE_GENERATORS,
                                      extra=self.loaded.made + downloads)
        problems = [p.coded(rules.GENERATED.code) for p in problems]
        self.generated = {item.src_uri: item for item in made}
        return made, problems

    def make_downloads(self) -> list[Problem]:
        """Make the downloads missing from the cache (the preview, after its pages)."""
        _, problems, self.pending_downloads = download_files(
            list(self.commons.pages.values()), self.content_dir, self.root, self.settings)
        return problems


def _theme_dirs(root: Path, settings: Settings) -> tuple[Path, ...]:
    return (root / settings.theme_dir,) if settings.theme_dir else ()


def _order(p: Problem) -> tuple:
    return (p.path, p.line or 0, p.row or 0, p.field or "", p.message)


def _label(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
