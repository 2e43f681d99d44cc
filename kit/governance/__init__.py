"""Lessons 07 and 08: governance a small organisation can run.

- The policy builder drafts a plain-language AI policy from short answers and
  editable templates (``kit/content/policy_templates/``); a gap shows as
  ``[to decide: ...]``.
- The algorithmic impact assessment scores a system's impact and its
  mitigations into a level, with exact boundaries.
- The human-in-the-loop tree walks a decision to the kind of oversight it needs.
- The vendor checklist scores a supplier's answers into a due-diligence summary;
  the bias lesson's supplier questions say what a good answer sounds like.

Names two parts share (``saved_value``, ``summary``) are the
policy builder's here; the others are in their private modules.
"""

from kit.governance._policy_draft import (
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
from kit.governance._policy_placeholders import MAX_ANSWER, TO_DECIDE, check_template, clean_answer, fill, placeholders
from kit.governance._policy_templates import Frame, PolicyArea, PolicyQuestion, areas, clear_cache, frame, questions

from kit.governance._decision_tree import (Answer, QuestionNode, Recommendation, Tree, Walk, follow,
                                           human_in_the_loop_section, parse_tree, tree)
from kit.governance._impact import (Assessment, Level, PARTS, Questionnaire, answers_by_text, assess,
                                    assessment_document, example_answers, format_percent, format_points,
                                    impact_section, level_for, option_index, parse_questionnaire,
                                    questionnaire, summary)
from kit.governance._vendor import (AreaScore, BANDS, FollowUp, NAME_LIMIT, STRENGTHS, TOP_SCORE,
                                    VendorSummary, area_table, band_for, check_name, example_summary,
                                    scale_text, summarise, summary_alt, vendor_document, vendor_section)
from kit.governance._vendor_checklist import Area, Checklist, FILE, SCORES, WEIGHTS, load_checklist
from kit.governance._vendor_questions import VendorQuestion, vendor_questions

__all__ = [
    "Answer",
    "Area",
    "AreaScore",
    "Assessment",
    "BANDS",
    "Checklist",
    "FILE",
    "FollowUp",
    "Frame",
    "Level",
    "MAX_ANSWER",
    "NAME_LIMIT",
    "PARTS",
    "PolicyArea",
    "PolicyQuestion",
    "QuestionNode",
    "Questionnaire",
    "Recommendation",
    "SCORES",
    "STRENGTHS",
    "TOP_SCORE",
    "TO_DECIDE",
    "Tree",
    "VendorQuestion",
    "VendorSummary",
    "WEIGHTS",
    "Walk",
    "answers_by_text",
    "area_table",
    "areas",
    "assess",
    "assessment_document",
    "band_for",
    "check_name",
    "check_template",
    "choose_areas",
    "clean_answer",
    "clear_cache",
    "draft_from_saved",
    "draft_policy",
    "example_answers",
    "example_summary",
    "fill",
    "follow",
    "format_percent",
    "format_points",
    "frame",
    "human_in_the_loop_section",
    "impact_section",
    "level_for",
    "load_checklist",
    "normalise_answers",
    "notes_section",
    "open_message",
    "open_questions",
    "option_index",
    "parse_questionnaire",
    "parse_tree",
    "placeholders",
    "policy_filename",
    "policy_section",
    "questionnaire",
    "questions",
    "saved_value",
    "scale_text",
    "summarise",
    "summary",
    "summary_alt",
    "too_long",
    "tree",
    "vendor_document",
    "vendor_questions",
    "vendor_section",
]
