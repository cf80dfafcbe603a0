"""`make new`: write a new page with every field it needs, ready to fill in.

    python scripts/new_page.py                                   # asks for the type and title
    python scripts/new_page.py --type session --title "Safe moving and handling"

The page goes to content/<folder>/<id>.md, the id made from the title. Its front matter has
every required field with a placeholder that passes `make check`, a note on each field, and
the optional fields as comments. An id that any page already has, or that a page the build
makes would use, is refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import yaml
from commons.core.paths import WINDOWS_RESERVED
from commons.generate import GENERATORS
from commons.load.settings import Settings
from commons.model import types
from commons.model.fields import ID_MAX_LENGTH, ID_PATTERN, Choice, Group, ListOf, Ref
from commons.model.pages import RESERVED_IDS
from commons.model.pages import page_id as model_page_id
from commons.pipeline import load

ROOT = Path(__file__).resolve().parent.parent


class Refused(Exception):
    """The page cannot be written; the message says why and what to do."""


def slug(title: str) -> str:
    """A page id from a title: lower-case words joined by hyphens, at most 60 characters."""
    words = re.sub(r"[^a-z0-9]+", " ", title.lower().replace("&", " and ")).split()
    text = ""
    for word in words:
        if len(text) + len(word) + 1 > ID_MAX_LENGTH:
            break
        text = f"{text}-{word}" if text else word
    return text


def placeholders(kind: str, topics: list[str], owner: str, today: dt.date) -> dict:
    """A valid value for every field a page of this kind may need."""
    return {
        "summary": "Say in one or two sentences what this page is for and who it helps.",
        "audience": ["care workers"],
        "topics": topics[:1],
        "owner": owner,
        "last_reviewed": today,
        "review_every_months": 12,
        "legislation": [],
        "version": "0.1",
        "steps": [{"title": "First step",
                   "description": "Say what the learner does in this step and what it leads to."}],
        "kind": "workshop",
        "format": "online",
        "duration_minutes": 90,
        "facilitators": [],
        "partners": [],
        "learning_outcomes": ["Say one thing people will know or be able to do afterwards."],
        "accessibility": "Say how the session is made accessible and how to ask for changes.",
    }


def _note(spec) -> str:
    """The field's help, with its allowed values or the table its ids come from."""
    many = isinstance(spec.kind, ListOf)
    item = spec.kind.item if many else spec.kind
    notes = [spec.help] if spec.help else []
    if isinstance(item, Choice):
        notes.append(("one or more of: " if many else "one of: ") + ", ".join(item.values))
    elif isinstance(item, Ref) and item.table != "pages" and item.table not in spec.help:
        notes.append(f"ids from data/{item.table}.csv")
    return "; ".join(notes or [spec.kind.label])


def _field_lines(spec, value) -> list[str]:
    if isinstance(spec.kind, Group):  # a list of groups of fields, written as a block
        text = yaml.safe_dump({spec.name: value}, sort_keys=False, allow_unicode=True,
                              width=1000)
    else:
        flat = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
        text = f"{spec.name}: {flat.removesuffix(chr(10)).removesuffix(chr(10) + '...')}"
    lines = text.rstrip("\n").split("\n")
    lines[0] += f"  # {_note(spec)}"
    return lines


def front_matter(kind: str, title: str, values: dict) -> str:
    lines = ["---", f"# A new {kind}. Replace each placeholder, then run `make check`.",
             "# Lines starting with # are notes for you; they are never published."]
    for spec in types.by_name(kind).fields:
        value = title if spec.name == "title" else values.get(spec.name)
        if spec.required and value is not None:
            lines += _field_lines(spec, value)
        elif not spec.required:
            lines.append(f"# {spec.name}:  # optional: {_note(spec)}")
    return "\n".join(lines + ["---", ""])


def body(kind: str, title: str) -> str:
    return (f"# {title}\n\nWrite the {kind} here in plain words. Use short sentences, and a "
            "heading for each part.\n")


def taken(root: Path, page_id: str, src_path: str) -> str | None:
    """Why page_id cannot be used, or None."""
    if not ID_PATTERN.match(page_id) or len(page_id) > ID_MAX_LENGTH:
        return (f"'{page_id}' is not a valid id: use lower-case letters, digits and single "
                f"hyphens, at most {ID_MAX_LENGTH} characters")
    if page_id in RESERVED_IDS or WINDOWS_RESERVED.match(page_id):
        return f"'{page_id}' is a name the site keeps for itself; choose another title or --id"
    existing = sorted((root / "content").rglob("*.md"))
    for file in existing:
        rel = file.relative_to(root / "content").as_posix()
        if model_page_id(rel) == page_id:
            return f"content/{rel} already has the id '{page_id}'; choose another title or --id"
    return None


def generated_clash(root: Path, src_path: str) -> str | None:
    """The page the build makes at src_path (from data or the whole commons), if any."""
    loaded = load(root)
    settings = Settings(today=dt.date.today())
    for generator in GENERATORS:
        for item in generator(loaded.commons, settings):
            if item.src_uri == src_path:
                return f"the build already makes {src_path} from {item.origin}"
    return None


def write_page(root: Path, kind: str, title: str, page_id: str | None = None,
               today: dt.date | None = None) -> Path:
    """Write the new page and return its path; raise Refused with the reason."""
    title = " ".join(title.split())
    if kind not in types.names():
        raise Refused(f"unknown type '{kind}': choose one of {', '.join(types.names())}")
    issue = types.by_name(kind).fields[0].kind.problem(title, None)
    if issue:
        raise Refused(f"the title {issue[0]}: {issue[1]}")
    page_id = page_id or slug(title)
    src_path = f"{types.folder_of(kind)}/{page_id}.md"
    reason = taken(root, page_id, src_path) or generated_clash(root, src_path)
    if reason:
        raise Refused(reason)
    loaded = load(root)
    topics = sorted(loaded.commons.topics)
    if not topics:
        raise Refused("data/topics.csv has no topics yet; add one first")
    owners = Counter(str(p.meta["owner"]) for p in loaded.commons.pages.values()
                     if p.meta.get("owner"))
    owner = owners.most_common(1)[0][0] if owners else "Learning Circle"
    values = placeholders(kind, topics, owner, today or dt.date.today())
    target = root / "content" / src_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front_matter(kind, title, values) + "\n" + body(kind, title),
                      encoding="utf-8")
    return target


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        return ""


def _ask_type() -> str:
    print("What kind of page?")
    for number, kind in enumerate(types.content_types(), start=1):
        print(f"  {number}. {kind.about}")
    answer = _ask("Type a number or a name: ").lower()
    names = types.names()
    return names[int(answer) - 1] if answer.isdigit() and 0 < int(answer) <= len(names) \
        else answer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--type", choices=types.names(), help="the kind of page")
    parser.add_argument("--title", help="the page title, in plain words")
    parser.add_argument("--id", help="the page id (file name); made from the title if left out")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    kind = args.type or _ask_type()
    title = args.title or _ask("Title: ")
    try:
        path = write_page(args.root, kind, title, args.id)
    except Refused as error:
        print(f"Nothing was written: {error}", file=sys.stderr)
        return 1
    print(f"Wrote {path.relative_to(args.root).as_posix()}. Replace the placeholders, then run "
          "`make check` and `make serve` to see it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
