"""The top-level navigation follows extra.commons.nav_order, with the home page first."""

from __future__ import annotations

from dataclasses import dataclass

from commons.render.navigation import order_sections


@dataclass
class FakeFile:
    src_uri: str


@dataclass
class FakeItem:
    title: str
    file: FakeFile | None = None


def titles(items):
    return [item.title for item in items]


def test_configured_order_then_the_rest_in_place():
    items = [FakeItem("About"), FakeItem("Zebra"), FakeItem("Pathways"), FakeItem("Alpha")]
    ordered = order_sections(items, ("Pathways", "About"))
    assert titles(ordered) == ["Pathways", "About", "Zebra", "Alpha"]


def test_home_page_leads_whatever_its_title():
    items = [FakeItem("Pathways"), FakeItem("Learning together", FakeFile("index.md")),
             FakeItem("What's on", FakeFile("whats-on.md"))]
    ordered = order_sections(items, ("Pathways", "whats-on.md"))
    assert titles(ordered) == ["Learning together", "Pathways", "What's on"]
