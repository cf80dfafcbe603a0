"""The editor's configuration is made from the front-matter schemas: every field appears with
its kind's widget, hint and limits, and nothing appears that the schemas do not know."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from commons.generate import admin_config
from commons.model import schema, types
from commons.model.fields import Group

CHOICES = {"topics": [("co-production", "Co-production")], "legislation": [("care-act-2014", "")],
           "qualifications": [("plq", "PLQ")], "pages": [("learning-policy", "Our policy")],
           "teachers": [("ben-carr", "Ben Carr")], "partners": [("north-college", "North")],
           "regions": [("north", "North")]}


def _config() -> dict:
    made = admin_config.config(CHOICES, repo="learning-commons/commons")
    return yaml.safe_load(admin_config.to_yaml(made))  # what the editor reads


def _names(fields) -> set[tuple[str, ...]]:
    """Every field as its path of names, groups included."""
    found = set()
    for spec in fields:
        found.add((spec.name,))
        if isinstance(spec.kind, Group):
            found |= {(spec.name, *rest) for rest in _names(spec.kind.fields)}
    return found


def _config_names(fields: list[dict]) -> set[tuple[str, ...]]:
    found = set()
    for item in fields:
        if item["name"] == admin_config.BODY_FIELD:
            continue
        found.add((item["name"],))
        found |= {(item["name"], *rest) for rest in _config_names(item.get("fields", []))}
    return found


def _collections() -> dict[str, dict]:
    return {c["folder"]: c for c in _config()["collections"]}


def test_every_content_type_is_a_collection_over_its_folder():
    folders = {f"content/{types.folder_of(kind)}": kind for kind in types.names()}
    assert set(_collections()) == set(folders)
    assert set(folders.values()) == set(types.names())


def test_every_schema_field_appears_and_no_other():
    folders = {f"content/{types.folder_of(kind)}": kind for kind in types.names()}
    for folder, collection in _collections().items():
        assert _config_names(collection["fields"]) == _names(types.by_name(folders[folder]).fields)


def test_fields_carry_the_schema_help_required_flags_limits_and_choices():
    sessions = {f["name"]: f for f in _collections()["content/sessions"]["fields"]}
    assert sessions["facilitators"]["widget"] == "select"
    assert sessions["facilitators"]["multiple"] is True
    assert sessions["facilitators"]["options"] == [{"label": "Ben Carr (ben-carr)",
                                                    "value": "ben-carr"}]
    assert sessions["facilitators"]["hint"] == "Teacher ids from data/teachers.csv."
    assert sessions["format"]["options"] == list(schema.SESSION_FORMATS)
    assert sessions["duration_minutes"]["min"] == 15 and sessions["capacity"]["required"] is False
    assert sessions["title"]["pattern"] == ["^[^<>]{1,90}$", "1 to 90 characters, without < or >"]
    assert sessions["booking"]["pattern"][0].startswith("^(https|mailto):")
    steps = {f["name"]: f for f in _collections()["content/pathways"]["fields"]}["steps"]
    assert {f["name"]: f["required"] for f in steps["fields"]}["qualification"] is False


def test_saving_opens_a_pull_request_on_github():
    backend = _config()["backend"]
    assert backend["name"] == "github" and backend["open_authoring"] is True
    assert _config()["publish_mode"] == "editorial_workflow"


def _all_fields(fields: list[dict]):
    for item in fields:
        yield item
        yield from _all_fields(item.get("fields", []))


def test_every_field_has_a_hint_from_its_schema_description():
    for collection in _config()["collections"]:
        missing = [f["name"] for f in _all_fields(collection["fields"]) if not f.get("hint")]
        assert missing == [], f"{collection['name']}: no help= in schema.py for {missing}"


def test_only_teachers_who_agreed_to_be_listed_are_offered_and_tables_are_not_forms(mini):
    from commons.pipeline import load

    choices = admin_config.choices_from(load(mini).commons)
    assert [row_id for row_id, _ in choices["teachers"]] == ["ada-brook", "ben-carr"]
    assert set(choices) == {"topics", "legislation", "qualifications", "pages", "teachers",
                            "partners", "regions"}
    folders = [c["folder"] for c in _config()["collections"]]
    assert not [f for f in folders if not f.startswith("content/")], "no table is editable"
    links = {link["title"]: link["url"]
             for link in admin_config.links("https://github.com/o/r", ["teachers", "role_requirements"])}
    guide = "https://github.com/o/r/blob/main/CONTRIBUTING.md#"
    assert links == {"How to change a table": guide + "add-or-change-a-row-in-a-table",
                     "role_requirements.csv": guide + "datarole_requirementscsv",
                     "teachers.csv": guide + "datateacherscsv",
                     "Add me as a teacher": "https://github.com/o/r/issues/new?"
                                            "template=add-me-as-a-teacher.yml"}


def _guide_rows() -> dict[tuple[str, bool], str]:
    """CONTRIBUTING.md's description of each front-matter field, without code marks."""
    guide = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text("utf-8")
    rows = re.finditer(r"^\| `([a-z_]+)`( \(in a step\))? \| [^|]* \| (.*) \|$", guide, re.M)
    return {(m.group(1), bool(m.group(2))): m.group(3).replace("`", "") for m in rows}


def test_each_hint_is_the_description_contributing_gives_for_its_field():
    rows, differ = _guide_rows(), []
    for content_type, fields in ((t.name, t.fields) for t in types.content_types()):
        for spec in fields:
            steps = spec.kind.fields if isinstance(spec.kind, Group) else ()
            for item, in_step in [(spec, False), *((s, True) for s in steps)]:
                row = rows.get((item.name, in_step and item.name == "title"), "")
                if item.help not in row:
                    differ.append(f"{content_type} {item.name}: {item.help!r} / {row!r}")
    assert differ == []
