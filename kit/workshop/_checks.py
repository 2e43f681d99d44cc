"""Self-check feedback for coding exercises: never crashes, always says what to do next.

Each exercise cell starts with ``answer = None`` above its marked solution, so
an untouched exercise still runs; its check cell passes the answer here and
gets one of three kinds of feedback: not answered yet, correct, or not quite
(with a hint). Expected values are computed by the kit, never typed in.

The words attendees read live in ``kit/content/feedback/``: ``common.yaml``
for the ones every check shares, one file per lesson for its checks
(:class:`FeedbackTexts`). The code declares each text and the ``{placeholders}``
it fills in (:class:`kit.workshop.Texts`), and a file is checked against that
declaration when it is first read.
"""

from __future__ import annotations

import functools
import inspect
import warnings
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd

from kit.documents import escape
from kit.workshop._texts import Texts


class FeedbackTexts(Texts):
    """The words of one lesson's exercise checks (``kit/content/feedback/<lesson>.yaml``) and their decorator."""

    def check(self, *plain: str, **filled: tuple[str, ...]) -> Callable[[Callable], Callable[..., Feedback]]:
        """Decorate an exercise check: declare its texts, pass them as ``say=`` and make it :func:`never_raises`."""

        def decorate(func: Callable[..., Feedback]) -> Callable[..., Feedback]:
            say = self.declare(func.__name__, *plain, **filled)

            @never_raises
            @functools.wraps(func)
            def run(answer: Any, *args: Any) -> Feedback:
                return func(answer, *args, say=say)

            signature = inspect.signature(func)
            run.__signature__ = signature.replace(parameters=[p for p in signature.parameters.values()
                                                              if p.name != "say"])
            return run

        return decorate


COMMON = Texts("feedback/common")
_label = COMMON.declare("labels", "todo", "ok", "retry")
_answer = COMMON.declare("answer", "no_match", not_answered=("what",), correct=("what",),
                         retry=("problem", "hint"), could_not_check=("error",))
_series = COMMON.declare("series", "dataframe", not_a_series=("type",), other_groups=("expected", "got"))
_numbers = COMMON.declare("numbers", "missing", "percentages")

_COLOURS = {"todo": ("#1d4f91", "#eef3fa"), "ok": ("#1b6e3a", "#ecf6ef"), "retry": ("#8a5a00", "#fdf5e4")}


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer, shown as text in a terminal and as a box in a notebook."""

    kind: str  # "todo", "ok" or "retry"
    message: str

    @classmethod
    def todo(cls, what: str) -> Feedback:
        """"To do": compute ``what`` (as in "the selection rate of each gender"), then run the cell again."""
        return cls("todo", _answer("not_answered", what=what))

    @classmethod
    def correct(cls, what: str) -> Feedback:
        """"Correct": that is ``what``."""
        return cls("ok", _answer("correct", what=what))

    @classmethod
    def retry(cls, problem: str, hint: str) -> Feedback:
        """"Not quite": what is wrong with the answer, then the hint."""
        return cls("retry", _answer("retry", problem=problem, hint=hint))

    @property
    def passed(self) -> bool:
        return self.kind == "ok"

    def __repr__(self) -> str:
        return f"{_label(self.kind)}: {self.message}"

    def _repr_html_(self) -> str:
        border, background = _COLOURS[self.kind]
        return (f'<div role="status" style="border-left:5px solid {border};background:{background};'
                f'color:#1a1a1a;padding:0.5em 0.8em"><strong>{_label(self.kind)}:</strong> '
                f'{escape(self.message)}</div>')


def _close(answer: Any, expected: Any, tol: float) -> bool:
    if isinstance(expected, pd.Series):
        if not isinstance(answer, pd.Series):
            return False
        answer, expected = answer.sort_index(), expected.sort_index()
        if list(map(str, answer.index)) != list(map(str, expected.index)):
            return False
        return bool(np.allclose(answer.to_numpy(float), expected.to_numpy(float), atol=tol, equal_nan=True))
    if isinstance(expected, (set, frozenset)):
        return {str(a) for a in answer} == {str(e) for e in expected}
    if isinstance(expected, float):
        return isinstance(answer, (int, float, np.number)) and abs(float(answer) - expected) <= tol
    return answer == expected


def check(answer: Any, expected: Any, *, what: str, hint: str, tol: float = 1e-6,
          shape_hint: Callable[[Any], str | None] | None = None) -> Feedback:
    """Compare ``answer`` with ``expected`` and return feedback in plain words.

    Parameters
    ----------
    answer : object
        What the learner computed; ``None`` means not answered yet.
    expected : object
        The kit's own result (a Series, a set, a number or a string).
    what : str
        What the answer should be, e.g. "the selection rate of each gender".
    hint : str
        A nudge shown when the answer is wrong.
    tol : float
        Allowed numeric difference.
    shape_hint : callable, optional
        Returns a more specific hint for a wrong answer, or None.
    """
    if answer is None:
        return Feedback.todo(what)
    try:
        if _close(answer, expected, tol):
            return Feedback.correct(what)
    except (TypeError, ValueError):
        pass
    specific = shape_hint(answer) if shape_hint else None
    return Feedback.retry(specific or _answer("no_match"), hint)


def series_hint(expected: pd.Series) -> Callable[[Any], str | None]:
    """A shape hint for answers that should be a Series indexed like ``expected``."""

    def hint(answer: Any) -> str | None:
        if not isinstance(answer, pd.Series):
            return _series("not_a_series", type=type(answer).__name__)
        if sorted(map(str, answer.index)) != sorted(map(str, expected.index)):
            return _series("other_groups", expected=", ".join(map(str, expected.index)),
                           got=", ".join(map(str, answer.index)))
        return None

    return hint


# Helpers the exercise checks of every lesson share ------------------------------------

def never_raises(func: Callable[..., Feedback]) -> Callable[..., Feedback]:
    """Turn any error inside a check into a hint: a check must not crash a notebook.

    Warnings that comparing an odd answer may raise (pandas deprecations) are
    silenced too: they would speak of the kit's code, not of the learner's.
    """

    @functools.wraps(func)
    def safe(answer: Any, *args: Any) -> Feedback:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return func(answer, *args)
        except Exception as problem:  # noqa: BLE001 - the learner may pass anything
            return Feedback("retry", _answer("could_not_check", error=type(problem).__name__))

    return safe


def as_series(answer: Any, expected: pd.Series) -> Any:
    """Accept a dict for a Series, and two-level groups in either order."""
    if isinstance(answer, dict):
        answer = pd.Series(answer, dtype=object if not answer else None)
    if (isinstance(answer, pd.Series) and isinstance(expected.index, pd.MultiIndex)
            and isinstance(answer.index, pd.MultiIndex)
            and set(answer.index.names) == set(expected.index.names)
            and answer.index.names != expected.index.names):
        answer = answer.reorder_levels(expected.index.names)
    return answer


def matches(answer: Any, expected: Any, tol: float = 1e-9) -> bool:
    """Whether ``answer`` passes :func:`check` against ``expected`` (used to pick a hint)."""
    try:
        return check(answer, expected, what="", hint="", tol=tol).passed
    except Exception:  # noqa: BLE001 - only used to pick a hint
        return False


def numbers_hint(answer: Any, expected: pd.Series | float) -> str | None:
    """Spot missing values and percentages where shares were expected."""
    try:
        values = pd.to_numeric(pd.Series(answer).reset_index(drop=True), errors="coerce")
    except (TypeError, ValueError):
        return None
    if values.isna().any():
        return _numbers("missing")
    top = float(np.max(np.abs(np.asarray(expected, dtype=float))))
    if len(values) and values.abs().max() > 1.5 and top <= 1.5:
        return _numbers("percentages")
    return None


def series_check(answer: Any, expected: pd.Series, what: str, hint: str,
                  special: Callable[[Any], str | None] | None = None) -> Feedback:
    """Check a Series answer, with hints for the usual slips before the general one."""
    answer = as_series(answer, expected)
    shape = series_hint(expected)

    def shape_hint(value: Any) -> str | None:
        if isinstance(value, pd.DataFrame):
            return _series("dataframe")
        return (special(value) if special else None) or shape(value) or numbers_hint(value, expected)

    return check(answer, expected, what=what, hint=hint, shape_hint=shape_hint)
