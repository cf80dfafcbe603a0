"""LinkChecker's own command, minus its switch to the user `nobody` when run as root.

CI runs as root in a fresh clone that may sit inside a private (0700) temporary folder;
after the switch, LinkChecker can no longer read its own packages in the clone's .venv and
fails. It only reads the site over http://127.0.0.1, so staying root loses nothing.

    python scripts/run_linkchecker.py [linkchecker options] URL
"""

from __future__ import annotations

import sys

from linkcheck.command import linkchecker as command

if __name__ == "__main__":
    command.drop_privileges = lambda: None
    sys.exit(command.linkchecker())
