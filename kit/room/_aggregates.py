"""The room's answers as panels: pure functions from a room's contributions to what the trainer page shows.

Every panel is counted from the contributions each time, with the latest
contribution of each attendee under each key (an attendee who answers twice
counts once). A figure drawn from fewer than :data:`MIN_ANSWERS` attendees is
withheld and the panel says :data:`WAITING` instead. The panels of one lesson
come from :mod:`._quiz_panels`, :mod:`._lesson_panels` and :mod:`._risk_panels`.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from kit.room._contributions import MIN_ANSWERS

#: What a withheld figure says, with the number from :data:`MIN_ANSWERS`.
WAITING = f"waiting for {MIN_ANSWERS} answers"


@dataclass(frozen=True)
class Table:
    """One table of a panel: a caption, its column names and its rows (numbers stay numbers)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Panel:
    """What the trainer sees of one question of the room.

    Attributes
    ----------
    id : a stable name, such as ``quiz.03_bias_in_hiring`` or ``risk.heatmap``.
    lesson : the id of the lesson it belongs to (``lessons.yaml``).
    title : its heading.
    answers : how many attendees it counts.
    lines : plain sentences, every number counted (or :data:`WAITING`).
    tables : the figures as tables.
    chart : the kind of chart the page draws from ``data`` ("" for none).
    data : the numbers behind the chart (and the JSON summary).
    alt : the chart's text alternative.
    """

    id: str
    lesson: str
    title: str
    answers: int
    lines: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    chart: str = ""
    data: dict = field(default_factory=dict)
    alt: str = ""

    @property
    def ready(self) -> bool:
        """Whether enough attendees answered for anything to be shown."""
        return self.answers >= MIN_ANSWERS

    def to_dict(self) -> dict:
        """Plain JSON data: the panel's words, tables and numbers."""
        return {"id": self.id, "lesson": self.lesson, "title": self.title, "answers": self.answers,
                "ready": self.ready, "lines": list(self.lines),
                "tables": [{"caption": t.caption, "header": list(t.header), "rows": [list(r) for r in t.rows]}
                           for t in self.tables],
                "chart": self.chart, "data": self.data, "alt": self.alt}


def waiting(panel_id: str, lesson: str, title: str, answers: int) -> Panel:
    """A panel withheld until :data:`MIN_ANSWERS` attendees have answered: it shows only :data:`WAITING`."""
    return Panel(panel_id, lesson, title, answers, lines=(f"Nothing to show yet: {WAITING}.",))


def latest(contributions: Iterable[Any]) -> dict[str, dict[str, Any]]:
    """Key → participant → value, keeping each participant's latest contribution under each key.

    Parameters
    ----------
    contributions : iterable of kit.room.Contribution
        Anything with ``participant``, ``key``, ``value`` and ``updated``.
    """
    newest: dict[tuple[str, str], Any] = {}
    for item in contributions:
        slot = (item.key, item.participant)
        if slot not in newest or item.updated >= newest[slot].updated:
            newest[slot] = item
    by_key: dict[str, dict[str, Any]] = {}
    for (key, participant), item in sorted(newest.items()):
        if item.value is not None:
            by_key.setdefault(key, {})[participant] = item.value
    return by_key


def spread(values: list) -> tuple[Any, Any, Any]:
    """(median, lowest, highest) of some numbers; the median of an even count is the mean of the middle two."""
    middle = statistics.median(values)
    if isinstance(middle, float) and middle.is_integer():
        middle = int(middle)
    return middle, min(values), max(values)


def number(value: Any) -> Any:
    """A figure as the tables show it: a whole number as an int, a half as 3.5, a Fraction as a float."""
    if isinstance(value, Fraction):
        value = int(value) if value.denominator == 1 else round(float(value), 2)
    if isinstance(value, float):
        return int(value) if value.is_integer() else round(value, 2)
    return value


def percent(part: int, whole: int) -> int:
    """``part`` of ``whole`` as a whole percentage, rounded half up (0 when ``whole`` is 0)."""
    return int(Fraction(100 * part, whole) + Fraction(1, 2)) if whole else 0


def plural(count: int, word: str, words: str | None = None) -> str:
    """``"1 attendee"``, ``"3 attendees"``."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
