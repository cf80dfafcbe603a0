"""An Atom feed (RFC 4287) of new and updated resources: policies, pathways, toolkits and
sessions, newest first.

A page's dates come from git (one `git log` for the whole docs folder): updated is its last
commit, published its first. A page git does not know yet uses its last_reviewed date, or the
build date. The feed's own updated time is its newest entry's, so it is deterministic.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from commons.core.paths import page_url
from commons.generate.common import whole_commons
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.git_dates import Dates
from commons.load.settings import Settings
from commons.model import types
from commons.model.records import Commons, Page

FEED = "feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
LIMIT = 50


@reads("content_label", "history", "pages", "topics")
def generate_feed(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    return [GeneratedFile(FEED, feed_xml(commons, settings, commons.history),
                          whole_commons(commons))]


def entry_dates(page: Page, dates: Dates, today: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """(published, updated) from git by the page's root-relative path, else its review date
    or the build date."""
    if page.origin.path in dates:
        return dates[page.origin.path]
    reviewed = page.meta.get("last_reviewed")
    day = reviewed if isinstance(reviewed, dt.date) else today
    moment = dt.datetime.combine(day, dt.time(), dt.timezone.utc)
    return moment, moment


def feed_xml(commons: Commons, settings: Settings, dates: Dates) -> str:
    pages = [p for kind in types.content_types() if kind.in_feed
             for p in commons.pages_of(kind.name)]
    dated = sorted(((entry_dates(p, dates, settings.today), p) for p in pages),
                   key=lambda item: (-item[0][1].timestamp(), item[1].src_path))[:LIMIT]
    site = settings.site_url or "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "en-GB"})
    _text(feed, "title", "Learning Commons: new and updated resources")
    _text(feed, "subtitle", "Policies, pathways, toolkits and sessions added or changed.")
    _text(feed, "id", urljoin(site, FEED))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=urljoin(site, FEED))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=site)
    newest = dated[0][0][1] if dated else dt.datetime.combine(settings.today, dt.time(),
                                                              dt.timezone.utc)
    _text(feed, "updated", _stamp(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Learning Commons")
    _text(feed, "rights", "CC BY 4.0")
    for (published, updated), page in dated:
        url = page_url(site, page.src_path)
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", page.title)
        _text(entry, "id", url)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(entry, "published", _stamp(published))
        _text(entry, "updated", _stamp(updated))
        _text(entry, "summary", page.summary)
        ET.SubElement(entry, f"{{{ATOM}}}category", term=page.type)
        for topic in page.topics:
            if topic in commons.topics:
                ET.SubElement(entry, f"{{{ATOM}}}category", term=topic,
                              label=commons.topics[topic].name)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat().replace("+00:00", "Z")
