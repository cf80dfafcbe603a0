"""Where the browser tests find Debian's Chromium and axe-core, and how they start it."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
INSTALL_HINT = ("run `make test` (scripts/setup_browser.sh installs it), or as root: "
                "apt-get update && apt-get install chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
