"""Self-checks for the chatbot risk exercise (``solutions/06_chatbot_risk_assessment_sol_01``).

The learner scores, bands, sorts and filters the practice register with
pandas; each ``check_*`` function compares their answer with what
:mod:`kit.risk` computes for the same register, and returns a
:class:`kit.workshop.Feedback`. A check never raises. Ties in a ranking may come
in any order, and a table passed where a list of refs is asked for counts by
its index, because both are fair ways to answer.

Import these from ``kit.risk._checks``. Their words are in
``kit/content/feedback/06_chatbot_risk_assessment.yaml``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kit.workshop import Feedback, FeedbackTexts, Say, check, series_hint
from kit.risk import BAND_NAMES, BANDS, practice_register

__all__ = ["check_scores", "check_bands", "check_ranked", "check_reduction", "check_biggest_drop",
           "check_no_owner", "check_band_counts_after"]

TEXTS = FeedbackTexts("feedback/06_chatbot_risk_assessment")


def _risks():
    return practice_register().risks


def _expected(value) -> pd.Series:
    return pd.Series({risk.ref: value(risk) for risk in _risks()})


def _refs(answer: Any) -> Any:
    """A table counts by its index, a Series of refs by its values; anything else as given."""
    if isinstance(answer, pd.DataFrame):
        return list(map(str, answer.index))
    if isinstance(answer, pd.Series):
        holds_refs = answer.astype(str).str.fullmatch(r"R\d+").all()
        return [str(v) for v in (answer if holds_refs else answer.index)]
    if isinstance(answer, (pd.Index, list, tuple, set, frozenset)):
        return [str(v) for v in answer]
    return answer


def _number_series(answer: Any, expected: pd.Series, what: str, hint: str) -> Feedback:
    if isinstance(answer, dict):
        answer = pd.Series(answer)
    return check(answer, expected, what=what, hint=hint, shape_hint=series_hint(expected))


@TEXTS.check("what", "hint")
def check_scores(answer: Any, *, say: Say) -> Feedback:
    """Score of each risk: likelihood × severity, a Series indexed by ref."""
    return _number_series(answer, _expected(lambda r: r.score), say("what"), say("hint"))


def _first_bins() -> str:
    """The first two bins pd.cut makes from :data:`BANDS`, as in ``(0, 4], (4, 9]``."""
    edges = [0] + [band.high for band in BANDS]
    return ", ".join(f"({low}, {high}]" for low, high in list(zip(edges, edges[1:]))[:2])


@TEXTS.check("what", "hint", wrong_bands=("refs", "bins"))
def check_bands(answer: Any, *, say: Say) -> Feedback:
    """Rating band of each risk's score, as text, a Series indexed by ref."""
    expected = _expected(lambda r: r.band)
    if answer is None:
        return Feedback.todo(say("what"))
    hint = series_hint(expected)(answer)
    if hint:
        return Feedback.retry(hint, say("hint"))
    given = {str(k): str(v) for k, v in answer.items()}
    wrong = sorted(ref for ref, band in expected.items() if given.get(ref) != band)
    if not wrong:
        return Feedback.correct(say("what"))
    return Feedback("retry", say("wrong_bands", refs=", ".join(wrong), bins=_first_bins()))


@TEXTS.check("todo", "what", "hint", "lowest_first", "not_in_order", not_every_ref=("refs",))
def check_ranked(answer: Any, *, say: Say) -> Feedback:
    """The refs of every risk, highest score first (risks with equal scores in any order)."""
    scores = _expected(lambda r: r.score)
    if answer is None:
        return Feedback.todo(say("todo"))
    refs = _refs(answer)
    if not isinstance(refs, list) or sorted(refs) != sorted(scores.index):
        return Feedback("retry", say("not_every_ref", refs=", ".join(scores.index)))
    ordered = [int(scores[ref]) for ref in refs]
    if ordered == sorted(ordered, reverse=True):
        return Feedback.correct(say("what"))
    if ordered == sorted(ordered):
        return Feedback("retry", say("lowest_first"))
    return Feedback.retry(say("not_in_order"), say("hint"))


@TEXTS.check("what", "hint", "signs")
def check_reduction(answer: Any, *, say: Say) -> Feedback:
    """How much each mitigation lowers the score: score before minus score after, indexed by ref."""
    expected = _expected(lambda r: r.score - r.residual_score)

    def special(value: Any) -> str | None:
        if isinstance(value, pd.Series) and value.index.equals(expected.index) and (value == -expected).all():
            return say("signs")
        return None

    return check(answer if not isinstance(answer, dict) else pd.Series(answer), expected,
                 what=say("what"), hint=say("hint"),
                 shape_hint=lambda value: special(value) or series_hint(expected)(value))


@TEXTS.check("what", "hint", "least", not_text=("type",))
def check_biggest_drop(answer: Any, *, say: Say) -> Feedback:
    """The ref of the risk whose mitigation lowers its score the most."""
    reduction = _expected(lambda r: r.score - r.residual_score)
    expected = str(reduction.idxmax())

    def shape(value: Any) -> str | None:
        if not isinstance(value, str):
            return say("not_text", type=type(value).__name__)
        if value == str(reduction.idxmin()):
            return say("least")
        return None

    return check(answer, expected, what=say("what"), hint=say("hint"), shape_hint=shape)


@TEXTS.check("todo", "what", "hint", "mask", "too_many", "too_few", not_refs=("type",))
def check_no_owner(answer: Any, *, say: Say) -> Feedback:
    """The set of refs of risks with no owner (an empty or blank owner)."""
    expected = {risk.ref for risk in _risks() if not risk.has_owner}
    if answer is None:
        return Feedback.todo(say("todo"))
    if isinstance(answer, pd.Series) and answer.dtype == bool:
        return Feedback("retry", say("mask"))
    refs = _refs(answer)
    if not isinstance(refs, list):
        return Feedback.retry(say("not_refs", type=type(answer).__name__), say("hint"))

    def shape(value: set) -> str | None:
        if value > expected:
            return say("too_many")
        if value < expected:
            return say("too_few")
        return None

    return check(set(refs), expected, what=say("what"), hint=say("hint"), shape_hint=shape)


@TEXTS.check("what", "hint", "before")
def check_band_counts_after(answer: Any, *, say: Say) -> Feedback:
    """How many risks fall in each band after mitigation (bands with no risk may be left out)."""
    register = practice_register()
    counts = register.band_counts(after=True)
    expected = pd.Series({band: counts[band] for band in BAND_NAMES if counts[band]})
    if isinstance(answer, dict):
        answer = pd.Series(answer)
    if isinstance(answer, pd.Series):  # a categorical index (from pd.cut) becomes plain text
        answer = pd.Series(answer.to_numpy(), index=[str(band) for band in answer.index])
        answer = answer[answer != 0]
    before = register.band_counts()

    def shape(value: Any) -> str | None:
        if isinstance(value, pd.Series) and value.to_dict() == {k: v for k, v in before.items() if v}:
            return say("before")
        return series_hint(expected)(value)

    return check(answer, expected, what=say("what"), hint=say("hint"), shape_hint=shape)
