"""The ethics lesson: the ethics pillars, their scenarios and the sorter's scoring."""

from kit.ethics._pillars import (CONTENT, Content, Pillar, PillarFeedback, Scenario,
                                 SortResult, answers_from_saved, content, drivers_table, grade, growth_table,
                                 notes_section, saved_value, score, sorter_section)

__all__ = [
    "CONTENT",
    "Content",
    "Pillar",
    "PillarFeedback",
    "Scenario",
    "SortResult",
    "answers_from_saved",
    "content",
    "drivers_table",
    "grade",
    "growth_table",
    "notes_section",
    "saved_value",
    "score",
    "sorter_section",
]
