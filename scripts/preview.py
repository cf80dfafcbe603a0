"""`make serve`: the preview at http://127.0.0.1:8000/, rebuilt in part after every save.

    python scripts/preview.py [--port 8000] [--site-dir DIR] [--local-editor]

Builds once, then watches content/, data/, mkdocs.yml, site-overrides/ and hooks/. After a
save only what depends on it is rebuilt (hooks/commons/render/preview.py), and the open page
reloads on its own. After a save that does not build, every page still answers at once: the
last good page, with the problems listed over it as `make check` gives them; fixing them
brings the preview back. Downloads not in the cache yet, and the search index, are made
after the pages, in the background. A change to the commons' code (hooks/) restarts it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from commons.render.preview import Outcome, Preview
from commons.render.preview_panel import ASSETS, PREFIX, Shown, nothing_built, with_preview
from commons.search.index import SearchIndexError
from mkdocs.exceptions import PluginError
from serve_site import Handler, serve
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

ROOT = Path(__file__).resolve().parent.parent
REDO_ALL = ("mkdocs.yml", "site-overrides")  # every page shows the settings and the theme
QUIET_FOR = 0.05  # seconds without another save before rebuilding: editors save in bursts
WAIT_AT_MOST = 25  # seconds a page's wait for the next rebuild is held open
PREVIEW_DIR = Path(".cache") / "preview"
OWN_FILES = frozenset({"preview.js", "preview.css"})  # under /.preview/
# What a save can be. Opening and reading a file are not: every rebuild reads every page, and
# those events, thousands at a time, would take the builder's time.
SAVES = [FileModifiedEvent, FileClosedEvent, FileCreatedEvent, FileDeletedEvent,
         FileMovedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


class State:
    """What the preview has built, shared by the builder and the server's threads."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.version = 0
        self.shown: Shown | None = None  # None until the first rebuild has finished
        self.built_once = False
        self.busy = True  # saves not yet rebuilt, or downloads and search still to make
        self.early: set[str] = set()  # pages the first rebuild has written so far

    def page_written(self, path: Path) -> None:
        """A page is final as soon as it is written: while the first rebuild goes on, it
        can be sent (its script reloads it once the rebuild is over)."""
        with self.changed:
            if self.shown is None:
                self.early.add(os.path.normpath(path))
                self.changed.notify_all()

    def wait_for_page(self, path: Path, seconds: float) -> bool:
        """Wait for the first rebuild, or for it to write the page at path; True when that
        page can be sent while the rebuild goes on: it is written, or it is a stylesheet,
        script or picture (written before any page)."""
        key = os.path.normpath(path)

        def ready() -> bool:
            return key in self.early or (bool(self.early) and not key.endswith(".html")
                                         and os.path.isfile(key))

        with self.changed:
            self.changed.wait_for(lambda: self.shown is not None or ready(), timeout=seconds)
            return self.shown is None and ready()

    def publish(self, outcome: Outcome) -> None:
        with self.changed:
            self.version += 1
            self.built_once = self.built_once or outcome.ok
            self.shown = Shown(self.version, tuple(outcome.problems), tuple(outcome.warnings),
                               stale=bool(outcome.problems))
            self.changed.notify_all()

    def wait_after(self, version: int, seconds: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != version, timeout=seconds)
            return self.version


class Builder:
    """Rebuilds after each burst of saves, in one thread; makes downloads and the search
    index in another, after the pages are written."""

    def __init__(self, preview: Preview, state: State) -> None:
        self.preview, self.state = preview, state
        self.saved = threading.Condition()
        self.paths: set[str] = {"start"}  # the first build (what a saved preview left is kept)
        self.later = threading.Event()
        self.rebuilding = threading.Lock()
        self.indexer: subprocess.Popen | None = None  # the search index being made

    def saw(self, path: str) -> None:
        with self.saved:
            self.paths.add(path)
            self.state.busy = True
            self.saved.notify()
            indexer = self.indexer
        if indexer is not None and indexer.poll() is None:
            indexer.kill()  # it would index pages about to change; made again after them

    def stop_and_save(self, state_file: Path) -> None:
        """Keep the pages for the next start (after the rebuild under way, if any)."""
        with self.rebuilding:
            self.preview.save(state_file)

    def run(self) -> None:
        while True:
            with self.saved:
                self.saved.wait_for(lambda: self.paths)
            time.sleep(QUIET_FOR)
            with self.rebuilding:
                with self.saved:
                    paths, self.paths = self.paths, set()
                if any(p.startswith("hooks/") for p in paths):
                    print("the commons' code changed: restarting the preview", file=sys.stderr)
                    os.execv(sys.executable, [sys.executable, *sys.argv])
                if any(p.startswith(REDO_ALL) for p in paths):
                    self.preview.forget()
                outcome = self.preview.rebuild()
                if outcome.ok:
                    self.later.set()
            self.state.publish(outcome)
            report(outcome)
            self._settle()

    def run_later(self) -> None:
        """Downloads not in the cache, then the search index; a rebuild follows new
        downloads, so that the pages show their buttons."""
        while True:
            self.later.wait()
            self.later.clear()
            build = self.preview.build
            if build is not None and build.pending_downloads:
                print(f"making {build.pending_downloads} downloads in the background",
                      file=sys.stderr)
                problems = build.make_downloads()
                if problems:
                    print("\n".join(p.text() for p in problems), file=sys.stderr)
                else:
                    self.saw("downloads")
            try:
                self.preview.finish(started=self._indexing)
            except (SearchIndexError, PluginError) as error:
                if not self._stopped():
                    print(error, file=sys.stderr)
            finally:
                with self.saved:
                    self.indexer = None
            self._settle()

    def _indexing(self, indexer: subprocess.Popen) -> None:
        with self.saved:
            self.indexer = indexer
            waiting = bool(self.paths)
        if waiting:  # a save came in before it started
            indexer.kill()

    def _stopped(self) -> bool:
        """The indexer was stopped for a save (a rebuild, then indexing again, follow)."""
        with self.saved:
            indexer = self.indexer
        return indexer is not None and indexer.returncode is not None and indexer.returncode < 0

    def _settle(self) -> None:
        """Not busy when no save waits and nothing is left for the background."""
        with self.saved:
            self.state.busy = (bool(self.paths) or self.later.is_set()
                               or self.rebuilding.locked())


def report(outcome: Outcome) -> None:
    if outcome.ok:
        print(f"preview: {outcome.rendered} of {outcome.pages} pages rendered "
              f"({outcome.converted} converted) in {outcome.seconds:.2f} s", file=sys.stderr)
        return
    lines = [p.text() for p in outcome.problems] + outcome.warnings
    print(f"preview: {len(lines)} problem(s), shown on every page:\n  " + "\n  ".join(lines),
          file=sys.stderr)


def handler_for(state: State) -> type:
    class PreviewHandler(Handler):
        def do_GET(self):
            address = urlsplit(self.path)
            if address.path == f"{PREFIX}changes":
                since = int((parse_qs(address.query).get("since") or ["0"])[0] or 0)
                version = state.wait_after(since, WAIT_AT_MOST)
                return self._json({"version": version, "busy": state.busy})
            if address.path.startswith(PREFIX):
                name = address.path.removeprefix(PREFIX)
                if name not in OWN_FILES:
                    return self._send(404, ASSETS / "missing")
                return self._send(200, ASSETS / name)
            page = Path(self.translate_path(address.path))
            if address.path.endswith("/"):
                page = page / "index.html"
            if state.wait_for_page(page, WAIT_AT_MOST) or state.built_once:
                return super().do_GET()
            return self._page(nothing_built(building=state.shown is None), state.shown)

        def body_of(self, path: Path) -> bytes:
            body = super().body_of(path)
            if path.parent == ASSETS or path.suffix != ".html":
                return body
            return with_preview(body.decode("utf-8"), state.shown or Shown(0)).encode("utf-8")

        def cache_header(self, status: int) -> str:
            return "no-store"  # every save changes what a page shows

        def _json(self, value: dict) -> None:
            self._answer(json.dumps(value).encode(), "application/json")

        def _page(self, html: str, shown: Shown | None) -> None:
            self._answer(with_preview(html, shown or Shown(0)).encode("utf-8"),
                         "text/html; charset=utf-8")

        def _answer(self, body: bytes, content_type: str) -> None:
            """A 200 answer made here, not from a file, never kept by the browser."""
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return PreviewHandler


class _Saves(FileSystemEventHandler):
    """Saves under the watched folders, each told to the builder by its path from the
    commons' root (content/, data/, mkdocs.yml) or the project's (hooks/, site-overrides/)."""

    def __init__(self, builder: Builder, root: Path) -> None:
        self.builder = builder
        self.bases = [(root, ("mkdocs.yml", "content/", "data/")),
                      (ROOT, ("hooks/", "site-overrides/"))]

    def on_any_event(self, event: FileSystemEvent) -> None:
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self._saw(Path(os.fsdecode(path)))

    def _saw(self, path: Path) -> None:
        if "__pycache__" in path.parts or path.name.startswith((".", "~")) \
                or path.name.endswith("~"):
            return  # byte code, editors' swap and backup files
        for base, watched in self.bases:
            try:
                relative = path.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
            if relative.startswith(watched):  # not the preview's own folder, caches, git
                self.builder.saw(relative)
                return


def watch(saves: FileSystemEventHandler, root: Path) -> Observer:
    """A started observer telling saves of the commons at root, and of the project's code."""
    observer = Observer()
    observer.schedule(saves, str(root), recursive=False, event_filter=SAVES)  # mkdocs.yml
    for folder in (root / "content", root / "data", ROOT / "hooks", ROOT / "site-overrides"):
        if folder.is_dir():
            observer.schedule(saves, str(folder), recursive=True, event_filter=SAVES)
    observer.start()
    return observer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="the commons: the folder of its mkdocs.yml (default: this one)")
    parser.add_argument("--site-dir", type=Path,
                        help=f"where the preview is written (default: {PREVIEW_DIR})")
    parser.add_argument("--local-editor", action="store_true",
                        help="the editor at /admin/ saves through decap-server (make edit)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    site_dir = (args.site_dir or root / PREVIEW_DIR).resolve()
    state_file = site_dir.with_name(site_dir.name + "-state.pickle")
    state = State()
    preview = Preview(root / "mkdocs.yml", site_dir, local_editor=args.local_editor,
                      wrote=state.page_written)
    if not (site_dir.is_dir() and preview.resume(state_file)):
        shutil.rmtree(site_dir, ignore_errors=True)  # nothing in it is known to be current
        site_dir.mkdir(parents=True)
    builder = Builder(preview, state)
    threading.Thread(target=builder.run, daemon=True).start()
    threading.Thread(target=builder.run_later, daemon=True).start()
    observer = watch(_Saves(builder, root), root)
    with serve(site_dir, args.port, handler_for(state)) as base:
        print(f"preview: {base} (Ctrl-C to stop)", file=sys.stderr)
        try:
            signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
            threading.Event().wait()
        except (KeyboardInterrupt, SystemExit):
            pass
    observer.stop()
    builder.stop_and_save(state_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
