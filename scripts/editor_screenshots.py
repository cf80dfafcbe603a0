"""Screenshots of the browser editor for README.md and CONTRIBUTING.md, into docs/editor/.

Run after `make build`: serves a copy of site/ with the local editor (decap-server over this
folder; nothing is saved) and photographs the sign-in page and a new session's form.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import yaml
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "editor"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> None:
    site = Path(tempfile.mkdtemp()) / "site"
    shutil.copytree(ROOT / "site", site)
    config = site / "admin" / "config.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["local_backend"] = {"url": "http://127.0.0.1:8081/api/v1"}  # as `make edit`
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler,
                                            directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 8081)) == 0:
            raise SystemExit("port 8081 is in use: stop `make edit` first")
    editor = subprocess.Popen(["node", str(ROOT / "node_modules/decap-server/dist/index.js")],
                              env={**os.environ, "PORT": "8081", "BIND_HOST": "127.0.0.1",
                                   "GIT_REPO_DIRECTORY": str(ROOT), "LOG_LEVEL": "warn"})
    try:
        time.sleep(1.5)
        base = f"http://127.0.0.1:{server.server_address[1]}/admin/"
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1100, "height": 640})
            page.goto(base)
            page.get_by_role("button", name="Login").wait_for()
            page.screenshot(path=OUT / "sign-in.png")
            page.get_by_role("button", name="Login").click()
            page.get_by_text("Sessions").first.wait_for()
            page.goto(base + "#/collections/sessions/new")
            page.locator('[id^="title-field-"]').fill("Listening well in care")
            page.locator('[id^="summary-field-"]').fill(
                "A short workshop on listening to people who get support.")
            page.wait_for_timeout(500)
            page.screenshot(path=OUT / "new-session.png")
            browser.close()
    finally:
        editor.terminate()
        editor.wait(timeout=10)
        server.shutdown()
        shutil.rmtree(site.parent)


if __name__ == "__main__":
    main()
