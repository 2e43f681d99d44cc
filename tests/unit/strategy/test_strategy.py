"""Lesson 01's logic: use-case checks, the triage rule, the return estimate and the documents.

The rule and the estimate are also recomputed with plain pandas on every
template, independently of the kit's pure-Python code.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest

from kit.workshop import content
from kit.workshop.content import ContentError
from kit.documents import to_docx, to_markdown
from kit.strategy import (LOW_RISK_MAX, MAX_USE_CASES, RULE, UseCase, add, display_frame, estimate,
                          estimate_text, from_saved, load_template, matrix_alt, notes_section, quadrant, rank,
                          recommend, remove, replace, risk_band, scales, scales_frame, template_keys,
                          templates_frame, triage_frame, use_case, use_case_document, use_cases_csv,
                          use_cases_section)


def case(title="Idea", value=3, effort=3, risk=2, **money) -> UseCase:
    return use_case({"title": title, "value": value, "effort": effort, "risk": risk, **money})


MONEY = {"hours_saved": 10, "hourly_cost": 20, "other_gain": "", "setup_cost": 900, "monthly_cost": 50}


# Checking what the learner types ---------------------------------------------------------

def test_form_text_is_read_and_tidied():
    made = use_case({"title": "  Draft   emails ", "problem": "Slow\nreplies", "value": "4", "effort": 2,
                     "risk": "1", "hours_saved": "£1,500", "hourly_cost": "7.5", "setup_cost": "0",
                     "monthly_cost": " 20 "})
    assert made.title == "Draft emails" and made.problem == "Slow replies"
    assert (made.value, made.effort, made.risk) == (4, 2, 1)
    assert made.hours_saved == 1500 and made.hourly_cost == 7.5 and made.other_gain == 0.0
    assert made.has_estimate


def test_blank_money_means_no_estimate():
    made = case(**{name: "" for name in MONEY})
    assert not made.has_estimate and estimate(made) is None


@pytest.mark.parametrize("changes, message", [
    ({"title": ""}, "Title box is empty"),
    ({"title": "   "}, "Title box is empty"),
    ({"title": "x" * 81}, "shorten it to 80"),
    ({"problem": "y" * 501}, "shorten it to 500"),
    ({"value": 0}, "Value must be a whole number from 1 to 5"),
    ({"effort": 6}, "Effort must be a whole number from 1 to 5"),
    ({"risk": "high"}, "Ethical risk must be a whole number"),
    ({"risk": 2.5}, "Ethical risk must be a whole number"),
    ({"value": True}, "Choose a score for Value"),
    ({"value": None}, "Choose a score for Value"),
    ({"hours_saved": "lots"}, "Hours saved per month must be a number"),
    ({"setup_cost": "-5"}, "cannot be negative"),
    ({"monthly_cost": "inf"}, "ordinary number"),
    ({"monthly_cost": "2000000000"}, "more than the kit can estimate"),
    ({"hourly_cost": ""}, "fill in both"),
    ({"hours_saved": "", "hourly_cost": ""}, "or the other gain per month"),
    ({"setup_cost": ""}, "'One-off cost'"),
    ({"setup_cost": "", "monthly_cost": ""}, "'One-off cost' and 'Running cost per month'"),
])
def test_bad_input_names_the_field_and_the_fix(changes, message):
    raw = {"title": "Idea", "value": 3, "effort": 3, "risk": 2, **MONEY, **changes}
    with pytest.raises(ValueError, match=message):
        use_case(raw)


def test_other_gain_alone_is_a_benefit():
    made = case(other_gain="300", setup_cost="0", monthly_cost="100")
    assert estimate(made).net_monthly == 200


def test_titles_must_differ_whatever_the_case():
    cases = add([], case("Draft emails"))
    with pytest.raises(ValueError, match="Use case 1 is already called 'Draft emails'"):
        add(cases, case("draft EMAILS"))
    assert replace(cases, 0, case("Draft emails", value=5))[0].value == 5  # a case may keep its own title


def test_the_list_is_capped():
    cases = [case(f"Idea {n}") for n in range(MAX_USE_CASES)]
    with pytest.raises(ValueError, match=f"already has {MAX_USE_CASES} use cases"):
        add(cases, case("One more"))


@pytest.mark.parametrize("index", [-1, 2, 99])
def test_changing_a_use_case_that_is_not_there_is_a_plain_error(index):
    cases = [case("A"), case("B")]
    with pytest.raises(ValueError, match="Choose the use case"):
        replace(cases, index, case("C"))
    with pytest.raises(ValueError, match="Choose the use case"):
        remove(cases, index)


def test_remove_keeps_the_others_in_order():
    assert [c.title for c in remove([case("A"), case("B"), case("C")], 1)] == ["A", "C"]


def test_saved_list_round_trips_and_damage_is_named():
    cases = list(load_template("retailer").use_cases)
    assert from_saved([c.to_dict() for c in cases]) == cases
    assert from_saved(None) == [] and from_saved([]) == []
    with pytest.raises(ValueError, match="damaged"):
        from_saved({"title": "x"})
    with pytest.raises(ValueError, match="Saved use case 2: .*Title box is empty"):
        from_saved([cases[0].to_dict(), {**cases[1].to_dict(), "title": ""}])


# Content -----------------------------------------------------------------------------

@pytest.mark.parametrize("key", template_keys())
def test_every_template_is_valid_and_has_a_pilot(key):
    template = load_template(key)
    assert template.name and len(template.use_cases) >= 5
    assert all(c.problem and c.notes and c.has_estimate for c in template.use_cases)
    assert recommend(list(template.use_cases)).index is not None


def test_the_three_templates_exist():
    assert template_keys() == ["council_service", "retailer", "sales_team"]
    with pytest.raises(ValueError, match="no template called 'bakery'"):
        load_template("bakery")


def test_scales_explain_every_level():
    words = scales()
    assert list(words) == ["value", "effort", "risk"]
    for scale in words.values():
        assert sorted(scale.levels) == [1, 2, 3, 4, 5] and scale.question
        assert all(level.label and level.means for level in scale.levels.values())
    assert scales_frame().shape == (5, 4)


def _scales(change) -> dict:
    raw = content.load("use_case_scales")
    change(raw)
    return raw


@pytest.mark.parametrize("change, message", [
    (lambda raw: raw["value"]["levels"].pop(4), "'value', 'levels': the levels are 1, 2, 3, 5; give exactly the "
                                                "levels 1, 2, 3, 4 and 5"),
    (lambda raw: raw["value"]["levels"].update({6: {"label": "a", "means": "b"}}),
     "'value', 'levels': the levels are 1, 2, 3, 4, 5, 6; give exactly"),
    (lambda raw: raw["value"]["levels"][2].pop("means"), "'value', 'levels', .*'means': this is missing"),
    (lambda raw: raw.update(value="oops"), "'value': should be a valid dictionary"),
    (lambda raw: raw["effort"].pop("question"), "'effort', 'question': this is missing; expected the question"),
    (lambda raw: raw["risk"].update(qestion="Q"), "'risk', 'qestion': this key is not one the kit reads"),
])
def test_bad_scales_file_names_the_fix(monkeypatch, change, message):
    raw = _scales(change)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^use_case_scales.yaml: {message}"):
        scales()


@pytest.mark.parametrize("broken, message", [
    ({"title": "Broken", "value": 9, "effort": 3, "risk": 2},
     "'use_cases', entry 2 \\('Broken'\\), 'value': .*; expected a whole number from 1 to 5"),
    ({"title": "Broken", "value": 3, "effort": 3, "risk": 2, "notse": "x"},
     "'use_cases', entry 2 \\('Broken'\\), 'notse': this key is not one the kit reads"),
    ({"title": "Broken", "value": 3, "effort": 3, "risk": 2, "setup_cost": "a lot"},
     "'use_cases', entry 2 \\('Broken'\\), 'setup_cost': should be a valid number"),
    ({"title": "Broken", "value": 3, "effort": 3, "risk": 2, "hours_saved": 4},
     "'use_cases', entry 2 \\('Broken'\\): You gave 'Hours saved per month' but not 'Cost of a staff hour'"),
    ({"title": "fine", "value": 3, "effort": 3, "risk": 2},
     "'use_cases': two use cases share the title Fine; give each its own"),
])
def test_bad_template_names_the_use_case(monkeypatch, broken, message):
    raw = {"name": "T", "use_cases": [{"title": "Fine", "value": 3, "effort": 3, "risk": 2}, broken]}
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^use_case_templates/retailer.yaml: {message}"):
        load_template("retailer")


# The matrix, the estimate and the rule -------------------------------------------------

@pytest.mark.parametrize("risk, band", [(1, "low"), (2, "low"), (3, "medium"), (4, "high"), (5, "high")])
def test_risk_bands(risk, band):
    assert risk_band(risk) == band


@pytest.mark.parametrize("value, risk, where", [
    (3, 2, "Pilot candidate"), (5, 1, "Pilot candidate"), (4, 3, "Valuable, needs safeguards first"),
    (2, 2, "Low risk, low value"), (1, 5, "Avoid for now"),
])
def test_quadrants(value, risk, where):
    assert quadrant(case(value=value, risk=risk)) == where


def test_estimate_worked_by_hand():
    result = estimate(case(**MONEY))  # 10 h × 20 = 200 a month, less 50 = 150; 900 / 150 = 6
    assert result.monthly_benefit == 200 and result.net_monthly == 150
    assert result.payback_months == pytest.approx(6.0)
    assert result.first_year_return == pytest.approx((12 * 150 - 900) / (900 + 12 * 50))


@pytest.mark.parametrize("money, payback, first_year", [
    ({**MONEY, "monthly_cost": 200}, None, -900 / 3300),  # net 0: never pays back; the set-up is lost
    ({**MONEY, "setup_cost": 0}, 0.0, 3.0),  # pays its way at once: 12 × 150 / 600
    ({**MONEY, "setup_cost": 0, "monthly_cost": 0}, 0.0, None),  # nothing spent: no return ratio
])
def test_estimate_edge_cases(money, payback, first_year):
    result = estimate(case(**money))
    assert result.payback_months == payback
    assert result.first_year_return == (None if first_year is None else pytest.approx(first_year))


def test_estimate_text_shows_each_step():
    text = estimate_text(case("Forecast", **MONEY))
    assert "10 hours saved × 20 an hour = 200 a month" in text and "leaves 150 a month" in text
    assert "paid back in about 6.0 months" in text and "= 900 ÷ 1,500 = 60%" in text
    assert "never pays back" in estimate_text(case(**{**MONEY, "monthly_cost": 500}))
    assert "no figures given" in estimate_text(case())


def test_highest_value_among_low_risk_wins():
    cases = [case("Risky", value=5, risk=4), case("Safe", value=3, risk=2), case("Safer", value=4, risk=1)]
    pick = recommend(cases)
    assert pick.index == 2 and pick.title == "Safer" and pick.ranked == (2, 1)
    assert "highest value (4 of 5) of your 2 use cases with a low ethical risk" in pick.reason


def test_tie_on_value_goes_to_less_effort():
    pick = recommend([case("Hard", value=4, effort=4), case("Easy", value=4, effort=2)])
    assert pick.title == "Easy" and "needs less effort (2 of 5 against 4)" in pick.reason


def test_tie_on_effort_goes_to_sooner_payback_and_an_estimate_beats_none():
    slow = case("Slow", **{**MONEY, "setup_cost": 3000})
    quick = case("Quick", **MONEY)
    assert recommend([slow, quick]).title == "Quick"
    assert "pays back sooner (6.0 months against 20.0 months)" in recommend([slow, quick]).reason
    pick = recommend([case("Unknown"), slow])
    assert pick.title == "Slow" and "against no estimate" in pick.reason


def test_full_tie_goes_to_the_earlier_one():
    pick = recommend([case("First"), case("Second")])
    assert pick.title == "First" and "higher in your list" in pick.reason


def test_no_low_risk_use_case_means_no_pilot_and_says_how_to_fix_it():
    pick = recommend([case("A", value=5, risk=4), case("B", value=3, risk=3)])
    assert pick.index is None and pick.ranked == ()
    assert "The least risky is 'B' (risk 3)" in pick.reason and "person check every result" in pick.reason


def test_empty_list_and_single_and_low_value_candidates():
    assert recommend([]).index is None and "Add at least one" in recommend([]).reason
    only = recommend([case("Only", value=2, risk=1), case("Other", risk=5)])
    assert only.title == "Only" and "your only use case with a low ethical risk" in only.reason
    assert "Its value is low (2 of 5)" in only.reason


def test_rule_is_written_down():
    assert f"low ethical risk (1 or {LOW_RISK_MAX} of 5)" in RULE and "less effort" in RULE


def _pandas_ranking(frame):
    """The rule, recomputed with pandas from the raw columns (independent of the kit)."""
    net = frame["hours_saved"] * frame["hourly_cost"] + frame["other_gain"] - frame["monthly_cost"]
    payback = frame["setup_cost"] / net.where(net > 0)
    low = frame.assign(payback=payback).loc[lambda f: f["risk"] <= 2]
    return low.sort_values(["value", "effort", "payback"], ascending=[False, True, True]).index.tolist(), net, payback


@pytest.mark.parametrize("key", template_keys())
def test_rule_and_estimate_agree_with_pandas(key):
    frame = templates_frame().query("template == @key").reset_index(drop=True)
    cases = list(load_template(key).use_cases)
    expected, net, payback = _pandas_ranking(frame)
    assert rank(cases) == expected
    assert np.allclose([estimate(c).net_monthly for c in cases], net)
    kit_payback = [math.nan if estimate(c).payback_months is None else estimate(c).payback_months for c in cases]
    assert np.allclose(kit_payback, payback, equal_nan=True)


def test_triage_frame_ranks_only_low_risk():
    frame = triage_frame(list(load_template("council_service").use_cases))
    assert frame["Pilot rank"].tolist()[:3] == [3, 1, 2] and frame["Pilot rank"].isna().sum() == 3
    shown = display_frame(list(load_template("council_service").use_cases))
    assert shown.loc[4, "Payback (months)"] == "never" and shown.loc[3, "Pilot rank"] == "-"
    assert shown.loc[0, "Net gain per month"] == "1,020"


# Words and documents -------------------------------------------------------------------

MARKUP = "<script>alert(1)</script>"


def test_alt_text_names_every_point_and_the_pick():
    cases = [case(MARKUP, value=4, risk=1), case("Chatbot", value=4, risk=3)]
    alt = matrix_alt(cases)
    assert "1 <script>alert(1)</script> (value 4, risk 1)" in alt and "medium ethical risk: 2 Chatbot" in alt
    assert alt.endswith("Recommended first pilot: 1 <script>alert(1)</script>.")
    assert "no use cases yet" in matrix_alt([])


def test_csv_neutralises_formulas_and_keeps_numbers():
    cases = [case("=HYPERLINK(\"http://x\")", problem="@SUM(A1)", **MONEY), case("Plain", risk=5)]
    rows = list(csv.reader(io.StringIO(use_cases_csv(cases))))
    assert rows[1][1].startswith("'=") and rows[1][2].startswith("'@")
    header = rows[0]
    assert rows[1][header.index("Net gain per month")] == "150"
    assert rows[1][header.index("Payback (months)")] == "6"
    assert rows[2][header.index("Payback (months)")] == "" and rows[2][header.index("Pilot rank")] == ""


def test_documents_escape_user_text():
    document = use_case_document([case(MARKUP, **MONEY)])
    markdown = to_markdown(document)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "Recommended first pilot" in markdown and "How the scores were given" in markdown
    assert to_docx(document)[:2] == b"PK"


def test_section_for_the_action_plan():
    saved = [c.to_dict() for c in load_template("retailer").use_cases]
    section = use_cases_section(saved)
    assert section.paragraphs[0] == "Recommended first pilot: Forecast weekly stock orders."
    header, rows = section.table
    assert header[0] == "No." and len(rows) == 6 and len(section.bullets) == 6
    assert use_cases_section(None) is None and use_cases_section([]) is None  # the plan: not started
    assert "No first pilot yet" in use_cases_section([case(risk=5).to_dict()]).paragraphs[0]


def test_notes_section():
    assert notes_section("  Pilot  forecasting ").paragraphs == ["Pilot forecasting"]
    assert notes_section(None) is None and notes_section("  ") is None
