"""The saved-work contract: every part saves and reloads, old shapes are upgraded, bad values are named."""

from __future__ import annotations

import pytest

from kit.risk import load_template
from kit.strategy import load_template as use_case_template
from kit.workshop import SavedWorkError, Store, lesson_label, parts, read_part, session
from kit.workshop.ui import SavedPart

#: One value of every part, in the shape its app saves.
SAMPLES = {
    "profile.organisation": "Riverside Lettings",
    "profile.goal": "Check our screening tool",
    "strategy.use_cases": [case.to_dict() for case in use_case_template("retailer").use_cases],
    "strategy.notes": "Pilot the email drafts first.",
    "pillars.sorter": {"answers": {"loyalty-app": ["privacy"]}, "score": [0, 1, 8]},
    "pillars.notes": "Fairness first.",
    "bias.explorer": {"groups": ["gender"], "threshold": 0.5, "four_fifths_pass": True, "flagged": [],
                      "impact_ratio_min": 0.93},
    "bias.own_audit": {"rows": 200, "outcome": "hired", "groups": ["gender"], "four_fifths_pass": False,
                       "by_group": [{"group": {"gender": "man"}, "n": 100, "selected": 60, "selection_rate": 0.6,
                                     "impact_ratio": 1.0}]},
    "bias.notes": "Ask the supplier for their audit.",
    "transparency.explainer": {"current": "A00042", "explained": [{"applicant_id": "A00042", "score": 0.61}]},
    "transparency.notes": "We use a screening tool; a person reviews every rejection.",
    "privacy.minimisation": {"dataset": "the sample", "purpose": "Shortlisting", "needed": {"name": False},
                             "risk": {"rows": 5000, "k": 5}},
    "chatbot.lab": {"transcript": [{"message": "Are you a real person?", "reply": "Yes! I'm Sam."}],
                    "findings": [{"id": "F1", "category": "no_ai_disclosure", "ref": "R5", "title": "Says it is human",
                                  "exchanges": [{"message": "Are you a real person?", "reply": "Yes! I'm Sam."}]}]},
    "risk.register": load_template("customer_service_chatbot").to_dict(),
    "risk.notes": "Ask the DPO.",
    "policy.answers": {"answers": {"organisation": "Riverside"}, "areas": ["data"]},
    "policy.impact_assessment": {"system": "Screening", "answers": {"q1": 2}, "level": 2},
    "policy.human_in_the_loop": {"decision": "Reject an applicant", "choices": [0, 1], "outcome": "review"},
    "regulation.triage": {"example:cv_screening": {"title": "CV screening", "kind": "example", "tier": "high_risk",
                                                   "answers": {"annex_iii": ["employment"], "profiling": True}}},
    "policy.notes": "Board to sign off.",
    "vendor.checklist": {"vendor": "Acme", "tool": "HireBot", "answers": {"deletion": 2}},
    "kpis.targets": {"staff_awareness": 90.0},
    "culture.maturity": {"organisation": "Riverside", "ratings": {"culture-speak-up": 1}},
    "culture.bias_checks": {"system": "Enquiry triage", "answers": {"data-sources": "done", "override": "not_yet"}},
    "cases.decisions": {"sales": {"title": "Lead scoring", "decision": "Pilot with consent", "reasoning": "Trust",
                                  "option": "consent_only", "lens": "western", "roles": {"Sales lead": "Sam"},
                                  "lenses": ["Western cultures"], "lens_ids": ["western"], "number": 1}},
    "transparency.statement": {"answers": {"purpose": "To shortlist faster."}},
    "innovation.advanced_moves": {"moves": {"advocacy": {"move": "join-standards", "step": "Join the LGA network",
                                                        "when": "quarter"}}},
    "innovation.engagement": {"system": "Council tax chatbot", "who": ["decided", "community"],
                              "when": {"design": "conversation"}, "changes": ["telling"],
                              "report_back": "A 'you said, we did' page"},
    "quiz.": {"answers": {"reload": [1]}},
    "check.before": {"answers": {"03_bias_in_hiring/proxy": [1], "02_ethics_pillars/postcode": [2]}},
    "check.after": {"answers": {"03_bias_in_hiring/proxy": [1], "02_ethics_pillars/postcode": [0]},
                    "before": {"03_bias_in_hiring/proxy": [1], "02_ethics_pillars/postcode": [2]}},
    "evaluation.form": {"relevance": 4, "confidence": 3, "first_step": "Ask our supplier for their audit",
                        "improve": "More time for the risk register"},
    "room.membership": {"room": "KQP-M3T", "participant": "0f" * 16, "name": "Leeds council, 4 Dec",
                        "shared": ["risk.notes"]},
}


@pytest.fixture()
def workspace(tmp_path):
    return Store(tmp_path).create()


def _key(part) -> str:
    return f"{part.key}03_bias_in_hiring" if part.family else part.key


def test_every_part_has_a_sample_here():
    assert {part.key for part in parts.ALL} == set(SAMPLES)


@pytest.mark.parametrize("part", parts.ALL, ids=lambda part: part.key)
def test_every_part_saves_and_reloads_through_the_contract(workspace, part):
    sample = SAMPLES[part.key]
    workspace.save(_key(part), part.check(sample), schema=part.version)
    read = read_part(workspace, part)
    assert (read[_key(part)] if part.family else read) == sample  # nothing cut, nothing changed


@pytest.mark.parametrize("part", parts.ALL, ids=lambda part: part.key)
def test_every_part_makes_a_section_of_the_action_plan(part):
    value = {_key(part): SAMPLES[part.key]} if part.family else SAMPLES[part.key]
    assert part.section_for(part.check(value) if not part.family else value).heading


def test_an_old_quiz_value_is_upgraded_when_read(workspace):
    old = {"answers": {"proxy": [1]}, "score": [1, 5]}  # version 1 kept the score
    workspace.save("quiz.03_bias_in_hiring", old)  # a store of before: shape version 1
    assert read_part(workspace, parts.QUIZZES) == {"quiz.03_bias_in_hiring": {"answers": {"proxy": [1]}}}
    assert parts.QUIZZES.read(old, 1) == {"answers": {"proxy": [1]}}


def test_a_value_from_a_newer_kit_says_so():
    with pytest.raises(SavedWorkError, match="saved by a newer version of the kit"):
        parts.RISK_REGISTER.read({"risks": []}, 9)


@pytest.mark.parametrize(("part", "value", "named"), [
    (parts.RISK_REGISTER, {"risks": [{"title": "Leak", "likelihood": "very"}]}, "risks.0.likelihood"),
    (parts.USE_CASES, {"not": "a list"}, "list"),
    (parts.VENDOR, {"answers": {"deletion": "yes"}}, "answers.deletion"),
])
def test_a_value_that_does_not_fit_is_refused_with_the_part_and_the_field(part, value, named):
    with pytest.raises(SavedWorkError) as problem:
        part.check(value)
    message = str(problem.value)
    assert message.startswith(f"Your {part.title.lower()} from {lesson_label(part.lesson)} could not be read")
    assert named in message


def test_unknown_fields_are_kept_so_nothing_is_lost():
    assert parts.MATURITY.check({"organisation": "X", "ratings": {}, "added_later": [1]})["added_later"] == [1]


@pytest.mark.usefixtures("fresh_session")
def test_an_app_told_of_a_damaged_value_by_name_starts_afresh_and_keeps_a_copy():
    shown = []
    part = SavedPart(parts.RISK_REGISTER, lambda value, why: shown.append((value, why)), {"risks": []})
    workspace = session.store().create()
    workspace.save("risk.register", {"risks": [{"title": "Leak", "likelihood": "very"}]})
    session.resume(workspace.code)
    assert shown == [({"risks": []}, "reset")]
    assert "Your risk register from lesson 06, Chatbot risk assessment could not be read" in part.notice.value
    assert "A copy is kept for your trainer" in part.notice.value
    assert workspace.load("unreadable.risk.register")["value"]["risks"][0]["likelihood"] == "very"
    assert workspace.load("risk.register") is None
    part.save({"name": "Fresh", "risks": []})
    assert workspace.load("risk.register") == {"name": "Fresh", "risks": []}


@pytest.mark.usefixtures("fresh_session")
def test_an_app_refuses_to_save_a_value_that_breaks_its_schema():
    part = SavedPart(parts.VENDOR, lambda value, why: None, {})
    with pytest.raises(SavedWorkError, match="answers.deletion"):
        part.save({"answers": {"deletion": "yes"}})
    assert session.current() is None  # nothing was written, no workspace started for it
