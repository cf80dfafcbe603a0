"""The publish check (`make check ARGS="--publish"`): nothing that stands in for a real detail
is published as if it were one.

It refuses sample-data mode itself, example organisation details, addresses and links at the
hosts kept for examples (example.org, example.com, example.net and anything under .example),
and sample venues; each at its line in mkdocs.yml or datapackage.yaml, or its row and column in
a table. It runs only when asked (Settings.publish): day to day the commons is built, and
checked, with its examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from commons.core.problems import Problem
from commons.load.settings import CONFIG, ORGANISATION_KEYS, Settings
from commons.model.records import Commons

EXAMPLE_DOMAINS = ("example.org", "example.com", "example.net")
SAMPLE_VENUE = "(sample venue)"
EXAMPLE_MARK = "(example"  # "(example)", "(example address)"
_ADDRESS = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+(?:\.[\w-]+)+)|https?://([^/\s?#:]+)", re.IGNORECASE)


def is_example_host(host: str) -> bool:
    """A host kept for examples (RFC 2606): example.org, .com, .net and names under them, and
    every name under the .example top-level domain."""
    host = host.lower().rstrip(".")
    return (host == "example" or host.endswith(".example")
            or any(host == d or host.endswith("." + d) for d in EXAMPLE_DOMAINS))


def example_address(text: str) -> str | None:
    """The first email address or web address in text at an example host, if any."""
    for found in _ADDRESS.finditer(text or ""):
        if is_example_host(found.group(1) or found.group(2) or ""):
            return found.group(0)
    return None


def publish_rule(commons: Commons, settings: Settings) -> list[Problem]:
    """Every placeholder that must be replaced before the site is published."""
    if not settings.publish:
        return []
    return [*_settings_problems(settings), *_table_problems(commons),
            *_licence_problems(commons)]


def _settings_problems(settings: Settings) -> Iterator[Problem]:
    if settings.sample_data:
        yield _config_problem(settings, "extra.commons.sample_data",
                              "sample-data mode is on: every page says its people, events and "
                              "venues are examples",
                              "replace the examples in data/ with real details, then set "
                              "sample_data: false")
    for key in ORGANISATION_KEYS:
        value = getattr(settings.organisation, key)
        if EXAMPLE_MARK in value.lower() or example_address(value):
            yield _config_problem(settings, f"extra.commons.organisation.{key}",
                                  f"the organisation's {key} is an example: '{value}'",
                                  f"write the organisation's real {key}")
    for number, contact in enumerate(settings.public_contacts_given):
        if example_address(contact):
            yield _config_problem(settings, f"extra.commons.public_contacts.{number}",
                                  f"'{contact}' in public_contacts is an example address",
                                  "write the commons' real address, or remove it")


def _table_problems(commons: Commons) -> Iterator[Problem]:
    for event in commons.events:
        origin = event.origin
        if example_address(event.contact):
            yield origin.problem(f"the contact '{event.contact}' is an example address",
                                 "write the organiser's real address", field="contact")
        if is_example_host(urlsplit(event.booking).hostname or "") or example_address(
                event.booking):
            yield origin.problem(f"the booking link '{event.booking}' goes to an example host",
                                 "link the real booking page, or leave booking empty and "
                                 "give a contact", field="booking")
        if SAMPLE_VENUE in (event.venue or "").lower():
            yield origin.problem(f"the venue '{event.venue}' is a sample venue",
                                 "write the real venue and its address", field="venue")
    for teacher in sorted(commons.teachers.values(), key=lambda t: t.origin.row or 0):
        if example_address(teacher.contact or ""):
            yield teacher.origin.problem(f"the contact '{teacher.contact}' is an example "
                                         "address", "write the person's real address, or "
                                         "leave contact empty", field="contact")


def _licence_problems(commons: Commons) -> Iterator[Problem]:
    descriptor = f"{commons.data_label}/datapackage.yaml"
    seen: set[int | None] = set()
    for resource in commons.resources:
        for licence, line in zip(resource.get("licenses") or (),
                                 resource.get("licence_lines") or ()):
            path = str(licence.get("path") or "")
            if is_example_host(urlsplit(path).hostname or "") and line not in seen:
                seen.add(line)
                yield Problem(descriptor, line=line, field="licenses.path",
                              message=f"the licence of {resource['name']} is at an example "
                                      f"host: {path}",
                              hint="give the address where the licence's terms are published")


def _config_problem(settings: Settings, key: str, message: str, hint: str) -> Problem:
    return Problem(CONFIG, line=settings.line_of(key), field=key, message=message, hint=hint)
