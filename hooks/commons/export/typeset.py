"""typst, run in a child process so that a document that will not finish can be stopped.

`python -m commons.export.typeset MAIN.typ ROOT EPOCH [FONT_DIR ...]` writes the PDF to stdout.
Only the fonts bundled with typst and the font folders named are used, never the system's,
so a PDF looks the same on every machine that has the same fonts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .pandoc import run_tool

def compile_pdf(main: Path, root: Path, font_dirs: tuple[str, ...], epoch: int,
                timeout: float | None = None) -> bytes:
    """The PDF of main (a .typ file); files outside root cannot be read."""
    return run_tool([sys.executable, "-m", "commons.export.typeset", str(main), str(root),
                     str(epoch), *font_dirs], "typst", "the PDF",
                    timeout=timeout)


def main(argv: list[str]) -> int:
    import typst

    main_file, root, epoch, *fonts = argv
    pdf = typst.compile(main_file, root=root, font_paths=fonts, ignore_system_fonts=True,
                        timestamp=int(epoch))
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
