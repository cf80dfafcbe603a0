"""The order of the top-level navigation, so contributors never have to edit a nav list."""

from __future__ import annotations

from typing import Any


def order_sections(items: list[Any], order: tuple[str, ...]) -> list[Any]:
    """The home page first, then top-level items in the configured order (by title or page
    url); others keep their place after them. Sorting is stable, so the result is deterministic."""
    rank = {name.lower(): position for position, name in enumerate(order)}

    def key(item: Any) -> int:
        names = [str(getattr(item, "title", "") or "").lower()]
        page_file = getattr(item, "file", None)
        if page_file is not None:
            if page_file.src_uri == "index.md":
                return -1  # the home page leads, whatever its title
            names.append(page_file.src_uri.lower())
        return min((rank[n] for n in names if n in rank), default=len(rank))

    return sorted(items, key=key)
