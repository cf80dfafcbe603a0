"""schema.org JSON-LD and Open Graph tags for each page, from the model.

Course for sessions (with a CourseInstance per upcoming date), Event for each upcoming event
on What's on, Organization for partners, EducationalOccupationalCredential for
qualifications, a minimal Person (name and job title only) for listed teachers, WebSite for
the home page and Article otherwise. Generated pages are recognised by their path and read
from the model, never from their (already escaped) front matter.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from dataclasses import dataclass
from typing import Any

from commons.core.paths import page_url
from commons.generate.common import PARTNERS, qualification_uri, teacher_uri
from commons.generate.whats_on import WHATS_ON
from commons.load.settings import Settings
from commons.model import events as ev
from commons.model.records import Commons, Event, Page

SCHEMA = "https://schema.org"
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class PageFacts:
    """What MkDocs knows about the page being rendered."""

    src_uri: str
    url: str  # absolute (canonical) address
    title: str
    description: str
    generated: bool


def metadata(facts: PageFacts, commons: Commons, settings: Settings,
             site_name: str) -> dict[str, Any]:
    """{'jsonld': script-safe JSON text, 'og': [(property, content), ...]} for a page."""
    title = html.unescape(facts.title) if facts.generated else facts.title
    description = html.unescape(facts.description) if facts.generated else facts.description
    page = commons.index.by_path.get(facts.src_uri)
    if page is not None:
        description = page.summary or description
    node = _node(facts, page, commons, settings, site_name, title, description)
    og = [("og:type", "website" if facts.src_uri == "index.md" else "article"),
          ("og:title", title), ("og:description", description), ("og:url", facts.url),
          ("og:site_name", site_name), ("og:locale", "en_GB")]
    return {"jsonld": script_json({"@context": SCHEMA, **node}), "og": og}


def script_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment in it."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.translate(_SCRIPT_SAFE)


def _node(facts: PageFacts, page: Page | None, commons: Commons, settings: Settings,
          site_name: str, title: str, description: str) -> dict[str, Any]:
    publisher = {"@type": "Organization", "name": site_name, "url": settings.site_url}
    uri = facts.src_uri
    if page is not None and page.type == "session":
        return _course(commons, settings, page, facts.url, publisher)
    if uri == WHATS_ON:
        return {"@graph": [_event(commons, settings, e, publisher)
                           for e in ev.within(ev.upcoming(commons, settings.today),
                                              settings.today, settings.whats_on_months)[0]]}
    if uri == PARTNERS:
        return {"@graph": [_organization(commons, p) for p in commons.partners.values()]}
    # Only a teacher's or a qualification's page reads those tables (the preview remakes a
    # page's context when a table it read changes).
    record_id = uri.rsplit("/", 1)[-1].removesuffix(".md")
    teacher = commons.teachers.get(record_id) if uri == teacher_uri(record_id) else None
    if teacher is not None and teacher.listed:
        return {"@type": "Person", "name": teacher.name, "jobTitle": teacher.role}
    qualification = (commons.qualifications.get(record_id)
                     if uri == qualification_uri(record_id) else None)
    if qualification is not None:
        return _credential(qualification)
    if uri == "index.md":
        return {"@type": "WebSite", "name": site_name, "url": facts.url,
                "description": description, "inLanguage": "en-GB", "publisher": publisher}
    article = {"@type": "Article", "headline": title, "description": description,
               "url": facts.url, "inLanguage": "en-GB", "publisher": publisher,
               "license": "https://creativecommons.org/licenses/by/4.0/"}
    reviewed = page.meta.get("last_reviewed") if page else None
    if isinstance(reviewed, dt.date):
        article["dateModified"] = reviewed.isoformat()
    return article


def _course(commons: Commons, settings: Settings, page: Page, url: str,
            publisher: dict[str, Any]) -> dict[str, Any]:
    course = {"@type": "Course", "name": page.title, "description": page.summary, "url": url,
              "provider": publisher, "inLanguage": "en-GB",
              "teaches": list(page.meta.get("learning_outcomes") or ()),
              "about": [commons.topics[t].name for t in page.topics if t in commons.topics],
              "isAccessibleForFree": True}
    partners = [commons.partners[p] for p in page.meta.get("partners") or ()
                if p in commons.partners]
    if partners:
        course["contributor"] = [_organization(commons, p) for p in partners]
    course["hasCourseInstance"] = [_instance(commons, e)
                                   for e in ev.within(ev.for_session(
                                       commons, page.id, settings.today), settings.today,
                                       settings.whats_on_months)[0]]
    return course


def _instance(commons: Commons, event: Event) -> dict[str, Any]:
    return {"@type": "CourseInstance", "name": ev.title(commons, event),
            "courseMode": {ev.ONLINE: "Online", ev.BLENDED: "Blended"}.get(event.mode, "Onsite"),
            "startDate": event.start.isoformat(), "endDate": event.end.isoformat(),
            "location": _location(commons, event), "maximumAttendeeCapacity": event.places,
            **_offers(event)}


def _offers(event: Event) -> dict[str, Any]:
    """Where to book: the booking link, or the organiser's address; none when neither."""
    url = event.booking or ev.booking_contact(event)
    return {"offers": {"@type": "Offer", "url": url}} if url else {}


_ATTENDANCE = {ev.ONLINE: "Online", ev.IN_PERSON: "Offline", ev.BLENDED: "Mixed"}


def _event(commons: Commons, settings: Settings, event: Event,
           publisher: dict[str, Any]) -> dict[str, Any]:
    page = ev.session_page(commons, event)
    return {"@type": "Event", "name": ev.title(commons, event),
            "description": page.summary if page else "",
            "url": page_url(settings.site_url, page.src_path if page else WHATS_ON),
            "startDate": event.start.isoformat(), "endDate": event.end.isoformat(),
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}/{_ATTENDANCE.get(event.mode, 'Offline')}"
                                   "EventAttendanceMode",
            "location": _location(commons, event), "organizer": publisher,
            "maximumAttendeeCapacity": event.places, **_offers(event)}


def _location(commons: Commons, event: Event) -> dict[str, Any]:
    if event.mode == ev.ONLINE:
        return {"@type": "VirtualLocation", **({"url": event.booking} if event.booking else {})}
    region = commons.regions.get(event.region or "")
    address = {"@type": "PostalAddress", "streetAddress": event.venue, "addressCountry": "GB"}
    if region:
        address["addressRegion"] = region.name
    return {"@type": "Place", "name": event.venue, "address": address}


def _organization(commons: Commons, partner: Any) -> dict[str, Any]:
    node = {"@type": "Organization", "name": partner.name, "description": partner.contributes}
    if partner.website:
        node["url"] = partner.website
    region = commons.regions.get(partner.region)
    if region:
        node["areaServed"] = region.name
    return node


def _credential(qualification: Any) -> dict[str, Any]:
    node = {"@type": "EducationalOccupationalCredential", "name": qualification.name,
            "alternateName": qualification.short_name, "description": qualification.summary,
            "credentialCategory": "qualification",
            "recognizedBy": {"@type": "Organization", "name": qualification.awarded_by}}
    if qualification.level is not None:
        node["educationalLevel"] = f"{qualification.framework} level {qualification.level}"
    return node
