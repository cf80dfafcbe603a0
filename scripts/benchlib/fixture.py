"""A large, realistic commons generated from a seed, for the benchmark.

`generate(target, size)` writes content/, data/ and mkdocs.yml under target. The same seed and
size always give the same files. The project's own pages and data rows are kept, and
generated ones are added: pages of the four content types, and rows of the tables this module
knows (regions, qualifications, partners, teachers). Any other table in data/datapackage.yaml
is copied as it is; since the pages and rows it may refer to are kept, it stays valid.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from commons.model.pages import page_id
from commons.model.records import PERSPECTIVES
from commons.model.schema import AUDIENCES, SESSION_FORMATS, SESSION_KINDS

ROOT = Path(__file__).resolve().parents[2]
BENCH_DAY = dt.date(2026, 11, 1)  # the build date the benchmark runs on (SOURCE_DATE_EPOCH)

# Counts at the large size; medium is half of it and small a quarter.
# Every toolkit also becomes PDF, DOCX and EPUB downloads, so toolkits are the fewest.
LARGE = {"policy": 400, "pathway": 60, "toolkit": 40, "session": 1500,
         "teachers": 1000, "partners": 300, "regions": 24, "qualifications": 40}
SCALES = {"large": 1.0, "medium": 0.5, "small": 0.25, "eighth": 0.125, "tiny": 0.02}
CONTENT_FOLDERS = {"policy": "policies", "pathway": "pathways", "toolkit": "toolkits",
                   "session": "sessions"}

FIRST = ("Ada", "Aisha", "Alan", "Amir", "Ann", "Bea", "Ben", "Cara", "Chen", "Dan", "Dev",
         "Eilidh", "Ella", "Eve", "Finn", "Grace", "Hamish", "Hana", "Isla", "Ivan", "Jack",
         "Jo", "Kai", "Kirsty", "Leah", "Lewis", "Maya", "Mhairi", "Nia", "Omar", "Priya",
         "Ravi", "Rosa", "Ruth", "Sam", "Sana", "Tom", "Una", "Yusuf", "Zara")
LAST = ("Ahmed", "Bell", "Brown", "Campbell", "Clark", "Das", "Evans", "Fraser", "Grant",
        "Gray", "Hughes", "Iqbal", "Jones", "Kaur", "Khan", "Lee", "MacLeod", "Martin",
        "Morrison", "Murray", "Nowak", "Okafor", "Patel", "Reid", "Ross", "Scott", "Shah",
        "Singh", "Smith", "Stewart", "Taylor", "Walker", "Watson", "Wilson", "Wood", "Young")
PLACES = ("Aberdeen", "Ayr", "Bangor", "Barnsley", "Bolton", "Cardiff", "Crewe", "Derby",
          "Dumfries", "Dundee", "Durham", "Elgin", "Falkirk", "Fife", "Hull", "Inverness",
          "Kendal", "Leeds", "Leek", "Lewis", "Lincoln", "Newry", "Oban", "Perth", "Preston",
          "Stirling", "Stoke", "Swansea", "Truro", "Wick", "Wrexham", "York")
SUBJECTS = ("lone working", "medication support", "moving and handling", "first aid",
            "infection control", "record keeping", "food hygiene", "fire safety",
            "dementia care", "end of life care", "positive behaviour support", "autism",
            "mental health first aid", "peer support", "supervision", "induction",
            "adult support and protection", "consent and capacity", "self-directed support",
            "digital skills", "coaching", "mentoring", "welfare rights", "housing support",
            "carers' rights", "equality and diversity", "trauma-informed care",
            "substance use", "learning disability", "stroke care", "diabetes care",
            "falls prevention", "oral health", "nutrition", "sensory loss", "complaints",
            "whistleblowing", "data protection", "health and safety", "co-production")
KIND_WORDS = {"policy": ("policy", "procedure", "guidance"),
              "toolkit": ("toolkit", "guide", "workbook", "card set"),
              "session": ("workshop", "course", "briefing", "session", "masterclass"),
              "pathway": ("pathway", "route", "journey")}
SENTENCES = (
    "We learn best when we learn together, close to where we live and work.",
    "Ask your coach if you are not sure where to start.",
    "This part explains what {subject} means for a {role} in day to day work.",
    "Each person who gets support should have a say in how we learn about {subject}.",
    "Talk with the person first, and ask what matters most to them.",
    "Write down what you did and why, in plain words, on the same day.",
    "If something feels wrong, stop and tell someone you trust.",
    "Share what you learn with your team at the next team meeting.",
    "A {role} can ask for time to learn as part of the working week.",
    "We review this every year with people who use it, and we change it when it does not help.",
    "Good {subject} starts with listening, and keeps going with small steps.",
    "Family carers often know things that no form will tell you.",
    "Most people take about an hour to work through this part.",
    "You do not need to finish it all at once.",
    "Try one idea this week, then talk about how it went.",
    "Bring a real example from your own work, with names left out.",
    "The learning circle keeps this up to date and answers questions.",
    "Online groups help people who live far from a town or a college.",
    "We pay people who share their own lived experience for their time.",
    "Ask for the large print, easy read or audio version if it helps.",
    "Keep notes short, kind and true.",
    "Check what the law says, and check what the person wants.",
    "When in doubt about {subject}, ask a learning lead in {place}.",
    "Teams in {place} tried this first and told us what worked.",
    "It links to the {subject} session and to the toolkit on the same topic.",
    "There is no test at the end, but there is a chance to reflect.",
)
HEADINGS = ("Why this matters", "Who this is for", "What you will do", "What good looks like",
            "How we check it works", "Getting help", "What the law says", "Try it out",
            "Things to talk about", "Keeping records", "When things go wrong", "Next steps")
LIST_ITEMS = ("Read the summary with a colleague.", "Ask the person what they want.",
              "Write one thing you will do next.", "Book a chat with your coach.",
              "Look at the checklist before each visit.", "Tell your team what changed.",
              "Keep a copy for your own notes.", "Ask for help early.")


@dataclass(frozen=True)
class Counts:
    pages: dict[str, int]
    teachers: int
    partners: int
    regions: int


def scaled(size: str) -> dict[str, int]:
    if size not in SCALES:
        raise ValueError(f"size must be one of {', '.join(SCALES)}")
    scale = SCALES[size]
    return {key: max(2, round(count * scale)) for key, count in LARGE.items()}


def generate(target: Path, size: str = "large", seed: int = 6) -> Counts:
    """Write a whole commons into target (which must be empty or missing)."""
    target = Path(target)
    counts = scaled(size)
    rng = random.Random(f"{seed}-{size}")
    tables = _read_project_tables()
    _add_regions(rng, tables["regions"], counts["regions"])
    _add_qualifications(rng, tables["qualifications"], counts["qualifications"])
    region_ids = [r["id"] for r in tables["regions"]["rows"]]
    topic_ids = [r["id"] for r in tables["topics"]["rows"]]
    _add_partners(rng, tables["partners"], counts["partners"], region_ids)
    _add_teachers(rng, tables["teachers"], counts["teachers"], region_ids, topic_ids)
    (target / "data").mkdir(parents=True, exist_ok=True)
    for schema in sorted((ROOT / "data").glob("*.yaml")):
        shutil.copy(schema, target / "data" / schema.name)
    for name, table in tables.items():
        (target / "data" / table["path"]).write_text(_csv_text(table), encoding="utf-8")
    shutil.copytree(ROOT / "content", target / "content", dirs_exist_ok=True)
    pages = _write_pages(seed, target / "content", counts, tables)
    write_config(target)
    return Counts(pages, len(tables["teachers"]["rows"]), len(tables["partners"]["rows"]),
                  len(region_ids))


def write_config(target: Path) -> None:
    """The project's mkdocs.yml with hooks and theme pointing back into the project."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks") or []]
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["watch"] = []
    config.pop("nav", None)
    for key in ("extra_css", "extra_javascript"):
        for asset in config.get(key) or []:
            _copy_asset(asset, target)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False),
                                       encoding="utf-8")


def _copy_asset(asset: str | dict, target: Path) -> None:
    """extra_css/extra_javascript files that live in content/ rather than the theme."""
    path = asset if isinstance(asset, str) else asset.get("path", "")
    source = ROOT / "content" / path
    if path and source.is_file():
        (target / "content" / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target / "content" / path)


def _read_project_tables() -> dict[str, dict]:
    package = yaml.safe_load((ROOT / "data/datapackage.yaml").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        text = (ROOT / "data" / resource["path"]).read_text(encoding="utf-8")
        reader = csv.DictReader(io.StringIO(text))
        tables[resource["name"]] = {"path": resource["path"], "fields": reader.fieldnames,
                                    "rows": list(reader)}
    return tables


def _csv_text(table: dict) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=table["fields"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(table["rows"])
    return out.getvalue()


def _append(rng: random.Random, table: dict, row: dict[str, str]) -> None:
    """Add a row; columns this module does not know are copied from a project row."""
    template = rng.choice(table["rows"]) if table["rows"] else {}
    table["rows"].append({f: row.get(f, template.get(f, "")) for f in table["fields"]})


def _slug(text: str) -> str:
    words = "".join(c if c.isalnum() else " " for c in text.lower()).split()
    return "-".join(words)[:60].strip("-")


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base[:55]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _add_regions(rng, table, total) -> None:
    taken = {r["id"] for r in table["rows"]}
    nations = ("Scotland", "England", "Wales", "Northern Ireland")
    for n in range(len(table["rows"]) + 1, total + 1):
        place = PLACES[n % len(PLACES)]
        _append(rng, table, {
            "id": _unique(f"network-{n}", taken),
            "name": f"Network {n}: {place} and around",
            "nation": nations[n % len(nations)],
            "local_authorities": ";".join(sorted({place, rng.choice(PLACES)})),
            "summary": f"The learning network for {place} and the places around it. "
                       "Learning happens in small local groups and online.",
        })


def _add_qualifications(rng, table, total) -> None:
    taken = {r["id"] for r in table["rows"]}
    for n in range(len(table["rows"]) + 1, total + 1):
        subject = SUBJECTS[n % len(SUBJECTS)]
        framework = rng.choice(("SCQF", "RQF", "none"))
        level = "" if framework == "none" else str(rng.randint(4, 9))
        name = f"Certificate in {subject.capitalize()} {n}"
        _append(rng, table, {
            "id": _unique(_slug(name), taken), "name": name,
            "short_name": "C" + "".join(w[0].upper() for w in subject.split()) + str(n),
            "framework": framework, "level": level,
            "nations": {"SCQF": "Scotland", "RQF": "England"}.get(framework, "UK"),
            "credits": "" if framework == "none" else str(rng.choice((10, 15, 20, 30))),
            "awarded_by": "Regional learning networks",
            "summary": f"Shows that a worker can put {subject} into practice, safely and well.",
        })


def _add_partners(rng, table, total, regions) -> None:
    taken = {r["id"] for r in table["rows"]}
    kinds = ("charity", "CIC", "co-operative", "council", "college", "care provider",
             "network", "NHS body")
    for n in range(len(table["rows"]) + 1, total + 1):
        kind = kinds[n % len(kinds)]
        name = f"{PLACES[n % len(PLACES)]} {rng.choice(('Care', 'Support', 'Community', 'Carers'))} {kind.title() if kind.islower() else kind} {n}"
        _append(rng, table, {
            "id": _unique(_slug(name), taken), "name": name, "kind": kind,
            "region": rng.choice(regions),
            "website": f"https://partner-{n}.example.org" if n % 3 else "",
            "contributes": f"Hosts {rng.choice(SUBJECTS)} sessions and shares rooms, "
                           "staff time and stories from its own work.",
        })


def _add_teachers(rng, table, total, regions, topics) -> None:
    taken = {r["id"] for r in table["rows"]}
    roles = ("teacher", "associate teacher", "learning lead", "coach")
    for n in range(len(table["rows"]) + 1, total + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        listed = rng.random() < 0.9
        opt_in = listed and rng.random() < 0.4
        ident = _unique(_slug(name), taken)
        _append(rng, table, {
            "id": ident, "name": name, "role": rng.choice(roles),
            "perspectives": ";".join(rng.sample(PERSPECTIVES, rng.randint(1, 2))),
            "topics": ";".join(rng.sample(topics, rng.randint(1, 3))),
            "region": rng.choice(regions),
            "bio": f"{name.split()[0]} has worked in care for {rng.randint(2, 30)} years and "
                   f"teaches {rng.choice(SUBJECTS)} to new workers and volunteers.",
            "status": "active" if rng.random() < 0.85 else "alumni",
            "listed": "yes" if listed else "no",
            "perspectives_consent": "yes" if rng.random() < 0.7 else "no",
            "contact_opt_in": "yes" if opt_in else "no",
            "contact": f"{ident}@example.org" if opt_in else "",
        })


# Pages


def _write_pages(seed, content: Path, counts, tables) -> dict[str, int]:
    """Each page from its own seed, and toolkits link only to pages that exist at every
    size, so a toolkit is the same file at every size and its downloads cache is shared."""
    shipped = {page_id(p.relative_to(content).as_posix()) for p in content.rglob("*.md")}
    plan = _plan_pages(seed, counts, shipped)
    ids = {kind: [p[0] for p in pages] for kind, pages in plan.items()}
    titles = {pid: title for pages in plan.values() for pid, title, _ in pages}
    ctx = {
        "ids": ids, "titles": titles,
        "topics": [r["id"] for r in tables["topics"]["rows"]],
        "legislation": [r["id"] for r in tables["legislation"]["rows"]],
        "regions": [r["id"] for r in tables["regions"]["rows"]],
        "partners": [r["id"] for r in tables["partners"]["rows"]],
        "facilitators": [r["id"] for r in tables["teachers"]["rows"]
                         if r["listed"] == "yes" and r["status"] == "active"],
        "quals": {r["id"]: r for r in tables["qualifications"]["rows"]},
        "core": {kind: ids[kind][:n] for kind, n in scaled("tiny").items() if kind in ids},
    }
    for kind, pages in plan.items():
        folder = content / CONTENT_FOLDERS[kind]
        folder.mkdir(parents=True, exist_ok=True)
        for n, (pid, title, subject) in enumerate(pages):
            text = _page(random.Random(f"{seed}:{kind}:{n}"), kind, pid, title, subject, ctx)
            (folder / f"{pid}.md").write_text(text, encoding="utf-8")
    return {**{kind: len(pages) for kind, pages in plan.items()}, "shipped": len(shipped)}


def _plan_pages(seed, counts, shipped: set[str]) -> dict[str, list[tuple[str, str, str]]]:
    taken = set(shipped)
    plan = {}
    for kind in CONTENT_FOLDERS:
        pages = []
        for n in range(counts[kind]):
            rng = random.Random(f"{seed}:{kind}:title:{n}")
            subject = SUBJECTS[(n * 7 + len(kind)) % len(SUBJECTS)]
            place = PLACES[(n // len(SUBJECTS)) % len(PLACES)]
            word = rng.choice(KIND_WORDS[kind])
            title = f"{subject.capitalize()} {word}"
            if n >= len(SUBJECTS):
                title += f" in {place}"
            pid = _unique(_slug(title), taken)
            pages.append((pid, title[:90], subject))
        plan[kind] = pages
    return plan


def _front_matter(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True,
                                    width=100) + "---\n"


def _page(rng, kind, pid, title, subject, ctx) -> str:
    meta = {
        "title": title,
        "summary": f"What a care team needs to know about {title.lower()}, "
                   "in plain words, with things to try.",
        "audience": sorted(rng.sample(AUDIENCES, rng.randint(1, 3))),
        "topics": sorted(rng.sample(ctx["topics"], rng.randint(1, 3))),
        "owner": rng.choice(("Learning circle", "Practice learning team", "Regional coaches")),
    }
    if kind in ("policy", "toolkit"):
        meta["last_reviewed"] = BENCH_DAY - dt.timedelta(days=rng.randint(0, 90))
        meta["review_every_months"] = rng.choice((12, 18, 24))
    if kind == "policy":
        meta["legislation"] = sorted(rng.sample(ctx["legislation"], rng.randint(0, 2)))
    elif kind == "toolkit":
        meta["version"] = f"{rng.randint(1, 3)}.{rng.randint(0, 9)}"
    elif kind == "pathway":
        meta["steps"] = _steps(rng, ctx)
    elif kind == "session":
        meta.update(_session(rng, ctx))
    paragraphs = {"policy": (8, 14), "toolkit": (10, 18), "pathway": (5, 9), "session": (3, 6)}
    body = [f"# {title}", "", _paragraph(rng, subject, 4), ""]
    low, high = paragraphs[kind]
    for n, heading in enumerate(rng.sample(HEADINGS, rng.randint(low, high) // 2 + 1)):
        body += [f"## {heading}", "", _paragraph(rng, subject, rng.randint(3, 7)), ""]
        if n % 2 == 0:
            body += [f"- {item}" for item in rng.sample(LIST_ITEMS, 3)] + [""]
        if n % 3 == 1:
            body += [_paragraph(rng, subject, rng.randint(2, 5)), ""]
    body += ["## See also", ""] + _links(rng, kind, pid, ctx) + [""]
    return _front_matter(meta) + "\n" + "\n".join(body)


def _paragraph(rng, subject: str, sentences: int) -> str:
    role = rng.choice(("care worker", "coach", "volunteer", "team leader", "teacher"))
    return " ".join(rng.choice(SENTENCES).format(subject=subject, role=role,
                                                 place=rng.choice(PLACES))
                    for _ in range(sentences))


def _links(rng, kind, pid, ctx) -> list[str]:
    lines = []
    pool = ctx["core"] if kind == "toolkit" else ctx["ids"]
    for other in ("policy", "pathway", "toolkit", "session"):
        for target in rng.sample(pool[other], min(2, len(pool[other]))):
            if target != pid:
                lines.append(f"- [{ctx['titles'][target]}](../{CONTENT_FOLDERS[other]}/"
                             f"{target}.md)")
    return lines


def _steps(rng, ctx) -> list[dict]:
    quals = sorted(ctx["quals"])
    steps = []
    for n in range(rng.randint(3, 6)):
        step = {"title": f"Step {n + 1}: {rng.choice(HEADINGS).lower()}",
                "description": "Work through this step with your coach, at your own pace, "
                               "and talk about what you learned."}
        if rng.random() < 0.5:
            step["qualification"] = rng.choice(quals)
        step["resources"] = sorted(rng.sample(ctx["ids"]["session"], 2)
                                   + rng.sample(ctx["ids"]["toolkit"], 1))
        steps.append(step)
    return steps


def _session(rng, ctx) -> dict:
    fmt = rng.choice(SESSION_FORMATS)
    meta = {
        "kind": rng.choice(SESSION_KINDS),
        "format": fmt,
        "duration_minutes": rng.choice((60, 90, 120, 180, 240)),
        "facilitators": sorted(rng.sample(ctx["facilitators"], rng.randint(1, 3))),
        "partners": sorted(rng.sample(ctx["partners"], rng.randint(0, 2))),
        "learning_outcomes": ["Know what good practice looks like and why it matters.",
                              "Feel able to ask for help and to offer it."],
        "accessibility": "Captions are on, slides are sent a day before, and you can ask "
                         "for any other change you need.",
    }
    if fmt != "online":
        meta["regions"] = sorted(rng.sample(ctx["regions"], rng.randint(1, 2)))
    if rng.random() < 0.2:
        meta["qualification"] = rng.choice(sorted(ctx["quals"]))
    return meta
