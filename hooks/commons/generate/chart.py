"""A horizontal stacked bar chart as a standalone SVG file, made at build time.

It is published as an image file (shown with <img>), never inline: images cannot run script,
and the pages stay within the site's HTML allowlist. Colours are presentation attributes,
each with at least 3:1 contrast against the white background (WCAG 1.4.11); the page shows
the same numbers in a table beside the chart.
"""

from __future__ import annotations

from commons.core.markup import esc

BAR, GAP, LABEL_WIDTH, PLOT_WIDTH, LEGEND_ROW = 18, 8, 300, 420, 22
COLOURS = ("#1b5e20", "#0d47a1", "#8e2470", "#b34700", "#4a3aa8", "#5d4037")


def stacked_bars(title: str, description: str, series: list[str],
                 rows: list[tuple[str, list[int]]]) -> str:
    """rows: (label, one count per series). Returns an SVG document."""
    most = max((sum(counts) for _, counts in rows), default=0) or 1
    legend_height = LEGEND_ROW * ((len(series) + 1) // 2) + GAP
    height = legend_height + len(rows) * (BAR + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 20
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n'
             f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" '
             'font-size="13" aria-labelledby="title desc">',
             f'<title id="title">{esc(title)}</title>',
             f'<desc id="desc">{esc(description)}</desc>',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    for number, name in enumerate(series):
        x = 8 + (number % 2) * (width // 2)
        y = (number // 2) * LEGEND_ROW
        parts.append(f'<rect x="{x}" y="{y + 4}" width="14" height="14" '
                     f'fill="{COLOURS[number % len(COLOURS)]}"/>'
                     f'<text x="{x + 20}" y="{y + 16}" fill="#1f1f1f">{esc(name)}</text>')
    for row, (label, counts) in enumerate(rows):
        y = legend_height + row * (BAR + GAP)
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 4}" text-anchor="end" '
                     f'fill="#1f1f1f">{esc(label)}</text>')
        x = LABEL_WIDTH
        for number, count in enumerate(counts):
            if not count:
                continue
            size = round(PLOT_WIDTH * count / most, 2)
            parts.append(f'<rect x="{x}" y="{y}" width="{size}" height="{BAR}" '
                         f'fill="{COLOURS[number % len(COLOURS)]}" stroke="#ffffff">'
                         f'<title>{esc(label)}, {esc(series[number])}: {count}</title></rect>')
            x = round(x + size, 2)
    parts.append("</svg>\n")
    return "\n".join(parts)
