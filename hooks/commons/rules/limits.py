"""Limits on the work one input may ask for (extra.commons.limits in mkdocs.yml).

Loading refuses a page or a table larger than its limit before reading it, and a page whose
lists and quotes nest deeper than the limit; this rule refuses a download whose source, with
the files it includes, is larger than its limit, reading the includes only until it is.
"""

from __future__ import annotations

from pathlib import Path

from commons.core.problems import Problem
from commons.load.download_source import size_problems
from commons.load.settings import Settings
from commons.model.pages import offers_downloads
from commons.model.records import Commons


def download_size_rule(commons: Commons, settings: Settings) -> list[Problem]:
    if not commons.content_dir:
        return []
    problems: list[Problem] = []
    for page in commons.pages.values():
        if offers_downloads(page) and page.body_line > 0:
            folder = (Path(commons.content_dir) / page.src_path).parent
            problems += size_problems(page.origin.path, page.body, page.body_line,
                                      page.src_path, folder, settings.limits.download_kb)
    return problems
