"""Bias checks at every stage: the content file, the counting, the first gap, the plan's section."""

from __future__ import annotations

import pytest

from kit.culture import BiasChecklist, assess_checks, bias_checks_section, checks_document, load_checklist
from kit.culture._bias_checks import clean_answers, clean_system, gap_lines
from kit.documents import to_html, to_markdown
from kit.workshop.content import ContentError, load, validate


@pytest.fixture(scope="module")
def checklist() -> BiasChecklist:
    return load_checklist()


def test_the_checklist_covers_a_system_s_whole_life(checklist):
    names = [stage.name for stage in checklist.stages]
    assert names[0] == "Deciding to use AI" and names[-1] == "Changes and retirement" and len(names) == 7
    assert all(len(stage.checks) >= 2 for stage in checklist.stages)
    # the council guidance's four checks before a resident-facing system goes live each have a place
    texts = " ".join(check.text for check in checklist.checks).lower()
    for idea in ("data source", "communities", "challenge it", "overrule"):
        assert idea in texts, idea


def test_the_worked_example_counts_and_names_its_first_gap(checklist):
    result = assess_checks(checklist, checklist.example.answers, checklist.example.system)
    states = list(checklist.example.answers.values())
    assert result.done == states.count("done") == 5
    assert result.rated == len(states) and result.total == len(checklist.checks)
    assert result.first_gap.stage.id == "problem"
    assert "The first stage with a gap is “Deciding to use AI”" in result.summary()
    by_stage = {s.stage.id: s for s in result.stages}
    assert (by_stage["launch"].done, by_stage["launch"].planned, by_stage["launch"].not_yet) == (2, 0, 0)


def test_unrated_checks_are_not_gaps_and_all_done_says_so(checklist):
    first = checklist.stages[0].checks[0].id
    assert assess_checks(checklist, {}).first_gap is None
    assert "Rate each check" in assess_checks(checklist, {}).summary()
    done = assess_checks(checklist, {first: "done"})
    assert done.first_gap is None and "Every rated check is done" in done.summary()
    late = checklist.stages[-1].checks[0].id
    gap = assess_checks(checklist, {first: "done", late: "planned"}).first_gap
    assert gap.stage.id == checklist.stages[-1].id and [c.id for c in gap.gaps] == [late]


def test_answers_the_checklist_does_not_know_are_dropped(checklist):
    first = checklist.checks[0].id
    assert clean_answers(checklist, {first: "done", "gone": "done", checklist.checks[1].id: "maybe"}) == {first: "done"}
    assert clean_answers(checklist, "not a dict") == {}


def test_a_long_system_name_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="shorten it to 120"):
        clean_system("x" * 121)
    assert clean_system("  Enquiry\n triage ") == "Enquiry triage"


def test_the_plan_section_lists_the_gaps_in_order(checklist):
    assert bias_checks_section({"system": "x", "answers": {}}) is None
    answers = {checklist.stages[2].checks[0].id: "not_yet", checklist.stages[0].checks[1].id: "planned"}
    section = bias_checks_section({"system": "Triage", "answers": answers})
    assert section.heading == "Bias checks at every stage"
    assert section.bullets[0].startswith(checklist.stages[0].name) and "(planned;" in section.bullets[0]
    assert section.bullets == gap_lines(assess_checks(checklist, answers), answers)


def test_the_document_escapes_what_the_attendee_typed(checklist):
    doc = checks_document(checklist, {checklist.checks[0].id: "not_yet"}, "<script>alert(1)</script>")
    assert "<script>" not in to_html(doc) and "&lt;script&gt;" in to_html(doc)
    assert "The gaps, in the order of the system's life" in to_markdown(doc)


@pytest.mark.parametrize(("change", "named"), [
    (lambda d: d["stages"][1]["checks"].append(dict(d["stages"][0]["checks"][0])), "share the id who-is-affected"),
    (lambda d: d["example"]["answers"].update({"no-such-check": "done"}), "no stage has"),
    (lambda d: d["stages"][0]["checks"].__delitem__(slice(1, None)), "checks"),
    (lambda d: d["example"]["answers"].update({"data-sources": "half"}), "data-sources"),
    (lambda d: d["stages"][0].pop("when"), "'when': this is missing"),
])
def test_a_broken_edit_is_named_with_the_file_and_the_fix(change, named):
    data = load("bias_checks")
    change(data)
    with pytest.raises(ContentError, match="bias_checks.yaml") as problem:
        validate(data, BiasChecklist, where="bias_checks.yaml")
    assert named in str(problem.value)
