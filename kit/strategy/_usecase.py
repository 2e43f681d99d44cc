"""A candidate AI use case: what the learner types, checked and kept as plain data."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, fields
from typing import Any, Mapping, Sequence

SCORES = ("value", "effort", "risk")
MONEY = ("hours_saved", "hourly_cost", "other_gain", "setup_cost", "monthly_cost")
#: The words the app and the documents use for each field.
LABELS = {
    "title": "Use case", "problem": "Problem it solves", "notes": "Safeguards and notes",
    "value": "Value", "effort": "Effort", "risk": "Ethical risk",
    "hours_saved": "Hours saved per month", "hourly_cost": "Cost of a staff hour",
    "other_gain": "Other gain per month", "setup_cost": "One-off cost",
    "monthly_cost": "Running cost per month",
}
MAX_TITLE, MAX_TEXT, MAX_USE_CASES = 80, 500, 20
MAX_AMOUNT = 1_000_000_000
_CURRENCY = re.compile(r"[£$€¥\s,_]")


@dataclass(frozen=True)
class UseCase:
    """One idea for using AI, scored 1 to 5 for value, effort and ethical risk.

    The money fields are an optional rough estimate of return, per month
    unless named otherwise, in whatever currency the learner uses; ``None``
    means not estimated.
    """

    title: str
    value: int
    effort: int
    risk: int
    problem: str = ""
    notes: str = ""
    hours_saved: float | None = None
    hourly_cost: float | None = None
    other_gain: float | None = None
    setup_cost: float | None = None
    monthly_cost: float | None = None

    @property
    def has_estimate(self) -> bool:
        """Whether the learner gave the figures for a return estimate."""
        return any(getattr(self, name) is not None for name in MONEY)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, as saved in the workspace."""
        return asdict(self)


def _text(raw: Any, label: str, limit: int, required: bool = False) -> str:
    text = " ".join(("" if raw is None else str(raw)).split())
    if required and not text:
        raise ValueError("Give the use case a title: the Title box is empty. "
                         "For example 'Draft product descriptions'.")
    if len(text) > limit:
        raise ValueError(f"{label} is {len(text)} characters long; shorten it to {limit} or fewer.")
    return text


def _score(raw: Any, name: str) -> int:
    label = LABELS[name]
    if isinstance(raw, bool) or raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ValueError(f"Choose a score for {label}, from 1 to 5.")
    try:
        number = float(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{label} must be a whole number from 1 to 5; {str(raw)!r} is not.") from None
    if not number.is_integer() or not 1 <= number <= 5:
        raise ValueError(f"{label} must be a whole number from 1 to 5; {str(raw)!r} is not.")
    return int(number)


def parse_amount(raw: Any, label: str) -> float | None:
    """Read an optional, non-negative number typed by a person.

    A blank box means "not estimated" (``None``). Thousands separators,
    spaces and a leading currency sign are allowed ("£1,500" is 1500).
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        raise ValueError(f"{label} must be a number, like 12 or 7.5.")
    try:
        number = float(_CURRENCY.sub("", raw) if isinstance(raw, str) else raw)
    except (TypeError, ValueError):
        raise ValueError(f"{label} must be a number, like 12 or 7.5; {str(raw)!r} is not. "
                         "Leave the box empty if you do not know.") from None
    if not math.isfinite(number):
        raise ValueError(f"{label} must be an ordinary number, like 12 or 7.5.")
    if number < 0:
        raise ValueError(f"{label} cannot be negative; you typed {str(raw)!r}.")
    if number > MAX_AMOUNT:
        raise ValueError(f"{label} of {number:,.0f} is more than the kit can estimate; check the number.")
    return number


def _complete_estimate(money: dict[str, float | None]) -> dict[str, float | None]:
    """Check that a return estimate has a benefit and both costs, or is left blank entirely."""
    if all(v is None for v in money.values()):
        return money
    hours, rate = money["hours_saved"], money["hourly_cost"]
    if (hours is None) != (rate is None):
        given, missing = ("hours_saved", "hourly_cost") if rate is None else ("hourly_cost", "hours_saved")
        raise ValueError(f"You gave '{LABELS[given]}' but not '{LABELS[missing]}': fill in both, "
                         "or leave both empty.")
    if hours is None and money["other_gain"] is None:
        raise ValueError("To estimate the return, also fill in the hours saved and the cost of a staff hour, "
                         "or the other gain per month (write 0 if there is none).")
    missing = [LABELS[name] for name in ("setup_cost", "monthly_cost") if money[name] is None]
    if missing:
        raise ValueError(f"To estimate the return, also fill in {' and '.join(repr(m) for m in missing)} "
                         "(write 0 if there is none).")
    return {**money, "other_gain": money["other_gain"] or 0.0}


def use_case(raw: Mapping[str, Any]) -> UseCase:
    """Check what the learner typed and return it as a :class:`UseCase`.

    Parameters
    ----------
    raw : mapping
        Field name to value, as text from a form or numbers from a file.

    Raises
    ------
    ValueError
        With a message naming the field and the fix, for the page to show.
    """
    title = _text(raw.get("title"), "The title", MAX_TITLE, required=True)
    problem = _text(raw.get("problem"), LABELS["problem"], MAX_TEXT)
    notes = _text(raw.get("notes"), LABELS["notes"], MAX_TEXT)
    scores = {name: _score(raw.get(name), name) for name in SCORES}
    money = _complete_estimate({name: parse_amount(raw.get(name), LABELS[name]) for name in MONEY})
    return UseCase(title=title, problem=problem, notes=notes, **scores, **money)


def _same(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def add(use_cases: Sequence[UseCase], new: UseCase) -> list[UseCase]:
    """A new list with ``new`` added at the end; titles must differ, and the list stay readable."""
    if len(use_cases) >= MAX_USE_CASES:
        raise ValueError(f"Your list already has {MAX_USE_CASES} use cases, the most the matrix shows "
                         "clearly. Remove one before adding another.")
    return replace(list(use_cases) + [new], len(use_cases), new)


def replace(use_cases: Sequence[UseCase], index: int, new: UseCase) -> list[UseCase]:
    """A new list with the use case at ``index`` replaced by ``new``."""
    if not 0 <= index < len(use_cases):
        raise ValueError("Choose the use case to change from the list first.")
    for position, other in enumerate(use_cases):
        if position != index and _same(other.title, new.title):
            raise ValueError(f"Use case {position + 1} is already called '{other.title}'. Give this one "
                             "a different title, or choose that one in the list to change it.")
    return [new if position == index else other for position, other in enumerate(use_cases)]


def remove(use_cases: Sequence[UseCase], index: int) -> list[UseCase]:
    """A new list without the use case at ``index``."""
    if not 0 <= index < len(use_cases):
        raise ValueError("Choose the use case to remove from the list first.")
    return [other for position, other in enumerate(use_cases) if position != index]


def from_saved(saved: Any) -> list[UseCase]:
    """Rebuild the list saved in the workspace (a list of dicts), checking every entry again."""
    if not saved:
        return []
    if not isinstance(saved, list):
        raise ValueError("The saved list of use cases is damaged; add your use cases again.")
    known = {f.name for f in fields(UseCase)}
    result: list[UseCase] = []
    for number, item in enumerate(saved, start=1):
        if not isinstance(item, Mapping):
            raise ValueError(f"Saved use case {number} is damaged; add it again.")
        try:
            result = add(result, use_case({k: v for k, v in item.items() if k in known}))
        except ValueError as problem:
            raise ValueError(f"Saved use case {number}: {problem}") from None
    return result
