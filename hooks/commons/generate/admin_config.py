"""The browser editor's configuration (`admin/config.yml`), made from the front-matter schemas.

Pure functions: the schemas and the ids in the data tables go in, a plain dict comes out, and
`to_yaml` turns it into the text the editor (Decap CMS) reads. Each content type is one
collection over `content/<folder>`; each field gets a widget from its kind, its label from its
name, its hint from the same `help=` text that CONTRIBUTING.md documents, its required flag,
and, where the kind has them, its limits, pattern and allowed values. An id of a row in a data
table is picked from the rows, never typed. Nothing here is written by hand, so the forms
cannot drift from the checks. Only `preview_styles` and `site_files` touch files: they list
the built stylesheets and the files that go into site/admin/.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any, Iterable, Mapping

import yaml

from commons.model import types
from commons.model.fields import (
    Boolean,
    Choice,
    Date,
    Field,
    Group,
    Integer,
    Kind,
    ListOf,
    Ref,
    Text,
    Url,
)

# The body of a page is not front matter: it is the one field the schemas do not list.
BODY_FIELD = "body"
# The attribute that names a row in a choice list (teachers have names, pages titles).
_ROW_LABELS = ("name", "title")
# Text up to this length is one line in the form; longer text gets a text area.
_ONE_LINE = 120
# Where the local editor server (decap-server) listens by default.
LOCAL_BACKEND_URL = "http://127.0.0.1:8081/api/v1"
# Tables stay spreadsheets: the editor links to their how-to and to each table's columns
# instead, and to the consent-worded form for adding a teacher (under the repository's address).
GUIDE = "blob/main/CONTRIBUTING.md"
HOWTO = (f"{GUIDE}#add-or-change-a-row-in-a-table", "How to change a table")
TEACHER_FORM = ("issues/new?template=add-me-as-a-teacher.yml", "Add me as a teacher")
# The editor's own files in the Decap CMS package: the bundle and the chunks it loads.
BUNDLE = "node_modules/decap-cms/dist"
SHELL = "editor"  # the page and start-up script the commons writes itself
# The YAML library the editor's own front-matter format uses (editor/front-matter.js).
YAML_LIBRARY = "node_modules/yaml/browser/dist"
# Registered by editor/start.js: keeps the text of every key the form leaves unchanged.
FORMAT = "commons-front-matter"


def label(name: str) -> str:
    """'duration_minutes' -> 'Duration minutes'."""
    return name.replace("_", " ").capitalize()


def _length_pattern(kind: Text) -> list[str]:
    chars = r"[^<>]" if kind.plain else r"[\s\S]"
    rule = f"{kind.min_length} to {kind.max_length} characters"
    if kind.plain:
        rule += ", without < or >"
    return [f"^{chars}{{{kind.min_length},{kind.max_length}}}$", rule]


def _options(table: str, choices: Mapping[str, Iterable[tuple[str, str]]]) -> list[dict]:
    if table not in choices:
        raise KeyError(f"no ids were given for the table '{table}' that a field refers to")
    return [{"label": f"{name} ({row_id})" if name and name != row_id else row_id,
             "value": row_id} for row_id, name in sorted(choices[table])]


def widget(kind: Kind, choices: Mapping[str, Iterable[tuple[str, str]]]) -> dict[str, Any]:
    """The widget settings for one kind of value."""
    if isinstance(kind, Text):
        one_line = kind.max_length <= _ONE_LINE
        return {"widget": "string" if one_line else "text", "pattern": _length_pattern(kind)}
    if isinstance(kind, Choice):
        return {"widget": "select", "options": list(kind.values)}
    if isinstance(kind, Ref):
        return {"widget": "select", "options": _options(kind.table, choices)}
    if isinstance(kind, Integer):
        return {"widget": "number", "value_type": "int", "min": kind.minimum,
                "max": kind.maximum}
    if isinstance(kind, Boolean):
        return {"widget": "boolean"}
    if isinstance(kind, Date):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                "time_format": False, "picker_utc": True}
    if isinstance(kind, Url):
        schemes = "|".join(kind.schemes)
        allowed = " or ".join(f"{s}:" for s in kind.schemes)
        return {"widget": "string",
                "pattern": [f"^({schemes}):[^\\s\"'<>`]+$", f"a full {allowed} address"]}
    if isinstance(kind, ListOf):
        item = widget(kind.item, choices)
        if item["widget"] == "select":
            return {**item, "multiple": True, "min": kind.min_items or None,
                    "max": kind.max_items}
        return {"widget": "list", "field": {"name": "item", "label": "Item", **item},
                "min": kind.min_items or None, "max": kind.max_items}
    if isinstance(kind, Group):
        return {"widget": "list", "min": kind.min_items, "collapsed": False,
                "fields": [field(spec, choices) for spec in kind.fields]}
    raise TypeError(f"the editor has no widget for the kind {type(kind).__name__}")


def field(spec: Field, choices: Mapping[str, Iterable[tuple[str, str]]]) -> dict[str, Any]:
    """One form field for one schema field."""
    made = {"name": spec.name, "label": label(spec.name), **widget(spec.kind, choices)}
    if spec.help:
        made["hint"] = spec.help[0].upper() + spec.help[1:] + "."
    made["required"] = spec.required
    if isinstance(spec.kind, ListOf) and spec.kind.min_items == 0:
        made["default"] = []
        made["required"] = False  # an empty list is allowed, and the form writes []
    return {key: value for key, value in made.items() if value is not None}


def _collection(folder: str, content_type: str,
                choices: Mapping[str, Iterable[tuple[str, str]]]) -> dict[str, Any]:
    fields = [field(spec, choices) for spec in types.by_name(content_type).fields]
    fields.append({"name": BODY_FIELD, "label": "Page text", "widget": "markdown",
                   "required": False,
                   "hint": "The page itself, under the front matter, in Markdown."})
    return {"name": folder, "label": label(folder), "label_singular": label(content_type),
            "folder": f"content/{folder}", "create": True, "extension": "md",
            "format": FORMAT, "slug": "{{slug}}", "identifier_field": "title",
            "summary": "{{title}}", "fields": fields}


def collection_types() -> list[tuple[str, str]]:
    """(folder in content/, content type) of each collection: one per content type, plain
    pages in the folder `make new` writes them to."""
    return [(types.folder_of(kind.name), kind.name) for kind in types.content_types()]


def collections(choices: Mapping[str, Iterable[tuple[str, str]]]) -> list[dict[str, Any]]:
    """One collection per content type, each over its folder in content/."""
    return [_collection(folder, content_type, choices)
            for folder, content_type in collection_types()]


def choices_from(commons: Any) -> dict[str, list[tuple[str, str]]]:
    """(id, name) of each row of every table a field refers to; listed teachers only, as
    nobody is offered in a form who has not agreed to be listed."""
    tables = sorted({kind.table for content_type in types.content_types()
                     for kind in _refs(content_type.fields)})
    made: dict[str, list[tuple[str, str]]] = {}
    for table in tables:
        rows = getattr(commons, table)
        if table == "teachers":
            rows = {t.id: t for t in commons.listed_teachers()}
        made[table] = [(row_id, _row_label(row)) for row_id, row in sorted(rows.items())]
    return made


def _row_label(row: Any) -> str:
    return next((str(getattr(row, a)) for a in _ROW_LABELS if getattr(row, a, "")), "")


def _refs(fields: Iterable[Field]) -> Iterable[Ref]:
    for spec in fields:
        kind = spec.kind.item if isinstance(spec.kind, ListOf) else spec.kind
        if isinstance(kind, Ref):
            yield kind
        elif isinstance(kind, Group):
            yield from _refs(kind.fields)


def config(choices: Mapping[str, Iterable[tuple[str, str]]], *, repo: str, branch: str = "main",
           auth_base_url: str | None = None, site_url: str | None = None,
           local_backend_url: str | None = None) -> dict[str, Any]:
    """The whole configuration: the GitHub backend with the editorial workflow and open
    authoring (so that saving opens a pull request), the media folder and the collections;
    with `local_backend_url` (the preview, `make edit`), the local editor server too. The
    published site has none, so its editor never looks for a server on the reader's machine."""
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": branch,
                               "open_authoring": True, "squash_merges": True,
                               "cms_label_prefix": "editor/"}
    if auth_base_url:
        backend["base_url"] = auth_base_url
    made: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "content/about/images",
        "public_folder": "/about/images",
        "search": False,
        "show_preview_links": False,
        "collections": collections(choices),
    }
    if local_backend_url:
        made["local_backend"] = {"url": local_backend_url}
    if site_url:
        made["site_url"] = made["display_url"] = site_url
    return made


# libyaml's writer where PyYAML was built with it: the editor's configuration lists every
# teacher, partner and page, and the pure-Python writer takes over half a second for it.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def to_yaml(made: Mapping[str, Any]) -> str:
    return ("# Made by the build from the front-matter schemas (hooks/commons/generate/admin_config.py);"
            " do not edit.\n" + yaml.dump(dict(made), Dumper=_DUMPER, sort_keys=False,
                                         allow_unicode=True, width=100))


def links(repo_url: str, tables: Iterable[str]) -> list[dict[str, str]]:
    """The links the editor shows above its forms: the tables' how-to, the columns of each
    table (CONTRIBUTING.md's heading `data/<table>.csv`, as GitHub anchors it) and the
    teacher form."""
    columns = [(f"{GUIDE}#data{table}csv", f"{table}.csv")  # GitHub keeps the '_'
               for table in sorted(tables)]
    base = repo_url.rstrip("/") + "/"
    return [{"title": title, "url": base + path}
            for path, title in [HOWTO, *columns, TEACHER_FORM]]


def preview_styles(site: Path, extra_css: Iterable[str]) -> list[str]:
    """The built site's stylesheets, Material's first, as addresses from /admin/."""
    material = [p.relative_to(site).as_posix()
                for p in sorted(site.glob("assets/stylesheets/main.*.min.css"))]
    return [f"../{href}" for href in [*material, *extra_css]]


def page_settings(stylesheets: Iterable[str], repo_url: str, tables: Iterable[str]) -> str:
    """The JSON the editor's start-up script reads: the collections and the site's
    stylesheets for the preview, and the table links; safe inside a
    <script type="application/json"> element."""
    text = json.dumps({"previewStyles": list(stylesheets), "links": links(repo_url, tables),
                       "collections": [name for name, _ in collection_types()]}, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def site_files(root: Path, config_text: str, settings_json: str) -> dict[str, bytes]:
    """Every file of site/admin/ by its path there: the commons' shell with its settings
    filled in, the generated config.yml, the CMS bundle (no source maps) and the YAML library
    under yaml/. Fails if npm ci has not run."""
    made = dict(_fixed_files(Path(root)))
    made["index.html"] = made["index.html"].replace(b"{{ settings }}",
                                                    settings_json.encode("utf-8"))
    made["config.yml"] = config_text.encode("utf-8")
    return made


@functools.lru_cache(maxsize=2)
def _fixed_files(root: Path) -> tuple[tuple[str, bytes], ...]:
    """The editor's files that no commons changes, read once a process (the preview
    rebuilds often)."""
    bundle = root / BUNDLE
    library = root / YAML_LIBRARY
    for needed in (bundle / "decap-cms.js", library / "index.js"):
        if not needed.is_file():
            raise FileNotFoundError(f"the editor's files are missing at {needed}: run `npm ci`")
    made = {path.name: path.read_bytes() for path in sorted(bundle.iterdir())
            if path.name == "decap-cms.js" or path.name.endswith((".decap-cms.js", ".wasm"))}
    made.update((f"yaml/{path.relative_to(library).as_posix()}", path.read_bytes())
                for path in sorted(library.rglob("*.js")))
    for path in sorted((root / SHELL).iterdir()):
        made[path.name] = path.read_bytes()
    return tuple(made.items())
