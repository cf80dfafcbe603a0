"""A horizontal stacked bar chart as a standalone SVG file, made at build time.

It is published as an image file (shown with <img>), never inline: images cannot run script,
and the pages stay within the site's HTML allowlist. Colours are presentation attributes,
each with at least 3:1 contrast against the white background (WCAG 1.4.11); the page shows
the same numbers in a table beside the chart.
"""

from __future__ import annotations

from commons.generate.templates import fragment

BAR, GAP, LABEL_WIDTH, PLOT_WIDTH, LEGEND_ROW = 18, 8, 300, 420, 22
COLOURS = ("#1b5e20", "#0d47a1", "#8e2470", "#b34700", "#4a3aa8", "#5d4037")


def stacked_bars(title: str, description: str, series: list[str],
                 rows: list[tuple[str, list[int]]]) -> str:
    """rows: (label, one count per series). Returns an SVG document."""
    most = max((sum(counts) for _, counts in rows), default=0) or 1
    legend_height = LEGEND_ROW * ((len(series) + 1) // 2) + GAP
    height = legend_height + len(rows) * (BAR + GAP) + GAP
    width = LABEL_WIDTH + PLOT_WIDTH + 20
    legend = [{"x": 8 + (number % 2) * (width // 2), "y": (number // 2) * LEGEND_ROW,
               "colour": COLOURS[number % len(COLOURS)], "name": name}
              for number, name in enumerate(series)]
    bars = []
    for row, (label, counts) in enumerate(rows):
        x, parts = LABEL_WIDTH, []
        for number, count in enumerate(counts):
            if not count:
                continue
            size = round(PLOT_WIDTH * count / most, 2)
            parts.append({"x": x, "size": size, "colour": COLOURS[number % len(COLOURS)],
                          "series": series[number], "count": count})
            x = round(x + size, 2)
        bars.append({"y": legend_height + row * (BAR + GAP), "label": label, "parts": parts})
    return fragment("chart.svg", width=width, height=height, title=title,
                    description=description, legend=legend, rows=bars, bar=BAR,
                    label_x=LABEL_WIDTH - 8) + "\n"
