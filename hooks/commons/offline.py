"""The service worker that keeps the commons readable offline, written to the site root.

It must sit at the root to control every page. Its cache is named after a hash of every
other file in the built site, so a build that changes anything installs a new worker, and
that worker replaces the copies the last build left on readers' devices. The shell it keeps
at once is the home page and the stylesheets and scripts the home page loads.
"""

from __future__ import annotations

import hashlib
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

WORKER = "sw.js"
TEMPLATE = Path(__file__).with_name("service_worker.js")
# The admin editor is never cached; these stay out of the version too.
NOT_HASHED = (WORKER,)


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and (values.get("rel") or "") == "stylesheet":
            self.found.append(values.get("href") or "")
        elif tag == "script" and values.get("src"):
            self.found.append(values["src"] or "")


def build_version(site: Path) -> str:
    """A hash of every file in the built site but the worker itself, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative in NOT_HASHED:
            continue
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def shell(site: Path) -> list[str]:
    """The home page and the local stylesheets and scripts it loads, relative to the root."""
    parser = _Assets()
    parser.feed((site / "index.html").read_text(encoding="utf-8"))
    local = []
    for href in parser.found:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        if (site / parts.path).is_file():
            local.append(parts.path)
    return ["./", *sorted(set(local))]


def write_service_worker(site: Path) -> Path:
    """Write site/sw.js for this build; returns its path."""
    site = Path(site)
    text = (TEMPLATE.read_text(encoding="utf-8")
            .replace("'__COMMONS_BUILD__'", json.dumps(build_version(site)))
            .replace("__COMMONS_SHELL__", json.dumps(shell(site))))
    target = site / WORKER
    target.write_text(text, encoding="utf-8")
    return target
