"""Finished downloads kept in .cache/downloads/, keyed by a hash of everything that makes them.

The key covers the prepared text, the sample-data notice, the bytes of every image, the
page's details, the style, the versions of pandoc and typst, and the export code itself. A rebuild with nothing changed
runs neither tool; a changed toolkit misses only its own entries. Each page and format keeps
one entry: writing a new one removes the old.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from commons.export.formats import Document, Format, Style

_CODE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def toolkit_versions() -> dict[str, str]:
    """Tool versions and a hash of the export code: a change to either invalidates all."""
    digest = hashlib.sha256()
    for path in sorted(_CODE.rglob("*")):
        if path.suffix in (".py", ".typ"):
            digest.update(path.relative_to(_CODE).as_posix().encode() + path.read_bytes())
    return {"pypandoc-binary": metadata.version("pypandoc-binary"),
            "typst": metadata.version("typst"), "code": digest.hexdigest()}


def cache_key(fmt: Format, doc: Document, style: Style) -> str:
    images = {name: hashlib.sha256(path.read_bytes()).hexdigest()
              for name, path in sorted(doc.assets.items())}
    facts = {
        "format": fmt.key, "page": doc.page_id, "title": doc.title, "summary": doc.summary,
        "version": doc.version, "date": doc.date.isoformat(), "owner": doc.owner,
        "url": doc.url, "text": doc.text, "notice": doc.notice, "images": images,
        "cards": [dataclasses.asdict(c) for c in doc.cards] if fmt.key == "cards" else [],
        "card_text": doc.card_text if fmt.key == "cards" else "",
        "style": dataclasses.asdict(style), "tools": toolkit_versions(),
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode("utf-8")).hexdigest()


class Cache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _entry(self, page_id: str, fmt: Format, key: str) -> Path:
        return self.folder / page_id / f"{fmt.key}-{key}.{fmt.extension}"

    def get(self, page_id: str, fmt: Format, key: str) -> bytes | None:
        try:
            return self._entry(page_id, fmt, key).read_bytes()
        except OSError:
            return None

    def put(self, page_id: str, fmt: Format, key: str, data: bytes) -> None:
        """Store atomically (a parallel build never reads half a file); drop older entries."""
        entry = self._entry(page_id, fmt, key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".partial-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, entry)
        for old in entry.parent.glob(f"{fmt.key}-*.{fmt.extension}"):
            if old != entry:
                old.unlink(missing_ok=True)
