"""Lighthouse (npm, pinned at 12.2.3) on six pages of the built site, served the way a host
would serve them (scripts/serve_site.py: gzip, cache headers), on a mobile profile.

    python scripts/audit.py [SITE_DIR]

Prints a table of the four scores per page. Fails unless accessibility, best practices and
SEO are 100 on every page; performance is reported, not enforced (it depends on the machine).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from serve_site import serve  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "home": "",
    "policy": "policies/data-protection/",
    "pathway": "pathways/becoming-a-teacher/",
    "teacher directory": "teachers/",
    "what's on": "whats-on/",
    "toolkit": "toolkits/co-producing-learning/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REQUIRED = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"


def audit(url: str, out: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
                    f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return json.loads(out.read_text(encoding="utf-8"))


def failing_audits(report: dict, category: str) -> list[str]:
    refs = report["categories"][category]["auditRefs"]
    return [f"{ref['id']}: {report['audits'][ref['id']]['title']}" for ref in refs
            if ref["weight"] and (report["audits"][ref["id"]]["score"] or 0) < 1]


def main(site: Path) -> int:
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci` (make audit does).", file=sys.stderr)
        return 2
    rows, problems = [], []
    with serve(site) as base, tempfile.TemporaryDirectory() as scratch:
        for name, path in PAGES.items():
            report = audit(base + path, Path(scratch) / "report.json")
            scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
            metrics = report["audits"]
            rows.append((name, scores, metrics["largest-contentful-paint"]["displayValue"],
                         metrics["cumulative-layout-shift"]["displayValue"]))
            for category in REQUIRED:
                if scores[category] < 100:
                    problems += [f"{name} ({path or '/'}), {category}: {failure}"
                                 for failure in failing_audits(report, category)]
    header = ("page", "performance", "accessibility", "best practices", "SEO", "LCP", "CLS")
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    for name, scores, lcp, cls in rows:
        print(f"| {name} | " + " | ".join(str(scores[c]) for c in CATEGORIES)
              + f" | {lcp} | {cls} |")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")))
