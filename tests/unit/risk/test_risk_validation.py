"""Checking a risk: every problem named in plain words, defaults for blank optional fields."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from kit.risk import CATEGORIES, RiskInputError, parse_due, validate_risk

GOOD = {"title": "Chatbot gives wrong refund advice", "likelihood": 4, "severity": 3}


def _problems(**changes) -> dict[str, str]:
    with pytest.raises(RiskInputError) as caught:
        validate_risk(GOOD | changes)
    return caught.value.problems


def test_minimal_risk_takes_the_defaults():
    risk = validate_risk(GOOD)
    assert (risk.category, risk.status, risk.due, risk.owner) == ("other", "open", "", "")
    assert (risk.residual_likelihood, risk.residual_severity) == (4, 3)
    assert (risk.score, risk.band, risk.residual_score) == (12, "high", 12)


def test_text_is_trimmed_and_kept_as_typed():
    risk = validate_risk(GOOD | {"title": "  <img src=x onerror=alert(1)>  ", "owner": " Jo "})
    assert risk.title == "<img src=x onerror=alert(1)>" and risk.owner == "Jo"


@pytest.mark.parametrize(("changes", "field", "words"), [
    ({"title": ""}, "title", "give the risk a short title"),
    ({"title": "   "}, "title", "give the risk a short title"),
    ({"title": "x" * 151}, "title", "keep it under 150"),
    ({"likelihood": None}, "likelihood", "choose a value from 1 to 5"),
    ({"likelihood": ""}, "likelihood", "choose a value from 1 to 5"),
    ({"likelihood": math.nan}, "likelihood", "choose a value from 1 to 5"),
    ({"likelihood": 0}, "likelihood", "outside the scale"),
    ({"likelihood": 6}, "likelihood", "outside the scale"),
    ({"severity": "7"}, "severity", "outside the scale"),
    ({"severity": 2.5}, "severity", "not a whole number"),
    ({"severity": "high"}, "severity", "'high' is not a number"),
    ({"residual_likelihood": 5}, "residual_likelihood", "higher than before mitigation (4)"),
    ({"residual_severity": 9}, "residual_severity", "outside the scale"),
    ({"category": "ethics"}, "category", "not one of privacy, bias"),
    ({"status": "done"}, "status", "not one of open, in progress"),
    ({"due": "next week"}, "due", "year-month-day"),
    ({"due": "31/02/2026"}, "due", "is not a date"),
    ({"mitigation": "m" * 2001}, "mitigation", "keep it under 2000"),
])
def test_each_problem_is_named_with_its_fix(changes, field, words):
    problems = _problems(**changes)
    assert list(problems) == [field]
    assert words in problems[field]


def test_every_problem_is_reported_at_once():
    with pytest.raises(RiskInputError) as caught:
        validate_risk({"title": "", "likelihood": 9, "severity": None, "due": "soon"})
    assert set(caught.value.problems) == {"title", "likelihood", "severity", "due"}
    message = str(caught.value)
    assert message.startswith("This risk cannot be saved yet.") and "Due date" in message
    assert isinstance(caught.value, ValueError)  # guarded callbacks show it as written


@pytest.mark.parametrize(("value", "expected"), [(3, 3), (3.0, 3), ("3", 3), (" 4 ", 4), ("4 (likely)", 4),
                                                  ("likely", 4), ("Almost certain", 5)])
def test_scale_points_are_read_from_numbers_text_and_words(value, expected):
    assert validate_risk(GOOD | {"likelihood": value, "residual_likelihood": ""}).likelihood == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("", ""), (None, ""), ("2026-03-31", "2026-03-31"), ("31/03/2026", "2026-03-31"), ("31/03/26", "2026-03-31"),
    (dt.date(2026, 1, 2), "2026-01-02"), (dt.datetime(2026, 1, 2, 9, 30), "2026-01-02"),
])
def test_due_dates(value, expected):
    assert parse_due(value) == expected


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_is_accepted_in_any_case(category):
    assert validate_risk(GOOD | {"category": category.upper()}).category == category


def test_residual_scores_lower_than_before_are_kept():
    risk = validate_risk(GOOD | {"residual_likelihood": "2", "residual_severity": 1})
    assert (risk.residual_score, risk.residual_band) == (2, "low")
    assert risk.summary() == "Chatbot gives wrong refund advice: 12 (high), 2 (low) after mitigation"
