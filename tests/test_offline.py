"""The service worker the build writes at the site root (hooks/commons/offline.py)."""

from __future__ import annotations

import json
import re

from commons.offline import build_version, shell, write_service_worker

HOME = ('<html><head><link rel="stylesheet" href="assets/a.css">'
        '<link rel="stylesheet" href="https://fonts.example.com/f.css">'
        '<script src="assets/b.js"></script><script>inline()</script></head></html>')


def _site(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "a.css").write_text("a{}")
    (tmp_path / "assets" / "b.js").write_text("b()")
    (tmp_path / "index.html").write_text(HOME)
    return tmp_path


def test_the_version_changes_with_any_file_but_not_with_the_worker(tmp_path):
    site = _site(tmp_path)
    first = build_version(site)
    write_service_worker(site)
    assert build_version(site) == first
    (site / "assets" / "a.css").write_text("a{color:red}")
    assert build_version(site) != first


def test_the_shell_is_the_home_page_and_its_local_assets(tmp_path):
    assert shell(_site(tmp_path)) == ["./", "assets/a.css", "assets/b.js"]


def test_the_worker_carries_this_builds_version_and_shell(tmp_path):
    site = _site(tmp_path)
    text = write_service_worker(site).read_text()
    assert f"const VERSION = {json.dumps(build_version(site))};" in text
    assert 'const SHELL = ["./", "assets/a.css", "assets/b.js"];' in text
    assert not re.search(r"__COMMONS_\w+__", text)
