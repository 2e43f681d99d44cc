"""Every panel of a room, lesson by lesson, in the order of ``lessons.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kit.room._aggregates import Panel, latest
from kit.room._contributions import quiz_options
from kit.room._lesson_panels import (bias_panel, case_panel, evaluation_panel, maturity_panel, note_panels,
                                     use_case_panels)
from kit.room._quiz_panels import check_panels, quiz_panel
from kit.room._risk_panels import risk_panels
from kit.workshop import lesson as find_lesson
from kit.workshop import lessons, parts

#: The trainer page's notebook in ``notebooks/``: outside the numbered lessons, never in the attendees' gallery.
TRAINER_PAGE = "trainer_room.ipynb"


def _app_panels(by_key: dict[str, dict[str, Any]]) -> list[Panel]:
    """The panels of the lessons' apps (quizzes aside), each tagged with its lesson."""
    get = lambda part: by_key.get(part.key, {})  # noqa: E731 - one line, read once
    first, both = check_panels(get(parts.BEFORE_CHECK), get(parts.AFTER_CHECK))
    return [first, *use_case_panels(get(parts.USE_CASES)), bias_panel(get(parts.BIAS_EXPLORER)),
            *risk_panels(get(parts.RISK_REGISTER)), maturity_panel(get(parts.MATURITY)), case_panel(get(parts.CASES)),
            both, evaluation_panel(get(parts.EVALUATION))]


def room_panels(contributions: Iterable[Any], lesson: str | None = None) -> list[Panel]:
    """The room's panels: for each lesson its quiz, its apps' panels, then the notes shared from it.

    Parameters
    ----------
    contributions : iterable of kit.room.Contribution
        The room's contributions (:meth:`kit.room.RoomStore.contributions`).
    lesson : str, optional
        Only this lesson's panels (its id, number or file name).

    Raises
    ------
    kit.workshop.content.ContentError
        When ``lesson`` names no lesson (the message lists the ids).
    """
    wanted = None if lesson is None else find_lesson(lesson).id
    by_key = latest(contributions)
    apps = _app_panels(by_key)
    found = []
    for item in lessons():
        if wanted not in (None, item.id):
            continue
        if quiz_options(item.stem):
            found.append(quiz_panel(item.stem, by_key.get(f"{parts.QUIZZES.key}{item.stem}", {})))
        found += [panel for panel in apps if panel.lesson == item.id]
        found += note_panels(by_key, item.id)
    return found
