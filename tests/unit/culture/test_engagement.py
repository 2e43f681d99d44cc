"""Engaging residents and customers: who, when, what their input can change, and whether it is a token."""

from __future__ import annotations

import pytest

from kit.culture import EngagementMethod, engagement_section, load_method, read_plan
from kit.culture._engagement import PROBLEMS, clean_plan, clean_text, engagement_document
from kit.documents import to_html
from kit.workshop.content import ContentError, load, validate


@pytest.fixture(scope="module")
def method() -> EngagementMethod:
    return load_method()


def _plan(**changes) -> dict:
    good = {"system": "Chatbot", "who": ["decided", "community"], "when": {"before": "conversation", "live": "feedback"},
            "changes": ["whether", "telling"], "report_back": "A 'you said, we did' page"}
    return {**good, **changes}


def _problems(method, plan) -> set[str]:
    texts = set(read_plan(method, plan).problems)
    return {p.id for p in method.problems if p.text in texts}


def test_a_full_plan_is_meaningful(method):
    reading = read_plan(method, _plan())
    assert reading.level == "meaningful" and reading.problems == () and reading.engaged == ("before", "live")
    assert reading.summary().startswith("Meaningful involvement")


@pytest.mark.parametrize(("changes", "level", "found"), [
    ({"when": {"live": "feedback"}}, "token", {"none_before_launch"}),
    ({"changes": []}, "token", {"nothing_open"}),
    ({"who": ["community"]}, "work", {"decided_missing"}),
    ({"who": ["decided", "frontline"]}, "work", {"nobody_trusted"}),
    ({"when": {"design": "testing", "live": "feedback"}}, "work", {"not_early"}),
    ({"report_back": ""}, "work", {"no_report_back"}),
])
def test_each_shortfall_is_named_and_rated(method, changes, level, found):
    plan = _plan(**changes)
    assert read_plan(method, plan).level == level
    assert _problems(method, plan) == found


def test_the_worked_example_needs_work_for_two_reasons(method):
    reading = read_plan(method, method.example.model_dump())
    assert reading.label == "Needs work"
    assert _problems(method, method.example.model_dump()) == {"not_early", "no_report_back"}


def test_a_plan_is_cleaned_of_what_the_method_does_not_know(method):
    plan = clean_plan(method, {"who": ["decided", "aliens"], "when": {"before": "telepathy", "live": "feedback"},
                               "changes": ["nothing-real"], "report_back": "  a  note "})
    assert plan == {"system": "", "who": ["decided"], "when": {"live": "feedback"}, "changes": [],
                    "report_back": "a note"}
    with pytest.raises(ValueError, match="shorten it to 300"):
        clean_text("x" * 301, "The system's name")


def test_the_plan_section_and_document(method):
    assert engagement_section({}) is None
    section = engagement_section(_plan(system="<i>Bot</i>"))
    assert section.heading == "Involving residents and customers: <i>Bot</i>"  # escaped when the plan is written
    assert "Who: People the system makes or shapes decisions about" in section.bullets[0]
    html = to_html(engagement_document(method, _plan(system="<i>Bot</i>")))
    assert "<i>Bot</i>" not in html and "&lt;i&gt;Bot&lt;/i&gt;" in html


@pytest.mark.parametrize(("change", "named"), [
    (lambda d: d["who"][1].update({"decided": True}), "exactly one group with decided: true"),
    (lambda d: d["problems"].pop(), f"missing: {PROBLEMS[-1]}"),
    (lambda d: d["methods"].pop(0), "add a method with id 'none'"),
    (lambda d: d["stages"][0].pop("before_launch"), "'before_launch': this is missing"),
])
def test_a_broken_edit_is_named_with_the_file_and_the_fix(change, named):
    data = load("engagement")
    change(data)
    with pytest.raises(ContentError, match="engagement.yaml") as problem:
        validate(data, EngagementMethod, where="engagement.yaml")
    assert named in str(problem.value)
