"""The EU AI Act triage: every tier and the impact-assessment rule on the issue's worked cases, and the answers contract."""

from __future__ import annotations

import datetime
import json

import pytest

from kit.regulation import CONTRACT, Answers, TriageInputError, ai_act, format_triage, read_answers, triage

# (answers, tier, transparency duties, FRIA required, articles that must be named)
CASES = {
    "cv_screening": ({"annex_iii": ["employment"], "profiling": True}, "high_risk", [], False, {"4", "6", "26", "86"}),
    "cv_screening_by_a_council": ({"annex_iii": ["employment"], "profiling": True,
                                   "public_body_or_public_service": True}, "high_risk", [], True, {"26", "27"}),
    "website_chatbot": ({"transparency": ["interacts_with_people", "synthetic_content"]}, "transparency",
                        ["interacts_with_people", "synthetic_content"], False, {"4", "50"}),
    "social_scoring": ({"practices": ["social_scoring"]}, "prohibited", [], False, {"4", "5"}),
    "emotion_recognition_at_work": ({"practices": ["emotion_recognition_work_education"],
                                     "transparency": ["emotion_or_biometric_categorisation"]},
                                    "prohibited", ["emotion_or_biometric_categorisation"], False, {"5", "50"}),
    "credit_scoring": ({"annex_iii": ["creditworthiness"], "profiling": True}, "high_risk", [], True, {"26", "27"}),
    "life_insurance_pricing": ({"annex_iii": ["life_health_insurance"]}, "high_risk", [], True, {"27"}),
    "benefits_eligibility": ({"annex_iii": ["public_benefits"], "profiling": True,
                              "public_body_or_public_service": True}, "high_risk", [], True, {"26", "27", "86"}),
    "exam_proctoring": ({"annex_iii": ["education"]}, "high_risk", [], False, {"6", "26"}),
    "exam_proctoring_at_a_state_school": ({"annex_iii": ["education"], "public_body_or_public_service": True},
                                          "high_risk", [], True, {"27"}),
    "spam_filter": ({}, "minimal", [], False, {"4"}),
    "deepfake_marketing_video": ({"transparency": ["deepfake", "synthetic_content"]}, "transparency",
                                 ["synthetic_content", "deepfake"], False, {"50"}),
    "narrow_procedural_tool_without_profiling": ({"annex_iii": ["employment"], "narrow_exception": True},
                                                 "minimal", [], False, {"4", "6"}),
    "narrow_procedural_tool_with_profiling": ({"annex_iii": ["employment"], "narrow_exception": True,
                                               "profiling": True}, "high_risk", [], False, {"6", "26"}),
    "safety_component": ({"annex_i_safety_component": True}, "high_risk", [], False, {"6", "26"}),
    "critical_infrastructure_run_by_a_public_body": ({"annex_iii": ["critical_infrastructure"],
                                                      "public_body_or_public_service": True},
                                                     "high_risk", [], False, {"26"}),
}


@pytest.mark.parametrize("case", CASES)
def test_worked_case(case):
    answers, tier, duties, fria, articles = CASES[case]
    result = triage(answers)
    assert result.tier == tier
    assert list(result.transparency_duties) == duties
    assert result.fria_required is fria
    assert articles <= set(result.articles), result.articles
    assert ("27" in result.articles) is fria
    assert list(result.articles) == sorted(set(result.articles), key=int)


def test_the_json_keeps_the_issues_shape_exactly():
    out = triage(CASES["credit_scoring"][0]).to_dict()
    assert list(out) == ["tier", "transparency_duties", "fria_required", "articles", "explanation"]
    assert out["tier"] in ("prohibited", "high_risk", "transparency", "minimal")
    assert all(isinstance(a, str) for a in out["articles"]) and isinstance(out["fria_required"], bool)
    json.dumps(out)


def test_prohibition_wins_over_high_risk_and_no_assessment_is_asked_of_a_banned_system():
    result = triage({"practices": ["social_scoring"], "annex_iii": ["public_benefits"],
                     "public_body_or_public_service": True, "transparency": ["interacts_with_people"]})
    assert result.tier == "prohibited" and result.fria_required is False
    assert result.transparency_duties == ("interacts_with_people",)
    assert [o.id for o, _ in result.obligations] == ["ai_literacy", "stop"]


def test_the_exception_does_not_touch_an_annex_i_product():
    result = triage({"annex_i_safety_component": True, "annex_iii": ["employment"], "narrow_exception": True})
    assert result.tier == "high_risk" and not result.fria_required
    # high-risk through Annex I only: the deployer's duties apply from the Annex I date
    dates = {o.id: d.date for o, d in result.obligations}
    assert dates["human_oversight"] == datetime.date(2027, 8, 2)
    assert "tell_workers" not in dates and "exception_documented" in dates


def test_an_annex_iii_system_applies_from_august_2026_and_says_the_date_may_move():
    result = triage(CASES["cv_screening"][0])
    dates = {o.id: d.date for o, d in result.obligations}
    assert dates["ai_literacy"] == datetime.date(2025, 2, 2)
    assert dates["human_oversight"] == datetime.date(2026, 8, 2)
    assert "digital omnibus" in result.explanation and "proposed" in result.explanation
    assert "not legal advice" in result.explanation
    as_of = ai_act().as_of
    assert f"as of {as_of.day} {as_of:%B %Y}" in result.explanation


def test_workers_are_told_only_for_the_employment_area():
    assert "tell_workers" in {o.id for o, _ in triage(CASES["cv_screening"][0]).obligations}
    assert "tell_workers" not in {o.id for o, _ in triage(CASES["credit_scoring"][0]).obligations}


def test_every_tier_is_reached_and_every_obligation_names_its_article():
    tiers = {triage(answers).tier for answers, *_ in CASES.values()}
    assert tiers == {"prohibited", "high_risk", "transparency", "minimal"}
    for answers, *_ in CASES.values():
        for obligation, date in triage(answers).obligations:
            assert obligation.article and obligation.source and date.date


def test_the_application_dates_are_the_acts():
    dates = {d.id: d.date for d in ai_act().dates}
    assert dates["prohibitions"] == datetime.date(2025, 2, 2)
    assert dates["gpai"] == datetime.date(2025, 8, 2)
    assert dates["annex_iii"] == dates["general"] == datetime.date(2026, 8, 2)
    assert dates["annex_i"] == datetime.date(2027, 8, 2)


def test_text_format_shows_tier_duties_dates_and_the_caveat():
    text = format_triage(triage(CASES["benefits_eligibility"][0]))
    assert "High-risk" in text and "Article 27" in text and "required" in text
    assert "2 August 2026" in text and "not legal advice" in text


@pytest.mark.parametrize("example", [e.id for e in ai_act().examples])
def test_the_contents_examples_are_triaged_as_the_worked_cases(example):
    entry = next(e for e in ai_act().examples if e.id == example)
    assert triage(entry.answers).tier == CASES[example][1]


def test_answers_are_read_in_the_files_order_and_left_out_questions_are_no():
    answers = read_answers({"transparency": ["deepfake", "interacts_with_people", "deepfake"]})
    assert answers == Answers(transparency=("interacts_with_people", "deepfake"))


def test_the_contract_ids_are_in_the_content():
    valid = ai_act().valid_ids()
    for question, options in CONTRACT.items():
        assert set(options) <= set(valid[question])


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"practises": []}, r"'practises' is not a question id\. Valid ids: practices, annex_i_safety_component"),
        ({"annex_iii": ["hiring"]}, r"'hiring' is not an id of 'annex_iii'\. Valid ids: biometrics, "
                                    r"critical_infrastructure, .*justice_democracy\."),
        ({"practices": "social_scoring"}, r"'practices' must be a list of ids"),
        ({"transparency": [1]}, r"'transparency' must be a list of ids"),
        ({"profiling": "yes"}, r"'profiling' must be true or false"),
        ({"profiling": 1}, r"'profiling' must be true or false"),
        (["employment"], r"one JSON object"),
    ],
)
def test_bad_answers_are_named_with_the_valid_ids(raw, message):
    with pytest.raises(TriageInputError, match=message):
        read_answers(raw)
