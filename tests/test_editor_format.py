"""The editor's front-matter format (editor/front-matter.js), run under Node with the YAML
library the build copies into site/admin/: every page survives a save untouched, and a change
rewrites only the keys it changed, keeping the others' text byte for byte."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
import yaml
from helpers import ROOT

FORMAT = ROOT / "editor" / "front-matter.js"
LIBRARY = ROOT / "node_modules" / "yaml" / "browser" / "dist" / "index.js"
# Reads cases from stdin, answers each with toFile(edit(fromFile(content))).
DRIVER = """
import * as YAML from %(library)s;
import { frontMatterFormat } from %(format)s;
const { fromFile, toFile } = frontMatterFormat(YAML);
let input = "";
for await (const chunk of process.stdin) input += chunk;
const answers = JSON.parse(input).map(({ content, change, remove, sortedKeys }) => {
  const data = content === null ? { body: "" } : fromFile(content);
  Object.assign(data, change);
  for (const key of remove) delete data[key];
  return toFile(data, sortedKeys);
});
process.stdout.write(JSON.stringify(answers));
"""

POLICY = """\
---
title: Our learning policy
# The summary is quoted because it holds a colon.
summary: "How we learn together: time, money and support for everyone who works here."
owner: Learning circle
audience:
- care workers
-   managers
topics: [co-production, lived-experience]
description: >
  A folded paragraph that runs over two lines
  and must stay folded.
review_date: 2026-03-01
---

# Our learning policy

Body text, kept as it is.
"""


def _run(*cases: dict) -> list[str]:
    if not shutil.which("node") or not LIBRARY.is_file():
        pytest.fail("Node and the npm packages are needed: run `npm ci`", pytrace=False)
    driver = DRIVER % {"library": json.dumps(LIBRARY.as_uri()),
                       "format": json.dumps(FORMAT.as_uri())}
    full = [{"change": {}, "remove": [], "sortedKeys": [], **case} for case in cases]
    done = subprocess.run(["node", "--input-type=module", "-e", driver], input=json.dumps(full),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_every_shipped_page_is_written_back_exactly_as_it_was_read():
    pages = sorted((ROOT / "content").rglob("*.md"))
    texts = [page.read_text(encoding="utf-8") for page in pages]
    answers = _run(*({"content": text} for text in texts))
    changed = [str(page.relative_to(ROOT)) for page, text, answer in zip(pages, texts, answers)
               if answer != text]
    assert len(pages) >= 20 and not changed


def test_a_change_rewrites_only_its_key_and_keeps_the_others_text():
    changed, = _run({"content": POLICY, "change": {"owner": "Learning and development circle"}})
    assert changed == POLICY.replace("owner: Learning circle",
                                     "owner: Learning and development circle")


def test_a_changed_key_keeps_the_comment_that_follows_it():
    changed, = _run({"content": POLICY, "change": {"title": "Our policy on learning"}})
    assert changed == POLICY.replace("title: Our learning policy",
                                     "title: Our policy on learning")


def test_a_changed_list_is_written_in_block_style_and_the_rest_is_kept():
    changed, = _run({"content": POLICY, "change": {"audience": ["care workers"]}})
    assert changed == POLICY.replace("- care workers\n-   managers\n", "  - care workers\n")
    assert _front_matter(changed)["audience"] == ["care workers"]


def test_a_cleared_key_is_removed_and_a_new_key_is_added_after_the_others():
    changed, = _run({"content": POLICY, "change": {"owner": "", "kind": "policy"}})
    assert changed == POLICY.replace("owner: Learning circle\n", "").replace(
        "review_date: 2026-03-01\n", "review_date: 2026-03-01\nkind: policy\n")


def test_an_emptied_list_stays_as_an_empty_list_and_blank_new_fields_are_not_written():
    changed, = _run({"content": POLICY, "change": {"topics": [], "note": "", "other": None}})
    assert changed == POLICY.replace("topics: [co-production, lived-experience]",
                                     "topics: []")


def test_a_new_page_has_the_form_order_and_no_folded_lines():
    long = "A summary long enough to pass eighty characters, which the editor must not fold."
    made, = _run({"content": None, "sortedKeys": ["title", "summary", "audience"],
                  "change": {"audience": ["care workers"], "summary": long, "title": "New",
                             "partners": [], "note": "", "body": "Text.\n"}})
    assert made == (f"---\ntitle: New\nsummary: {long}\naudience:\n  - care workers\n"
                    "partners: []\n---\nText.\n")
