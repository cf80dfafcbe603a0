"""Whole-commons rules that run after loading, on the typed model.

Each rule takes the Commons and the page sources and returns problems. A rule is added by
writing it in its own module and listing it in RULES.
"""

from __future__ import annotations

from typing import Callable

from .content import Source
from .model import Commons
from .problems import Problem

Rule = Callable[[Commons, list[Source]], list[Problem]]

RULES: list[Rule] = []

from .readability import readability_rule  # noqa: E402  (rules register after RULES exists)

RULES.append(readability_rule)

from .generate.pathways import credits_rule  # noqa: E402
from .generate.reviews import overdue_rule  # noqa: E402

RULES += [credits_rule, overdue_rule]

from .html_policy import html_policy_rule  # noqa: E402

RULES.append(html_policy_rule)

from .events import events_rule  # noqa: E402

RULES.append(events_rule)

from .export import download_rule  # noqa: E402

RULES.append(download_rule)

from .id_guard import id_guard_rule  # noqa: E402

RULES.append(id_guard_rule)
