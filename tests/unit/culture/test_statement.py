"""The transparency statement: its questions, saved work read defensively, the document and the builder."""

from __future__ import annotations

import io

import pytest

from kit.workshop import content, lesson_label
from kit.workshop import parts as declared
from kit.workshop import session
from kit.workshop.content import ContentError
from kit.documents import to_docx, to_html, to_markdown
from kit.culture._statement import (TO_WRITE, WORK_KEYS, add_evidence, clean_answers, evidence, load_fields,
                                    missing_sections, statement_document, statement_section, suggestions, warnings)

TIER_ONE = ["Name", "Description", "Purpose", "How it works", "Why we use it", "Contact"]
BIAS = {"groups": ["gender", "age_band"], "threshold": 0.5, "four_fifths_pass": False,
        "flagged": ["55+"], "impact_ratio_min": 0.61, "demographic_parity_difference": 0.2}
REGISTER = {"name": "Support chatbot", "source": "", "risks": [
    {"ref": "R1", "title": "Data privacy breach", "mitigation": "Encrypt data.", "owner": "IT"},
    {"ref": "R2", "title": "Biased responses", "mitigation": "", "owner": ""}]}


@pytest.fixture(scope="module")
def example():
    return {f.id: f.example for f in load_fields()}


def test_the_questions_follow_the_public_tier():
    headings = [f.heading for f in load_fields()]
    positions = [headings.index(h) for h in TIER_ONE]
    assert positions == sorted(positions)
    assert {"What data it uses", "Human oversight", "How to challenge a decision"} <= set(headings)
    assert all(f.example and f.help for f in load_fields())


def test_the_work_it_draws_on_is_named_from_the_parts_and_the_lesson_registry():
    assert list(WORK_KEYS) == [declared.ORGANISATION.key, declared.BIAS_EXPLORER.key, declared.RISK_REGISTER.key,
                               declared.TARGETS.key]
    risk = declared.RISK_REGISTER
    assert WORK_KEYS[risk.key] == f"your risk register ({lesson_label(risk.lesson)})"
    assert WORK_KEYS[declared.ORGANISATION.key].startswith("your organisation (lesson ")


@pytest.mark.parametrize("change, message", [
    (lambda f: f[2].update(hepl="x"), "entry 3 \\('description'\\), 'hepl': this key is not one the kit reads"),
    (lambda f: f[3].update(required="sometimes"), "entry 4 \\('purpose'\\), 'required': should be a valid "
                                                  "boolean.*; expected true or false"),
    (lambda f: f[3].pop("example"), "entry 4 \\('purpose'\\), 'example': this is missing; expected an example"),
    (lambda f: f[1].update(id="organisation"), "two fields share the id organisation; give each its own"),
    (lambda f: f.pop(1), "there is no field 'name'; keep the fields 'organisation' and 'name'"),
])
def test_a_broken_questions_file_names_the_field_and_the_fix(monkeypatch, change, message):
    raw = content.load("transparency_statement")
    change(raw)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^transparency_statement.yaml: .*{message}"):
        load_fields()


@pytest.mark.parametrize("saved, expected", [
    (None, {}), ("text", {}), ([1], {}), ({"answers": "x"}, {}),
    ({"answers": {"name": "  Bot  ", "nonsense": "x", "purpose": "", "contact": None}}, {"name": "Bot"}),
    ({"name": "Direct answers"}, {"name": "Direct answers"}),
    ({"answers": {"name": 42, "description": ["a list"]}}, {"name": "42"}),
])
def test_clean_answers_reads_anything(saved, expected):
    assert clean_answers(saved) == expected


def test_missing_sections_and_warnings(example):
    assert missing_sections(example) == []
    assert missing_sections({"name": "Bot"})[:2] == ["Organisation", "Description"]
    assert "How we check it is fair and working" not in missing_sections({})  # optional
    assert warnings(example) == []
    notes = warnings({**example, "contact": "ask Sam", "purpose": "x" * 2001})
    assert any("2001 characters" in n for n in notes) and any("email address, phone number" in n for n in notes)


@pytest.mark.parametrize("contact", ["ai@example.org", "https://example.org/ai", "www.example.org", "01234 567890"])
def test_a_reachable_contact_gets_no_warning(contact):
    assert warnings({"contact": contact}) == []


def test_evidence_from_every_kind_of_saved_work():
    lines = evidence({"bias.explorer": BIAS, "risk.register": REGISTER, "kpis.targets": {"staff_awareness": 90}})
    assert len(lines) == 3
    assert lines[0].startswith("We audited the screening tool's selection rates by gender and age band at a "
                               "cut-off score of 0.50") and "55+" in lines[0] and "0.61" in lines[0]
    assert "2 risks, 1 with a named owner" in lines[1] and "Data privacy breach (our response: Encrypt data)" in lines[1]
    assert "Staff awareness of the ethical AI guidelines (at least 90.0%)" in lines[2]


@pytest.mark.parametrize("verdict, words", [(True, "no group fell below"), (None, "could not be run"),
                                            (False, "fell below four-fifths of the highest rate: 55+")])
def test_the_audit_sentence_follows_the_verdict(verdict, words):
    assert words in evidence({"bias.explorer": {**BIAS, "four_fifths_pass": verdict}})[0]


@pytest.mark.parametrize("work", [
    {}, {"bias.explorer": "text", "risk.register": 3, "kpis.targets": [1]},
    {"bias.explorer": {"groups": "gender"}, "risk.register": {"risks": "none"}},
    {"bias.explorer": {"groups": ["gender"], "threshold": "high", "impact_ratio_min": "low"}},
    {"risk.register": {"risks": [None, 5, {"title": ""}]}},
    {"risk.register": [{"risk": "Old format", "mitigation": None}]},
])
def test_evidence_never_fails_on_odd_saved_values(work):
    lines = evidence(work)
    assert isinstance(lines, list)
    if "risk.register" in work and isinstance(work["risk.register"], list):
        assert lines == ["We keep a risk register for this system with 1 risk, 0 with a named owner. "
                         "The main ones: Old format."]


@pytest.mark.parametrize("work, expected", [
    ({"profile.organisation": " Acme Ltd "}, {"organisation": "Acme Ltd"}),
    ({"profile.organisation": "", "risk.register": REGISTER}, {"name": "Support chatbot"}),
    ({"profile.organisation": {"name": "x"}, "risk.register": {"name": 5}}, {}),
])
def test_suggestions_from_saved_work(work, expected):
    assert suggestions(work) == expected


def test_add_evidence_adds_each_sentence_once():
    once = add_evidence("We audit monthly.", ["A.", "B."])
    assert once == "We audit monthly.\nA.\nB."
    assert add_evidence(once, ["A.", "B."]) == once
    assert add_evidence("", ["A."]) == "A."


@pytest.mark.parametrize("answers, title", [
    ({}, "How we use AI"), ({"name": "Bot"}, "How we use AI: Bot"),
    ({"organisation": "Acme", "name": "Bot"}, "How Acme uses AI: Bot"), ({"organisation": "Acme"}, "How Acme uses AI"),
])
def test_the_title_reads_well_however_much_is_written(answers, title):
    assert statement_document(answers).title == title


def test_the_document_has_every_required_section_and_escapes_user_text(example):
    empty = statement_document({})
    assert [s.heading for s in empty.sections][:6] == ["Name", "Description", "Purpose", "How it works",
                                                       "Why we use it", "What data it uses"]
    assert all(s.paragraphs == [TO_WRITE] for s in empty.sections)
    assert "How we check it is fair and working" not in [s.heading for s in empty.sections]
    doc = statement_document({**example, "name": "<script>alert(1)</script>", "checks": "line one\nline two"})
    checks = next(s for s in doc.sections if s.heading.startswith("How we check"))
    assert checks.paragraphs == ["line one", "line two"]
    page = to_html(doc)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\\<script\\>" in to_markdown(doc)
    from docx import Document as Word

    text = "\n".join(p.text for p in Word(io.BytesIO(to_docx(doc))).paragraphs)
    assert "<script>alert(1)</script>" in text and "Contact" in text and example["contact"] in text


def test_statement_section_for_the_action_plan(example):
    assert statement_section(None) is None and statement_section({"answers": {"name": " "}}) is None
    section = statement_section({"answers": {**example, "contact": ""}})
    header, rows = section.table
    assert header == ["Section", "What we publish"] and rows[0] == ["Name", example["name"]]
    assert section.paragraphs == [f"How {example['organisation']} uses AI: {example['name']}", "Still to write: Contact."]
    assert statement_section({"answers": example}).paragraphs[1] == "Every section of the public tier has an answer."




def _parts(box):
    c = box.children
    boxes = {f.id: row.children[0] for f, row in zip(load_fields(), c[2:2 + len(load_fields())])}
    return {"work": c[0].children[0], "example": c[0].children[1], "found": c[1], "boxes": boxes,
            "errors": c[-5], "gaps": c[-3], "preview": c[-2], "downloads": c[-1]}


def test_builder_drafts_saves_and_restores(fresh_session, example):
    from kit.culture.ui import statement_builder

    parts = _parts(statement_builder())
    assert "Still to write: Organisation" in parts["gaps"].value and "transparency-statement.docx" in parts["downloads"].names
    parts["work"].click()
    assert "Open your workspace first" in parts["errors"].value
    workspace = session.start_new()
    workspace.save("profile.organisation", "Acme & Sons")
    workspace.save("bias.explorer", BIAS)
    parts["boxes"]["name"].value = "<script>alert(1)</script>"
    parts["work"].click()
    assert parts["errors"].value == ""
    assert parts["boxes"]["organisation"].value == "Acme & Sons"
    assert parts["boxes"]["name"].value == "<script>alert(1)</script>"  # typed text is never overwritten
    assert "55+" in parts["boxes"]["checks"].value
    assert f"your risk register ({lesson_label('risk')})" in parts["found"].value.split("Not found")[1]
    assert "&lt;script&gt;" in parts["preview"].value and "<script>" not in parts["preview"].value
    parts["example"].click()
    assert parts["boxes"]["purpose"].value == example["purpose"]
    saved = workspace.load(declared.STATEMENT.key)["answers"]
    assert saved["organisation"] == "Acme & Sons" and saved["purpose"] == example["purpose"]

    session.reset()
    again = _parts(statement_builder())
    assert again["boxes"]["organisation"].value == ""
    session.resume(workspace.code)
    assert again["boxes"]["organisation"].value == "Acme & Sons" and again["boxes"]["name"].value.startswith("<script>")
    assert "Every section of the public tier has an answer" in again["gaps"].value
