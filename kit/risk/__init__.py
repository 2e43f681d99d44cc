"""Risk assessment of an AI system: a scored register, its heat grid and documents to take home.

No widgets here: the register builder app (:mod:`kit.risk.ui._register`) and
the risk lesson call these functions.

* Scoring (:mod:`._scoring`): likelihood × severity on 1–5 scales, and the
  rating bands in one place, :data:`BANDS`.
* A :class:`Risk` is checked by :func:`validate_risk`, which explains every
  problem in plain words (:class:`RiskInputError`).
* A :class:`Register` adds, edits, removes and sorts risks, and is saved to
  the workspace under :data:`kit.workshop.parts.RISK_REGISTER` as :meth:`Register.to_dict`.
* Templates are data files (``kit/content/risk_templates``): :func:`load_template`.
* Exports: :func:`register_csv` (spreadsheet-safe) and :func:`read_register_csv`
  back; :func:`register_document` for Markdown, HTML and Word;
  :func:`risk_section` and :func:`risk_notes_section` for the action plan.
"""

from ._csv import read_register_csv, register_csv
from ._document import (NO_OWNER, owner_gaps, ranking_table, register_document,
                        register_exports, risk_notes_section, risk_section, summary_lines)
from ._heatmap import heatmap_alt, heatmap_cells, heatmap_table
from ._model import CATEGORIES, FIELD_LABELS, FIELDS, STATUSES, Risk
from ._register import SORTS, Register
from ._scoring import (BAND_NAMES, BANDS, LIKELIHOOD_LABELS, SCALE_MAX, SCALE_MIN, SEVERITY_LABELS, Band,
                       band_of, bands_table, rating, scale_label, score, score_grid)
from ._templates import DEFAULT_TEMPLATE, load_template, practice_register, template_info, template_names
from ._validate import RiskInputError, parse_due, validate_risk

from kit.risk._checks import (check_band_counts_after, check_bands, check_biggest_drop, check_no_owner,
                              check_ranked, check_reduction, check_scores)

__all__ = [
    "BANDS",
    "BAND_NAMES",
    "Band",
    "CATEGORIES",
    "DEFAULT_TEMPLATE",
    "FIELDS",
    "FIELD_LABELS",
    "LIKELIHOOD_LABELS",
    "NO_OWNER",
    "Register",
    "Risk",
    "RiskInputError",
    "SCALE_MAX",
    "SCALE_MIN",
    "SEVERITY_LABELS",
    "SORTS",
    "STATUSES",
    "band_of",
    "bands_table",
    "check_band_counts_after",
    "check_bands",
    "check_biggest_drop",
    "check_no_owner",
    "check_ranked",
    "check_reduction",
    "check_scores",
    "heatmap_alt",
    "heatmap_cells",
    "heatmap_table",
    "load_template",
    "owner_gaps",
    "parse_due",
    "practice_register",
    "ranking_table",
    "rating",
    "read_register_csv",
    "register_csv",
    "register_document",
    "register_exports",
    "risk_notes_section",
    "risk_section",
    "scale_label",
    "score",
    "score_grid",
    "summary_lines",
    "template_info",
    "template_names",
    "validate_risk",
]
