"""Self-checks for the chatbot risk exercise (``solutions/06_chatbot_risk_assessment_sol_01``).

The learner scores, bands, sorts and filters the practice register with
pandas; each ``check_*`` function compares their answer with what
:mod:`kit.risk` computes for the same register, and returns a
:class:`kit.workshop._checks.Feedback`. A check never raises. Ties in a ranking may come
in any order, and a table passed where a list of refs is asked for counts by
its index, because both are fair ways to answer.

Import these from ``kit.risk._checks``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kit.workshop import Feedback, check, never_raises, series_hint
from kit.risk import BAND_NAMES, practice_register

__all__ = ["check_scores", "check_bands", "check_ranked", "check_reduction", "check_biggest_drop",
           "check_no_owner", "check_band_counts_after"]


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


@never_raises
def check_scores(answer: Any) -> Feedback:
    """Score of each risk: likelihood × severity, a Series indexed by ref."""
    return _number_series(answer, _expected(lambda r: r.score), "the score of each risk",
                          "Multiply the 'likelihood' column by the 'severity' column.")


@never_raises
def check_bands(answer: Any) -> Feedback:
    """Rating band of each risk's score, as text, a Series indexed by ref."""
    expected = _expected(lambda r: r.band)
    if answer is None:
        return check(None, None, what="the rating band of each risk", hint="")
    hint = series_hint(expected)(answer)
    if hint:
        return Feedback("retry", f"{hint}. Use pd.cut on the scores with the bins and labels from BANDS.")
    given = {str(k): str(v) for k, v in answer.items()}
    wrong = sorted(ref for ref, band in expected.items() if given.get(ref) != band)
    if not wrong:
        return Feedback("ok", "That is the rating band of each risk.")
    return Feedback("retry", f"The band of {', '.join(wrong)} does not match its score. Each band includes both "
                             "its ends: bins=[0] + [band.high for band in BANDS] gives (0, 4], (4, 9], ...")


@never_raises
def check_ranked(answer: Any) -> Feedback:
    """The refs of every risk, highest score first (risks with equal scores in any order)."""
    scores = _expected(lambda r: r.score)
    if answer is None:
        return check(None, None, what="the refs ranked by score", hint="")
    refs = _refs(answer)
    if not isinstance(refs, list) or sorted(refs) != sorted(scores.index):
        return Feedback("retry", f"Expected every ref once ({', '.join(scores.index)}), as a list or as the "
                                 "index of the sorted table.")
    ordered = [int(scores[ref]) for ref in refs]
    if ordered == sorted(ordered, reverse=True):
        return Feedback("ok", "That is the register ranked by score, highest first.")
    if ordered == sorted(ordered):
        return Feedback("retry", "That is lowest first. Sort with ascending=False.")
    return Feedback("retry", "The refs are not in order of score. Sort the table by the score column, "
                             "highest first, and take its index.")


@never_raises
def check_reduction(answer: Any) -> Feedback:
    """How much each mitigation lowers the score: score before minus score after, indexed by ref."""
    expected = _expected(lambda r: r.score - r.residual_score)

    def special(value: Any) -> str | None:
        if isinstance(value, pd.Series) and value.index.equals(expected.index) and (value == -expected).all():
            return "The signs are the wrong way round: take the score after from the score before"
        return None

    return check(answer if not isinstance(answer, dict) else pd.Series(answer), expected,
                 what="how much each mitigation lowers the score",
                 hint="Compute the score after mitigation from the residual columns, then subtract it from the score.",
                 shape_hint=lambda value: special(value) or series_hint(expected)(value))


@never_raises
def check_biggest_drop(answer: Any) -> Feedback:
    """The ref of the risk whose mitigation lowers its score the most."""
    reduction = _expected(lambda r: r.score - r.residual_score)
    expected = str(reduction.idxmax())

    def shape(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"Expected one ref as text, like 'R1', got {type(value).__name__}"
        if value == str(reduction.idxmin()):
            return "That risk's score drops the least: take the largest reduction"
        return None

    return check(answer, expected, what="the risk whose mitigation helps most",
                 hint="Use idxmax() on the reduction.", shape_hint=shape)


@never_raises
def check_no_owner(answer: Any) -> Feedback:
    """The set of refs of risks with no owner (an empty or blank owner)."""
    expected = {risk.ref for risk in _risks() if not risk.has_owner}
    if answer is None:
        return check(None, None, what="the risks without an owner", hint="")
    if isinstance(answer, pd.Series) and answer.dtype == bool:
        return Feedback("retry", "That is a True/False mask, one value per risk. Use it to pick the refs: "
                                 "register.index[mask].")
    refs = _refs(answer)
    if not isinstance(refs, list):
        return Feedback("retry", f"Expected the refs as a set, a list or the index of a table, got "
                                 f"{type(answer).__name__}. Keep the rows whose owner, stripped of spaces, is empty.")

    def shape(value: set) -> str | None:
        if value > expected:
            return "Some of those risks do have an owner"
        if value < expected:
            return "Some risks without an owner are missing; count blank text as no owner"
        return None

    return check(set(refs), expected, what="the set of risks without an owner",
                 hint="Keep the rows whose owner, stripped of spaces, is empty.", shape_hint=shape)


@never_raises
def check_band_counts_after(answer: Any) -> Feedback:
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
            return "Those are the bands before mitigation: use the scores after mitigation"
        return series_hint(expected)(value)

    return check(answer, expected, what="the number of risks in each band after mitigation",
                 hint="Band the scores after mitigation with pd.cut, then use value_counts().", shape_hint=shape)
