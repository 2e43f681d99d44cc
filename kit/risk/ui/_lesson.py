"""Tables the risk lesson shows between its paragraphs: the scales, the bands, the score grid and a template."""

from __future__ import annotations

import pandas as pd

from kit.risk import LIKELIHOOD_LABELS, NO_OWNER, SEVERITY_LABELS, bands_table, load_template, score_grid
from kit.toolkit import table_html


def rows_html(header: list[str], rows: list[list], caption: str) -> str:
    """A (header, rows) table from :mod:`kit.risk` as an accessible, escaped HTML table."""
    return table_html(pd.DataFrame(rows, columns=header), caption=caption)


def scales_html() -> str:
    """The two 1-to-5 scales side by side, in words."""
    rows = [[point, LIKELIHOOD_LABELS[point], SEVERITY_LABELS[point]] for point in LIKELIHOOD_LABELS]
    return rows_html(["Point", "Likelihood", "Severity"], rows, "The two scales")


def bands_html() -> str:
    """The rating bands: which scores fall in each, and what each asks of the organisation."""
    return rows_html(*bands_table(), caption="Rating bands (score = likelihood × severity)")


def score_grid_html() -> str:
    """Every cell of the 5 × 5 matrix with its score and rating."""
    return rows_html(*score_grid(), caption="Score and rating of every cell: severity down, likelihood across")


def template_html(name: str) -> str:
    """A template's risks in the framework's four columns: risk, impact, mitigation, responsibility."""
    register = load_template(name)
    rows = [[r.ref, r.title, r.impact, r.mitigation, r.owner or NO_OWNER] for r in register.risks]
    return rows_html(["Ref", "Risk", "Potential impact", "Mitigation", "Responsibility"], rows, register.name)
