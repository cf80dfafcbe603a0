"""The pipeline inside MkDocs: the one module that turns MkDocs' objects into the pipeline's
plain data and back. The hook file calls one function here per event.

One `Site` is made per build in on_config and kept on the build's config object, which
MkDocs hands to every later event; `mkdocs serve` makes a new config for each rebuild, so
every rebuild starts clean.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from commons import export
from commons.core.problems import Problem, errors, format_problems
from commons.core.progress import Reporter
from commons.generate import a_to_z, admin_config
from commons.generate.additions import apply
from commons.load import git_dates
from commons.load.config_check import key_lines
from commons.load.settings import from_config
from commons.model.records import Commons
from commons.pipeline import Build
from commons.render import (
    a11y_statement,
    csp,
    nav_budget,
    navigation,
    page_header,
    page_info,
    rendered_check,
    structured_data,
    valid_html,
)
from commons.search import fields as search_fields
from commons.search import index as search_index

log = logging.getLogger("mkdocs.plugins.commons")
# The project this code belongs to: its node_modules holds the editor's bundle, whichever
# commons is being built.
PROJECT = Path(__file__).resolve().parents[3]
_ATTRIBUTE = "commons_site"  # where the Site sits on the build's config
# Set on the config by the preview (render/preview.py) before on_config: `make edit`'s
# editor talks to decap-server; the preview leaves downloads not yet cached to later.
LOCAL_EDITOR = "commons_local_editor"
MAKE_DOWNLOADS = "commons_make_downloads"
_LINK_WARNING = re.compile(r"^Doc file '(?P<src>[^']+)' contains (?P<rest>.*?'(?P<link>[^']+)'.*)$",
                           re.DOTALL)


class LinkWarnings(logging.Filter):
    """MkDocs' own link warnings, made to name the file as `make check` does: its path from
    the project root and, where the link can be found, its line."""

    def __init__(self, build: Build) -> None:
        super().__init__()
        self.build = build

    def filter(self, record: logging.LogRecord) -> bool:
        found = _LINK_WARNING.match(record.getMessage())
        if found:
            record.msg, record.args = self.located(found), ()
        return True

    def located(self, found: re.Match) -> str:
        commons, src = self.build.commons, found.group("src")
        page = commons.index.by_path.get(src)
        made = self.build.generated.get(src)
        where = str(made.origin) if made else f"{commons.content_label}/{src}"
        if page is not None:
            at = page.body.find(found.group("link"))
            line = page.body_line + page.body.count("\n", 0, at) if at >= 0 else None
            where = page.origin.path + (f":{line}" if line else "")
        return f"{where}: contains {found.group('rest')}"


def _watch_link_warnings(build: Build) -> None:
    """One LinkWarnings on MkDocs' page logger, for this build (serve rebuilds replace it)."""
    logger = mkdocs_pages.log
    for old in [f for f in logger.filters if isinstance(f, LinkWarnings)]:
        logger.removeFilter(old)
    logger.addFilter(LinkWarnings(build))


@dataclass
class Site:
    build: Build
    previewing: bool  # `mkdocs serve`: pages go without the CSP (its reload script is inline)
    local_editor: bool  # the editor's configuration names decap-server (`make edit`)
    theme_scripts: frozenset[str]  # openings of the theme's own inline scripts
    page_dates: dict[str, object] = field(default_factory=dict)  # root-relative: last day
    progress: Reporter = field(default_factory=Reporter)  # silent unless `make build` listens
    pages: int = 0  # the pages this build renders, known once its files are
    # The model as page contexts read it, when not build.commons: the preview's view of it
    # that notes which parts each page's context reads (generate/inputs.py: tracked).
    reading: Commons | None = None


def start(config: MkDocsConfig) -> None:
    """on_config: load and check everything; stop the build on any error."""
    progress = Reporter.from_environment(os.environ)
    progress.report("check")
    root = Path(config.config_file_path).resolve().parent
    settings = from_config(config, key_lines(Path(config.config_file_path)))
    build = Build.start(root, Path(config.docs_dir), settings)
    for note in build.loaded.notes:  # overdue reviews in "warn" mode: reported, never blocking
        log.info(note.text())
    _fail_on(build.loaded.problems)
    _watch_link_warnings(build)
    history = build.commons.history
    previewing = _is_preview(config)
    setattr(config, _ATTRIBUTE, Site(
        build, previewing, previewing or getattr(config, LOCAL_EDITOR, False),
        rendered_check.theme_scripts(tuple(config.theme.dirs)),
        page_dates=git_dates.last_days(history), progress=progress))


def site_of(config: MkDocsConfig) -> Site:
    return getattr(config, _ATTRIBUTE)


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """on_files: add every page and file the build makes; drop Material's own search."""
    site = site_of(config)

    def downloads_made(done: int, total: int, cached: int) -> None:
        site.progress.report("downloads", done, total, cached)

    made, problems = site.build.make_files({f.src_uri for f in files}, downloads_made,
                                           make_downloads=getattr(config, MAKE_DOWNLOADS, True))
    _fail_on(problems)
    for item in made:
        inclusion = InclusionLevel.UNDEFINED if item.in_nav else InclusionLevel.NOT_IN_NAV
        kind = _RawFile if item.raw else File
        files.append(kind.generated(config, item.src_uri, content=item.content,
                                    inclusion=inclusion))
    for stock in [f for f in files if search_index.is_stock_search_file(f.src_uri)]:
        files.remove(stock)
    pages = a_to_z.entries((f.src_uri, f.content_string) for f in files.documentation_pages())
    files.append(File.generated(config, a_to_z.SRC_URI, content=a_to_z.markdown(pages),
                                inclusion=InclusionLevel.NOT_IN_NAV))
    site.pages = len(files.documentation_pages())
    site.progress.report("read", 0, site.pages)
    return files


class _RawFile(File):
    """A generated Markdown file published as it is (open-data/README.md), not as a page."""

    def is_documentation_page(self) -> bool:
        return False


def page_markdown(markdown: str, page: MkDocsPage, config: MkDocsConfig, files: Files) -> str:
    """on_page_markdown: the page's download buttons, and what the build adds to it."""
    site, src_uri = site_of(config), page.file.src_uri
    build = site.build

    def size_of(uri: str) -> int | None:
        found = files.get_file_from_path(uri)
        return None if found is None else len(found.content_bytes)

    page.meta["commons_downloads"] = export.page_buttons(src_uri, page.url, size_of,
                                                         build.commons, build.settings)
    markdown = apply(markdown, build.loaded.additions.get(src_uri))
    return a11y_statement.fill(markdown, src_uri, build.root, build.settings.today)


def order_nav(nav: Navigation, config: MkDocsConfig) -> Navigation:
    """on_nav: sections in the configured order, large ones capped."""
    nav.items = navigation.order_sections(nav.items, site_of(config).build.settings.nav_order)
    nav_budget.cap_sections(nav.items)
    return nav


def page_context(context: dict, page: MkDocsPage, config: MkDocsConfig) -> dict:
    """on_page_context: search fields, structured data and page information."""
    site = site_of(config)
    build = site.build
    commons = build.commons if site.reading is None else site.reading
    found = search_fields.search_fields(page.file.src_uri, page.meta, page.content or "",
                                        commons)
    context["commons_search"] = search_fields.render_fields(found)
    facts = structured_data.PageFacts(
        page.file.src_uri, page.canonical_url or "", page.title or "",
        page.meta.get("description") or config.site_description or "",
        page.file.generated_by is not None)
    context["commons_metadata"] = structured_data.metadata(facts, commons, build.settings,
                                                           config.site_name)
    context["commons_page_info"] = _page_info(page, config, commons)
    context["commons_header"] = page_header.header(page.file.src_uri, page.meta,
                                                   page.content or "")
    context["commons_feedback_email"] = page_header.feedback_emails(
        config.extra, page.meta, page.title or "", page.canonical_url or "")
    page.edit_url = context["commons_page_info"].edit_url
    return context


def check_content(html: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    """on_page_content: what the page's own Markdown rendered into."""
    site = site_of(config)
    site.progress.advance("read", site.pages)
    label = rendered_check.page_label(page.file.src_uri, page.file.generated_by is not None)
    for issue in rendered_check.content_issues(html):
        log.warning(f"{label}: rendered HTML, {issue}")
    return html


def finish_page(output: str, page: MkDocsPage, config: MkDocsConfig) -> str:
    """on_post_page: the whole page checked, and its Content-Security-Policy added."""
    site = site_of(config)
    label = rendered_check.page_label(page.file.src_uri, page.file.generated_by is not None)
    for issue in rendered_check.page_issues(output, site.theme_scripts):
        log.warning(f"{label}: rendered HTML, {issue}")
    output = valid_html.tidy(output)
    site.progress.advance("pages", site.pages)
    return output if site.previewing else csp.apply(output)


def finish_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """on_post_template: the 404 page and other templates get the policy too."""
    if site_of(config).previewing or not template_name.endswith(".html"):
        return output
    return csp.apply(valid_html.tidy(output))


def index_search(config: MkDocsConfig) -> None:
    """on_post_build: the Pagefind index of the built pages, then the browser editor in
    site/admin/ (after indexing, so that it is never searched)."""
    progress = site_of(config).progress
    progress.report("search")
    try:
        indexed = search_index.index_site(Path(config.site_dir))
    except search_index.SearchIndexError as error:
        raise PluginError(str(error)) from error
    progress.report("search", indexed, indexed)
    write_editor(config)


def write_editor(config: MkDocsConfig) -> None:
    """site/admin/: the editor, its configuration made from the schemas (admin_config)."""
    site_dir = Path(config.site_dir)
    site = site_of(config)
    commons = site.build.commons
    auth = (config.extra.get("commons") or {}).get("editor_auth_url")
    local = admin_config.LOCAL_BACKEND_URL if site.local_editor else None  # make edit
    made = admin_config.config(admin_config.choices_from(commons), repo=config.repo_name,
                               site_url=config.site_url, auth_base_url=auth,
                               local_backend_url=local)
    styles = admin_config.preview_styles(site_dir, config.extra_css)
    settings = admin_config.page_settings(styles, config.repo_url, commons.tables)
    try:
        files = admin_config.site_files(PROJECT, admin_config.to_yaml(made), settings)
    except FileNotFoundError as error:
        raise PluginError(str(error)) from error
    for name, data in files.items():
        path = site_dir / "admin" / name
        if not path.is_file() or path.read_bytes() != data:  # the preview rewrites it often
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _page_info(page: MkDocsPage, config: MkDocsConfig, commons: Commons
               ) -> page_info.PageInfo:
    site = site_of(config)
    build = site.build
    src_uri = page.file.src_uri
    docs = commons.content_label
    made = build.generated.get(src_uri) if page.file.generated_by else None
    origin = made.origin if made else None
    source = page_info.source_of(src_uri, origin, docs)
    changed = git_dates.last_changed(build.root, source, site.page_dates) if source else None
    return page_info.page_info(
        src_uri=src_uri, origin=origin, page=commons.index.by_path.get(src_uri),
        title=page.title or "", url=page.canonical_url or "", changed=changed,
        settings=build.settings, docs_label=docs,
        feedback="feedback" not in (page.meta.get("hide") or ()))


def _is_preview(config: MkDocsConfig) -> bool:
    """`mkdocs serve` sets site_url to its own address before every build."""
    host, port = config.dev_addr
    return urlsplit(config.site_url or "").netloc == f"{host}:{port}"


class BuildProblems(PluginError):
    """The build stops on these problems in content and data (the preview lists them)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in content and data; nothing was "
                         f"built:\n{format_problems(problems)}")
        self.problems = problems


def _fail_on(problems: list[Problem]) -> None:
    for problem in problems:
        if problem.severity == "warning":
            log.warning(problem.text())
    found = errors(problems)
    if found:
        raise BuildProblems(found)
