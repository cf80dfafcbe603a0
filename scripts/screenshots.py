"""PNG pictures of every page template at 360 and 1280 px wide, for reviewers.

    python scripts/screenshots.py [SITE_DIR] [OUT_DIR]

Reads the built site (run `make build` first), serves it locally and writes
OUT_DIR/<template>-<width>.png (default screenshots/), full page. Uses Debian's Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from serve_site import serve  # noqa: E402

from tests.browser.site_pages import TEMPLATES, page_path  # noqa: E402

WIDTHS = {360: 780, 1280: 800}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(site: Path, out: Path) -> int:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                             args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height},
                                          service_workers="block")
            page = context.new_page()
            for template in TEMPLATES:
                page.goto(base + page_path(site, template), wait_until="load")
                name = out / f"{template.replace(' ', '-')}-{width}.png"
                page.screenshot(path=str(name), full_page=True)
                print(name.relative_to(out.parent) if out.is_relative_to(ROOT) else name)
            context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site"),
                  Path(sys.argv[2] if len(sys.argv) > 2 else ROOT / "screenshots")))
