"""Site search with Pagefind: the index of the built site.

Pagefind indexes the built HTML into small fragments that a reader's browser fetches on
demand, instead of Material's single JSON index of the whole site.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Only the article is indexed: header, navigation, footer and sidebars never are.
ROOT_SELECTOR = "article.md-content__inner"
# Parts of the article that are not content: permalink marks, edit buttons, page notices.
EXCLUDE_SELECTORS = ".headerlink, .md-content__button, .md-source-file, [data-search-skip]"
# Pages only (every page is a folder's index.html with directory URLs), never 404.html.
PAGES_GLOB = "**/index.html"
# Material's own search, replaced by Pagefind: its worker and stemmers are not shipped.
STOCK_SEARCH_PREFIXES = ("assets/javascripts/workers/search.", "assets/javascripts/lunr/")
# Pagefind's ready-made interfaces, unused: assets/search.js drives its API instead.
UNUSED_BUNDLE_FILES = (
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
    "wasm.unknown.pagefind",
)


class SearchIndexError(RuntimeError):
    pass


def is_stock_search_file(src_uri: str) -> bool:
    return src_uri.startswith(STOCK_SEARCH_PREFIXES)


def index_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind_bin", "--site", str(site_dir),
            "--output-subdir", BUNDLE_DIR, "--root-selector", ROOT_SELECTOR,
            "--exclude-selectors", EXCLUDE_SELECTORS, "--glob", PAGES_GLOB,
            "--force-language", "en", "--quiet"]


def index_site(site_dir: Path, started: Callable[[subprocess.Popen], None] | None = None,
               background: bool = False) -> int:
    """Write the Pagefind bundle into site_dir/pagefind, and say how many pages it holds;
    raise with Pagefind's output. started is given the running Pagefind (the preview stops
    it when a save comes in); background runs it at the lowest priority, behind the
    preview's rebuilds."""
    command = index_command(Path(site_dir))
    if background and shutil.which("nice"):
        command = ["nice", "-n", "19", *command]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    if started is not None:
        started(process)
    output, _ = process.communicate()
    bundle = Path(site_dir) / BUNDLE_DIR
    if process.returncode != 0 or not (bundle / "pagefind.js").exists():
        raise SearchIndexError(f"the search index could not be built:\n{output}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return indexed_pages(bundle)


def indexed_pages(bundle: Path) -> int:
    """The pages in a Pagefind bundle, from its entry file (a count for each language)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())
