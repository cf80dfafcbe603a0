"""`make build`: build the site into a temporary folder and swap it into site/ on success.

    python scripts/build.py [--root DIR] [--site-dir DIR]

Shows how far the build is as it goes (a bar on one line in a terminal, plain lines in a
log) and ends with one line: how long it took and what it made. A failed build prints every
problem and leaves the last good site/ exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from commons.core.progress import Display, summary
from commons.publish import build_atomically

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the commons to build")
    parser.add_argument("--site-dir", type=Path, help="where the site goes (default: site/ "
                                                      "in the commons)")
    args = parser.parse_args(argv)
    site_dir = args.site_dir or args.root / "site"
    shown = _shown(site_dir)
    started = time.perf_counter()
    display = Display(sys.stderr)
    with display.ticking():
        result = build_atomically(args.root, site_dir, progress=display.show)
    display.close()
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"build failed; {shown} was left as it was", file=sys.stderr)
        return result.returncode
    print(summary(shown, time.perf_counter() - started, display.latest),
          file=sys.stderr)
    return 0


def _shown(site_dir: Path) -> str:
    """The site's folder as the person who ran the command would type it: `site/`."""
    try:
        return site_dir.resolve().relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(site_dir)


if __name__ == "__main__":
    sys.exit(main())
