"""The regulation lessons' widgets: the EU AI Act triage app, and the dated legal content as HTML.

- :func:`triage_app` (lesson 07) triages the attendee's AI uses and saves them
  for the action plan; :func:`ai_act_overview_html` shows the tiers and dates.
- :func:`automated_decisions_html` sets the EU and UK rules on decisions made
  by automation alone side by side, each statement with its source.
- :func:`ll144_guide_html` (lesson 03) says what NYC Local Law 144 requires and
  what the kit's summary is not.
"""

from kit.regulation.ui._html import (CSS, ai_act_overview_html, automated_decisions_html,
                                     automated_decisions_key_point_html, ll144_guide_html, triage_result_html)
from kit.regulation.ui._triage_app import MAX_NAME, NO_USE_CASES, check_name, entry_options, triage_app

__all__ = [
    "CSS",
    "MAX_NAME",
    "NO_USE_CASES",
    "ai_act_overview_html",
    "automated_decisions_html",
    "automated_decisions_key_point_html",
    "check_name",
    "entry_options",
    "ll144_guide_html",
    "triage_app",
    "triage_result_html",
]
