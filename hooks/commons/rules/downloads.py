"""Pages published as downloads: their images and includes stay in the page's folder, and a
card pack has cards. (The build also checks links out of the folder and missing files.)"""

from __future__ import annotations

from commons.core.problems import Problem
from commons.load.download_source import check_paths
from commons.load.settings import Settings
from commons.model.cards import card_problems, find_cards
from commons.model.pages import offers_downloads
from commons.model.records import Commons


def download_rule(commons: Commons, settings: Settings) -> list[Problem]:
    problems: list[Problem] = []
    for page in commons.pages.values():
        if offers_downloads(page):
            label = page.origin.path
            problems += check_paths(label, page.body, page.body_line, page.src_path)
            cards = find_cards(page, page.body, page.body_line)
            problems += card_problems(label, page, cards)
    return problems
