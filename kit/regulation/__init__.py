"""Regulation in practice: the EU AI Act triage, the NYC Local Law 144 bias-audit summary, the crosswalk.

- :func:`triage` places a use case in a tier of the EU AI Act (Regulation (EU)
  2024/1689) and lists the deployer's obligations with their articles and
  dates; the questions, words and dates live in
  ``kit/content/regulation/eu_ai_act.yaml`` (:func:`ai_act`).
- :func:`ll144_summary` turns the audit library's exact counts into the
  summary New York City's Local Law 144 asks for (``kit audit --standard
  nyc-ll144``); :func:`ll144_guide` says what the law requires and what the
  summary is not.
- :func:`crosswalk` maps each lesson's output to NIST AI RMF 1.0 and ISO/IEC
  42001:2023; :func:`covers_section` gives the action plan's "what this
  covers" table and :func:`triage_section` its EU AI Act section.
- :func:`automated_decisions` says what EU and UK data protection law say
  about decisions made by automation alone (GDPR Article 22; UK GDPR
  Articles 22A to 22D), for the policy lesson.

None of this is legal advice; every content file carries its ``as_of`` date.
"""

from ._ai_act import CONTRACT, AiAct, ai_act, parse_ai_act
from ._automated import AutomatedDecisions, automated_decisions, parse_automated_decisions
from ._crosswalk import Crosswalk, CrosswalkRow, crosswalk, crosswalk_rows, parse_crosswalk
from ._ll144 import LL144Row, LL144Summary, ll144_summary
from ._ll144_guide import LL144Guide, ll144_guide, parse_ll144_guide
from ._ll144_report import ll144_csv, ll144_html, ll144_text
from ._sections import covers_section, crosswalk_guide_lines, saved_outputs, triage_section
from ._triage import Answers, Duty, Triage, TriageInputError, format_triage, read_answers, triage

__all__ = [
    "triage", "read_answers", "format_triage", "Answers", "Triage", "Duty", "TriageInputError",
    "ai_act", "parse_ai_act", "AiAct", "CONTRACT",
    "ll144_summary", "LL144Summary", "LL144Row", "ll144_text", "ll144_html", "ll144_csv",
    "ll144_guide", "parse_ll144_guide", "LL144Guide",
    "crosswalk", "crosswalk_rows", "parse_crosswalk", "Crosswalk", "CrosswalkRow",
    "automated_decisions", "parse_automated_decisions", "AutomatedDecisions",
    "triage_section", "covers_section", "saved_outputs", "crosswalk_guide_lines",
]
