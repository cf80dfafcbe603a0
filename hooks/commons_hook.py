"""MkDocs event glue for the commons pipeline: thin on purpose; the work is in `commons`."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from commons import a11y_statement, csp, export, rendered_check, search, structured_data
from commons import admin_config
from commons import settings as build_settings
from commons import git_dates, page_info
from commons.build_state import STATE
from commons.generate import GENERATORS, augment, generate_all, reviews, whats_on
from commons.generate.index import cross_index
from commons.nav_budget import cap_sections
from commons.navigation import order_sections
from commons.pipeline import load
from commons.problems import Problem, errors, format_problems

log = logging.getLogger("mkdocs.plugins.commons")
TOOLS = Path(__file__).resolve().parent.parent  # the editor's shell and bundle live here


def on_startup(*, command: str, dirty: bool) -> None:
    STATE.reset()
    STATE.previewing = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    STATE.reset()
    root = Path(config.config_file_path).resolve().parent
    loaded = load(root, content_dir=Path(config.docs_dir))
    settings = build_settings.from_config(config)
    problems, notes = reviews.apply_switch(loaded.problems, settings.overdue_reviews)
    for note in notes:  # overdue reviews in "warn" mode: reported, never blocking
        log.info(note.text())
    _fail_on(problems)
    STATE.loaded, STATE.root, STATE.settings = loaded, root, settings
    STATE.page_dates = git_dates.history(root)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    authored = {f.src_uri for f in files}
    downloads, problems = export.download_files(STATE.loaded.sources, Path(config.docs_dir),
                                                STATE.root, STATE.settings)
    _fail_on(problems)
    made, problems = generate_all(STATE.loaded.commons, STATE.settings, authored,
                                  generators=[*GENERATORS, lambda *_: downloads])
    _fail_on(problems)
    STATE.origins = {item.src_uri: item.origin for item in made}
    for item in made:
        inclusion = InclusionLevel.UNDEFINED if item.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, item.src_uri, content=item.content,
                                    inclusion=inclusion))
    for stock in [f for f in files if search.is_stock_search_file(f.src_uri)]:
        files.remove(stock)
    return files


def on_page_markdown(markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
    page.meta["commons_downloads"] = export.page_buttons(page.file.src_uri, page.url, files,
                                                         STATE.loaded.commons, STATE.settings)
    markdown = augment.augment(markdown, page.file.src_uri, STATE.loaded.commons)
    markdown = whats_on.with_session_dates(markdown, page.file.src_uri, STATE.loaded.commons,
                                           STATE.settings.today)
    return a11y_statement.fill(markdown, page.file.src_uri, STATE.root, STATE.settings.today)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    nav.items = order_sections(nav.items, STATE.settings.nav_order)
    cap_sections(nav.items)
    return nav


def on_page_context(context: dict, *, page, config: MkDocsConfig, nav: Navigation) -> dict:
    commons = STATE.loaded.commons if STATE.loaded else None
    fields = search.search_fields(page.file.src_uri, page.meta, page.content or "", commons)
    context["commons_search"] = search.render_fields(fields)
    if commons is not None:
        facts = structured_data.PageFacts(
            page.file.src_uri, page.canonical_url or "", page.title or "",
            page.meta.get("description") or config.site_description or "",
            page.file.generated_by is not None)
        context["commons_metadata"] = structured_data.metadata(facts, commons, STATE.settings,
                                                               config.site_name)
        context["commons_page_info"] = _page_info(page, config)
        page.edit_url = context["commons_page_info"].edit_url
    return context


def on_page_content(html: str, *, page, config: MkDocsConfig, files: Files) -> str:
    label = rendered_check.page_label(page.file.src_uri, page.file.generated_by is not None)
    for issue in rendered_check.content_issues(html):
        log.warning(f"{label}: rendered HTML, {issue}")
    return html


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    label = rendered_check.page_label(page.file.src_uri, page.file.generated_by is not None)
    theme = rendered_check.theme_scripts(tuple(config.theme.dirs))
    for issue in rendered_check.page_issues(output, theme):
        log.warning(f"{label}: rendered HTML, {issue}")
    return output if STATE.previewing else csp.apply(output)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if STATE.previewing or not template_name.endswith(".html"):
        return output_content
    return csp.apply(output_content)


def on_post_build(*, config: MkDocsConfig) -> None:
    try:
        search.index_site(Path(config.site_dir))
    except search.SearchIndexError as error:
        raise PluginError(str(error)) from error
    _write_editor(Path(config.site_dir), config)  # after indexing: /admin/ is never searched


def _write_editor(site: Path, config: MkDocsConfig) -> None:
    """site/admin/: the browser editor, its config made from the schemas (admin_config)."""
    auth = (config.extra.get("commons") or {}).get("editor_auth_url")
    local = admin_config.LOCAL_BACKEND_URL if STATE.previewing else None  # make edit
    made = admin_config.config(admin_config.choices_from(STATE.loaded.commons),
                               repo=config.repo_name, site_url=config.site_url,
                               auth_base_url=auth, local_backend_url=local)
    styles = admin_config.preview_styles(site, config.extra_css)
    tables = STATE.loaded.commons.tables
    files = admin_config.site_files(TOOLS, admin_config.to_yaml(made),
                                    admin_config.page_settings(styles, config.repo_url, tables))
    (site / "admin").mkdir(exist_ok=True)
    for name, data in files.items():
        (site / "admin" / name).write_bytes(data)


def _page_info(page, config: MkDocsConfig) -> page_info.PageInfo:
    src_uri, docs = page.file.src_uri, Path(config.docs_dir).relative_to(STATE.root).as_posix()
    origin = STATE.origins.get(src_uri) if page.file.generated_by else None
    source = page_info.source_of(src_uri, origin, docs)
    changed = git_dates.last_changed(STATE.root, source, STATE.page_dates) if source else None
    record = cross_index(STATE.loaded.commons).by_path.get(src_uri)
    return page_info.page_info(
        src_uri=src_uri, origin=origin, page=record, title=page.title or "",
        url=page.canonical_url or "", changed=changed, settings=STATE.settings, docs_label=docs,
        feedback="feedback" not in (page.meta.get("hide") or ()))


def _fail_on(problems: list[Problem]) -> None:
    for problem in problems:
        if problem.severity == "warning":
            log.warning(problem.text())
    found = errors(problems)
    if found:
        raise PluginError(f"{len(found)} problem(s) in content and data; nothing was built:\n"
                          + format_problems(found))
