"""Risk assessment of an AI system: a scored register, its heat grid and documents to take home.

No widgets here: the register builder app (:mod:`kit.ui.risk_register`) and
lesson 06 call these functions.

* Scoring (:mod:`._scoring`): likelihood × severity on 1–5 scales, and the
  rating bands in one place, :data:`BANDS`.
* A :class:`Risk` is checked by :func:`validate_risk`, which explains every
  problem in plain words (:class:`RiskInputError`).
* A :class:`Register` adds, edits, removes and sorts risks, and is saved to
  the workspace under :data:`SAVE_KEY` as :meth:`Register.to_dict`.
* Templates are data files (``kit/content/risk_templates``): :func:`load_template`.
* Exports: :func:`register_csv` (spreadsheet-safe) and :func:`read_register_csv`
  back; :func:`register_document` for Markdown, HTML and Word;
  :func:`risk_section` and :func:`risk_notes_section` for the action plan.
"""

from ._csv import read_register_csv, register_csv
from ._document import (NO_OWNER, NOTES_KEY, SAVE_KEY, owner_gaps, ranking_table, register_document,
                        register_exports, risk_notes_section, risk_section, summary_lines)
from ._heatmap import heatmap_alt, heatmap_cells, heatmap_table
from ._model import CATEGORIES, FIELD_LABELS, FIELDS, STATUSES, Risk
from ._register import SORTS, Register
from ._scoring import (BAND_NAMES, BANDS, LIKELIHOOD_LABELS, SCALE_MAX, SCALE_MIN, SEVERITY_LABELS, Band,
                       band_of, bands_table, rating, scale_label, score, score_grid)
from ._templates import DEFAULT_TEMPLATE, load_template, practice_register, template_info, template_names
from ._validate import RiskInputError, parse_due, validate_risk

__all__ = [
    "BANDS", "BAND_NAMES", "Band", "LIKELIHOOD_LABELS", "SEVERITY_LABELS", "SCALE_MIN", "SCALE_MAX",
    "score", "band_of", "rating", "scale_label", "bands_table", "score_grid",
    "CATEGORIES", "STATUSES", "FIELDS", "FIELD_LABELS", "Risk", "RiskInputError", "validate_risk", "parse_due",
    "Register", "SORTS",
    "DEFAULT_TEMPLATE", "template_names", "template_info", "load_template", "practice_register",
    "register_csv", "read_register_csv", "register_document", "register_exports", "ranking_table",
    "summary_lines", "owner_gaps", "NO_OWNER", "risk_section", "risk_notes_section",
    "SAVE_KEY", "NOTES_KEY",
    "heatmap_cells", "heatmap_table", "heatmap_alt",
]
