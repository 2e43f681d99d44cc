"""Check what someone typed (in the form, a CSV file or a template) and build a :class:`Risk`.

Every problem is collected, not just the first, and each is a sentence that
names the field, what is wrong and how to fix it, so the form can show them
all at once while what the attendee typed stays where it was.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from typing import Any, Mapping

from ._model import CATEGORIES, FIELD_LABELS, STATUSES, Risk
from ._scoring import LIKELIHOOD_LABELS, SCALE_MAX, SCALE_MIN, SEVERITY_LABELS

#: Longest title, and longest text in any other box (a register is read by busy people).
MAX_TITLE, MAX_TEXT = 150, 2000
_TEXT_FIELDS = ("description", "affected", "impact", "mitigation", "owner", "found_by", "evidence")


class RiskInputError(ValueError):
    """A risk that cannot be saved; ``problems`` maps each field to a sentence naming the fix."""

    def __init__(self, problems: dict[str, str], lead: str = "This risk cannot be saved yet."):
        self.problems = dict(problems)
        super().__init__(f"{lead} " + " ".join(self.problems.values()))


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def _point(value: Any, field: str, labels: dict[int, str], problems: dict[str, str]) -> int | None:
    """A scale point from 1 to 5; the words of the scale ("likely") are accepted too."""
    name = FIELD_LABELS[field].split(" (")[0]
    words = ", ".join(f"{k} {v}" for k, v in labels.items())
    text = _text(value)
    if text == "":
        problems[field] = f"{name}: choose a value from {SCALE_MIN} to {SCALE_MAX} ({words})."
        return None
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        number = float(value)
    else:
        by_word = {word: point for point, word in labels.items()}
        lowered = text.lower()
        if lowered in by_word:
            return by_word[lowered]
        try:
            number = float(lowered.split()[0])
        except ValueError:
            problems[field] = (f"{name}: '{text}' is not a number; use a whole number from {SCALE_MIN} to "
                               f"{SCALE_MAX} ({words}).")
            return None
    if not number.is_integer():
        problems[field] = f"{name}: {text} is not a whole number; use one of {SCALE_MIN} to {SCALE_MAX} ({words})."
        return None
    if not SCALE_MIN <= number <= SCALE_MAX:
        problems[field] = f"{name}: {text} is outside the scale; use a whole number from {SCALE_MIN} to {SCALE_MAX}."
        return None
    return int(number)


def parse_due(value: Any) -> str:
    """A due date as ISO text (``"2026-03-31"``), from a date, ISO text or day/month/year text.

    Raises
    ------
    ValueError
        With the formats it accepts, when the text is not a real date.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    if not text:
        return ""
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"Due date: '{text}' is not a date; write it as year-month-day (2026-03-31) "
                     "or day/month/year (31/03/2026), or leave it empty.")


def _choice(value: Any, field: str, options: tuple[str, ...], default: str, problems: dict[str, str]) -> str:
    text = _text(value).lower()
    if not text:
        return default
    if text not in options:
        problems[field] = (f"{FIELD_LABELS[field]}: '{_text(value)}' is not one of {', '.join(options)}; "
                           "choose one of them.")
        return default
    return text


def validate_risk(fields: Mapping[str, Any]) -> Risk:
    """Check the fields of one risk and return it as a :class:`Risk`.

    Blank optional fields take their defaults: category "other", status
    "open", and the scores after mitigation equal to those before (a risk
    nobody has mitigated yet keeps its score).

    Parameters
    ----------
    fields : mapping
        Field name (see :data:`kit.risk.FIELDS`) to value; numbers may be
        text, as read from a CSV file, and scale words ("likely") are accepted.

    Raises
    ------
    RiskInputError
        Listing every problem: missing title, a score off the 1 to 5 scale, a
        score after mitigation higher than before, an unknown category or
        status, a due date that is not a date, text too long.
    """
    problems: dict[str, str] = {}
    title = _text(fields.get("title"))
    if not title:
        problems["title"] = "Risk: give the risk a short title, for example 'Chatbot gives wrong refund advice'."
    elif len(title) > MAX_TITLE:
        problems["title"] = (f"Risk: the title has {len(title)} characters; keep it under {MAX_TITLE} and put the "
                             "detail in 'What could go wrong'.")
    texts = {name: _text(fields.get(name)) for name in _TEXT_FIELDS}
    for name, text in texts.items():
        if len(text) > MAX_TEXT:
            problems[name] = f"{FIELD_LABELS[name]}: {len(text)} characters is too long; keep it under {MAX_TEXT}."
    likelihood = _point(fields.get("likelihood"), "likelihood", LIKELIHOOD_LABELS, problems)
    severity = _point(fields.get("severity"), "severity", SEVERITY_LABELS, problems)
    after = {}
    for field, before, labels in (("residual_likelihood", likelihood, LIKELIHOOD_LABELS),
                                  ("residual_severity", severity, SEVERITY_LABELS)):
        raw = fields.get(field)
        after[field] = before if _text(raw) == "" else _point(raw, field, labels, problems)
        if after[field] is not None and before is not None and after[field] > before:
            name = FIELD_LABELS[field].split(" (")[0]
            problems[field] = (f"{name}: {after[field]} is higher than before mitigation ({before}). A mitigation "
                               "should not make a risk worse; lower this value or raise the one before mitigation.")
    try:
        due = parse_due(fields.get("due"))
    except ValueError as problem:
        problems["due"], due = str(problem), ""
    category = _choice(fields.get("category"), "category", CATEGORIES, "other", problems)
    status = _choice(fields.get("status"), "status", STATUSES, "open", problems)
    if problems:
        raise RiskInputError(problems)
    return Risk(title=title, likelihood=likelihood, severity=severity, category=category, status=status, due=due,
                residual_likelihood=after["residual_likelihood"], residual_severity=after["residual_severity"],
                ref=_text(fields.get("ref")), **texts)
