"""Check the links from the built site to other sites and write a Markdown report.

    python .github/scripts/external_links.py SITE_DIR REPORT_MD

The site is served on 127.0.0.1 (LinkChecker reads pages through file:// wrongly when
site_url is set). Links back to the site itself and to GitHub pages that need signing in
(edit, new issue) are skipped. Exit status 0 whether or not links are broken, because the
weekly workflow reports them in an issue; 2 when LinkChecker itself fails.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import re
import subprocess
import sys
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
LINKCHECKER = [sys.executable,
               str(Path(__file__).resolve().parents[2] / "scripts/run_linkchecker.py")]
MAX_ROWS = 300  # an issue body holds 65,536 characters
CONFIG = """\
[checking]
threads=4
timeout=30
[filtering]
checkextern=1
ignore=
{ignore}
[output]
status=0
"""


def ignored(config: dict) -> list[str]:
    """Patterns of links not to fetch: the site itself, and GitHub pages behind a sign-in."""
    patterns = []
    if config.get("site_url"):
        patterns.append("^" + re.escape(config["site_url"].rstrip("/")))
    if config.get("repo_url"):
        repo = re.escape(config["repo_url"].rstrip("/"))
        patterns += [f"^{repo}/edit/", f"^{repo}/issues/new"]
    return patterns


def broken(linkchecker_csv: str, base: str) -> list[dict[str, str]]:
    """The broken links in LinkChecker's CSV output: page, line, link and result."""
    text = "\n".join(line for line in linkchecker_csv.splitlines() if not line.startswith("#"))
    found = []
    for row in csv.DictReader(io.StringIO(text), delimiter=";"):
        if row.get("valid") == "True":
            continue
        page = (row.get("parentname") or "").removeprefix(base.rstrip("/")) or "/"
        found.append({"page": page, "line": row.get("line") or "", "link": row.get("urlname")
                      or "", "result": " ".join((row.get("result") or "").split())})
    return sorted(found, key=lambda r: (r["page"], int(r["line"] or 0), r["link"]))


def report(rows: list[dict[str, str]]) -> str:
    """A Markdown report for the standing issue; its first line says whether all is well."""
    if not rows:
        return "Every link to another site worked.\n"
    cell = functools.partial(re.sub, r"([|\\`])", r"\\\1")
    lines = [f"{len(rows)} link{'s' * (len(rows) != 1)} to other sites did not work.", "",
             "Fix each link in the page named (or in the data file it comes from), or remove "
             "it. A site that is down for a day may work again next week.", "",
             "| page | line | link | result |", "| --- | --- | --- | --- |"]
    lines += [f"| {cell(r['page'])} | {r['line']} | {cell(r['link'])} | {cell(r['result'])} |"
              for r in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines += ["", f"…and {len(rows) - MAX_ROWS} more; run the check again once these are fixed."]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    site, out = Path(argv[0]), Path(argv[1])
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    rc = out.with_suffix(".linkcheckerrc")
    rc.write_text(CONFIG.format(ignore="\n".join(f"  {p}" for p in ignored(config))),
                  encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    try:
        result = subprocess.run([*LINKCHECKER, "-f", str(rc), "-o", "csv", "--no-status",
                                 base], capture_output=True, text=True, timeout=3000)
    finally:
        server.shutdown()
    if result.returncode not in (0, 1):
        print(result.stderr[-4000:], file=sys.stderr)
        return 2
    out.write_text(report(broken(result.stdout, base)), encoding="utf-8")
    print(out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
