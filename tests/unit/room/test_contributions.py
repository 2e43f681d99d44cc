"""What a room may see of each saved part: only what its aggregates need, never what the attendee typed."""

from __future__ import annotations

import json

import pytest

from kit.culture import load_model, scan_cases
from kit.risk import load_template as risk_template
from kit.room import MIN_ANSWERS, NOTE_PREFIX, ROOM_KEYS, contribution_for, is_room_key, note_keys
from kit.strategy import load_template as use_case_template
from kit.workshop import parts

SECRET = "Acme Ltd's secret plan"


def test_the_threshold_is_three_and_the_keys_are_the_parts_the_room_counts():
    assert MIN_ANSWERS == 3
    assert {parts.QUIZZES.key, parts.RISK_REGISTER.key, parts.MATURITY.key, parts.EVALUATION.key, NOTE_PREFIX} <= \
        set(ROOM_KEYS)
    assert is_room_key("quiz.03_bias_in_hiring") and is_room_key("note:risk.notes")
    assert not is_room_key("profile.goal") and not is_room_key("policy.answers")


@pytest.mark.parametrize("key", ["profile.goal", "policy.answers", "transparency.statement", "quiz", "unknown"])
def test_a_part_the_room_does_not_count_is_never_shared(key):
    assert contribution_for(key, {"answers": {"x": SECRET}}) is None


def test_a_quiz_keeps_only_known_questions_and_options():
    value = {"answers": {"reload": [1], "privacy": [0, 7, True], "made-up": [0], "stages": []}, "score": 3}
    assert contribution_for("quiz.00_start_here", value) == {"answers": {"reload": [1], "privacy": [0]}}
    assert contribution_for("quiz.no_such_quiz", value) is None
    assert contribution_for("quiz.00_start_here", {"answers": {}}) is None


def test_the_knowledge_check_keeps_its_answers_and_drops_the_copy_of_the_start():
    value = {"answers": {"03_bias_in_hiring/proxy": [1], "other/thing": [0]}, "before": {"x": [1]}}
    assert contribution_for("check.after", value) == {"answers": {"03_bias_in_hiring/proxy": [1]}}


def test_use_cases_share_template_cases_and_the_pilot_and_only_count_the_attendees_own():
    cases = [case.to_dict() for case in use_case_template("retailer").use_cases]
    cases.append(dict(cases[1], title=SECRET, value=5, risk=1))  # own, and the best pilot by the rule
    shared = contribution_for("strategy.use_cases", cases)
    assert shared["own"] == 1 and shared["pilot"] == ""
    assert shared["cases"][0] == {"title": "Forecast weekly stock orders", "value": 4, "risk": 1}
    assert SECRET not in json.dumps(shared)
    first = contribution_for("strategy.use_cases", cases[:-1])
    assert first["pilot"] == "Forecast weekly stock orders" and first["own"] == 0


def test_the_bias_explorer_shares_its_threshold_and_findings():
    value = {"groups": ["gender", "postcode"], "threshold": 0.55, "four_fifths_pass": False,
             "flagged": ["Female", "Female"], "equalized_odds_difference": 0.2}
    assert contribution_for("bias.explorer", value) == {"groups": ["gender"], "threshold": 0.55,
                                                        "four_fifths_pass": False, "flagged": ["Female"]}
    assert contribution_for("bias.explorer", {"groups": [], "threshold": 7}) is None


def test_a_register_shares_template_risks_by_their_template_ref_and_counts_own_risks():
    register = risk_template("customer_service_chatbot").to_dict()
    register["risks"][0]["likelihood"] = 5
    register["risks"].append(dict(register["risks"][1], title=SECRET, ref="R9", owner="Jo Bloggs"))
    shared = contribution_for("risk.register", register)
    assert shared["template"] == "customer_service_chatbot" and shared["own"] == 1
    assert shared["risks"][0] == {"ref": "customer_service_chatbot/R1", "likelihood": 5, "severity": 5}
    assert [r["ref"] for r in shared["risks"]] == [f"customer_service_chatbot/R{n}" for n in range(1, 5)]
    assert SECRET not in json.dumps(shared) and "Jo Bloggs" not in json.dumps(shared)


def test_a_template_risk_is_known_by_its_title_whatever_its_ref_in_the_register():
    risk = dict(risk_template("generative_ai_chatbot").to_dict()["risks"][2], ref="R1")  # Prompt injection
    shared = contribution_for("risk.register", {"name": "Mine", "source": "", "risks": [risk]})
    assert shared["risks"] == [{"ref": "generative_ai_chatbot/R3", "likelihood": risk["likelihood"],
                                "severity": risk["severity"]}]


def test_maturity_drops_the_organisation_and_unknown_statements():
    value = {"organisation": SECRET, "ratings": {"strategy-pilots": 2, "made-up": 3, "ethics-bias": 9}}
    assert contribution_for("culture.maturity", value) == {"ratings": {"strategy-pilots": 2}}
    assert load_model()  # the model the ratings are checked against loads


def test_case_decisions_share_the_option_and_lens_never_the_reasoning_or_players():
    case = scan_cases()[0][0]
    value = {case.id: {"decision": case.options[1], "reasoning": SECRET, "lens": case.lenses[0].id,
                       "roles": {"Clinician": "Jo Bloggs"}, "title": case.title},
             "unknown-case": {"decision": "x"}}
    assert contribution_for("cases.decisions", value) == {case.id: {"decision": case.options[1],
                                                                    "lens": case.lenses[0].id}}


def test_the_evaluation_shares_its_ratings_never_its_free_text():
    value = {"relevance": 4, "confidence": None, "first_step": SECRET, "improve": SECRET}
    assert contribution_for("evaluation.form", value) == {"relevance": 4, "confidence": None}
    assert contribution_for("evaluation.form", {"relevance": None, "confidence": None}) is None
    assert contribution_for("evaluation.form", {"relevance": 9}) is None


def test_a_note_is_shared_stripped_and_only_from_a_note_part():
    assert "risk.notes" in note_keys() and "risk.register" not in note_keys()
    assert contribution_for("note:risk.notes", "  Ask the supplier.  ") == {"text": "Ask the supplier."}
    assert contribution_for("note:risk.notes", {"text": "Ask."}) == {"text": "Ask."}
    assert contribution_for("note:risk.notes", "   ") is None
    assert contribution_for("note:risk.register", "text") is None
