"""The workshop itself: workspaces and saved work, lessons, quizzes, glossary, agendas, the guide, exercises and the action plan."""

from kit import lazy_names
from kit.workshop._agenda import AgendaFormat, Slot, agenda, agenda_format, agenda_names, formats
from kit.workshop._lessons import Lesson, LessonEntry, lesson, lesson_ids, lesson_label, lessons
from kit.workshop._database import DatabaseError
from kit.workshop._glossary import (Term, UnknownTerm, lesson_terms, lesson_text, load_glossary, lookup,
                                    search, terms_in)
from kit.workshop._merge import ID_KEYS, Merged, merge
from kit.workshop._plan import NextSteps, Plan, build_plan, next_steps, read_part
from kit.workshop._saved_work import Part, SavedWorkError
from kit.workshop._plan_sections import (bias_explorer_section, bias_notes_section, goal_section,
                                         organisation_section, own_audit_section, quiz_section, room_section)
from kit.workshop._quiz import Grade, KINDS, Option, Question, grade, load_quiz, score
from kit.workshop._store import (
    ALPHABET, DB_NAME, StaleSave, Store, Workspace, WorkspaceError, grouped_code, normalise_code,
)
from kit.workshop._texts import Say, Template, Texts, every_texts

# Heavy imports (pandas, scikit-learn, fairlearn, nbformat): loaded on first use (kit.lazy_names), so the pages
# that do not need them start quickly.
_LAZY = {
    **{name: "_checks" for name in ("Feedback", "FeedbackTexts", "as_series", "check", "matches", "never_raises",
                                    "numbers_hint", "series_check", "series_hint")},
    "BEGIN": "_exercises",
    "Drift": "_exercises",
    "END": "_exercises",
    "GUIDE_PATH": "_guide",
    "MarkerError": "_exercises",
    "PLACEHOLDER": "_exercises",
    "exercise_name": "_exercises",
    "exercise_text": "_exercises",
    "generate": "_exercises",
    "objectives": "_guide",
    "render_guide": "_guide",
    "strip_solutions": "_exercises",
    "write_guide": "_guide"
}

__getattr__ = lazy_names("kit.workshop", _LAZY)

__all__ = [
    "ALPHABET",
    "BEGIN",
    "DB_NAME",
    "DatabaseError",
    "Drift",
    "END",
    "Feedback",
    "FeedbackTexts",
    "GUIDE_PATH",
    "Grade",
    "ID_KEYS",
    "KINDS",
    "AgendaFormat",
    "Lesson",
    "LessonEntry",
    "MarkerError",
    "Merged",
    "NextSteps",
    "Option",
    "PLACEHOLDER",
    "Plan",
    "Part",
    "SavedWorkError",
    "Say",
    "read_part",
    "Question",
    "Slot",
    "StaleSave",
    "Store",
    "Term",
    "Template",
    "Texts",
    "UnknownTerm",
    "Workspace",
    "WorkspaceError",
    "agenda",
    "agenda_format",
    "agenda_names",
    "formats",
    "as_series",
    "bias_explorer_section",
    "bias_notes_section",
    "build_plan",
    "check",
    "every_texts",
    "exercise_name",
    "exercise_text",
    "generate",
    "goal_section",
    "grade",
    "lesson",
    "lesson_ids",
    "lesson_label",
    "lesson_terms",
    "lesson_text",
    "lessons",
    "load_glossary",
    "load_quiz",
    "lookup",
    "matches",
    "merge",
    "never_raises",
    "next_steps",
    "normalise_code", "grouped_code",
    "numbers_hint",
    "objectives",
    "organisation_section",
    "own_audit_section",
    "quiz_section",
    "render_guide",
    "room_section",
    "score",
    "search",
    "series_check",
    "series_hint",
    "strip_solutions",
    "terms_in",
    "write_guide",
]
