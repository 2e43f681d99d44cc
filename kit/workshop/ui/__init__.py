"""The workshop's widgets: the workspace panel, quizzes, glossary, gallery and the action plan app."""

from kit import lazy_names
from kit.workshop.ui._gallery import agenda_html, gallery_html
from kit.workshop.ui._glossary import (glossary_html, glossary_panel, glossary_widget, lesson_terms_html,
                                       term_html)
from kit.workshop.ui._lesson_page import discussion, discussion_html, lesson_header, lesson_header_html
from kit.workshop.ui._quiz import SharedStyles, answer_picker, picked, quiz, set_picked
from kit.workshop.ui._workspace import NO_WORKSPACE, Hush, SavedPart, saved_text, workspace_panel

# The action plan reads every lesson's saved work (pandas, charts): loaded on first use.
__getattr__ = lazy_names("kit.workshop.ui", {"action_plan_app": "_action_plan"})

__all__ = [
    "NO_WORKSPACE",
    "Hush",
    "SavedPart",
    "SharedStyles",
    "action_plan_app",
    "agenda_html",
    "answer_picker",
    "discussion",
    "discussion_html",
    "gallery_html",
    "glossary_html",
    "glossary_panel",
    "glossary_widget",
    "lesson_header",
    "lesson_header_html",
    "lesson_terms_html",
    "picked",
    "quiz",
    "saved_text",
    "set_picked",
    "term_html",
    "workspace_panel",
]
