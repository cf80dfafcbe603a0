"""Where each page template is found in the built site.

Pages made from data (teachers, partners, regions, ...) are discovered, not named, so the
tests follow the content: a template with no page built fails its test with this message.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# template -> file pattern under site/; "*" takes the first page in sorted order.
TEMPLATES: dict[str, str] = {
    "home": "index.html",
    "policy": "policies/*/index.html",
    "pathway": "pathways/*/index.html",
    "toolkit": "toolkits/*/index.html",
    "session": "sessions/*/index.html",
    "what's on": "whats-on/index.html",
    "teacher directory": "teachers/index.html",
    "teacher": "teachers/*/index.html",
    "partner directory": "partners/index.html",
    "region": "regions/*/index.html",
    "qualification": "qualifications/*/index.html",
    "topic": "topics/*/index.html",
    "reports": "reports/index.html",
    "coverage report": "reports/coverage/index.html",
    "accessibility statement": "about/accessibility/index.html",
    "a to z": "a-z/index.html",
    "404": "404.html",
}
# Asked for a page that is not there, the server answers with 404.html.
MISSING_PATH = "no-such-page/"


def page_path(site: Path, template: str) -> str:
    """The URL path (relative to the site root) of the page that shows a template."""
    pattern = TEMPLATES[template]
    found = sorted(site.glob(pattern))
    if not found:
        pytest.fail(f"no {template} page in the built site: expected a file matching "
                    f"site/{pattern}; the content or generator for it is missing",
                    pytrace=False)
    if template == "404":
        return MISSING_PATH
    relative = found[0].relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def status_of(template: str) -> int:
    return 404 if template == "404" else 200
