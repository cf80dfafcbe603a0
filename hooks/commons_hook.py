"""MkDocs event glue for the commons pipeline: one call an event; the work is in `commons`
(see ARCHITECTURE.md), and everything that knows MkDocs is in `commons.render.site`."""

from __future__ import annotations

from commons.render import site
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site.start(config)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    return site.add_files(files, config)


def on_page_markdown(markdown: str, *, page, config: MkDocsConfig, files: Files) -> str:
    return site.page_markdown(markdown, page, config, files)


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    return site.order_nav(nav, config)


def on_page_context(context: dict, *, page, config: MkDocsConfig, nav: Navigation) -> dict:
    return site.page_context(context, page, config)


def on_page_content(html: str, *, page, config: MkDocsConfig, files: Files) -> str:
    return site.check_content(html, page, config)


def on_post_page(output: str, *, page, config: MkDocsConfig) -> str:
    return site.finish_page(output, page, config)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    return site.finish_template(output_content, template_name, config)


def on_post_build(*, config: MkDocsConfig) -> None:
    site.index_search(config)
