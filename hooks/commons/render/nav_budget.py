"""Keep every page's navigation small as the commons grows.

Material with `navigation.sections` renders each top-level section's children on every page,
so a section of 1,500 sessions puts 1,500 links into each of the site's pages: build time
and page weight grow with the square of the commons. A section with more pages than
SECTION_LIMIT keeps only its overview page (when it has one) or its first SECTION_LIMIT pages
in the navigation; the others stay reachable through the overview, search, topic, region and
what's-on pages. Every page is still built.
"""

from __future__ import annotations

from typing import Any

SECTION_LIMIT = 40


def cap_sections(items: list[Any], limit: int = SECTION_LIMIT) -> list[Any]:
    """Trim the children of each oversized section, in place; returns the items."""
    for item in items:
        children = getattr(item, "children", None)
        if not children:
            continue
        cap_sections(children, limit)
        if len(children) > limit:
            overview = [c for c in children if getattr(c, "is_index", False)]
            item.children = overview or children[:limit]
    return items
