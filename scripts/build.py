"""`make build`: build the site into a temporary folder and swap it into site/ on success.

    python scripts/build.py [--site-dir DIR]

A failed build prints every problem and leaves the last good site/ exactly as it was.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from commons.publish import build_atomically

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = build_atomically(ROOT, args.site_dir)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"build failed; {args.site_dir} was left as it was", file=sys.stderr)
        return result.returncode
    print(f"built {args.site_dir} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
