"""Downloads cannot carry local files or raw markup out, and cannot hang the build."""

from __future__ import annotations

import datetime as dt
import io
import os
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import pytest
from commons.export import build as export_build
from commons.export import pandoc
from commons.export.build import export_all
from commons.export.typeset import compile_pdf
from commons.load.download_source import prepare
from commons.load.settings import Settings
from commons.pipeline import load
from helpers import edit

MARKER = b"SECRET-MARKER-7f3a"
LABEL = "content/toolkits/huddles/index.md"


def png_with(marker: bytes) -> bytes:
    """A valid 1x1 PNG carrying a marker after its end, so any copy of it is detectable."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")
            + marker)


def zip_bytes(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def problems_for(body: str, folder: Path) -> list[str]:
    found = prepare(LABEL, body, 12, "toolkits/huddles/index.md", folder, "").problems
    return [p.text() for p in sorted(found, key=lambda p: p.line)]


def test_images_and_includes_outside_the_folder_are_problems_at_their_line(
        tmp_path: Path) -> None:
    folder, outside = tmp_path / "huddles", tmp_path / "secret.png"
    folder.mkdir()
    outside.write_bytes(png_with(MARKER))
    (folder / "link.png").symlink_to(outside)
    body = ("Intro.\n\n![a](/etc/passwd.png)\n![b](../secret.png)\n![c](link.png)\n"
            "![d](missing.png)\n![e](notes.txt)\n--8<-- \"../secret.md\"\n"
            "![f](https://tracker.example.com/pixel.png)\n")
    found = problems_for(body, folder)
    assert found[0].startswith(f"{LABEL}:14: the image '/etc/passwd.png' is not a relative")
    assert found[1].startswith(f"{LABEL}:15: the image '../secret.png' points outside")
    assert found[2].startswith(f"{LABEL}:16: the image 'link.png' leads outside")
    assert found[3].startswith(f"{LABEL}:17: the image 'missing.png' does not exist")
    assert found[4].startswith(f"{LABEL}:18: the image 'notes.txt' is not a picture")
    assert found[5].startswith(f"{LABEL}:19: the include '../secret.md' points outside")
    assert found[6].startswith(f"{LABEL}:20: the image 'https://tracker.example.com/pixel.png'")
    assert all("(put the" in text or "(use a" in text or "(check" in text for text in found)
    assert len(found) == 7


def test_make_check_reports_an_image_outside_the_folder(mini: Path) -> None:
    edit(mini / "content" / "toolkits" / "card-pack.md", "Lay the cards on a table.",
         "Lay the cards on a table.\n\n![Key](../../../secret.png)")
    texts = [p.text() for p in load(mini).problems]
    assert any(t.startswith("content/toolkits/card-pack.md:18: the image "
                            "'../../../secret.png' points outside") for t in texts), texts


def test_the_sandbox_keeps_a_local_secret_out_of_a_docx(tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(png_with(MARKER))
    text = f"# Huddles\n\n![a]({secret})\n\n![b](secret.png)\n"
    # Control: the same pandoc without --sandbox embeds the file, so the test can see it.
    unsafe = subprocess.run([pandoc.pandoc_path(), "--from=markdown", "--to=docx",
                             "--output=-"], input=text.encode(), capture_output=True,
                            cwd=tmp_path, check=True).stdout
    assert MARKER in zip_bytes(unsafe)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        safe = pandoc.run(text, "docx")
    finally:
        os.chdir(old)
    assert zip_bytes(safe) and MARKER not in zip_bytes(safe)


def test_raw_html_tex_and_raw_blocks_do_not_pass_through() -> None:
    text = ("# T\n\n<script>alert(1)</script>\n\n\\input{/etc/passwd}\n\n"
            "```{=openxml}\n<w:p><w:r><w:t>RAWXML</w:t></w:r></w:p>\n```\n\n"
            "```{=typst}\n#read(\"/etc/passwd\")\n```\n")
    document = zip_bytes(pandoc.run(text, "docx"))
    assert b"<w:t>RAWXML</w:t>" not in document and b"&lt;w:p&gt;" in document
    book = zip_bytes(pandoc.run(text, "epub3", ("--metadata=title:T",)))
    assert b"<script>" not in book and b"&lt;script&gt;" in book
    typst = pandoc.run(text, "typst").decode()  # shown as code, never run
    assert '`{=typst} #read("/etc/passwd")`' in typst and "\\\\input" in typst


def test_a_slow_export_is_stopped_with_a_clear_problem(mini: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # the settings give whole seconds; a thousandth stops every run
    monkeypatch.setattr(export_build, "ToolLimits",
                        lambda seconds, memory_mb: pandoc.ToolLimits(0.001, memory_mb))
    loaded = load(mini)
    settings = Settings(today=dt.date(2026, 6, 1), site_url="https://x.example.org/")
    downloads, problems = export_all(list(loaded.commons.pages.values()), mini / "content", tmp_path / "cache",
                                     settings)
    texts = [p.text() for p in problems]
    assert texts and all(t.startswith("content/toolkits/card-pack.md:1: the ") for t in texts)
    assert any("EPUB download could not be made: pandoc did not finish the epub3 file "
            "within 0.001 s and was stopped" in t
               for t in texts), texts
    assert "(simplify the page" in texts[0]
    assert not (tmp_path / "cache" / "card-pack").exists() or not any(
        (tmp_path / "cache" / "card-pack").iterdir())


def test_a_slow_typeset_is_stopped_too(tmp_path: Path) -> None:
    (tmp_path / "main.typ").write_text("#for i in range(100000000) { }\n", encoding="utf-8")
    with pytest.raises(pandoc.ExportError, match="typst did not finish the PDF within 0.5 s"):
        compile_pdf(tmp_path / "main.typ", tmp_path, (), 0, timeout=0.5)
