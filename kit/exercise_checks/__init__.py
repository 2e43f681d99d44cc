"""Self-checks for the coding exercises, one module per lesson.

A check cell in an exercise notebook calls one of these functions with the
learner's answer and shows the :class:`kit.checks.Feedback` it returns: "To
do", "Correct" or "Not quite" with a hint. Expected values are computed by the
kit, and a check never raises, whatever it is given.
"""

from kit.exercise_checks import hiring
from kit.exercise_checks.hiring import *  # noqa: F403 - the names are listed in hiring.__all__

__all__ = [*hiring.__all__]
