"""Helpers for the adversarial suite: copy the good site built once per run (the mini_built
fixture), try hostile input against the copy and prove that nothing was published."""

from __future__ import annotations

import gzip
import shutil
import subprocess
import zlib
from pathlib import Path

from commons.core.problems import Problem
from commons.pipeline import load
from commons.publish import build_atomically
from helpers import tree_digest


def copy_of(good: tuple[Path, Path], base: Path) -> tuple[Path, Path]:
    commons, site = good
    shutil.copytree(commons, base / "commons")
    shutil.copytree(site, base / "site")
    return base / "commons", base / "site"


def refused(commons: Path, site: Path, **kwargs) -> subprocess.CompletedProcess:
    """Build hostile input; assert that it failed, left site/ byte-identical and left no
    staging folder behind."""
    before = tree_digest(site)
    result = build_atomically(commons, site_dir=site, **kwargs)
    assert result.returncode != 0, "the hostile build must fail"
    assert tree_digest(site) == before, "the last good site must be untouched"
    assert not list(site.parent.glob(".site-build-*")), "no staging folder is left behind"
    return result


def problem_texts(root: Path) -> list[str]:
    return [p.text() for p in load(root).problems]


def exact(problems: list[Problem]) -> list[str]:
    return [p.text() for p in problems]


def readable_text(path: Path) -> str:
    """A built file's text, decompressed when it is gzip or zlib (sitemaps, Pagefind)."""
    data = path.read_bytes()
    for unpack in (gzip.decompress, zlib.decompress):
        try:
            data = unpack(data)
            break
        except (OSError, zlib.error, EOFError):
            continue
    return data.decode("utf-8", errors="replace")


def files_mentioning(site: Path, needles: list[str]) -> list[str]:
    """Every file under site whose text (decompressed if need be) contains a needle."""
    hits = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = readable_text(path).lower()
        hits += [f"{path.relative_to(site)}: {n}" for n in needles if n.lower() in text]
    return hits


def plant_hook(commons: Path, source: str, first: bool = True) -> Path:
    """Add a small hook module to the commons' mkdocs.yml, before (or after) the project's."""
    import yaml

    hook = commons / "planted_hook.py"
    hook.write_text(source, encoding="utf-8")
    config_path = commons / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config["hooks"] = [str(hook), *config["hooks"]] if first else [*config["hooks"], str(hook)]
    config_path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return hook


def refused_with_hook(good: tuple[Path, Path], base: Path, source: str,
                      first: bool = True) -> subprocess.CompletedProcess:
    """Copy a good commons and its site, then build with a planted hook; it must be
    refused."""
    commons, site = copy_of(good, base / "try")
    plant_hook(commons, source, first)
    return refused(commons, site)


def download_links(path: Path) -> list[str]:
    """Every link a reader can follow in a PDF (the /URI of each link annotation), a DOCX
    (the hyperlink targets of every part's relationships; links to bookmarks are named by
    anchor, not here) or an EPUB (every href in its XHTML parts)."""
    import xml.etree.ElementTree as ET
    import zipfile

    import pypdf

    links: list[str] = []
    if path.suffix == ".pdf":
        for page in pypdf.PdfReader(path).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A") or {}
                if "/URI" in action:
                    links.append(str(action["/URI"]))
        return links
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if path.suffix == ".docx" and name.endswith(".rels"):
                links += [rel.get("Target", "") for rel in ET.fromstring(archive.read(name))
                          if rel.get("Type", "").endswith("/hyperlink")]
            elif path.suffix == ".epub" and name.endswith(".xhtml"):
                links += [value for element in ET.fromstring(archive.read(name)).iter()
                          for key, value in element.attrib.items()
                          if key.rsplit("}", 1)[-1] == "href"]
    return links


def problems_in_child(root: Path, timeout: float = 300.0) -> list[str]:
    """load(root) in a child process, as `make check` runs it, stopped after timeout seconds
    so that a check that has become slow fails the test instead of hanging it: the text of
    every problem, in order."""
    import json
    import os
    import sys

    from helpers import MINI_BUILD_DAY

    code = ("import json, sys; from pathlib import Path; from commons.pipeline import load; "
            "print(json.dumps([p.text() for p in load(Path(sys.argv[1])).problems]))")
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True,
                          text=True, timeout=timeout,
                          env={**os.environ, "SOURCE_DATE_EPOCH": MINI_BUILD_DAY})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def one_line(unit: str, size: int = 1_000_000) -> str:
    """A line of about size characters: unit repeated."""
    return unit * (size // len(unit))
