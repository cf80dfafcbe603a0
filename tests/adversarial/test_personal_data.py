"""Personal data: contact details and NHS numbers are refused where nobody asked for them to
be public; a person who is not listed, or who is removed, leaves no trace in the site."""

from __future__ import annotations

import pytest
import yaml
from commons.model import records as model
from commons.model.records import TEACHER_COLUMNS
from commons.publish import build_atomically
from commons.rules.privacy import nhs_number_valid, personal_data
from helpers import edit
from hostile import copy_of, files_mentioning, problem_texts

POLICY = "content/policies/learning.md"
PUBLIC_HINT = ("(personal contact details are not published: remove it, or, if it is the "
               "commons' own public contact, list it in mkdocs.yml under "
               "extra.commons.public_contacts)")
NHS_HINT = "(never publish a person's NHS number: remove it)"


def test_email_in_a_page_body_is_refused_at_its_line(mini):
    edit(mini / POLICY, "We all learn from each other.",
         "We all learn from each other.\nAsk Jo at jo.bloggs@gmail.com for the rota.")
    assert (f"{POLICY}:15: an email address, 'jo.bloggs@gmail.com' {PUBLIC_HINT}"
            in problem_texts(mini))


def test_phone_number_in_front_matter_is_refused_at_its_line(mini):
    edit(mini / POLICY, "summary: How we learn together, and what each of us can expect.",
         "summary: How we learn together; ring Sam on 07700 900123 to join.")
    assert (f"{POLICY}:3: a phone number, '07700 900123' {PUBLIC_HINT}" in problem_texts(mini))


def test_international_phone_in_a_data_cell_is_refused_at_its_row(mini):
    edit(mini / "data/partners.csv", "Hosts skill sets.", "Hosts skill sets; call +44 (0)161 496 0000.")
    assert (f"data/partners.csv:row 3:contributes: a phone number, '+44 (0)161 496 0000' "
            f"{PUBLIC_HINT}") in problem_texts(mini)


def test_nhs_number_in_a_bio_is_refused_and_not_repeated(mini):
    edit(mini / "data/teachers.csv", "Ben coaches new care workers.",
         "Ben coaches new care workers (NHS 943 476 5919).")
    texts = problem_texts(mini)
    assert (f"data/teachers.csv:row 3:bio: what looks like an NHS number, ending 5919 {NHS_HINT}"
            in texts)
    assert not any("943 476" in t for t in texts), "the number is not echoed into CI logs"


def test_contact_kept_without_opt_in_is_refused(mini):
    edit(mini / "data/teachers.csv", "yes,no,yes,ben@example.org", "yes,no,no,ben@example.org")
    assert (f"data/teachers.csv:row 3:contact: an email address, 'ben@example.org' {PUBLIC_HINT}"
            in problem_texts(mini))


def test_opted_in_contact_and_listed_public_contacts_pass(mini):
    config = yaml.safe_load((mini / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"]["commons"]["public_contacts"] = ["learning@commons.example.org",
                                                     "0300 123 4567"]
    (mini / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    edit(mini / POLICY, "We all learn from each other.",
         "We all learn from each other. Write to <learning@commons.example.org> or call "
         "0300 123 4567.")
    assert problem_texts(mini) == []


def test_a_new_teacher_column_must_be_classified_before_it_is_accepted(mini):
    schema = mini / "data/teachers.schema.yaml"
    schema.write_text(schema.read_text(encoding="utf-8") + "  - name: home_address\n"
                      "    type: string\n", encoding="utf-8")
    rows = (mini / "data/teachers.csv").read_text(encoding="utf-8").splitlines()
    rows = [rows[0] + ",home_address"] + [row + ",1 Private Road" for row in rows[1:]]
    (mini / "data/teachers.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert ("data/teachers.csv:row 1:home_address: the column 'home_address' is not in the "
            "publish allowlist (add it to TEACHER_COLUMNS in hooks/commons/model/records.py "
            "as public or consent, and check that the teacher pages show it only as agreed; keep private "
            "notes out of this public repository)") in problem_texts(mini)


def test_every_teacher_field_is_classified():
    assert set(model.Teacher.__dataclass_fields__) - {"origin"} == set(TEACHER_COLUMNS)


@pytest.mark.parametrize("digits, valid", [("9434765919", True), ("9434765918", False),
                                           ("4010232137", True), ("1234567890", False)])
def test_nhs_number_check_digit(digits, valid):
    assert nhs_number_valid(digits) is valid


def test_dates_years_and_reference_numbers_are_not_personal_data():
    text = ("Reviewed 2026-03-31; Care Act 2014 s.42; charity SC012345; 1,000 learners; "
            "ISBN 978-0-12-345678-9; version 1.2.3; 20 to 30 people.")
    assert personal_data(text) == []


CARE_ACT = "content/sessions/care-act-overview.md"


def test_unlisted_unconsented_and_removed_people_leave_no_trace(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path)
    assert files_mentioning(site, ["Ben Carr"]), "a listed teacher is published"
    hidden = ["zed-hidden", "Hiddenperson", "Zed prefers not to be listed"]
    assert files_mentioning(site, hidden) == [], "a person who is not listed is nowhere"

    edit(commons / "data/teachers.csv", "co-production,north,Ada teaches co-production from "
         "her own experience.,active,yes,yes,", "co-production,north,Ada teaches co-production "
         "from her own experience.,active,yes,no,")
    edit(commons / "data/teachers.csv",
         "ben-carr,Ben Carr,coach,health or care professional,safeguarding,city,"
         "Ben coaches new care workers.,active,yes,no,yes,ben@example.org\n", "")
    edit(commons / CARE_ACT, "facilitators: [ben-carr, zed-hidden]", "facilitators: [zed-hidden]")
    result = build_atomically(commons, site_dir=site)
    assert result.returncode == 0, result.stderr
    assert files_mentioning(site, ["Ben Carr", "ben-carr", "ben@example.org",
                                   "Ben coaches new care workers"]) == []
    assert files_mentioning(site, hidden) == []
    ada = (site / "teachers/ada-brook/index.html").read_text(encoding="utf-8")
    directory = (site / "teachers/index.html").read_text(encoding="utf-8")
    assert "Ada Brook" in ada and "employee" in ada.lower()
    assert "getting support" not in ada.lower(), "no perspective without consent"
    assert "getting-support" not in directory and "Getting support" not in directory
