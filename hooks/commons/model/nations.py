"""Where things apply: the UK's four nations, and the nations of a page.

Law, regulators, registers and qualification frameworks differ between the nations. A record
lists the nations where it applies; "UK" means all of them.
"""

from __future__ import annotations

from commons.model.records import Commons, Page

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
UK = "UK"  # all four


def applies(where: tuple[str, ...], nation: str) -> bool:
    """Whether something that applies in `where` applies in `nation` (a nation, or UK)."""
    return UK in where or (nation != UK and nation in where)


def page_nations(commons: Commons, page: Page) -> tuple[str, ...]:
    """The nations a page is for: a pathway's `nations`; a session's, from the regions it
    runs in and the regions of its events; () for a page that is for everyone."""
    declared = page.meta.get("nations")
    if declared:
        return tuple(declared)
    if page.type != "session":
        return ()
    regions = set(page.meta.get("regions") or ())
    regions |= {e.region for e in commons.index.events_by_session.get(page.id, ()) if e.region}
    found = {commons.regions[r].nation for r in regions if r in commons.regions}
    return tuple(n for n in (*NATIONS, UK) if n in found)


def for_nation(commons: Commons, page: Page, nation: str) -> bool:
    """Whether a page serves people in `nation`: it is for everyone, UK-wide, or there."""
    where = page_nations(commons, page)
    return not where or applies(where, nation)
