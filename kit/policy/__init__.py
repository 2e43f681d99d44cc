"""The policy builder: draft a plain-language AI policy from short answers and editable templates.

The templates (``kit/content/policy_templates/*.yaml``, one per policy area)
and the questions (``kit/content/policy_builder.yaml``) are data a trainer
edits. Placeholders ``{{ id }}`` are filled by a safe, single-pass
substitution (:mod:`kit.policy._placeholders`); a gap shows as
``[to decide: ...]``.
"""

from kit.policy._draft import (
    SAVE_KEY,
    choose_areas,
    draft_from_saved,
    draft_policy,
    normalise_answers,
    notes_section,
    open_message,
    open_questions,
    policy_filename,
    policy_section,
    saved_value,
    too_long,
)
from kit.policy._placeholders import MAX_ANSWER, TO_DECIDE, check_template, clean_answer, fill, placeholders
from kit.policy._templates import Frame, PolicyArea, PolicyQuestion, areas, clear_cache, frame, questions

__all__ = [
    "MAX_ANSWER", "SAVE_KEY", "TO_DECIDE", "Frame", "PolicyArea", "PolicyQuestion", "areas", "check_template",
    "choose_areas", "clean_answer", "clear_cache", "draft_from_saved", "draft_policy", "fill", "frame",
    "normalise_answers", "notes_section", "open_message", "open_questions", "placeholders", "policy_filename",
    "policy_section",
    "questions", "saved_value", "too_long",
]
