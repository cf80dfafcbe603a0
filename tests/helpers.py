"""Helpers the tests share: the tiny commons, edits that fail loudly, git with fixed dates,
a digest of a folder, a local web server and the preview server. Plain functions; the fixtures are in
conftest.py."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import serve_site  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
MINI_BUILD_DAY = "1795392000"  # SOURCE_DATE_EPOCH of 23 November 2026, for the built mini site


def make_commons(target: Path, fixture: Path = MINI) -> Path:
    """Copy a fixture commons into target, with the project's schemas and a mkdocs.yml
    whose hooks and theme point back into the project."""
    shutil.copytree(fixture, target, dirs_exist_ok=True)
    for schema in (ROOT / "data").glob("*.yaml"):
        shutil.copy(schema, target / "data" / schema.name)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / hook) for hook in config["hooks"]]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["watch"] = ["data", str(ROOT / "hooks")]
    config.pop("nav", None)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                       encoding="utf-8")
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a fixture file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def git(root: Path, *args: str, when: str = "") -> None:
    """Run git in root as a test author, committing at `when` (ISO 8601) when given."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def tree_digest(folder: Path) -> str:
    """One hash of every path and file's bytes under folder."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def site_pages(site: Path) -> int:
    """The pages of a built site: each a folder's index.html, but for the editor's."""
    return sum(1 for page in site.rglob("index.html")
               if page.relative_to(site).parts[0] != "admin")


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files, with the site's 404.html for a missing page, as a host would."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".mjs": "text/javascript"}

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # LinkChecker waits 0.1-0.6 s between requests to a host unless the host sends
        # this header; then its maxrequestspersecond applies (tests/test_links.py).
        self.send_header("LinkChecker", "local test server")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: failures are reported by the tests
        pass


def serve(site: Path):
    """Serve a built site on http://127.0.0.1:<free port>/ while the block runs (the
    project's own local server, with the tests' handler)."""
    return serve_site.serve(site, handler=Handler)


@contextlib.contextmanager
def preview_server(root: Path):
    """`make serve`'s preview of the commons at root, on a free port, while the block runs:
    yields its address once it answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "preview.py"), "--port", str(port), "--root",
         str(root)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + ".preview/preview.css", timeout=5).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    server.kill()
                    raise AssertionError(f"the preview did not start: {server.stderr.read()}")
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
