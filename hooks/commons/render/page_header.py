"""What a reader sees first on every page: the title, the summary as a lead paragraph, one
line of facts, then downloads; and a "Was this page helpful?" answer by email that needs no
account. Pure functions over plain data; the partials under site-overrides/ draw them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from commons.model import types
from commons.render.page_info import feedback_body, feedback_subject
from commons.search.fields import page_type

_H1_END = re.compile(r"</h1\s*>", re.IGNORECASE)
_H1_START = re.compile(r"<h1[\s>]", re.IGNORECASE)


@dataclass(frozen=True)
class Header:
    title_html: str  # the page's own <h1>...</h1>, or "" when the page has none
    body_html: str  # everything after it (or the whole content)
    kind: str | None  # "Policy", "Toolkit", ...; None for plain pages
    audience: tuple[str, ...]
    summary: str | None


def split_title(html: str) -> tuple[str, str]:
    """The page's first <h1> element and what follows it. Anything before the h1 (rare:
    a page that opens with an image) stays in front of the body."""
    start = _H1_START.search(html)
    end = _H1_END.search(html, start.start()) if start else None
    if not start or not end:
        return "", html
    return html[start.start():end.end()], html[:start.start()] + html[end.end():]


def header(src_uri: str, meta: dict[str, Any], html: str) -> Header:
    """The header of one page from its front matter and rendered content."""
    title_html, body_html = split_title(html)
    kind = page_type(src_uri, meta)
    audience = meta.get("audience") or ()
    if isinstance(audience, str):
        audience = (audience,)
    summary = meta.get("summary") or meta.get("description")
    return Header(title_html=title_html, body_html=body_html,
                  kind=None if kind == "page" else types.search_labels()[kind],
                  audience=tuple(str(a) for a in audience),
                  summary=str(summary).strip() if summary else None)


@functools.lru_cache(maxsize=16384)  # the preview asks again for every page at every save
def feedback_email(address: str | None, title: str, url: str, helpful: bool) -> str | None:
    """A mailto: address with the subject and body filled in, so anyone can answer."""
    if not address:
        return None
    query = {"subject": feedback_subject(title, helpful), "body": feedback_body(url, helpful)}
    return f"mailto:{address}?" + urlencode(query, quote_via=quote)


def organisation(extra: dict[str, Any] | None) -> dict[str, str]:
    """extra.commons.organisation from mkdocs.yml: name, email and address (all optional)."""
    found = ((extra or {}).get("commons") or {}).get("organisation") or {}
    return {key: str(found[key]) for key in ("name", "email", "address") if found.get(key)}


def feedback_emails(extra: dict[str, Any] | None, meta: dict[str, Any], title: str, url: str
                    ) -> tuple[str | None, str | None]:
    """The Yes and No answers to "Was this page helpful?", by email to the commons; none
    on a page whose front matter hides feedback."""
    address = None if "feedback" in (meta.get("hide") or ()) else organisation(extra).get("email")
    return (feedback_email(address, title, url, True),
            feedback_email(address, title, url, False))
