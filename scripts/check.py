"""`make check`: validate content and data without rendering; list every problem.

    python scripts/check.py [--format text|github] [--root DIR] [--publish] [--no-cache]
    python scripts/check.py --publish            # also refuse sample data and placeholders
    python scripts/check.py --no-cache           # parse, score and validate everything again
    python scripts/check.py --explain CM201     # what a rule checks and how to fix it

Exit status 0 when there are no errors (warnings are printed), 1 otherwise. What the last
run parsed, scored and validated is kept in .cache/check/ under the root and taken for the
files that have not changed since; the problems are the same with or without it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from commons.core.problems import errors, format_problems
from commons.pipeline import load
from commons.rules import RULES, explain

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("text", "github"), default="text",
                        help="github prints annotations for GitHub Actions")
    parser.add_argument("--root", type=Path, default=ROOT, help="the commons to check")
    parser.add_argument("--publish", action="store_true",
                        help="also refuse what is not ready to publish: sample-data mode, "
                             "example addresses and hosts, sample venues (CM401)")
    parser.add_argument("--no-cache", action="store_true",
                        help="neither take nor keep results in .cache/check/")
    parser.add_argument("--explain", metavar="CODE",
                        help="print what the rule with this code checks and how to fix it")
    args = parser.parse_args(argv)
    if args.explain:
        return _explain(args.explain)
    started = time.perf_counter()
    loaded = load(args.root, publish=args.publish, cache=not args.no_cache)
    if loaded.problems:
        print(format_problems(loaded.problems, args.format))
    found = len(errors(loaded.problems))
    seconds = time.perf_counter() - started
    pages, people = len(loaded.commons.pages), len(loaded.commons.teachers)
    summary = (f"checked {pages} pages and {people} teachers in {seconds:.1f} s: "
               f"{found} error{'s' * (found != 1)}, "
               f"{len(loaded.problems) - found} warning{'s' * (len(loaded.problems) - found != 1)}")
    print(summary, file=sys.stderr)
    return 1 if found else 0


def _explain(code: str) -> int:
    entry = explain(code)
    if entry is None:
        known = ", ".join(rule.code for rule in RULES)
        print(f"'{code}' is not a rule's code; the codes are {known}", file=sys.stderr)
        return 2
    print(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
