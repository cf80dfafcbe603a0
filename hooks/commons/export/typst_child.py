"""Run by path in a child process (no package imports, so nothing else can break it):
`python -I typst_child.py MAIN.typ ROOT EPOCH [FONT_DIR ...]` writes the PDF to stdout.

Only typst's bundled fonts and the font folders named are used, never the system's, so a
PDF looks the same on every machine with the same fonts; typst reads nothing outside ROOT.
"""

import sys

import typst


def main(argv: list[str]) -> int:
    main_file, root, epoch, *fonts = argv
    pdf = typst.compile(main_file, root=root, font_paths=fonts, ignore_system_fonts=True,
                        timestamp=int(epoch))
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
