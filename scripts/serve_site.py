"""Serve a built site on 127.0.0.1 the way a host would: gzip for text, cache headers
(a year for fingerprinted theme assets, ten minutes for pages), and 404.html for a
missing page. Used by `make audit` and `make screenshots`, and by the preview
(scripts/preview.py), which adds to what it sends.

    python scripts/serve_site.py [SITE_DIR] [PORT]
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import re
import sys
import threading
from pathlib import Path

TEXT = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".webmanifest")
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8,}\.(?:min\.)?(?:js|css)$")
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
         ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
         ".pf_fragment": "application/octet-stream", ".pagefind": "application/octet-stream"}


def cache_control(path: str) -> str:
    if FINGERPRINTED.search(path) or "/pagefind/" in path and not path.endswith(".js"):
        return "public, max-age=31536000, immutable"
    return "public, max-age=600"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().do_GET()  # the stock redirect to the slash form
            path = path / "index.html"
        if not path.is_file():
            return self._send(404, Path(self.directory) / "404.html")
        return self._send(200, path)

    def body_of(self, path: Path) -> bytes:
        """What is sent for the file at path (the preview adds to its pages)."""
        return path.read_bytes() if path.is_file() else b"Not found"

    def cache_header(self, status: int) -> str:
        return cache_control(self.path) if status == 200 else "no-cache"

    def _send(self, status: int, path: Path):
        body = self.body_of(path)
        zipped = path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")
        if zipped:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(path)) if status == 200
                         else "text/html; charset=utf-8")
        if zipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", self.cache_header(status))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(site: Path, port: int = 0, handler: type = Handler):
    """Serve `site` while the block runs; yields the base address, ending in '/'."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    with serve(site_dir, int(sys.argv[2]) if len(sys.argv) > 2 else 8001) as base:
        print(f"serving {site_dir} at {base} (Ctrl-C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
