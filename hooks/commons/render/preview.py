"""The preview's build: one MkDocs build kept in memory and redone in part after each edit.

Every rebuild reloads the configuration and runs the pipeline again (the checks, the model,
the pages made from it), taking from the check cache what unchanged inputs gave last time;
what costs time is turning each page's Markdown into HTML and each page into its template,
and those are redone only for the pages whose inputs changed:

- a page's Markdown is converted again only when its text (after what the build adds to it)
  or the set of files it could link to changed;
- a page is put through its template again only when something its template shows changed:
  its HTML, title, table of contents, front matter, the navigation, or what the commons adds
  to its context (search fields, structured data, page information, header).

So a teacher row's edit re-renders the directory, the teacher's page, their region, the
sessions they lead and whatever else shows them, because those pages' inputs changed, and
nothing else. The result is the same as a clean `make build` of the same inputs: a test builds
both after a series of edits and compares them. Downloads not in the cache yet, and the search
index, are made after the pages are written (`Preview.finish`, and the preview's background
thread for the downloads), then the pages that show them are updated.
"""

from __future__ import annotations

import copy
import hashlib
import json
import logging
import os
import pickle
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment
from mkdocs.commands.build import _build_extra_template, _build_theme_template, get_context
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.structure.files import File, Files, get_files, set_exclusions
from mkdocs.structure.nav import Link, Navigation, Section, get_navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from commons.core import memo
from commons.core.memo import key_of
from commons.core.problems import Problem
from commons.generate import model_key
from commons.generate.inputs import key as inputs_key
from commons.generate.inputs import tracked
from commons.pipeline import Build
from commons.render import site as site_events
from commons.search import index as search_index

PROJECT = site_events.PROJECT  # whose hooks/ and site-overrides/ render every page


@dataclass
class Rendered:
    """A page's Markdown as converted last time, kept to be reused while its text holds."""

    markdown_key: str
    content: str
    toc: object
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]]  # to a page's src_uri: {anchor: the link as written}
    warnings: list[str]


@dataclass
class Written:
    """A page as last written: what its template was given, and what it warned about."""

    context_key: str
    warnings: list[str]
    inputs_key: str = ""  # the page and the parts of the model its context read
    parts: frozenset[str] = frozenset()  # those parts (generate/inputs.py)


@dataclass
class Outcome:
    """One rebuild: the problems that stopped it, if any, and what it did."""

    problems: list[Problem] = field(default_factory=list)  # in content and data
    warnings: list[str] = field(default_factory=list)  # from rendering (the build is strict)
    pages: int = 0
    rendered: int = 0
    converted: int = 0
    contexts: int = 0  # pages whose context was made again
    seconds: float = 0.0
    pending_downloads: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.warnings


class _Collector(logging.Handler):
    """Warnings from MkDocs and the commons while one page (or the rest of a build) is done:
    the build is strict, so any warning fails it, as `make build` would."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.into: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record.getMessage())


@dataclass
class Preview:
    """The preview of one commons, written into site_dir; `rebuild()` after every edit."""

    config_file: Path
    site_dir: Path
    local_editor: bool = False  # `make edit`: the editor talks to decap-server
    make_downloads: bool = False  # True: make missing downloads now, as `make build` does
    rendered: dict[str, Rendered] = field(default_factory=dict)  # by src_uri
    sources: dict[str, tuple[str, str, dict]] = field(default_factory=dict)  # text, parsed
    written: dict[str, Written] = field(default_factory=dict)  # by src_uri
    files_written: dict[str, str] = field(default_factory=dict)  # dest_uri: content hash
    files_key: str = ""
    outputs: set[str] = field(default_factory=set)  # every site path the last rebuild wrote
    env: Environment | None = None  # the theme's templates
    config: MkDocsConfig | None = None  # the last good rebuild's
    theme_files: list[tuple[str, str]] = field(default_factory=list)  # (src_uri, theme dir)
    wrote: Callable[[Path], None] | None = None  # told each page written, as it is written
    editor_key: str = ""  # the model the editor's files were last made from

    def forget(self) -> None:
        """Drop everything kept, so that the next rebuild redoes every page (after a change
        to the theme or the settings, which every page shows)."""
        self.rendered.clear()
        self.written.clear()
        self.files_written.clear()
        self.files_key = ""
        self.editor_key = ""
        self.env = None

    # What a later preview of the same commons can reuse: the pages it need not redo.
    _KEPT = ("rendered", "written", "files_written", "files_key", "outputs")

    def save(self, state_file: Path) -> None:
        """Keep what was rebuilt for the next preview of this commons, valid while the code,
        the theme and the settings stay the same (code_version)."""
        kept = {name: getattr(self, name) for name in self._KEPT}
        _write(state_file, pickle.dumps((code_version(self.config_file), kept)))

    def resume(self, state_file: Path) -> bool:
        """Take up what an earlier preview of the same commons saved, if it is still valid;
        False (and nothing taken) otherwise."""
        try:
            version, kept = pickle.loads(state_file.read_bytes())
        except (OSError, pickle.UnpicklingError, ValueError, EOFError, AttributeError,
                ImportError, TypeError):
            return False
        if version != code_version(self.config_file):
            return False
        for name in self._KEPT:
            setattr(self, name, kept[name])
        return True

    def rebuild(self) -> Outcome:
        started = time.perf_counter()
        collector = _Collector()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(collector)
        try:
            outcome = self._rebuild(collector)
        except site_events.BuildProblems as error:
            outcome = Outcome(problems=error.problems)
        except MkDocsException as error:  # a configuration MkDocs refuses
            outcome = Outcome(warnings=[str(error)])
        finally:
            mkdocs_log.removeHandler(collector)
        outcome.seconds = time.perf_counter() - started
        return outcome

    def _rebuild(self, collector: _Collector) -> Outcome:
        config = self._config()
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = self._theme_files(files, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        files_key = _digest(sorted((f.src_uri, f.dest_uri, f.url) for f in files))
        if files_key != self.files_key:  # a page or file came or went: links may resolve anew
            self.rendered.clear()
            self.files_key = files_key
        pages = files.documentation_pages()
        converted = sum(self._populate(file, config, files, collector) for file in pages)
        env = config.plugins.on_env(env, config=config, files=files)
        collector.into = general = []
        kept = self._write_files(files)
        for template in config.theme.static_templates:
            _build_theme_template(template, env, files, config, nav)
            kept.add(template)
            if template == "sitemap.xml":
                kept.add("sitemap.xml.gz")
        for template in config.extra_templates:
            _build_extra_template(template, files, config, nav)
            kept.add(template)
        nav_key = _digest(_nav_shape(nav.items))
        fingerprints: dict[str, bytes] = {}  # of the parts of the model, made once
        rendered = contexts = 0
        warnings: list[str] = []
        for file in pages:
            made, written = self._write_page(file.page, config, pages, nav, env, nav_key,
                                             fingerprints, collector)
            contexts += made
            rendered += written
            kept.add(file.dest_uri)
            warnings += self.rendered[file.src_uri].warnings + self.written[file.src_uri].warnings
        collector.into = general
        for file in pages:
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        self._remove_stale(kept, {file.src_uri for file in pages})
        self.config = config
        warnings += general
        return Outcome([], list(dict.fromkeys(warnings)), len(pages), rendered, converted,
                       contexts, pending_downloads=self.build.pending_downloads)

    @property
    def build(self) -> Build | None:
        """The last good rebuild's pipeline, for the work done after it."""
        return None if self.config is None else site_events.site_of(self.config).build

    def finish(self, started: Callable[[subprocess.Popen], None] | None = None) -> None:
        """What comes after the pages, and can wait (the preview does it in the background,
        at low priority): the editor's files, made from the last rebuild's model, and the
        search index; started is given the running indexer."""
        if self.config is not None:
            editor_key = _model_key(self.build)  # its choices come from the tables and pages
            if editor_key != self.editor_key:
                site_events.write_editor(self.config)
                self.editor_key = editor_key
            search_index.index_site(self.site_dir, started, background=True)

    def _theme_files(self, files: Files, config: MkDocsConfig) -> Environment:
        """The theme's assets added to files, and its templates: both found and compiled
        once, until the theme changes (forget)."""
        if self.env is None:
            self.env = config.theme.get_env()
            before = {file.src_uri for file in files}
            files.add_files_from_theme(self.env, config)
            self.theme_files = [(f.src_uri, f.src_dir) for f in files if f.src_uri not in before]
            return self.env
        for src_uri, theme_dir in self.theme_files:
            if files.get_file_from_path(src_uri) is None:  # a page's file wins, as in MkDocs
                files.append(File(src_uri, theme_dir, config.site_dir, config.use_directory_urls))
        return self.env

    def _config(self) -> MkDocsConfig:
        config = load_config(str(self.config_file), site_dir=str(self.site_dir))
        setattr(config, site_events.LOCAL_EDITOR, self.local_editor)
        setattr(config, site_events.MAKE_DOWNLOADS, self.make_downloads)
        return config

    def _populate(self, file: File, config: MkDocsConfig, files: Files,
                  collector: _Collector) -> int:
        """Read the page and run the events before conversion; convert its Markdown only when
        it changed. 1 when it was converted, 0 when the last conversion was reused."""
        page = file.page if file.page is not None else Page(None, file, config)
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            self._read_source(page)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page,
                                                            config=config, files=files)
            key = _digest(page.meta, page.markdown)
            kept = self.rendered.get(file.src_uri)
            if kept is not None and kept.markdown_key == key:
                page.content, page.toc = kept.content, kept.toc
                page._title_from_render = kept.title
                page.present_anchor_ids = kept.anchors
                by_uri = files.src_uris  # MkDocs keeps this map until files change
                page.links_to_anchors = {by_uri[uri]: links for uri, links in kept.links.items()
                                         if uri in by_uri}
                return 0
            collector.into = warnings = []
            page.render(config, files)
            page.content = config.plugins.on_page_content(page.content, page=page,
                                                          config=config, files=files)
            self.rendered[file.src_uri] = Rendered(
                key, page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                {target.src_uri: links for target, links in (page.links_to_anchors or {}).items()},
                warnings)
            return 1
        finally:
            config._current_page = None

    def _read_source(self, page: Page) -> None:
        """page.read_source, reusing the last parse of the front matter while the file's
        text is the same (MkDocs parses every page's YAML at every build)."""
        source = page.file.content_string
        kept = self.sources.get(page.file.src_uri)
        if kept is not None and kept[0] == source:
            page.markdown, page.meta = kept[1], copy.deepcopy(kept[2])
            return
        page.markdown, page.meta = meta.get_data(source)
        self.sources[page.file.src_uri] = (source, page.markdown, copy.deepcopy(page.meta))

    def _write_page(self, page: Page, config: MkDocsConfig, pages, nav: Navigation, env,
                    nav_key: str, fingerprints: dict[str, bytes], collector: _Collector
                    ) -> tuple[int, int]:
        """Put the page through its template when anything the template shows changed:
        (1 when its context was made again, 1 when it was written)."""
        site = site_events.site_of(config)
        build = site.build
        config._current_page = page
        page.active = True
        try:
            # What the commons adds to a page's context is made from the page and the parts
            # of the model it read last time (never another page's body): while those are
            # as they were, so is the page.
            made = build.generated.get(page.file.src_uri)
            shown = _digest([nav_key, page.url, page.title, _toc_shape(page.toc), page.meta,
                             page.canonical_url, page.abs_url, _neighbour(page.previous_page),
                             _neighbour(page.next_page), _ancestors(page),
                             made and made.origin], page.content or "")
            kept = self.written.get(page.file.src_uri)
            target = Path(page.file.abs_dest_path)
            if (kept is not None and target.is_file()
                    and kept.inputs_key == _inputs_key(build, shown, kept.parts, fingerprints)):
                return 0, 0
            site.reading, parts = tracked(build.commons)
            try:
                context = get_context(nav, pages, config, page)
                context = config.plugins.on_page_context(context, page=page, config=config,
                                                         nav=nav)
            finally:
                site.reading = None
            parts = frozenset(parts)
            inputs = _inputs_key(build, shown, parts, fingerprints)
            key = _digest([shown, page.edit_url, sorted(
                (k, v) for k, v in context.items() if k.startswith("commons_"))])
            if kept is not None and kept.context_key == key and target.is_file():
                kept.inputs_key, kept.parts = inputs, parts
                return 1, 0
            collector.into = warnings = []
            template = env.get_template(page.meta.get("template", "main.html"))
            output = config.plugins.on_post_page(template.render(context), page=page,
                                                 config=config)
            _write(target, output.encode("utf-8", errors="xmlcharrefreplace"))
            self.written[page.file.src_uri] = Written(key, warnings, inputs, parts)
            if self.wrote is not None:
                self.wrote(target)
            return 1, 1
        finally:
            page.active = False
            config._current_page = None

    def _write_files(self, files: Files) -> set[str]:
        """Every file that is not a page (the theme's assets, pictures, what the pipeline
        makes), written when its content changed; the set of their site paths."""
        kept: set[str] = set()
        for file in files:
            if file.is_documentation_page():
                continue
            kept.add(file.dest_uri)
            if file.generated_by is not None or file.abs_src_path is None:
                data = file.content_bytes
                key = hashlib.sha256(data).hexdigest()
            else:
                stat = os.stat(file.abs_src_path)
                data, key = None, f"{file.abs_src_path}:{stat.st_mtime_ns}:{stat.st_size}"
            target = Path(file.abs_dest_path)
            if self.files_written.get(file.dest_uri) == key and target.is_file():
                continue
            if data is None:
                data = Path(file.abs_src_path).read_bytes()
            _write(target, data)
            self.files_written[file.dest_uri] = key
        return kept

    def _remove_stale(self, kept: set[str], pages: set[str]) -> None:
        """Remove what the last rebuild wrote and this one did not (a page deleted), and
        forget the pages that are gone."""
        for dest_uri in self.outputs - kept:
            (self.site_dir / dest_uri).unlink(missing_ok=True)
            self.files_written.pop(dest_uri, None)
        self.outputs = kept
        for src_uri in [uri for uri in self.written if uri not in pages]:
            del self.written[src_uri]
            self.rendered.pop(src_uri, None)


def code_version(config_file: Path) -> str:
    """One digest of everything that shapes every page: the settings file, the theme
    overrides, the hook, and the commons' code and installed packages as the check cache
    versions them (memo.VERSION, of the code that is running)."""
    parts = [Path(config_file).read_bytes(), memo.VERSION.encode()]
    for path in [PROJECT / "hooks" / "commons_hook.py",
                 *sorted((PROJECT / "site-overrides").rglob("*"))]:
        if path.is_file():
            parts += [path.relative_to(PROJECT).as_posix().encode(), path.read_bytes()]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


def _model_key(build: Build) -> str:
    """The model as the editor's files read it (all but the pages' bodies)."""
    return hashlib.sha256(model_key(build.commons, build.settings)).hexdigest()


def _inputs_key(build: Build, shown: str, parts: frozenset[str],
                fingerprints: dict[str, bytes]) -> str:
    """A page's context's inputs: what the page shows, the settings, the git dates (its
    page information's) and the parts of the model its context read."""
    model = inputs_key(build.commons, build.settings, parts | {"history"}, fingerprints)
    return hashlib.sha256(shown.encode() + model).hexdigest()


def _write(target: Path, data: bytes) -> None:
    """Write whole files only: a reader of the preview never sees half a page."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".preview-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _digest(value: object, *texts: str) -> str:
    """A hash of value (as JSON) and of each text (whole pages: hashed as bytes, which is
    quicker than writing them into JSON)."""
    digest = hashlib.sha256(json.dumps(value, sort_keys=True, default=repr).encode())
    digest.update(key_of(texts))
    return digest.hexdigest()


def _nav_shape(items) -> list:
    """The navigation as every page shows it: titles, addresses and nesting."""
    shape = []
    for item in items:
        if isinstance(item, Section):
            shape.append(["section", item.title, _nav_shape(item.children)])
        elif isinstance(item, Link):
            shape.append(["link", item.title, item.url])
        else:
            shape.append(["page", item.title, item.url, item.file.src_uri])
    return shape


def _toc_shape(toc) -> list:
    return [[item.title, item.id, item.level, _toc_shape(item.children)] for item in toc]


def _neighbour(page) -> list | None:
    return None if page is None else [page.title, page.url]


def _ancestors(page: Page) -> list:
    return [item.title for item in page.ancestors]
