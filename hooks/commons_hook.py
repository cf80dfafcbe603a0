"""MkDocs event glue for the commons pipeline: thin on purpose; the work is in `commons`."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from commons.build_state import STATE
from commons.pipeline import load
from commons.problems import errors, format_problems

log = logging.getLogger("mkdocs.plugins.commons")


def on_startup(*, command: str, dirty: bool) -> None:
    STATE.reset()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    STATE.reset()
    root = Path(config.config_file_path).resolve().parent
    loaded = load(root, content_dir=Path(config.docs_dir))
    for problem in loaded.problems:
        if problem.severity == "warning":
            log.warning(problem.text())
    found = errors(loaded.problems)
    if found:
        raise PluginError(f"{len(found)} problem(s) in content and data; nothing was built:\n"
                          + format_problems(found))
    STATE.loaded = loaded
    STATE.root = root
    return config
