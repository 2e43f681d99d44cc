"""The impact assessment: exact scoring at every boundary, the content file, the saved result."""

from __future__ import annotations

import io
from fractions import Fraction

import pytest
import yaml
from docx import Document as WordDocument

from kit.workshop.content import ContentError
from kit.documents import to_docx, to_html
from kit.governance._impact import (
    answers_by_text,
    assess,
    assessment_document,
    clean_answers,
    example_answers,
    format_percent,
    format_points,
    impact_section,
    level_for,
    parse_questionnaire,
    questionnaire,
    saved_value,
    summary,
)
from kit.paths import CONTENT_DIR

LEVELS = [
    {"level": "I", "name": "little", "up_to_percent": 25, "controls": ["notice"]},
    {"level": "II", "name": "moderate", "up_to_percent": 50, "controls": ["explain"]},
    {"level": "III", "name": "high", "up_to_percent": 75, "controls": ["review"]},
    {"level": "IV", "name": "very high", "controls": ["person decides"]},
]


def scale(qid: str, part: str, top: int, weight=1) -> dict:
    """A question whose options are worth 0, 1, ..., top points (option i is worth i)."""
    return {"id": qid, "part": part, "topic": "t", "question": qid, "weight": weight,
            "options": [{"text": str(i), "points": i} for i in range(top + 1)]}


def form(max_raw: int = 100, max_mitigation: int = 10, **extra):
    """A questionnaire with one impact and one mitigation question, so scores are chosen directly."""
    return parse_questionnaire({"levels": LEVELS, "questions": [scale("raw", "impact", max_raw),
                                                                scale("mit", "mitigation", max_mitigation)], **extra})


@pytest.mark.parametrize(
    ("raw", "mitigation", "level", "reduced", "score"),
    [
        (0, 0, "I", False, "0"),
        (25, 0, "I", False, "25"),       # exactly 25 % is level I
        (26, 0, "II", False, "26"),      # just above
        (50, 0, "II", False, "50"),
        (51, 0, "III", False, "51"),
        (75, 0, "III", False, "75"),
        (76, 0, "IV", False, "76"),
        (100, 10, "IV", True, "85"),
        (29, 7, "II", False, "29"),      # mitigation 70 %: no reduction
        (29, 8, "I", True, "24.65"),     # mitigation exactly 80 %: reduced by 15 %
        (30, 8, "II", True, "25.5"),     # reduced, but still just above 25 %
        (58, 8, "II", True, "49.3"),
        (59, 8, "III", True, "50.15"),   # just above 50 % after the reduction
        (88, 10, "III", True, "74.8"),
        (89, 10, "IV", True, "75.65"),
    ],
)
def test_levels_and_the_mitigation_reduction_at_every_boundary(raw, mitigation, level, reduced, score):
    result = assess({"raw": raw, "mit": mitigation}, form())
    assert (result.level.level, result.reduced, format_points(result.score)) == (level, reduced, score)
    assert result.score == Fraction(raw) * (Fraction(85, 100) if reduced else 1)


@pytest.mark.parametrize(
    ("raw", "mitigation", "level"),
    [
        (20, 10, "I"),   # 20 x 0.85 = 17 of 68: exactly 25 % after the reduction
        (21, 10, "II"),  # 17.85 of 68: 26.25 %
        (17, 0, "I"),    # exactly 25 % with no reduction
        (18, 0, "II"),
        (40, 10, "II"),  # 34 of 68: exactly 50 % after the reduction, the top of level II
        (41, 10, "III"),  # 34.85 of 68: just above 50 %
    ],
)
def test_a_reduced_score_landing_exactly_on_a_boundary(raw, mitigation, level):
    result = assess({"raw": raw, "mit": mitigation}, form(max_raw=68))
    assert result.level.level == level


@pytest.mark.parametrize(
    ("mitigation", "reduced"),
    # maximum 23: 80 % is 18.4 points, so 18 does not reach it and 19 does
    [(18, False), (19, True), (23, True), (0, False)],
)
def test_mitigation_threshold_with_a_fractional_cut_off(mitigation, reduced):
    assert assess({"raw": 50, "mit": mitigation}, form(max_mitigation=23)).reduced is reduced


def test_decimal_points_and_weights_are_exact():
    # 12 impact questions worth 0 or 0.1 points: 3 answered "0.1" is exactly 25 % of 1.2.
    questions = [{"id": f"q{i}", "part": "impact", "topic": "t", "question": "q",
                  "options": [{"text": "no", "points": 0}, {"text": "yes", "points": 0.1}]} for i in range(12)]
    # 10 mitigation questions worth 0 or 0.1: 8 answered is exactly 80 %.
    questions += [{"id": f"m{i}", "part": "mitigation", "topic": "t", "question": "m",
                   "options": [{"text": "no", "points": 0}, {"text": "yes", "points": 0.1}]} for i in range(10)]
    exact = parse_questionnaire({"levels": LEVELS, "questions": questions})
    result = assess({"q0": 1, "q1": 1, "q2": 1}, exact)
    assert result.raw == Fraction(3, 10) and result.share == Fraction(1, 4) and result.level.level == "I"
    result = assess({**{f"q{i}": 1 for i in range(4)}, **{f"m{i}": 1 for i in range(8)}}, exact)
    assert result.reduced and result.score == Fraction(34, 100)
    weighted = parse_questionnaire({"levels": LEVELS, "questions": [scale("raw", "impact", 4, weight=1.5),
                                                                    scale("mit", "mitigation", 2)]})
    assert weighted.maximum("impact") == 6 and assess({"raw": 3}, weighted).raw == Fraction(9, 2)


def test_controls_are_cumulative():
    result = assess({"raw": 60}, form())
    assert result.controls == ("notice", "explain", "review")
    assert assess({"raw": 0}, form()).controls == ("notice",)


def test_level_for_takes_the_first_level_not_below_the_share():
    levels = form().levels
    assert [level_for(Fraction(p, 100), levels).level for p in (0, 25, 26, 50, 75, 76, 100)] == \
           ["I", "I", "II", "II", "III", "IV", "IV"]


@pytest.mark.parametrize(
    ("share", "thresholds", "shown"),
    [
        (Fraction(1, 4), [Fraction(1, 4)], "25 %"),
        (Fraction(2504, 10000), [Fraction(1, 4)], "25.04 %"),     # one decimal would show 25.0 and hide level II
        (Fraction(2496, 10000), [Fraction(1, 4)], "24.96 %"),
        (Fraction(2496, 10000), [], "25.0 %"),
        (Fraction(1, 3), [], "33.3 %"),
        (Fraction(1225, 10000), [], "12.3 %"),                     # halves round up (banker's rounding gives 12.2)
        (Fraction(7996, 10000), [Fraction(4, 5)], "79.96 %"),
        (Fraction(4, 5), [Fraction(4, 5)], "80 %"),
        (Fraction(25000001, 100000000), [Fraction(1, 4)], "25.000001 %"),
    ],
)
def test_format_percent_keeps_the_side_of_each_threshold(share, thresholds, shown):
    assert format_percent(share, thresholds) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(Fraction(51, 2), "25.5"), (Fraction(30), "30"), (Fraction(357, 20), "17.85"), (Fraction(1, 3), "0.33"),
     (Fraction(2, 3), "0.67"), (Fraction(1, 8), "0.13"), (Fraction(0), "0")],
)
def test_format_points(value, shown):
    assert format_points(value) == shown


def test_unanswered_questions_count_zero_and_make_the_level_provisional():
    result = assess({"raw": 30}, form())
    assert not result.complete and [q.id for q in result.unanswered] == ["mit"]
    assert "provisional: 1 question is unanswered" in summary(result, form())
    assert "provisional" not in summary(assess({"raw": 30, "mit": 0}, form()), form())


@pytest.mark.parametrize(
    "answers",
    [{"raw": 101}, {"raw": -1}, {"raw": "3"}, {"raw": True}, {"raw": 2.0}, {"nope": 1}, {"raw": None}],
)
def test_answers_that_do_not_fit_are_dropped(answers):
    assert clean_answers(answers, form()) == {}


def test_summary_names_every_number():
    text = summary(assess({"raw": 30, "mit": 8}, form()), form())
    assert text == ("Raw impact score: 30 of 100. The mitigation score is 8 of 10 (80 %), which reaches 80 %, so the "
                    "raw score is reduced by 15 % to 25.5. That is 25.5 % of the maximum: level II, moderate.")


def test_the_real_questionnaire_matches_an_independent_sum():
    raw = yaml.safe_load((CONTENT_DIR / "impact_assessment.yaml").read_text(encoding="utf-8"))
    texts = raw["example"]["answers"]
    by_part = {"impact": 0, "mitigation": 0}
    maximum = {"impact": 0, "mitigation": 0}
    for q in raw["questions"]:
        points = {o["text"]: o["points"] * q.get("weight", 1) for o in q["options"]}
        by_part[q["part"]] += points[texts[q["id"]]]
        maximum[q["part"]] += max(points.values())
    result = assess(example_answers())
    assert (result.raw, result.mitigation) == (by_part["impact"], by_part["mitigation"])
    assert (result.max_raw, result.max_mitigation) == (maximum["impact"], maximum["mitigation"])
    assert result.complete and result.level.level == "II"
    assert [lv.level for lv in questionnaire().levels] == ["I", "II", "III", "IV"]


def test_answers_by_text_names_a_wrong_option():
    assert answers_by_text({"notice": "Yes"}) == {"notice": 1}
    with pytest.raises(ValueError, match="Question 'notice' has no option 'Maybe'"):
        answers_by_text({"notice": "Maybe"})


def _with(**changes) -> dict:
    base = {"levels": LEVELS, "questions": [scale("raw", "impact", 4), scale("mit", "mitigation", 2)]}
    return {**base, **changes}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (_with(questions=[scale("raw", "impact", 4)] * 2), "'questions': two questions share the id raw; give each"),
        (_with(questions=[{**scale("raw", "impact", 4), "part": "risk"}]),
         r"entry 1 \('raw'\), 'part': should be 'impact' or 'mitigation'"),
        (_with(questions=[{**scale("raw", "impact", 4), "options": [{"text": "a", "points": 1}]},
                          scale("mit", "mitigation", 2)]),
         r"entry 1 \('raw'\), 'options': List should have at least 2 items.*; expected at least two answers"),
        (_with(questions=[{**scale("raw", "impact", 4), "options": [{"text": "a", "points": -1},
                                                                  {"text": "b", "points": 1}]},
                          scale("mit", "mitigation", 2)]), "'points': -1 is below zero; points, weights and "
                                                           "percentages are 0 or more"),
        (_with(questions=[{**scale("raw", "impact", 4), "options": [{"text": "a", "points": "lots"},
                                                                  {"text": "b", "points": 1}]},
                          scale("mit", "mitigation", 2)]), "'points': 'lots' is not a number; write it like 2 or 1.5"),
        (_with(questions=[{**scale("raw", "impact", 4), "options": [{"text": "a"}, {"text": "b"}]},
                          scale("mit", "mitigation", 2)]), "'points': this is missing; expected the points"),
        (_with(questions=[scale("raw", "impact", 4)]), "'questions': the mitigation questions can score nothing; add"),
        (_with(questions=[{"id": "x", "part": "impact"}]), r"entry 1 \('x'\), 'topic': this is missing; expected"),
        (_with(levels=LEVELS[:1]), "'levels': List should have at least 2 items.*; expected at least two levels"),
        (_with(levels=[LEVELS[1], LEVELS[0], LEVELS[3]]), "level I has up_to_percent 25; up_to_percent must rise "
                                                          "from level to level"),
        (_with(levels=[*LEVELS[:3], {**LEVELS[3], "up_to_percent": 100}]), r"the last level \(IV\) takes every "
                                                                           "score above the others; remove its"),
        (_with(levels=[{**LEVELS[0], "up_to_percent": None}, LEVELS[3]]), "level I needs an up_to_percent"),
        (_with(scoring={"mitigation_threshold_percent": 120}),
         "'mitigation_threshold_percent': should be less than or equal to 100; expected a percentage from 0 to 100"),
        (_with(example={"answers": {"raw": "seven"}}), "'example': the example answer 'seven' for raw matches no "
                                                       "option of that question; copy an option's text exactly"),
        (["not", "a", "mapping"], "the file as a whole: should be a block of 'name: value' lines"),
    ],
)
def test_content_mistakes_are_named_with_the_fix(raw, message):
    with pytest.raises(ContentError, match=r"^impact_assessment\.yaml: .*" + message):
        parse_questionnaire(raw)


def _real(change) -> dict:
    raw = yaml.safe_load((CONTENT_DIR / "impact_assessment.yaml").read_text(encoding="utf-8"))
    change(raw)
    return raw


@pytest.mark.parametrize(
    ("change", "entry", "fix"),
    [
        (lambda raw: raw["questions"][1].update(wieght=2), "'questions', entry 2 ('area'), 'wieght'",
         "a misspelling?"),
        (lambda raw: raw["questions"][0].update(options="Yes or no"), "'questions', entry 1 ('role'), 'options'",
         "expected at least two answers, each like {text: 'Yes', points: 2}"),
        (lambda raw: raw["levels"][1].update(controls=None), "'levels', entry 2 ('moderate impact'), 'controls'",
         "expected the controls this level adds"),
        (lambda raw: raw["example"]["answers"].update(role="It decides alone"),
         "the example answer 'It decides alone' for role", "copy an option's text exactly"),
    ],
)
def test_a_broken_copy_of_the_real_file_names_the_file_the_entry_and_the_fix(change, entry, fix):
    with pytest.raises(ContentError) as problem:
        parse_questionnaire(_real(change))
    message = str(problem.value)
    assert message.startswith("impact_assessment.yaml: ") and entry in message and fix in message


def test_saved_value_and_the_action_plan_section():
    saved = saved_value("  Lead <scoring> ", {**example_answers(), "nonsense": 3})
    assert saved["system"] == "Lead <scoring>" and "nonsense" not in saved["answers"]
    assert (saved["level"], saved["complete"], saved["reduced"]) == ("II", True, False)
    section = impact_section(saved)
    assert section.heading == "Algorithmic impact assessment: level II"
    assert section.paragraphs[0] == "System assessed: Lead <scoring>."
    assert section.bullets == list(assess(saved["answers"]).controls)
    assert impact_section(None) is None  # the action plan lists the part as not started
    assert impact_section({"system": "CRM", "answers": {}}) is None


def test_the_assessment_document_exports_escaped():
    doc = assessment_document({"system": '<b>Acme</b> & "Co"', "answers": {"role": 3}})
    assert doc.title == 'Algorithmic impact assessment: <b>Acme</b> & "Co"'
    header, rows = doc.sections[1].table
    assert len(rows) == len(questionnaire().questions)
    assert rows[0][3:] == ["It decides on its own", "4", "4"] and rows[1][3] == "(not answered)"
    assert assessment_document(None).sections[0].heading == "Algorithmic impact assessment: level I"
    assert "&lt;b&gt;Acme" in to_html(doc) and "<b>Acme" not in to_html(doc)
    word = WordDocument(io.BytesIO(to_docx(doc)))
    assert any('<b>Acme</b> & "Co"' in p.text for p in word.paragraphs)
