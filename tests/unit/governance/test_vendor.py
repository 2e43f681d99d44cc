"""Vendor due diligence: the checklist file, the scale and its boundaries, follow-ups, documents, the app."""

from __future__ import annotations

import io
import math
import random
from fractions import Fraction

import pytest
from docx import Document as WordDocument

from kit.workshop import parts
from kit.workshop import content

from kit.workshop import session
from kit.workshop.content import ContentError
from kit.documents import to_docx, to_html, to_markdown
from kit.governance._vendor import (BANDS, NAME_LIMIT, Area, Checklist, Question, band_for, check_name, clean_answers,
                                    example_summary, load_checklist, scale_text, summarise, summary_alt, vendor_document,
                                    vendor_section)
from kit.governance._vendor_checklist import Option


def _q(qid, area="a", weight=1, critical=False):
    options = [Option(text="strong", score=2), Option(text="partial", score=1), Option(text="weak", score=0)]
    return Question(id=qid, area=area, weight=weight, question=f"Question {qid}?", options=options,
                    follow_up=f"Follow up {qid}.", critical=critical)


def _checklist(*questions):
    """A checklist with an area for each area the questions name ("a", "b"), in that order."""
    areas = [Area(id=area, title=f"Area {area.upper()}") for area in dict.fromkeys(q.area for q in questions)]
    return Checklist(areas=areas, questions=questions)


def test_the_checklist_file_is_valid_and_covers_the_six_areas():
    checklist = load_checklist()
    assert [a.id for a in checklist.areas] == ["data", "bias", "explanations", "security", "contract", "exit"]
    for area in checklist.areas:
        assert checklist.in_area(area.id), area.id
    for question in checklist.questions:
        assert question.follow_up.strip() and question.question.endswith("?")
        assert max(o.score for o in question.options) == 2


@pytest.mark.parametrize(
    ("share", "band"),
    [(Fraction(1), "Strong"), (Fraction(3, 4), "Strong"), (Fraction(749, 1000), "Adequate"),
     (Fraction(1, 2), "Adequate"), (Fraction(499, 1000), "Weak"), (Fraction(1, 4), "Weak"),
     (Fraction(249, 1000), "Serious gaps"), (Fraction(0), "Serious gaps")],
)
def test_bands_start_exactly_at_their_threshold(share, band):
    assert band_for(share) == band


@pytest.mark.parametrize(
    ("answers", "percent", "band"),
    [
        ({"q1": 0, "q2": 2}, 75, "Strong"),  # 3 of 4 points: exactly the Strong threshold
        ({"q1": 1, "q2": 2}, 37, "Weak"),  # 1.5 of 4 points is 37.5%, shown rounded down
        ({"q1": 2, "q2": 0}, 25, "Weak"),  # 1 of 4 points: exactly the Weak threshold
        ({"q1": 2, "q2": 2}, 0, "Serious gaps"),
        ({"q2": 1}, 50, "Adequate"),  # only the answered question counts
        ({}, None, "Not answered yet"),
    ],
)
def test_area_score_is_weighted_points_over_answered_weights(answers, percent, band):
    # Option positions: 0 is the strong answer, 1 the partial one, 2 the weak one.
    checklist = _checklist(_q("q1", weight=3), _q("q2", weight=1), _q("q3", area="b"))
    area = summarise(checklist, answers).areas[0]
    assert (area.percent, area.band) == (percent, band)
    assert area.answered == len(answers) and area.total == 2


def test_scores_match_an_independent_float_computation():
    checklist = load_checklist()
    rng = random.Random(8)
    for _ in range(50):
        answers = {q.id: rng.randrange(len(q.options)) for q in checklist.questions if rng.random() < 0.8}
        summary = summarise(checklist, answers)
        for score in summary.areas:
            asked = [q for q in checklist.in_area(score.area.id) if q.id in answers]
            if not asked:
                assert score.share is None
                continue
            expected = sum(q.weight * q.options[answers[q.id]].score / 2 for q in asked) / sum(q.weight for q in asked)
            assert float(score.share) == pytest.approx(expected)
            assert score.percent == math.floor(expected * 100 + 1e-9)


def test_follow_ups_put_deal_breakers_first_then_weak_then_heavier():
    checklist = _checklist(_q("light-weak"), _q("heavy-partial", weight=3), _q("heavy-weak", weight=3),
                           _q("critical-weak", critical=True), _q("critical-partial", critical=True),
                           _q("strong", area="b"))
    answers = {"light-weak": 2, "heavy-partial": 1, "heavy-weak": 2, "critical-weak": 2, "critical-partial": 1,
               "strong": 0}
    summary = summarise(checklist, answers)
    order = [(f.question.id, f.priority) for f in summary.follow_ups]
    assert order == [("critical-weak", "Before signing"), ("heavy-weak", "High"), ("light-weak", "High"),
                     ("heavy-partial", "Medium"), ("critical-partial", "Medium")]
    assert [f.question.id for f in summary.deal_breakers] == ["critical-weak"]
    assert "1 critical question has a weak answer" in summary.headline()


@pytest.mark.parametrize(
    ("raw", "kept"),
    [({"q1": 1}, {"q1": 1}), ({"gone": 0}, {}), ({"q1": 3}, {}), ({"q1": -1}, {}), ({"q1": "1"}, {}),
     ({"q1": True}, {}), ({"q1": None}, {}), (None, {})],
)
def test_saved_answers_that_no_longer_fit_are_dropped(raw, kept):
    assert clean_answers(_checklist(_q("q1")), raw) == kept


@pytest.mark.parametrize(("text", "ok"), [("  Acme  ", "Acme"), ("x" * NAME_LIMIT, "x" * NAME_LIMIT), ("", ""),
                                          (None, "")])
def test_names_are_trimmed(text, ok):
    assert check_name(text, "supplier name") == ok


def test_a_too_long_name_says_how_to_fix_it():
    with pytest.raises(ValueError, match=f"shorten it to {NAME_LIMIT} characters"):
        check_name("x" * (NAME_LIMIT + 1), "supplier name")


def test_the_worked_example_has_a_deal_breaker_on_data_return():
    summary = example_summary()
    assert summary.overall.answered == summary.overall.total == len(load_checklist().questions)
    assert [f.question.id for f in summary.deal_breakers] == ["data-return"]


def test_alt_text_and_scale_describe_every_area_and_band():
    summary = summarise(load_checklist(), {"training-data": 0})
    alt = summary_alt(summary)
    assert "Data 100% (Strong)" in alt and "Exit not answered yet" in alt
    assert all(label in scale_text() for _, label in BANDS)


def test_document_escapes_the_names_in_every_format():
    summary = summarise(load_checklist(), {"our-data-use": 2}, vendor="<img src=x onerror=alert(1)>", tool="=cmd")
    doc = vendor_document(summary)
    assert [s.heading for s in doc.sections] == ["Scores by area", "Follow-up questions to send",
                                                 "The answers you recorded"]
    assert "\\<img src=x onerror=alert(1)\\>" in to_markdown(doc)
    page = to_html(doc)
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    word = WordDocument(io.BytesIO(to_docx(doc)))
    assert word.paragraphs[0].text.startswith("Supplier due diligence: <img src=x onerror=alert(1)>, =cmd")


def test_section_for_the_action_plan():
    assert vendor_section(None) is None  # the action plan lists the part as not started
    assert vendor_section({"vendor": "Acme", "tool": "", "answers": {}}) is None
    section = vendor_section({"vendor": "Acme", "tool": "Bot", "answers": {"our-data-use": 2, "deletion": 0}})
    assert section.heading == "Supplier due diligence: Acme, Bot"
    assert section.bullets == [f"[Before signing] {q.follow_up}" for q in load_checklist().questions
                               if q.id == "our-data-use"]
    assert len(section.table[1]) == len(load_checklist().areas)


def _question(**changes) -> dict:
    return {"id": "q", "area": "a", "weight": 1, "question": "Q", "options": [{"text": "x", "score": 2}] * 2,
            "follow_up": "F", **changes}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"questions": []}, "'areas': this is missing; expected the areas, each with an id and a title"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question(area="z")]},
         "'questions': question 'q' is in area 'z', which is not one of a; use one of those ids"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question(weight=5)]},
         r"entry 1 \('q'\), 'weight': should be less than or equal to 3; expected 1, 2 or 3"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question(weight=True)]},
         "'weight': should be a valid integer; expected 1, 2 or 3"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question(options=[{"text": "x", "score": 3}] * 2)]},
         "'options', entry 1, 'score': should be less than or equal to 2; expected 2 for a strong answer"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question(options=[{"text": "x", "score": 1}] * 2)]},
         "'options': no option is a strong answer; give at least one the score 2"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [{k: v for k, v in _question().items()
                                                                if k != "follow_up"}]},
         "'follow_up': this is missing; expected the question to send when the answer was not strong"),
        ({"areas": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}], "questions": [_question()]},
         "the area B has no questions; add one or remove the area"),
        ({"areas": [{"id": "a", "title": "A"}] * 2, "questions": [_question()]}, "two areas share the id a"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question()], "example": {"answers": {"q": 3}}},
         "'example': the example answer to 'q' is option 3; give an option number from 1 to 2"),
        ({"areas": [{"id": "a", "title": "A"}], "questions": [_question()], "example": {"answers": {"p": 1}}},
         "the example answers question 'p', which does not exist; check the spelling"),
    ],
)
def test_mistakes_in_the_checklist_file_name_the_fix(monkeypatch, raw, message):
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=r"^vendor_checklist\.yaml: .*" + message):
        load_checklist()


@pytest.mark.parametrize(
    ("change", "entry", "fix"),
    [
        (lambda raw: raw["questions"][2].update(folow_up=raw["questions"][2].pop("follow_up")),
         "'questions', entry 3 ('data-needed'), 'folow_up'", "a misspelling?"),
        (lambda raw: raw["questions"][0].update(critical="only sometimes"),
         "'questions', entry 1 ('training-data'), 'critical'", "expected true if a weak answer should stop you"),
        (lambda raw: raw["questions"][4].update(area="biass"), "question 'proxies' is in area 'biass'",
         "use one of those ids"),
        (lambda raw: raw["areas"][5].update(id="Exit area"), "'areas', entry 6 ('Exit area'), 'id'",
         "expected a short name of its own in small letters, digits and dashes"),
    ],
)
def test_a_broken_copy_of_the_real_file_names_the_file_the_entry_and_the_fix(monkeypatch, change, entry, fix):
    raw = content.load("vendor_checklist")
    change(raw)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError) as problem:
        load_checklist()
    message = str(problem.value)
    assert message.startswith("vendor_checklist.yaml: ") and entry in message and fix in message


def _radio(app, qid):
    return next(w for w in app.children if f"kit-q-{qid}" in w._dom_classes)


def test_the_app_saves_as_you_go_and_restores_on_reopen(fresh_session):
    from kit.governance.ui import vendor_checklist

    app = vendor_checklist()
    _radio(app, "deletion").value = 2
    summary = app.children[-1].value
    assert "1 of 18 questions answered" in summary and "Please confirm in the contract that you will delete" in summary
    workspace = session.current()
    assert workspace.load(parts.VENDOR.key) == {"vendor": "", "tool": "", "answers": {"deletion": 2}}
    session.reset()  # a reload: new kernel, new widgets
    again = vendor_checklist()
    assert _radio(again, "deletion").value is None
    session.resume(workspace.code)
    assert _radio(again, "deletion").value == 2 and "1 of 18 questions answered" in again.children[-1].value
