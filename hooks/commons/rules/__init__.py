"""The rules: every check the commons makes, in one ordered table, each with a stable code.

A rule that runs on the model is a function `(commons, settings) -> problems`; the others
name what the loading stages find (settings, front matter, tables, fields), so that every
problem carries a code. `make check --explain CM201` prints a rule's entry. To add a rule,
write it in a module of its own here and add one entry to RULES.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from commons.core.problems import Problem
from commons.load.settings import LIMITS_CODE, Settings
from commons.model.records import Commons
from commons.rules import (
    clean_text,
    credits,
    downloads,
    events,
    html_policy,
    ids,
    limits,
    nations,
    privacy,
    publish,
    readability,
    references,
    reviews,
)

Check = Callable[[Commons, Settings], list[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    checks: str  # what the rule looks at, in a sentence
    fix: str  # what a contributor does about a problem it finds
    run: Check | None = None  # None: found while loading, before the model exists


SETTINGS = Rule(
    "CM001", "settings", "mkdocs.yml holds no YAML tag that would run code, and the commons' "
    "own settings under extra.commons have allowed values",
    "remove the tag, or write one of the values the message lists")
FRONT_MATTER = Rule(
    "CM002", "front matter", "each page starts with front matter between two '---' lines, in "
    "valid YAML, with no key twice, in a UTF-8 file",
    "fix the line named; put text holding ':' or '#' in quotes")
TABLES = Rule(
    "CM003", "tables", "each CSV in data/ against its schema: columns, required cells, types, "
    "allowed values, unique ids and ids of other tables; the file saved as CSV UTF-8",
    "correct the cell named by its row and column")
FIELDS = Rule(
    "CM004", "page fields", "each page's fields against its type's schema (the type comes "
    "from the folder), its file name as an id, and each id used once",
    "add, correct or remove the field named; rename a file whose name is not an id")
CONTENT_FILES = Rule(
    "CM005", "content files", "content/ holds only pages (.md) and, in a page's folder, "
    "pictures (PNG, JPEG, GIF, WebP) and PDFs: no other type, no SVG, no symbolic link, no "
    "file that would replace one of the theme's", "rename, convert or remove the file named")
LIMITS = Rule(
    LIMITS_CODE, "limits", "no page is larger than extra.commons.limits.page_kb, no table "
    "than table_kb, no download's source with its includes than download_kb, and no list or "
    "block quote is nested deeper than nesting_depth", "split the page or table named, or "
    "flatten the list; a maintainer may raise the limit in mkdocs.yml",
    limits.download_size_rule)
REFERENCES = Rule(
    "CM101", "references", "every id named in front matter is a row of its table or a page",
    "correct the id; the message suggests the nearest", references.reference_rule)
TEACHER_LISTS = Rule(
    "CM102", "teacher lists", "the perspectives and topics listed in a teachers.csv cell are "
    "known and not repeated", "use a value from the list the message gives",
    references.teacher_lists_rule)
CREDITS = Rule(
    "CM103", "pathway credits", "a pathway's total_credits equals the credits of its steps' "
    "qualifications", "write the total the message gives, or leave total_credits out",
    credits.credits_rule)
EVENTS = Rule(
    "CM104", "events", "each event names a session page, ends after it starts, happens at a "
    "time the UK clock shows, and has a venue and region when in person",
    "correct the cell named", events.events_rule)
RESERVED_IDS = Rule(
    "CM105", "reserved ids", "no id is a name Windows keeps for a device (con, aux, nul, "
    "com1 ...)", "choose another id", ids.reserved_id_problems)
NATIONS = Rule(
    "CM107", "nations", "a role requirement, a session and a pathway step cite only law, "
    "regulators and qualifications in force in the nation where they apply, and every list of "
    "nations names England, Scotland, Wales, Northern Ireland or UK",
    "cite the law of that nation; the message lists the laws that fit", nations.nations_rule)
CLEAN_TEXT = Rule(
    "CM108", "clean text", "no control character (but tab and line end) and no unclosed "
    "right-to-left or left-to-right control in front matter, page text or table cells",
    "delete the character: copy the text again as plain text", clean_text.clean_text_rule)
LINKS = Rule(
    "CM106", "links", "every link and image in a page, or in a file it includes, leads to a "
    "page, a file or a place on a page that the site will have (authored or made by the "
    "build), and every address out of the site is a complete https: or mailto: address",
    "correct the link; the message suggests the nearest page or place")
READABILITY = Rule(
    "CM201", "readability", "each page body reads at a Flesch reading ease of 60 or more",
    "use shorter sentences and everyday words; explain or expand jargon",
    readability.readability_rule)
HTML = Rule(
    "CM202", "HTML and links", "raw HTML in pages and the files they include uses only "
    "allowed tags and attributes, and links, wherever the site or pandoc would read one, use "
    "only https:, http:, mailto: or tel:",
    "write it in Markdown, or use an allowed tag", html_policy.html_policy_rule)
PERSONAL_DATA = Rule(
    "CM203", "personal data", "no email address, UK phone number or NHS number in pages, the "
    "files they include or tables, read as a reader sees them (entities, escapes and "
    "look-alike characters undone), unless it is the commons' own or published with consent; "
    "every teachers.csv column is in the publish allowlist",
    "remove it, or record the consent the message names", privacy.privacy_problems)
DOWNLOADS = Rule(
    "CM204", "downloads", "pages offered as downloads keep their images and includes in their "
    "own folder, and a card pack has cards",
    "move the file into the page's folder, or add the cards", downloads.download_rule)
OVERDUE = Rule(
    reviews.CODE, "overdue reviews", "each policy and toolkit was reviewed within "
    "review_every_months of last_reviewed (a warning, unless extra.commons.overdue_reviews "
    "is error)", "review the page with its owner, then update last_reviewed",
    reviews.overdue_rule)
GENERATED = Rule(
    "CM301", "generated pages", "each page the build makes from a row has a safe path that no "
    "other page or row uses", "give one of the two rows a different id")
RENDERED = Rule(
    "CM302", "rendered pages", "the finished HTML of each page holds no script, style or "
    "address the site does not make itself", "remove the raw HTML the message names")
PUBLISH = Rule(
    "CM401", "publish", "only with make check --publish: sample-data mode is off, and no "
    "example stays in place of a real detail: the organisation in mkdocs.yml, public_contacts, "
    "events' and teachers' contacts, booking links, venues and the data licences (example.org, "
    "example.com, .example addresses, '(example ...)', '(sample venue)')",
    "write the real detail at the place named; then set sample_data: false",
    publish.publish_rule)

RULES: tuple[Rule, ...] = (
    SETTINGS, FRONT_MATTER, TABLES, FIELDS, CONTENT_FILES, LIMITS, REFERENCES, TEACHER_LISTS, CREDITS,
    EVENTS, RESERVED_IDS, NATIONS, CLEAN_TEXT, LINKS, READABILITY, HTML, PERSONAL_DATA, DOWNLOADS,
    OVERDUE, GENERATED, RENDERED, PUBLISH,
)


def run_rules(commons: Commons, settings: Settings) -> list[Problem]:
    """Every problem the model rules find, each under its rule's code."""
    return [problem.coded(rule.code) for rule in RULES if rule.run is not None
            for problem in rule.run(commons, settings)]


def explain(code: str) -> str | None:
    """A rule's entry as `make check --explain` prints it; None for an unknown code."""
    rule = next((r for r in RULES if r.code == code.strip().upper()), None)
    if rule is None:
        return None
    return f"{rule.code} {rule.name}\n  checks: {rule.checks}\n  to fix: {rule.fix}"
