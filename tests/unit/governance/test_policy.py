"""The policy builder: templates load and are checked, placeholders fill safely, drafts export."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from docx import Document as WordDocument

from kit.workshop import content
from kit.workshop.content import ContentError
from kit.documents import Document, to_docx, to_html, to_markdown
from kit.governance import (
    MAX_ANSWER,
    areas,
    check_template,
    choose_areas,
    clean_answer,
    clear_cache,
    draft_from_saved,
    draft_policy,
    fill,
    normalise_answers,
    notes_section,
    open_message,
    open_questions,
    placeholders,
    policy_filename,
    policy_section,
    questions,
    saved_value,
    too_long,
)

NAME = '<b>Acme</b> & "Co"'
SHORT = {"organisation": "the organisation's name", "accountable": "who is accountable for AI"}


@pytest.fixture(autouse=True)
def fresh_content():
    clear_cache()
    yield
    clear_cache()


def full_answers() -> dict[str, str]:
    """An answer to every question: the first option of a choice, a short text otherwise."""
    return {q.id: q.options[0] if q.kind == "choice" else f"answer to {q.id}" for q in questions()}


def test_the_five_policy_areas_and_the_sales_ones_are_all_there():
    titles = {area.group: [] for area in areas()}
    for area in areas():
        titles[area.group].append(area.title)
    assert titles["core"] == ["Data governance", "Algorithmic fairness", "Transparency and explainability",
                              "Accountability and oversight", "Human in the loop"]
    assert {"Consent and control", "Third-party AI providers", "Regulatory compliance", "Accessibility",
            "Monitoring and auditing"} == set(titles["sales"])


def test_every_template_uses_only_known_placeholders():
    known = {q.id for q in questions()}
    for area in areas():
        for text in (area.title, area.purpose, *area.rules):
            assert set(placeholders(text)) <= known, area.id
            assert check_template(text, known, area.id) == []


@pytest.mark.parametrize(
    ("template", "answers", "expected"),
    [
        ("Run by {{ organisation }}.", {"organisation": "Acme"}, "Run by Acme."),
        ("Run by {{organisation}}.", {"organisation": "Acme"}, "Run by Acme."),
        ("Run by {{ organisation }}.", {}, "Run by [to decide: the organisation's name]."),
        ("Run by {{ organisation }}.", {"organisation": "   "}, "Run by [to decide: the organisation's name]."),
        # an answer is inserted once, as text: its own placeholder is not expanded
        ("Run by {{ organisation }}.", {"organisation": "{{ accountable }}", "accountable": "Bo"},
         "Run by {{ accountable }}."),
        # a sentence that starts with an answer starts with a capital letter
        ("{{ accountable }} checks it.", {"accountable": "the Ops Director"}, "The Ops Director checks it."),
        ("Done. {{ accountable }} checks it.", {"accountable": "the COO"}, "Done. The COO checks it."),
        ("Owner: {{ accountable }}.", {"accountable": "the COO"}, "Owner: the COO."),
        ("Line\n  one   {{ accountable }}", {"accountable": "x\ny"}, "Line one x y"),
        ("No {{ format_string.__class__ }} tricks", {}, "No {{ format_string.__class__ }} tricks"),
    ],
)
def test_fill(template, answers, expected):
    assert fill(template, answers, SHORT) == expected


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{{ organisaton }}", "names no question"),
        ("{{ Organisation }}", "not a placeholder"),
        ("{{ organisation }", "not a placeholder"),
        ("organisation }}", "not a placeholder"),
        ("{{ 0.__class__ }}", "not a placeholder"),
    ],
)
def test_check_template_names_the_mistake(text, problem):
    found = check_template(text, ["organisation"], "policy_templates/x.yaml")
    assert len(found) == 1 and problem in found[0] and "policy_templates/x.yaml" in found[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        ("  Acme \n Ltd\t", "Acme Ltd"),
        ("Ac\x00me\x0b\x1f", "Acme"),
        ("evil\u202etxt.exe", "eviltxt.exe"),  # a right-to-left override could disguise text
        ("zero\u200bwidth", "zerowidth"),
        ("=HYPERLINK(1)", "=HYPERLINK(1)"),  # kept as typed; no CSV is made from a policy
        (12, "12"),
    ],
)
def test_clean_answer(value, expected):
    assert clean_answer(value) == expected


def test_long_answers_are_cut_with_an_ellipsis():
    cut = clean_answer("x" * (MAX_ANSWER + 50))
    assert len(cut) == MAX_ANSWER and cut.endswith("…")
    assert clean_answer("x" * (MAX_ANSWER + 50), limit=None) == "x" * (MAX_ANSWER + 50)


def test_a_long_answer_is_named_kept_whole_when_saved_and_cut_in_the_draft():
    answers = {**full_answers(), "ai_systems": "word " * 200}
    assert [q.id for q in too_long(answers)] == ["ai_systems"]
    message = open_message(answers)
    assert message.startswith("Every question is answered") and "longer than 600 characters" in message
    assert "Which AI systems do you use, or plan to use, and what for?" in message
    assert len(saved_value(answers, None)["answers"]["ai_systems"]) == len(("word " * 200).strip())
    assert "…" in to_markdown(draft_policy(answers))
    assert too_long(full_answers()) == []


def test_normalise_answers_drops_unknown_questions_and_choices_no_longer_offered():
    answers = normalise_answers({"organisation": " Acme ", "size": "a million people", "nonsense": "x",
                                 "review_frequency": "once a year"})
    assert answers == {"organisation": "Acme", "review_frequency": "once a year"}


def test_open_questions_are_named_in_order():
    missing = open_questions({"organisation": "Acme"})
    assert [q.id for q in missing] == [q.id for q in questions()][1:]
    message = open_message({"organisation": "Acme"})
    assert message.startswith(f"{len(questions()) - 1} of {len(questions())} questions are still open")
    assert "who is accountable for AI" in message and "the organisation's name" not in message
    one_left = {k: v for k, v in full_answers().items() if k != "accountable"}
    message = open_message(one_left)
    assert message.startswith("1 question is still open") and "who is accountable for AI" in message
    assert open_message(full_answers()) == "Every question is answered: the draft has no gaps left."


def test_a_complete_draft_has_no_gaps_and_every_area():
    doc = draft_policy(full_answers(), generated=date(2026, 3, 1))
    text = to_markdown(doc)
    assert "to decide" not in text and "{{" not in text
    headings = [s.heading for s in doc.sections]
    assert headings[0] == "About this policy" and headings[-1] == "Review and approval"
    assert headings[1:-1] == [a.title for a in areas()]
    assert doc.title == "AI policy for answer to organisation" and "2026-03-01" in text


def test_an_incomplete_draft_marks_and_lists_the_gaps():
    doc = draft_policy({"organisation": "Acme"}, ["human_in_the_loop"])
    assert [s.heading for s in doc.sections] == ["About this policy", "Human in the loop", "Decisions still open",
                                                 "Review and approval"]
    rules = " ".join(doc.sections[1].bullets)
    assert "[to decide: which decisions a person must take or check]" in rules
    still_open = doc.sections[2].bullets
    assert len(still_open) == len(questions()) - 1
    assert "Which role is accountable for AI overall? (to decide: who is accountable for AI)" in still_open


def test_user_text_is_escaped_in_every_format():
    doc = draft_policy({"organisation": NAME})
    html = to_html(doc)
    assert "<b>Acme</b>" not in html and "&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Co&quot;" in html
    assert "\\<b\\>Acme\\</b\\>" in to_markdown(doc)
    word = WordDocument(io.BytesIO(to_docx(doc)))
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"AI policy for {NAME}" in text


def test_control_characters_cannot_break_the_word_file():
    doc = draft_policy({"organisation": "Acme\x00\x08\x0c Ltd", "ai_systems": "a\x1bchatbot"})
    word = WordDocument(io.BytesIO(to_docx(doc)))
    assert any("Acme Ltd" in p.text for p in word.paragraphs)


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (None, 10),
        (["accessibility", "data_governance"], ["data_governance", "accessibility"]),  # policy order, not click order
        (["data_governance", "no_such_area"], ["data_governance"]),
    ],
)
def test_choose_areas(chosen, expected):
    found = [a.id for a in choose_areas(chosen)]
    assert found == expected if isinstance(expected, list) else len(found) == expected


@pytest.mark.parametrize("chosen", [[], ["no_such_area"]])
def test_choosing_no_area_asks_for_one(chosen):
    with pytest.raises(ValueError, match="Tick at least one policy area"):
        choose_areas(chosen)


@pytest.mark.parametrize(
    ("organisation", "expected"),
    [(NAME, "ai-policy-b-acme-b-co.docx"), ("", "ai-policy.docx"), ("Café Ünïcode", "ai-policy-cafe-unicode.docx"),
     ("../../etc/passwd", "ai-policy-etc-passwd.docx"), ("x" * 80, "ai-policy-" + "x" * 40 + ".docx")],
)
def test_policy_filename_is_safe(organisation, expected):
    assert policy_filename({"organisation": organisation}, "docx") == expected
    assert policy_filename({"organisation": organisation}) == expected.removesuffix(".docx")


def test_saved_value_round_trip():
    saved = saved_value({"organisation": " Acme ", "size": "not an option"}, ["accessibility", "gone"])
    assert saved == {"answers": {"organisation": "Acme"}, "areas": ["accessibility"]}
    doc = draft_from_saved(saved)
    assert [s.heading for s in doc.sections][1] == "Accessibility"
    # areas that no longer exist fall back to every area
    assert len(draft_from_saved({"answers": {}, "areas": ["gone"]}).sections) == len(areas()) + 3
    assert saved_value({}, None)["areas"] == [a.id for a in areas()]


def test_policy_section_for_the_action_plan():
    assert policy_section(None) is None  # the action plan lists the part as not started
    assert policy_section({"answers": {}, "areas": ["accessibility"]}) is None
    answers = {**full_answers(), "accountable": ""}
    section = policy_section(saved_value(answers, ["human_in_the_loop", "consent_control"]))
    assert section.heading == "AI policy" and section.bullets == ["Human in the loop", "Consent and control"]
    assert "a draft covering 2 policy areas" in section.paragraphs[0]
    assert "Accountable for AI: [to decide: who is accountable for AI]" in section.paragraphs[1]
    assert section.paragraphs[2] == "Still to decide: who is accountable for AI."
    assert len(policy_section(saved_value(full_answers(), None)).paragraphs) == 2
    assert to_docx(Document("Plan", [section]))


def test_notes_section_keeps_lines_and_drops_control_characters():
    assert notes_section("First point\n\nSecond\x00 point").paragraphs == ["First point", "Second point"]
    assert notes_section("") is None and notes_section(" \n\x00 ") is None


def _broken(monkeypatch, name: str, raw):
    real = content._read

    def fake(wanted):
        return raw if wanted == name else real(wanted)

    monkeypatch.setattr(content, "_read", fake)
    clear_cache()


TEMPLATE = {"title": "T", "order": 1, "group": "core", "summary": "S", "purpose": "P", "rules": ["R"]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({**TEMPLATE, "purpose": "For {{ organisaton }}."},
         "'purpose': the placeholder {{ organisaton }} names no question; use one of"),
        ({**TEMPLATE, "rules": ["R", "{Organisation}}"]}, "'rules': rule 2: '{Organisation}}' has curly brackets that "
                                                         "are not a placeholder; write {{ question_id }}"),
        ({k: v for k, v in TEMPLATE.items() if k != "rules"}, "'rules': this is missing; expected what the "
                                                              "organisation commits to"),
        ({**TEMPLATE, "group": "marketing"}, "'group': should be 'core' or 'sales'"),
        ({**TEMPLATE, "order": "first"}, "'order': should be a valid integer; expected a whole number"),
        ({**TEMPLATE, "tittle": "T"}, "'tittle': this key is not one the kit reads (a misspelling?)"),
        (["not", "a", "mapping"], "the file as a whole: should be a block of 'name: value' lines"),
    ],
)
def test_a_broken_template_is_named_with_the_fix(monkeypatch, raw, message):
    _broken(monkeypatch, "policy_templates/data_governance", raw)
    with pytest.raises(ContentError, match="^" + re.escape("policy_templates/data_governance.yaml: ") + ".*"
                       + re.escape(message)):
        areas()


@pytest.mark.parametrize(
    ("questions_raw", "message"),
    [
        ([{"id": "a", "question": "Q", "short": "s", "kind": "essay"}],
         r"'questions', entry 1 \('a'\), 'kind': should be 'text', 'long' or 'choice'"),
        ([{"id": "a", "question": "Q", "short": "s", "kind": "choice", "options": ["x"]}],
         "question 'a' is a choice, so it needs at least two options"),
        ([{"id": "a", "question": "Q", "kind": "text"}], r"entry 1 \('a'\), 'short': this is missing; expected"),
        ([{"id": "a", "question": "Q", "short": "s", "kind": "text"}] * 2, "two questions share the id a"),
        ([{"id": "Bad-Id", "question": "Q", "short": "s", "kind": "text"}],
         r"'id': .*; expected a short name in lower-case letters, digits and _"),
        ([], "'questions': List should have at least 1 item.*; expected the questions, at least the organisation's"),
    ],
)
def test_broken_questions_are_named_with_the_fix(monkeypatch, questions_raw, message):
    real = content.load("policy_builder")
    _broken(monkeypatch, "policy_builder", {**real, "questions": questions_raw})
    with pytest.raises(ContentError, match=r"^policy_builder\.yaml: .*" + message):
        questions()


def test_a_frame_placeholder_typo_is_caught(monkeypatch):
    real = content.load("policy_builder")
    _broken(monkeypatch, "policy_builder", {**real, "frame": {**real["frame"], "title": "Policy of {{ org }}"}})
    with pytest.raises(ContentError, match=r"^policy_builder\.yaml: 'frame': the title: the placeholder \{\{ org \}\}"):
        draft_policy({})


def _changed(name: str, change) -> dict:
    raw = content.load(name)
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("name", "change", "entry", "fix"),
    [
        ("policy_builder", lambda raw: raw["questions"][2].update(knd=raw["questions"][2].pop("kind")),
         "'questions', entry 3 ('size'), 'knd'", "a misspelling?"),
        ("policy_builder", lambda raw: raw["questions"][0].update(short=["a", "list"]),
         "'questions', entry 1 ('organisation'), 'short'", "expected what the question decides, in a few words"),
        ("policy_builder", lambda raw: raw["frame"]["closing"]["paragraphs"].append("Ask {{ contact }}."),
         "'frame': the closing, paragraph 4", "use one of accountable"),
        ("policy_templates/accessibility", lambda raw: raw.update(rules=raw["rules"][0]),
         "'rules'", "expected what the organisation commits to, one bullet each"),
        ("policy_templates/accessibility", lambda raw: raw["rules"].append("Ask {{ concern_contact }}."),
         "'rules': rule 5", "use one of accountable"),
    ],
)
def test_a_broken_copy_of_a_real_file_names_the_file_the_entry_and_the_fix(monkeypatch, name, change, entry, fix):
    _broken(monkeypatch, name, _changed(name, change))
    with pytest.raises(ContentError) as problem:
        draft_policy({})
    message = str(problem.value)
    assert message.startswith(f"{name}.yaml: ") and entry in message and fix in message
