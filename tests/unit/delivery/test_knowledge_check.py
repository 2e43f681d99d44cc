"""The before-and-after check: questions by reference, broken references named, the change counted and shown."""

from __future__ import annotations

import html

import ipywidgets as widgets
import pytest

from kit.delivery import _knowledge_check, change_summary, check_questions
from kit.delivery._sections import after_check_section, before_check_section
from kit.delivery.ui import after_check, before_check
from kit.documents import to_markdown
from kit.workshop import Store, build_plan, load_quiz, parts, session
from kit.workshop.content import ContentError, load, validate
from tests.unit.workshop.test_app_workspace_switch import inputs, page

QUESTIONS = check_questions()
TOTAL = len(QUESTIONS)


def _right(item) -> list[int]:
    return sorted(item.question.answer)


def _wrong(item) -> list[int]:
    return [next(i for i in range(len(item.question.options)) if i not in item.question.answer)]


def _answers(right: int, wrong: int = 0) -> dict[str, list[int]]:
    """The first ``right`` questions answered right, the next ``wrong`` answered wrong, the rest left."""
    chosen = {item.key: _right(item) for item in QUESTIONS[:right]}
    chosen.update({item.key: _wrong(item) for item in QUESTIONS[right:right + wrong]})
    return chosen


def test_the_questions_are_the_quizzes_own_in_the_files_order():
    listed = load("knowledge_check")
    assert 6 <= TOTAL <= 10 and len(listed) == TOTAL
    for entry, item in zip(listed, QUESTIONS):
        assert item.key == f"{entry['quiz']}/{entry['question']}"
        assert item.question in load_quiz(entry["quiz"])  # the quiz's wording and answers, not a copy


GOOD = [{"quiz": item.quiz, "question": item.question.id} for item in QUESTIONS]


@pytest.mark.parametrize(("entries", "named"), [
    ([*GOOD[:1], {"quiz": "03_bias_in_hirin", "question": "proxy"}, *GOOD[2:]],
     ["entry 2", "there is no quiz '03_bias_in_hirin'", "use one of", "03_bias_in_hiring"]),
    ([*GOOD[:2], {"quiz": "03_bias_in_hiring", "question": "proxies"}, *GOOD[3:]],
     ["entry 3", "the quiz 03_bias_in_hiring has no question 'proxies'", "use one of its ids", "proxy"]),
    ([*GOOD[:3], {"quiz": "03_bias_in_hiring", "qestion": "proxy"}, *GOOD[4:]],
     ["entry 4", "'qestion'", "not one the kit reads"]),
    ([*GOOD, GOOD[0]], [f"{GOOD[0]['quiz']}/{GOOD[0]['question']} is listed more than once", "list each question once"]),
    (GOOD[:3], ["lists 3 questions", "list between 6 and 10"]),
])
def test_a_broken_reference_is_named_with_its_fix(monkeypatch, entries, named):
    monkeypatch.setattr(_knowledge_check, "load_valid",
                        lambda name, schema: validate(entries, schema, where=f"{name}.yaml"))
    with pytest.raises(ContentError) as problem:
        check_questions()
    message = str(problem.value)
    assert message.startswith("knowledge_check.yaml: ") and message.endswith("Correct the file and reload the page.")
    for words in named:
        assert words in message


def _expected(answers) -> dict[str, bool | None]:
    """Right or not by plain comparison with the options marked correct (not through the kit's grade)."""
    return {item.key: None if not answers.get(item.key) else set(answers[item.key]) == {
        i for i, option in enumerate(item.question.options) if option.correct} for item in QUESTIONS}


@pytest.mark.parametrize(("before", "after"), [
    (_answers(3, 5), _answers(7, 1)), (_answers(0, TOTAL), _answers(TOTAL)), (_answers(2, 1), _answers(4)),
    (_answers(5, 3), _answers(4, 4)),
])
def test_the_change_is_counted_from_the_saved_answers(before, after):
    change = change_summary(before, after)
    then, now = _expected(before), _expected(after)
    assert change.total == TOTAL
    assert change.before == sum(v is True for v in then.values()) and change.now == sum(v is True for v in now.values())
    assert [(q.key, q.before, q.now) for q in change.questions] == [(k, then[k], now[k]) for k in then]
    assert change.gained == sum(now[k] is True and then[k] is not True for k in then)


def test_the_words_say_the_change_as_the_attendee_reads_it():
    change = change_summary(_answers(3, 5), _answers(7, 1))
    assert change.words().startswith(f"Before the workshop 3 of {TOTAL} right; now 7 of {TOTAL}.")
    assert "4 questions you did not get right at the start are right now." in change.words()
    header, rows = change.table()
    assert header == ["Question", "At the start", "Now"]
    assert rows[0] == [QUESTIONS[0].question.question, "Right", "Right"]
    assert rows[4][1:] == ["Not right", "Right"] and rows[TOTAL - 1][1:] == ["Not right", "Not right"]
    assert change_summary(_answers(2), _answers(3)).table()[1][TOTAL - 1][1:] == ["Not answered", "Not answered"]


@pytest.mark.parametrize("before", [None, {}, {"01_strategy_and_use_cases/retired-question": [0]}])
def test_no_before_is_said_plainly_and_never_counted_as_zero(before):
    change = change_summary(before, _answers(6))
    assert change.before is None and change.gained == 0
    assert 'there is no "before" to compare with' in change.words() and f"Now: 6 of {TOTAL} right." in change.words()
    assert "lesson 00, Start here" in change.words()
    assert {row[1] for row in change.table()[1]} == {"No check saved"}


def test_an_option_a_trainer_removed_does_not_break_the_count():
    item = QUESTIONS[0]
    change = change_summary({item.key: [99]}, {item.key: [*_right(item), 99]})
    assert change.before is None and change.questions[0].now is True


def test_sections_of_the_action_plan():
    assert before_check_section({"answers": {}}) is None
    assert after_check_section({"answers": {}, "before": _answers(3)}) is None
    assert before_check_section({"answers": _answers(3, 5)}).paragraphs == [f"Before the workshop 3 of {TOTAL} right."]
    section = after_check_section({"answers": _answers(7, 1), "before": _answers(3, 5)})
    assert section.paragraphs[0].startswith(f"Before the workshop 3 of {TOTAL} right; now 7 of {TOTAL}.")
    assert len(section.table[1]) == TOTAL


@pytest.fixture()
def workspace(tmp_path):
    return Store(tmp_path).create()


def test_the_plan_shows_the_change_after_the_self_check_scores(workspace):
    workspace.save("check.before", {"answers": _answers(3, 5)})
    workspace.save("check.after", {"answers": _answers(7, 1), "before": _answers(3, 5)})
    headings = [s.heading for s in build_plan(workspace).document.sections]
    assert headings == ["Knowledge check at the start", "Knowledge check: before and after the workshop",
                        "Keep reviewing and adapting"]
    assert f"Before the workshop 3 of {TOTAL} right; now 7 of {TOTAL}." in to_markdown(build_plan(workspace).document)


def _choose(box: widgets.VBox, answers: dict[str, list[int]]) -> None:
    """Answer as an attendee does: a radio button per question (the check's questions are all single)."""
    radios = [w for w in inputs(box) if isinstance(w, widgets.RadioButtons)]
    for item, radio in zip(QUESTIONS, radios):
        if item.key in answers:
            radio.value = answers[item.key][0]


def _text(box) -> str:
    """What the app shows, as read (entities decoded)."""
    return html.unescape(" ".join(page(box)))


def test_all_check_questions_are_single_so_the_helper_above_answers_them():
    assert {item.question.kind for item in QUESTIONS} == {"single"}


@pytest.mark.usefixtures("fresh_session")
def test_before_and_after_on_two_pages_show_the_attendees_change():
    before = before_check()
    assert "kit-before-check" in before._dom_classes
    assert all(w.description for w in inputs(before))  # every input has an accessible name
    _choose(before, _answers(3, 5))
    code = session.current().code
    assert session.current().load("check.before") == {"answers": _answers(3, 5)}
    assert f"You have answered {TOTAL} of {TOTAL}." in _text(before)
    assert "Right" not in _text(before) and "Correct" not in _text(before)  # no answers given away at the start

    session.reset()  # lesson 13: another page, another kernel
    after = after_check()
    assert "Open your workspace with your code (above) first" in _text(after)
    session.resume(code)
    assert f"Before the workshop 3 of {TOTAL} right." in _text(after)
    _choose(after, _answers(7, 1))
    assert f"Before the workshop 3 of {TOTAL} right; now 7 of {TOTAL}." in _text(after)
    assert "<caption>Each question, at the start and now</caption>" in _text(after)
    saved = session.current().load("check.after")
    assert saved == {"answers": _answers(7, 1), "before": _answers(3, 5)}

    session.reset()  # a reload: the answers come back with the code
    again = after_check()
    session.resume(code)
    assert [w.value for w in inputs(again)] == [_answers(7, 1).get(item.key, [None])[0] for item in QUESTIONS]
    assert f"now 7 of {TOTAL}" in _text(again)

    session.start_new()  # another attendee on this page: nothing of the first stays
    assert [w.value for w in inputs(again)] == [None] * TOTAL
    assert 'there is no "before" to compare with' in _text(again) and "now 7" not in _text(again)


@pytest.mark.usefixtures("fresh_session")
def test_the_after_check_says_when_there_is_no_before():
    after = after_check()
    session.start_new()
    _choose(after, _answers(TOTAL))
    assert f'there is no "before" to compare with. Now: {TOTAL} of {TOTAL} right.' in _text(after)
    assert session.current().load("check.after")["before"] is None
    assert parts.AFTER_CHECK.check(session.current().load("check.after"))


@pytest.mark.usefixtures("fresh_session")
def test_a_question_with_several_answers_is_ticked_and_restored(monkeypatch):
    from kit.delivery._knowledge_check import CheckQuestion
    from kit.delivery.ui import _check

    stages = next(q for q in load_quiz("00_start_here") if q.kind == "multiple")
    monkeypatch.setattr(_check, "check_questions", lambda: [CheckQuestion("00_start_here/stages", "00_start_here",
                                                                          stages)])
    before = before_check()
    boxes = [w for w in inputs(before) if isinstance(w, widgets.Checkbox)]
    assert [b.description for b in boxes] == [option.text for option in stages.options]
    for position in sorted(stages.answer):
        boxes[position].value = True
    assert session.current().load("check.before") == {"answers": {"00_start_here/stages": sorted(stages.answer)}}
    code = session.current().code
    session.reset()
    again = before_check()
    session.resume(code)
    assert [w.value for w in inputs(again)] == [i in stages.answer for i in range(len(stages.options))]


@pytest.mark.usefixtures("fresh_session")
def test_a_saved_answer_to_a_removed_option_is_dropped_not_a_crash():
    workspace = session.store().create()
    workspace.save("check.before", {"answers": {QUESTIONS[0].key: [99], QUESTIONS[1].key: _right(QUESTIONS[1])}})
    before = before_check()
    session.resume(workspace.code)
    assert [w.value for w in inputs(before)][:2] == [None, _right(QUESTIONS[1])[0]]
    assert "You have answered 1 of" in _text(before)
