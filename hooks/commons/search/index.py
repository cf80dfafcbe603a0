"""Site search with Pagefind: the index of the built site.

Pagefind indexes the built HTML into small fragments that a reader's browser fetches on
demand, instead of Material's single JSON index of the whole site.
"""

from __future__ import annotations

import json
import subprocess
import sys
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


def index_site(site_dir: Path) -> int:
    """Write the Pagefind bundle into site_dir/pagefind, and say how many pages it holds;
    raise with Pagefind's output."""
    result = subprocess.run(index_command(Path(site_dir)), capture_output=True, text=True)
    bundle = Path(site_dir) / BUNDLE_DIR
    if result.returncode != 0 or not (bundle / "pagefind.js").exists():
        raise SearchIndexError(f"the search index could not be built:\n{result.stdout}"
                               f"{result.stderr}")
    for name in UNUSED_BUNDLE_FILES:
        (bundle / name).unlink(missing_ok=True)
    return indexed_pages(bundle)


def indexed_pages(bundle: Path) -> int:
    """The pages in a Pagefind bundle, from its entry file (a count for each language)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())
