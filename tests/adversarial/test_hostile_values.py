"""Values from front matter and CSV that reach HTML: escaped where they are text, refused
where they are addresses or titles."""

from __future__ import annotations

from commons.publish import build_atomically
from helpers import edit
from hostile import copy_of, problem_texts, refused

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = '"><img src=x onerror=alert(1)>'
RAW = (SCRIPT, "<img src=x onerror", "onerror=alert(1)>", "javascript:alert")
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def plant_text_payloads(commons):
    edit(commons / "content/policies/learning.md",
         "summary: How we learn together, and what each of us can expect.",
         f"summary: 'How we learn {SCRIPT} together {BREAKOUT} and more.'")
    edit(commons / "data/teachers.csv", "ada-brook,Ada Brook,", f"ada-brook,{SCRIPT} Ada,")
    edit(commons / "data/teachers.csv", "Ada teaches co-production from her own experience.",
         f'"Ada teaches {SCRIPT} and {BREAKOUT.replace(chr(34), chr(34) * 2)} too."')
    edit(commons / "data/partners.csv", "city-council,City Council,",
         f'city-council,"City {BREAKOUT.replace(chr(34), chr(34) * 2)}",')
    edit(commons / "data/partners.csv", "Co-delivers sessions on the law.",
         f"Co-delivers {SCRIPT} sessions.")


def test_text_values_reach_every_page_only_escaped(mini, tmp_path):
    plant_text_payloads(mini)
    site = tmp_path / "site"
    result = build_atomically(mini, site_dir=site)
    assert result.returncode == 0, result.stderr
    pages = sorted(site.rglob("*.html")) + sorted(site.rglob("*.xml"))
    raw = [f"{p.relative_to(site)}: {r}" for p in pages for r in RAW
           if r in p.read_text(encoding="utf-8")]
    assert raw == []
    everything = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert ESCAPED_SCRIPT + " Ada" in everything, "the teacher name reached a page, escaped"
    assert "City &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in everything or \
        "City &#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in everything, "partner name escaped"
    assert "Co-delivers " + ESCAPED_SCRIPT in everything, "what a partner contributes, escaped"
    assert "Ada teaches " + ESCAPED_SCRIPT in everything, "the bio, escaped"
    assert "How we learn " + ESCAPED_SCRIPT in everything, "the page summary, escaped"


def test_markup_in_a_page_title_is_refused(mini):
    edit(mini / "content/policies/learning.md", "title: Learning policy", f"title: '{SCRIPT}'")
    assert ("content/policies/learning.md:2: 'title' contains '<' or '>', which a title may not "
            "(write it in plain words: titles go into the navigation and browser tab as they "
            "are, so markup there could run script)") in problem_texts(mini)


def test_breakout_in_a_pathway_step_title_is_refused(mini):
    text = (mini / "content/pathways/practice-teacher.md").read_text(encoding="utf-8")
    first_step = text.split("  - title: ", 1)[1].split("\n", 1)[0]
    edit(mini / "content/pathways/practice-teacher.md", f"  - title: {first_step}",
         f"  - title: '{BREAKOUT}'")
    line = text.split("\n").index(f"  - title: {first_step}") + 1
    assert any(t.startswith(f"content/pathways/practice-teacher.md:{line}: 'title' contains "
                            "'<' or '>'") for t in problem_texts(mini))


def test_javascript_partner_website_is_refused(mini):
    edit(mini / "data/partners.csv", "https://council.example.org", "javascript:alert(1)")
    texts = problem_texts(mini)
    assert any(t.startswith("data/partners.csv:row 2:website: 'javascript:alert(1)' breaks a "
                            "rule") and t.endswith("(use a full https:// address)")
               for t in texts), texts


def test_javascript_booking_link_is_refused(mini):
    edit(mini / "content/sessions/care-act-overview.md", "format: online",
         "format: online\nbooking: javascript:alert(1)")
    assert ("content/sessions/care-act-overview.md:9: 'booking' 'javascript:alert(1)' is not an "
            "allowed address (use a full https: or mailto: address)") in problem_texts(mini)


def test_javascript_teacher_contact_is_refused(mini):
    edit(mini / "data/teachers.csv", "ben@example.org", "javascript:alert(1)")
    assert ("data/teachers.csv:row 3:contact: 'javascript:alert(1)' is not an email address or "
            "an https:// link (write an email address such as name@example.org, or a full "
            "https:// address)") in problem_texts(mini)


def test_hostile_title_fails_the_build_and_publishes_nothing(mini_built, tmp_path):
    commons, site = copy_of(mini_built, tmp_path / "try")
    edit(commons / "content/policies/learning.md", "title: Learning policy",
         f"title: '{BREAKOUT}'")
    edit(commons / "data/partners.csv", "https://council.example.org",
         "javascript:alert(document.cookie)")
    result = refused(commons, site)
    assert "2 problem(s) in content and data; nothing was built" in result.stderr
    assert "content/policies/learning.md:2: 'title' contains '<' or '>'" in result.stderr
    assert ("data/partners.csv:row 2:website: 'javascript:alert(document.cookie)' breaks a rule"
            in result.stderr)
