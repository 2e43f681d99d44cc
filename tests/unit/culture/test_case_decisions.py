"""The team's decisions on the cases: checked, saved in the declared shape, and put in the action plan."""

from __future__ import annotations

import pytest

from kit.culture import decisions_section, find_case, latest_case_id, record_decision
from kit.workshop import parts


@pytest.fixture(scope="module")
def clinic():
    return find_case("healthcare")


@pytest.fixture(scope="module")
def sales():
    return find_case("sales")


def test_record_decision_refuses_what_it_cannot_keep(clinic):
    pilot = clinic.choice("pilot").label
    with pytest.raises(ValueError, match="Choose one of the options"):
        record_decision({}, clinic, None, "because", "western")
    with pytest.raises(ValueError, match="Choose the setting your team decides in"):
        record_decision({}, clinic, "pilot", "because", None)
    with pytest.raises(ValueError, match="has no lens 'mars'"):
        record_decision({}, clinic, "pilot", "because", "mars")
    with pytest.raises(ValueError, match="Write a sentence"):
        record_decision({}, clinic, pilot, "   ", "western")
    with pytest.raises(ValueError, match="under 2000 characters"):
        record_decision({}, clinic, pilot, "x" * 2001, "western")
    with pytest.raises(ValueError, match="'Chair' is not a role in this case; its roles are Senior partner"):
        record_decision({}, clinic, pilot, "ok", "western", {"Chair": "Ann"})
    with pytest.raises(ValueError, match="Keep the name for 'Senior nurse' under 60"):
        record_decision({}, clinic, pilot, "ok", "western", {"Senior nurse": "x" * 61})


def test_the_saved_value_keeps_the_declared_shape(clinic, sales):
    saved = record_decision("garbage", clinic, "pilot", " pilot first ", "developing",
                            {"Senior nurse": "  Ann  ", "Practice manager": ""})
    assert saved == {"healthcare": {
        "title": clinic.title, "decision": clinic.choice("pilot").label, "option": "pilot",
        "reasoning": "pilot first", "lens": "developing", "lenses": ["Developing economies"],
        "lens_ids": ["developing"], "roles": {"Senior nurse": "Ann"}, "number": 1}}
    assert parts.CASES.check(saved) == saved  # the part's schema reads it
    by_label = record_decision(saved, sales, sales.choice("pause").label, "vet first", "eastern")
    assert by_label["sales"]["option"] == "pause" and latest_case_id(by_label) == "sales"
    again = record_decision(by_label, clinic, "wait", "changed our mind", "western")
    assert latest_case_id(again) == "healthcare" and again["healthcare"]["number"] == 3
    assert again["healthcare"]["roles"] == {} and again["sales"] == by_label["sales"]


@pytest.mark.parametrize("saved", [None, "text", [], {}, {"x": "not a record"}, {"x": {"reasoning": "no decision"}}])
def test_decisions_section_without_decisions(saved):
    assert decisions_section(saved) is None  # the plan lists the part as not started
    assert latest_case_id(saved) in (None, "x")


def test_decisions_section_lists_them_in_order_with_what_happened_next(clinic, sales):
    saved = record_decision({}, sales, "consent_only", "<script>alert(1)</script>", "western")
    saved = record_decision(saved, clinic, "pilot", "pilot", "eastern")
    saved["gone"] = {"title": "A case since removed", "decision": "Something", "reasoning": "why", "number": 9}
    section = decisions_section(saved)
    header, rows = section.table
    assert header == ["Case", "Decision", "Decided under", "Reasoning", "What the case says happened next"]
    assert [r[0] for r in rows] == [sales.title, clinic.title, "A case since removed"]
    assert rows[0][2] == "Western cultures" and rows[1][2] == "Eastern cultures"
    assert rows[0][3] == "<script>alert(1)</script>"  # escaping is the exporter's job
    assert rows[1][4] == clinic.choice("pilot").consequence and rows[2][4] == ""
    assert "3 decisions" in section.paragraphs[0]


def test_an_older_saved_decision_still_reads(clinic):
    old = {"healthcare": {"title": clinic.title, "decision": clinic.choice("pilot").label, "reasoning": "r",
                          "lenses": ["Western cultures", "Patients"], "lens_ids": ["western", "patients"],
                          "number": 1}}
    assert parts.CASES.check(old)["healthcare"] == {**old["healthcare"], "option": "", "lens": "", "roles": {}}
    rows = decisions_section(old).table[1]
    assert rows[0][2] == "Western cultures, Patients" and rows[0][4].startswith("Six months later")
