"""CSV tables are checked by frictionless; each problem names file, row and field."""

from __future__ import annotations

from pathlib import Path

from commons.pipeline import load
from helpers import edit


def texts(root: Path) -> list[str]:
    return [p.text() for p in load(root).problems]


def test_mini_commons_is_clean(mini):
    loaded = load(mini)
    assert loaded.problems == []
    assert sorted(loaded.commons.teachers) == ["ada-brook", "ben-carr", "zed-hidden"]
    assert loaded.commons.regions["north"].local_authorities == ("Highland", "Moray")


def test_bad_id_pattern(mini):
    edit(mini / "data/topics.csv", "safeguarding,Safeguarding", "Safe Guarding,Safeguarding")
    found = texts(mini)
    assert ("data/topics.csv:row 3:id: 'Safe Guarding' breaks a rule: constraint \"pattern\" "
            "is \"[a-z0-9]+(-[a-z0-9]+)*\" (use lower-case letters, digits and single hyphens, "
            "e.g. region-one)") in found


def test_unknown_region_foreign_key(mini):
    edit(mini / "data/partners.csv", "council,city,", "council,cty,")
    assert ("data/partners.csv:row 2:region: 'cty' is not an id in regions.csv "
            "(did you mean 'city'?)") in texts(mini)


def test_enum_suggests_the_nearest(mini):
    edit(mini / "data/teachers.csv", "Ben Carr,coach,", "Ben Carr,Coach,")
    found = [t for t in texts(mini) if "teachers.csv:row 3:role" in t]
    assert found == ["data/teachers.csv:row 3:role: 'Coach' breaks a rule: constraint \"enum\" "
                     "is \"['teacher', 'associate teacher', 'learning lead', 'coach']\" "
                     "(did you mean 'coach'?)"]


def test_boolean_must_be_yes_or_no(mini):
    edit(mini / "data/teachers.csv", "active,no,no,no,", "active,maybe,no,no,")
    assert ("data/teachers.csv:row 4:listed: 'maybe' is not a valid boolean (write yes or no)"
            in texts(mini))


def test_required_cell_and_duplicate_id(mini):
    edit(mini / "data/regions.csv", "city,City Region", "north,")
    found = texts(mini)
    assert any(t.startswith("data/regions.csv:row 3:name: this cell is required but empty")
               for t in found)
    assert any(t.startswith("data/regions.csv:row 3:id: 'north' is used on an earlier row")
               for t in found)


def test_list_cell_items_are_checked(mini):
    edit(mini / "data/teachers.csv", "health or care professional,safeguarding",
         "health professional;employee,safe-guarding")
    found = texts(mini)
    assert ("data/teachers.csv:row 3:perspectives: 'health professional' is not a known "
            "perspective (did you mean 'health or care professional'?)") in found
    assert ("data/teachers.csv:row 3:topics: 'safe-guarding' is not a known topic "
            "(did you mean 'safeguarding'?)") in found


def test_url_must_be_https(mini):
    edit(mini / "data/partners.csv", "https://council.example.org", "javascript:alert(1)")
    assert any(t.startswith("data/partners.csv:row 2:website: 'javascript:alert(1)' breaks")
               and t.endswith("(use a full https:// address)") for t in texts(mini))


def test_extra_cell_in_a_row(mini):
    edit(mini / "data/topics.csv", "Keeping people safe from harm and abuse.",
         "Keeping people safe,from harm")
    assert any(t.startswith("data/topics.csv:row 3") for t in texts(mini))


def test_missing_descriptor(mini):
    (mini / "data/datapackage.yaml").unlink()
    assert texts(mini)[0].startswith("data/datapackage.yaml: the data package descriptor "
                                     "is missing")
