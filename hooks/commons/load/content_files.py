"""Files under content/ are published as they are: a symbolic link that leads out of
content/ would copy whatever it points at (a key, a password file) into the site and its
downloads. Every such link is refused, naming itself."""

from __future__ import annotations

from pathlib import Path

from commons.core.problems import Problem


def site_files(content_dir: Path) -> frozenset[str]:
    """Every file under content_dir that is not a page, as a path inside it: what a page may
    link to or show besides other pages."""
    return frozenset(path.relative_to(content_dir).as_posix()
                     for path in content_dir.rglob("*")
                     if path.is_file() and path.suffix != ".md")


def outside_links(content_dir: Path, label: str) -> list[Problem]:
    """Each symbolic link under content_dir whose target is outside it (or missing)."""
    base = content_dir.resolve()
    problems = []
    for path in sorted(content_dir.rglob("*")):
        if not path.is_symlink():
            continue
        target = path.resolve()
        if not target.is_relative_to(base) or not target.exists():
            problems.append(Problem(f"{label}/{path.relative_to(content_dir).as_posix()}",
                                    message="this is a link to a file outside content/",
                                    hint="copy the file into content/ instead of linking to it"))
    return problems
