"""Strategy and use cases (the strategy lesson): score candidate uses of AI and pick a first pilot.

A learner lists use cases, scores each from 1 to 5 for value, effort and
ethical risk (:func:`scales` says what each level means), and may add rough
figures for time saved and costs. The kit places each on a value × ethical
risk matrix, estimates a return from those figures, and recommends a first
pilot by one documented rule (:data:`RULE`): highest value among the low-risk
use cases, ties broken on effort, then payback. No widgets here; the app is
:mod:`kit.strategy.ui._matrix`.
"""

from kit.strategy._content import (Level, Scale, Template, load_template, problems_frame, scales,
                                   scales_frame, template_keys, templates_frame)
from kit.strategy._report import (amount, display_frame, estimate_steps, estimate_text, matrix_alt,
                                  notes_section, scales_section, use_case_document, use_cases_csv,
                                  use_cases_section)
from kit.strategy._triage import (LOW_RISK_MAX, QUADRANTS, RULE, WORTHWHILE_VALUE, Estimate,
                                  Recommendation, estimate, quadrant, rank, recommend, risk_band,
                                  triage_frame)
from kit.strategy._usecase import (LABELS, MAX_USE_CASES, MONEY, SCORES, UseCase, add, from_saved,
                                   parse_amount, remove, replace, use_case)

from kit.strategy._checks import (check_first_pilots, check_net_monthly, check_payback, check_risk_bands,
                                  check_shortlist)

__all__ = [
    "Estimate",
    "LABELS",
    "LOW_RISK_MAX",
    "Level",
    "MAX_USE_CASES",
    "MONEY",
    "QUADRANTS",
    "RULE",
    "Recommendation",
    "SCORES",
    "Scale",
    "Template",
    "UseCase",
    "WORTHWHILE_VALUE",
    "add",
    "amount",
    "check_first_pilots",
    "check_net_monthly",
    "check_payback",
    "check_risk_bands",
    "check_shortlist",
    "display_frame",
    "estimate",
    "estimate_steps",
    "estimate_text",
    "from_saved",
    "load_template",
    "matrix_alt",
    "notes_section",
    "parse_amount",
    "problems_frame",
    "quadrant",
    "rank",
    "recommend",
    "remove",
    "replace",
    "risk_band",
    "scales",
    "scales_frame",
    "scales_section",
    "template_keys",
    "templates_frame",
    "triage_frame",
    "use_case",
    "use_case_document",
    "use_cases_csv",
    "use_cases_section",
]
