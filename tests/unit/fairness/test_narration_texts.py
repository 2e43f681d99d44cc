"""The audit's wording lives in kit/content/narration.yaml; the code only fills in the numbers."""

from __future__ import annotations

import copy

import pytest

from kit.fairness import METRIC_GUIDE, audit, four_fifths_test
from kit.fairness._narrate import TEXTS, audit_warnings, difference_lines, narrate
from kit.workshop.content import ContentError, load, validate

from .test_narrate import _frame


def _test(rows):
    return four_fifths_test([g.selected for g in rows], [g.n for g in rows], [g.judged for g in rows])


def test_metric_guide_is_read_from_the_file():
    data = load("narration")
    assert list(METRIC_GUIDE) == [key for key in data if key in METRIC_GUIDE]
    for key, guide in METRIC_GUIDE.items():
        assert guide == {"means": data[key]["means"], "does_not_mean": data[key]["does_not_mean"]}


def test_sentences_fill_in_the_audits_numbers():
    result = audit(_frame({"A": (100, 60), "B": (100, 45), "C": (100, 48)}), "hired", "g")
    sentences = TEXTS.texts()["narration"]
    assert narrate(result)[0] == sentences["intro"].format(
        rows=300, groups=3, columns="'g'", positive=1, outcome="hired")
    assert difference_lines(result)[0] == (
        "Demographic parity difference, over the 3 judged groups", "0.150 (15.0 percentage points)",
        "demographic_parity_difference")
    assert "four-fifths (0.8)" in narrate(result)[4]  # the threshold comes from FOUR_FIFTHS, not the file


def test_the_warnings_use_the_files_sentences():
    result = audit(_frame({"A": (500, 100), "B": (500, 90), "tiny": (5, 5)}), "hired", "g")
    template = TEXTS.texts()["warnings"]["small_group_excluded"]
    expected = template.format(group="tiny", n=5, share="0.5%", min_share="2%")
    assert expected in result.warnings
    rows = audit(_frame({"A": (500, 100), "B": (500, 90), "tiny": (5, 5)}), "hired", "g", exclude_small=False).by_group
    judged = TEXTS.texts()["warnings"]["small_group_judged"].format(group="tiny", n=5, share="0.5%", min_share="2%")
    assert judged in audit_warnings(list(rows), _test(rows), None, 0.02, exclude_small=False)


@pytest.mark.parametrize(("entry", "text", "slip", "words"), [
    ("narration", "intro", "The audit covers {row} people.", "{row} is not a value the kit fills in here"),
    ("warnings", "flip_flagged", "Group '{group}' is below four-fifths.", "keep {more}"),
    ("selection_rate", "means", "A share {of} a group.", "it fills in nothing"),
])
def test_a_slip_in_the_narration_is_named_with_its_fix(entry, text, slip, words):
    data = copy.deepcopy(load("narration"))
    data[entry][text] = slip
    with pytest.raises(ContentError) as caught:
        validate(data, TEXTS.schema(), where="narration.yaml")
    assert f"narration.yaml: '{entry}', '{text}': " in str(caught.value) and words in str(caught.value)
