"""Make every download (PDF, DOCX, EPUB, card sheets) without building the site.

    python scripts/export.py [--root DIR] [--out DIR] [--cold]

Uses and fills the same cache as the build (.cache/downloads/); --cold ignores it (a fresh
temporary cache) to time a first export. --out writes the files there. Prints each file,
its size, and the time taken. Exit status 1 when a download could not be made.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

from commons.core.problems import errors, format_problems
from commons.export import CACHE_FOLDER
from commons.export.build import export_all
from commons.export.listing import human_size
from commons.load.settings import from_config
from commons.pipeline import load

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the commons to export")
    parser.add_argument("--out", type=Path, help="write the downloads into this folder")
    parser.add_argument("--cold", action="store_true", help="start from an empty cache")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    loaded = load(args.root)
    if errors(loaded.problems):
        print(format_problems(errors(loaded.problems)))
        return 1
    settings = from_config(_site_config(args.root))
    with tempfile.TemporaryDirectory(prefix="commons-export-") as fresh:
        cache = Path(fresh) if args.cold else args.root / CACHE_FOLDER
        started = time.perf_counter()
        downloads, problems = export_all(loaded.sources, args.root / "content", cache,
                                         settings)
        seconds = time.perf_counter() - started
    if problems:
        print(format_problems(problems))
        return 1
    for item in downloads:
        print(f"{item.src_uri}  {human_size(len(item.data))}")
        if args.out:
            target = args.out / Path(item.src_uri).name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.data)
    print(f"{len(downloads)} downloads in {seconds:.2f} s", file=sys.stderr)
    return 0


def _site_config(root: Path) -> dict:
    import yaml

    class _Loader(yaml.SafeLoader):  # mkdocs.yml may hold !!python/name tags; skip them
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}


if __name__ == "__main__":
    sys.exit(main())
