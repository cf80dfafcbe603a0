"""Downloads and published files cannot carry a local secret out of the repository."""

from __future__ import annotations

import io
import zipfile

from commons.export import pandoc
from helpers import edit
from hostile import copy_of, files_mentioning, problem_texts, refused

TOOLKIT = "content/toolkits/card-pack.md"
SECRET = "PRIVATE-KEY-4b1d"


def test_toolkit_image_outside_its_folder_fails_the_build(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path / "try")
    (tmp_path / "try/secret.png").write_text(SECRET, encoding="utf-8")
    edit(commons / TOOLKIT, "Lay the cards on a table.",
         "Lay the cards on a table.\n\n![Key](../../../secret.png)")
    result = refused(commons, site)
    assert ("content/toolkits/card-pack.md:18: the image '../../../secret.png' points outside "
            "the page's folder (put the image in the page's own folder and point to it with a "
            "relative path)") in result.stderr
    assert files_mentioning(site, [SECRET]) == []


def test_a_link_out_of_content_is_refused_before_it_is_copied_into_the_site(mini, tmp_path):
    secret = tmp_path / "id_rsa"
    secret.write_text(SECRET, encoding="utf-8")
    (mini / "content/toolkits/key.png").symlink_to(secret)
    (mini / "content/toolkits/notes.txt").symlink_to(tmp_path / "gone.txt")
    texts = problem_texts(mini)
    for name in ("key.png", "notes.txt"):
        assert (f"content/toolkits/{name}: this is a symbolic link; what it points at would be "
                "published (copy the file into content/ instead of linking to it)") in texts


def test_a_file_url_image_never_reaches_a_download(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    for to in ("html", "docx"):
        try:
            out = pandoc.run(f"# T\n\n![x](file://{secret})\n\n![y]({secret})\n", to)
        except pandoc.ExportError as refused_read:
            assert SECRET not in str(refused_read)
            continue
        if to == "docx":
            with zipfile.ZipFile(io.BytesIO(out)) as archive:
                out = b"".join(archive.read(name) for name in archive.namelist())
        assert out and SECRET.encode() not in out
