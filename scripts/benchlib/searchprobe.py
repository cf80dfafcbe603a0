"""Ask a built site's Pagefind bundle what a reader's browser would get, offline, in Node.

`search_site(site, "PLQ")` returns result URLs best first; `first_search_bytes(site, "care")`
counts what a reader downloads (gzip) before the first results show.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

QUERY_SCRIPT = Path(__file__).with_name("pagefind_query.mjs")
# Loaded as modules (not through fetch) before any search: the API and its worker.
BUNDLE_CODE = ("pagefind/pagefind.js", "pagefind/pagefind-worker.js")
SHOWN_RESULTS = 10  # fragments fetched for the first screen of results


def node() -> str:
    found = shutil.which("node")
    if not found:
        raise RuntimeError("node is needed to run Pagefind's search offline; install nodejs")
    return found


def run_queries(site_dir: Path, queries: list[dict[str, Any]], top: int = 3,
                filters: bool = False, preload_filters: bool = False) -> dict[str, Any]:
    """Run queries ({"term": ..., "filters": {...}}) in one Pagefind session; with
    preload_filters, load the filter lists first, as the search box does when opened."""
    request = {"queries": queries, "top": top, "fragments": SHOWN_RESULTS, "filters": filters,
               "preloadFilters": preload_filters}
    result = subprocess.run([node(), str(QUERY_SCRIPT), str(site_dir), json.dumps(request)],
                            capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind query failed:\n{result.stderr}")
    return json.loads(result.stdout)


def search_site(site_dir: Path, query: str | None, filters: dict[str, list[str]] | None = None,
                top: int = 3) -> list[str]:
    """URLs of the top results for a query, best first, as the site's search ranks them."""
    found = run_queries(site_dir, [{"term": query, "filters": filters or {}}], top=top)
    return found["results"][0]["urls"]


def gzip_size(path: Path) -> int:
    """Bytes on the wire with gzip (already-compressed files are sent as they are)."""
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))


def first_search_bytes(site_dir: Path, query: str,
                       with_filters: bool = True) -> tuple[int, list[str]]:
    """Gzip bytes a reader downloads from opening search to seeing the first results."""
    fetched = run_queries(site_dir, [{"term": query}], preload_filters=with_filters)["fetched"]
    files = sorted(set(BUNDLE_CODE) | {f["path"] for f in fetched})
    return sum(gzip_size(Path(site_dir) / f) for f in files), files
