"""The words of the exercise checks and the audit live in content files, declared by the code that fills them in."""

from __future__ import annotations

import copy
import importlib
import inspect

import pytest

from kit.paths import CONTENT_DIR
from kit.workshop import Feedback, Texts, lessons
from kit.workshop._checks import COMMON
from kit.workshop.content import ContentError, load, validate

#: Every module of exercise checks, one per lesson.
CHECK_MODULES = ["kit.strategy._checks", "kit.hiring._checks", "kit.transparency._checks",
                 "kit.privacy._checks", "kit.risk._checks", "kit.measure._checks"]


def _texts() -> dict[str, Texts]:
    found = [COMMON, importlib.import_module("kit.fairness._narrate").TEXTS]
    found += [importlib.import_module(name).TEXTS for name in CHECK_MODULES]
    return {texts.name: texts for texts in found}


TEXTS = _texts()


@pytest.mark.parametrize("module", CHECK_MODULES)
def test_every_check_function_has_its_texts(module):
    checks = importlib.import_module(module)
    names = [name for name in checks.__all__ if name.startswith("check_")]
    assert names and set(names) <= set(checks.TEXTS.declared), module
    loaded = checks.TEXTS.texts()  # the file holds exactly the declared texts, or this raises
    for name in names:
        assert loaded[name]["what"], name
        assert "say" not in inspect.signature(getattr(checks, name)).parameters  # notebooks never see it


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_placeholder_is_one_the_code_supplies(name):
    """Each template formatted with exactly the values its code passes: no missing or unknown {name}."""
    texts = TEXTS[name]
    loaded = texts.texts()
    for entry, declared in texts.declared.items():
        for text, names in declared.items():
            values = {key: f"<{key}>" for key in names}
            filled = loaded[entry][text].format_map(values)
            assert filled == texts.say(entry, text, **values)
            assert all(value in filled for value in values.values()), (entry, text)


def test_feedback_files_are_named_after_lessons_and_all_read():
    stems = {lesson.stem for lesson in lessons()}
    files = {path.stem for path in (CONTENT_DIR / "feedback").glob("*.yaml")}
    assert files == {name.removeprefix("feedback/") for name in TEXTS if name.startswith("feedback/")}
    assert files - {"common"} <= stems


@pytest.mark.parametrize(("change", "words"), [
    (lambda d: d["check_rates_by_gender"].pop("hint"), "'check_rates_by_gender', 'hint': this is missing"),
    (lambda d: d["check_rates_by_gender"].update(hnit="x"), "'hnit': this key is not one the kit reads"),
    (lambda d: d["check_impact_by_gender"].update(hint="at least {shar} of the pool"),
     "'check_impact_by_gender', 'hint': {shar} is not a value the kit fills in here; it fills in {share}"),
    (lambda d: d["check_impact_by_gender"].update(hint="at least 2% of the pool"),
     "'check_impact_by_gender', 'hint': keep {share}"),
    (lambda d: d["check_rates_by_age"].update(hint="a set, {...}"), "{...} is not a value the kit fills in here"),
    (lambda d: d["check_rates_by_age"].update(hint="a set, {"), "a brace is not closed; write {{ or }}"),
    (lambda d: d["check_subgroup_impact"].update(what="under {share:.0%}"), "write {share} without ':' or '!'"),
    (lambda d: d.pop("check_cramers_v"), "'check_cramers_v': this is missing; expected its texts: what, hint"),
])
def test_a_trainers_slip_is_named_with_file_entry_and_fix(change, words):
    texts = TEXTS["feedback/03_bias_in_hiring"]
    data = copy.deepcopy(load(texts.name))
    change(data)
    with pytest.raises(ContentError) as caught:
        validate(data, texts.schema(), where="feedback/03_bias_in_hiring.yaml")
    assert str(caught.value).startswith("feedback/03_bias_in_hiring.yaml: ") and words in str(caught.value)


def test_the_code_passes_exactly_the_declared_values():
    with pytest.raises(TypeError, match="fills in"):
        TEXTS["feedback/common"].say("answer", "correct", what="x", extra="y")


def test_feedback_reads_its_labels_and_sentences_from_common_yaml():
    common = COMMON.texts()
    assert repr(Feedback.todo("x")) == f"{common['labels']['todo']}: " + common["answer"]["not_answered"].format(what="x")
    assert repr(Feedback.correct("x")) == "Correct: That is x."
    assert repr(Feedback.retry("Wrong", "Try again.")) == "Not quite: Wrong. Try again."
    assert "<strong>Not quite:</strong> Wrong. Try again." in Feedback.retry("Wrong", "Try again.")._repr_html_()


def test_texts_are_read_once():
    texts = TEXTS["feedback/06_chatbot_risk_assessment"]
    assert texts.texts() is texts.texts()
