"""Self-check feedback for coding exercises: never crashes, always says what to do next.

Each exercise cell starts with ``answer = None`` above its marked solution, so
an untouched exercise still runs; its check cell passes the answer here and
gets one of three kinds of feedback: not answered yet, correct, or not quite
(with a hint). Expected values are computed by the kit, never typed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pandas as pd

from kit.ui.widgets import escape

_STYLE = {"todo": ("#1d4f91", "#eef3fa", "To do"), "ok": ("#1b6e3a", "#ecf6ef", "Correct"),
          "retry": ("#8a5a00", "#fdf5e4", "Not quite")}


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer, shown as text in a terminal and as a box in a notebook."""

    kind: str  # "todo", "ok" or "retry"
    message: str

    @property
    def passed(self) -> bool:
        return self.kind == "ok"

    def __repr__(self) -> str:
        return f"{_STYLE[self.kind][2]}: {self.message}"

    def _repr_html_(self) -> str:
        border, background, title = _STYLE[self.kind]
        return (f'<div role="status" style="border-left:5px solid {border};background:{background};'
                f'color:#1a1a1a;padding:0.5em 0.8em"><strong>{title}:</strong> {escape(self.message)}</div>')


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
        return Feedback("todo", f"Not answered yet. Compute {what}, then run this cell again.")
    try:
        if _close(answer, expected, tol):
            return Feedback("ok", f"That is {what}.")
    except (TypeError, ValueError):
        pass
    specific = shape_hint(answer) if shape_hint else None
    return Feedback("retry", f"{specific or 'That does not match'}. {hint}")


def series_hint(expected: pd.Series) -> Callable[[Any], str | None]:
    """A shape hint for answers that should be a Series indexed like ``expected``."""

    def hint(answer: Any) -> str | None:
        if not isinstance(answer, pd.Series):
            return f"Expected a pandas Series (one value per group), got {type(answer).__name__}"
        if sorted(map(str, answer.index)) != sorted(map(str, expected.index)):
            return (f"Expected one value for each of {', '.join(map(str, expected.index))}; "
                    f"got {', '.join(map(str, answer.index))}")
        return None

    return hint
