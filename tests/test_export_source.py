"""A page's Markdown as plain pandoc Markdown: Material syntax converted, links made live."""

from __future__ import annotations

from pathlib import Path

from commons.load.download_source import page_url, prepare

SITE = "https://commons.example.org/"


def convert(body: str, src_path: str = "toolkits/huddles/index.md", folder: Path | None = None):
    return prepare(f"content/{src_path}", body, 12, src_path, folder, SITE)


def test_admonitions_become_quotes_with_a_bold_title() -> None:
    out = convert('!!! warning "Mind the gap"\n    Take care.\n\n    - one\n\n'
                  '??? tip\n    Hidden tip.\n\n???+ note ""\n    No title.\n').text
    assert "> **Mind the gap**\n>\n> Take care.\n>\n> - one" in out
    assert "> **Tip**\n>\n> Hidden tip." in out
    assert "> No title." in out and "**Note**" not in out
    assert "!!!" not in out and "???" not in out


def test_nested_admonitions_and_tabs_become_quotes_and_headings() -> None:
    body = ('## During\n\n=== "Morning"\n\n    Say hello.\n\n    !!! note\n        Inner.\n\n'
            '=== "Night"\n\n    Say goodnight.\n')
    out = convert(body).text
    assert "### Morning\n\nSay hello." in out
    assert "> **Note**\n>\n> Inner." in out
    assert "### Night\n\nSay goodnight." in out
    assert "===" not in out


def test_attribute_lists_icons_and_card_grids_go() -> None:
    body = ('## Before { #before .lead }\n\nText.\n{ .annotate }\n\n'
            '<div class="grid cards" markdown>\n\n-   :material-clock: __Ten minutes__\n\n'
            '    ---\n\n    On time.\n\n</div>\n')
    out = convert(body).text
    assert "## Before\n" in out
    assert "{" not in out and ":material" not in out and "<div" not in out
    assert "</div>" not in out and "---" not in out
    assert "-   __Ten minutes__" in out and "On time." in out


def test_abbreviations_become_a_glossary_at_the_end() -> None:
    out = convert("The SCW leads.\n\n*[SCW]: Senior care worker\n*[ACP]: Advance care plan\n")
    assert "*[" not in out.text
    assert out.text.endswith("## Abbreviations\n\nACP\n:   Advance care plan\n\nSCW\n"
                             ":   Senior care worker\n")


def test_the_title_heading_is_dropped_for_the_title_page() -> None:
    out = convert("# Team huddles\n\nIntro.\n\n## Part\n").text
    assert out.startswith("Intro.") and "# Team huddles" not in out


def test_relative_links_point_to_the_live_site() -> None:
    out = convert("[policy](../../policies/learning.md#why), [home](../../index.md), "
                  "[sibling](other.md), [form](form.pdf), [web](https://nhs.uk), "
                  "[here](#part), [bad](javascript:alert(1))\n\n[ref]: ../care.md\n").text
    assert "(https://commons.example.org/policies/learning/#why)" in out
    assert "(https://commons.example.org/)" in out
    assert "(https://commons.example.org/toolkits/huddles/other/)" in out
    assert "(https://commons.example.org/toolkits/huddles/form.pdf)" in out
    assert "(https://nhs.uk)" in out and "(#part)" in out
    assert "javascript" not in out and "bad" in out
    assert "[ref]: https://commons.example.org/toolkits/care/" in out


def test_page_url_uses_directory_urls() -> None:
    assert page_url(SITE, "toolkits/x/index.md") == "https://commons.example.org/toolkits/x/"
    assert page_url(SITE, "policies/y.md") == "https://commons.example.org/policies/y/"
    assert page_url(SITE, "index.md") == "https://commons.example.org/"


def test_code_blocks_are_left_alone() -> None:
    out = convert('```\n!!! note "kept"\n{ .x }\n```\n').text
    assert '!!! note "kept"\n{ .x }' in out


def test_images_inside_the_folder_get_safe_names(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "flow.png").write_bytes(b"png")
    out = convert("![Flow](img/flow.png){ width=300 }\n\n![Again](./img/flow.png)\n",
                  folder=tmp_path)
    assert out.problems == []
    assert out.text == "![Flow](commons-asset-1.png)\n\n![Again](commons-asset-1.png)\n"
    assert out.assets == {"commons-asset-1.png": (tmp_path / "img" / "flow.png").resolve()}


def test_includes_inside_the_folder_are_inlined(tmp_path: Path) -> None:
    (tmp_path / "part.md").write_text("!!! note\n    Included.\n", encoding="utf-8")
    out = convert('Before.\n\n--8<-- "part.md"\n', folder=tmp_path)
    assert out.problems == [] and "> Included." in out.text and "--8<--" not in out.text
