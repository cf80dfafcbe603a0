"""`make serve` previews with live reload: the preview server's injected inline script must
not be blocked, while every built page keeps its Content-Security-Policy."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from commons.publish import build_atomically


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch_when_ready(url: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_preview_serves_live_reload_without_csp_and_build_keeps_it(mini, tmp_path):
    built = build_atomically(mini, site_dir=tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert 'http-equiv="Content-Security-Policy"' in (
        tmp_path / "site/policies/learning/index.html").read_text(encoding="utf-8")

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
         f"127.0.0.1:{port}", "--config-file", str(mini / "mkdocs.yml")],
        cwd=mini, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        page = fetch_when_ready(f"http://127.0.0.1:{port}/policies/learning/")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "livereload" in page
    assert "Content-Security-Policy" not in page
