"""The reports section's front page for learning leads."""

from __future__ import annotations

from commons.generate.common import COVERAGE, REPORTS, REVIEWS, ROLES, link, page_md, whole_commons
from commons.generate.files import GeneratedFile
from commons.generate.inputs import reads
from commons.load.settings import Settings
from commons.model.records import Commons


@reads("content_label")
def generate_reports_index(commons: Commons, settings: Settings) -> list[GeneratedFile]:
    here = REPORTS
    body = ["Reports for learning leads, made from the commons' own content and data each "
            "time the site is built.", "",
            f"- {link('Teacher coverage', here, COVERAGE)}: how many listed teachers hold each "
            "perspective in each region and topic, and where the gaps are.",
            f"- {link('Reviews due', here, REVIEWS)}: policies and toolkits whose review is "
            "due or overdue, oldest first.",
            f"- {link('Role requirements', here, ROLES)}: the least learning each role must "
            "hold, and where to learn it.", ""]
    return [GeneratedFile(REPORTS, page_md("Reports", body), whole_commons(commons), in_nav=True)]
