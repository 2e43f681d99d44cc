"""Starting registers as data files: every template loads, the source table is carried over, mistakes are named."""

from __future__ import annotations

import pytest

from kit.workshop import content
from kit.workshop.content import ContentError
from kit.risk import CATEGORIES, DEFAULT_TEMPLATE, load_template, practice_register, template_info, template_names

EXPECTED = ["customer_service_chatbot", "generative_ai_chatbot", "sales_lead_scoring", "council_enquiry_triage"]


def test_every_template_is_listed_in_order():
    assert template_names() == EXPECTED
    assert DEFAULT_TEMPLATE == EXPECTED[0]


@pytest.mark.parametrize("name", EXPECTED)
def test_template_loads_complete_and_checked(name):
    register = load_template(name)
    info = template_info(name)
    assert register.name == info["title"] and register.source == name and info["summary"] and info["source"]
    assert len(register.risks) >= 4 and register.refs() == [f"R{i}" for i in range(1, len(register.risks) + 1)]
    for risk in register.risks:
        assert risk.category in CATEGORIES and risk.impact and risk.mitigation and risk.affected
        assert risk.residual_score <= risk.score


def test_the_source_table_risks_with_impact_mitigation_and_responsibility():
    register = load_template("customer_service_chatbot")
    assert [r.title for r in register.risks] == ["Data privacy breach", "Biased chatbot responses",
                                                 "Lack of transparency", "Job displacement worries among human agents"]
    assert [r.category for r in register.risks] == ["privacy", "bias", "transparency", "workforce"]
    owners = [r.owner for r in register.risks]
    assert owners == ["IT department and data protection officer", "AI development team and customer service manager",
                      "Marketing department and customer service manager", "HR department and operations manager"]


def test_generative_ai_template_has_the_four_common_risks():
    titles = [r.title.lower() for r in load_template("generative_ai_chatbot").risks]
    for word in ("confabulation", "harmful", "prompt injection", "data leakage"):
        assert any(word in title for title in titles), word


def test_practice_register_joins_two_templates_with_fresh_refs():
    register = practice_register()
    assert register.refs() == [f"R{i}" for i in range(1, 9)]
    assert [r.ref for r in register.without_owner()] == ["R5", "R6"]


@pytest.mark.parametrize(("data", "words"), [
    ({"risks": []}, "'title': this is missing; expected the AI system the register is about"),
    ({"title": "T", "risks": "none"}, "'risks': should be a valid list; expected a list of risks"),
    ({"title": "T", "risks": [{"title": "A", "likelihood": 7, "severity": 1}]},
     "'risks', entry 1 \\('A'\\), 'likelihood': .*; expected a whole number from 1 to 5"),
    ({"title": "T", "risks": [{"title": "A", "likelihood": 1, "severity": 1, "mitigaton": "x"}]},
     "'risks', entry 1 \\('A'\\), 'mitigaton': this key is not one the kit reads"),
    ({"title": "T", "risks": [{"title": "A", "likelihood": "high", "severity": 1}]},
     "'risks', entry 1 \\('A'\\), 'likelihood': should be a valid integer"),
    ({"title": "T", "risks": [{"title": "A", "likelihood": 2, "severity": 2, "category": "Bias"}]},
     "'risks', entry 1 \\('A'\\), 'category': should be 'privacy'.*; expected one of privacy, bias"),
    ({"title": "T", "risks": [{"title": "A", "likelihood": 2, "severity": 2, "residual_severity": 3}]},
     "'risks', entry 1 \\('A'\\): Severity after mitigation: 3 is higher than before mitigation \\(2\\)\\. "
     "A mitigation should not make a risk worse; lower this value"),
    ({"title": "T", "risks": ["not a mapping"]}, "'risks', entry 1: should be a valid dictionary"),
    ({"title": "T", "risks": [{"title": "A", "likelihood": 1, "severity": 1}] * 2},
     "'risks': two risks share the title A; give each its own"),
])
def test_a_broken_template_names_the_file_the_risk_and_the_fix(monkeypatch, data, words):
    monkeypatch.setattr(content, "_read", lambda name: data)
    with pytest.raises(ContentError, match=f"^risk_templates/bad.yaml: .*{words}"):
        load_template("bad")
