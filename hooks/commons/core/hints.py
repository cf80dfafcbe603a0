"""Suggestions for a value that is not one of the valid ones."""

from __future__ import annotations

import difflib

LONGEST_COMPARED = 200  # characters; a longer value is a mistake of another kind


def nearest(value: str, choices: list[str] | set[str], count: int = 3) -> str:
    """'did you mean a?' text for an unknown value, or a few of the valid ones."""
    options = sorted(choices)
    if len(str(value)) > LONGEST_COMPARED:  # comparing takes time of both lengths multiplied
        options_only = nearest("", options, count)
        return options_only if options else "there are no valid values yet"
    scored = sorted(((difflib.SequenceMatcher(None, str(value).lower(), o.lower()).ratio(), o)
                     for o in options), key=lambda pair: (-pair[0], pair[1]))
    best = scored[0][0] if scored else 0
    close = [o for score, o in scored[:count] if score >= 0.6 and score >= best - 0.1]
    if close:
        return "did you mean " + ", ".join(f"'{c}'" for c in close) + "?"
    shown = ", ".join(f"'{c}'" for c in options[:6])
    more = f" and {len(options) - 6} more" if len(options) > 6 else ""
    return f"valid values: {shown}{more}" if options else "there are no valid values yet"
