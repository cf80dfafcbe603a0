"""typst, run in a child process so that a document that will not finish can be stopped."""

from __future__ import annotations

import sys
from pathlib import Path

from commons.export.pandoc import ToolLimits, run_tool

CHILD = Path(__file__).resolve().parent / "typst_child.py"


def compile_pdf(main: Path, root: Path, font_dirs: tuple[str, ...], epoch: int,
                timeout: float | None = None, limits: ToolLimits = ToolLimits()) -> bytes:
    """The PDF of main (a .typ file); files outside root cannot be read."""
    return run_tool([sys.executable, "-I", str(CHILD), str(main), str(root), str(epoch),
                     *font_dirs], "typst", "the PDF", timeout=timeout, limits=limits)
