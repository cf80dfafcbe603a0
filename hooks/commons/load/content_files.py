"""Every file under content/ accounted for. MkDocs copies any file it finds there into the
site as it is, past every check: a page saved as .html runs its script on the site's own
address, content/assets/ replaces the theme's files, a symbolic link publishes whatever it
points at, and an SVG can carry script into the site and the downloads. So content/ holds
pages (.md) and, in a page's folder, pictures and PDFs; anything else is refused, naming it.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from commons.core.problems import Problem

PAGE = ".md"
ALLOWED = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf"})
_MARKDOWN_SPELLINGS = frozenset({".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn", ".md"})
_ALLOWED_TEXT = "pages (.md) and, in a page's folder, pictures (PNG, JPEG, GIF, WebP) or PDFs"


def site_files(content_dir: Path) -> frozenset[str]:
    """Every file under content_dir that is not a page and may be published, as a path
    inside it: what a page may link to or show besides other pages."""
    return frozenset(path.relative_to(content_dir).as_posix()
                     for path in content_dir.rglob("*")
                     if path.is_file() and not path.is_symlink() and path.suffix in ALLOWED)


def content_problems(content_dir: Path, label: str, theme_dirs: tuple[Path, ...] = ()
                     ) -> list[Problem]:
    """Each file under content_dir that would be published unchecked, or is a link."""
    shadowed: frozenset[str] | None = None  # read only when there is a file to compare
    problems = []
    for path in sorted(content_dir.rglob("*")):
        relative = path.relative_to(content_dir).as_posix()
        where = f"{label}/{relative}"
        if path.is_symlink():
            problems.append(Problem(where, message="this is a symbolic link; what it points "
                                    "at would be published", hint="copy the file into content/ "
                                    "instead of linking to it"))
            continue
        if path.is_dir():
            continue
        if shadowed is None and path.suffix != PAGE:
            shadowed = _theme_files(theme_dirs)
        reason = _refusal(path, relative, content_dir, shadowed or frozenset())
        if reason:
            problems.append(Problem(where, message=reason[0], hint=reason[1]))
    return problems


def _refusal(path: Path, relative: str, content_dir: Path,
             shadowed: frozenset[str]) -> tuple[str, str] | None:
    suffix = path.suffix
    if suffix == PAGE:
        return None
    if suffix.lower() in _MARKDOWN_SPELLINGS:
        return (f"a page must end in .md, not {suffix}: this one would be published with no "
                "check at all", f"rename it to {path.stem}.md")
    if relative.split("/", 1)[0] == "assets" or relative in shadowed:
        return ("this file would replace one of the site's own files of the same name",
                "give it another name, in the folder of the page that uses it")
    if suffix.lower() == ".svg":
        return ("SVG pictures are not published: an SVG can carry script and links that run "
                "on the site and in the downloads", "export the picture as PNG and use that")
    if suffix.lower() not in ALLOWED:
        return (f"a {suffix or 'file without a type'} file is not published from content/",
                f"content/ holds {_ALLOWED_TEXT}")
    if suffix != suffix.lower():
        return (f"the file type {suffix} is in capitals, which some servers do not serve",
                f"rename it to {path.stem}{suffix.lower()}")
    if not any(folder.glob("*.md") for folder in (path.parent, path.parent.parent)
               if folder.is_relative_to(content_dir)):
        return ("a picture or PDF belongs in the folder of the page that shows it",
                "move it beside that page")
    return None


def _theme_files(theme_dirs: tuple[Path, ...]) -> frozenset[str]:
    """The files the theme puts in the site (its templates folder and the overrides)."""
    names = set()
    for folder in theme_dirs:
        names |= {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    for file in metadata.files("mkdocs-material") or ():
        parts = file.parts
        if len(parts) > 2 and parts[:2] == ("material", "templates"):
            names.add("/".join(parts[2:]))
    return frozenset(names)
