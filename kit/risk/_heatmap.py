"""Where each risk sits on the 5 × 5 likelihood × severity grid, before and after mitigation.

The numbers behind the heatmap chart, its text alternative and its data
table all come from here; the drawing itself is in :mod:`kit.risk.ui._heatmap`.
"""

from __future__ import annotations

from ._register import Register
from ._scoring import LIKELIHOOD_LABELS, SCALE_MAX, SCALE_MIN, SEVERITY_LABELS, band_of, scale_label, score

POINTS = tuple(range(SCALE_MIN, SCALE_MAX + 1))


def heatmap_cells(register: Register, after: bool = False) -> dict[tuple[int, int], list[str]]:
    """The refs of the risks in each cell, keyed by (likelihood, severity); every cell is present.

    Parameters
    ----------
    register : Register
    after : bool
        Place each risk by its scores after mitigation instead of before.
    """
    cells: dict[tuple[int, int], list[str]] = {(l, s): [] for l in POINTS for s in POINTS}
    for risk in register.sorted("ref"):
        key = (risk.residual_likelihood, risk.residual_severity) if after else (risk.likelihood, risk.severity)
        cells[key].append(risk.ref)
    return cells


def heatmap_table(register: Register, after: bool = False) -> tuple[list[str], list[list[str]]]:
    """The grid as (header, rows): a row per severity (5 first), a column per likelihood.

    Each cell gives its score and band and the risks in it, e.g. ``"15 high: R1"``.
    """
    cells = heatmap_cells(register, after)
    header = ["Severity / likelihood"] + [scale_label(l, LIKELIHOOD_LABELS) for l in POINTS]
    rows = []
    for s in reversed(POINTS):
        row = [scale_label(s, SEVERITY_LABELS)]
        for l in POINTS:
            value = score(l, s)
            refs = ", ".join(cells[(l, s)])
            row.append(f"{value} {band_of(value).name}" + (f": {refs}" if refs else ""))
        rows.append(row)
    return header, rows


def _placements(register: Register, after: bool) -> str:
    risks = register.sorted("residual" if after else "score")
    if not risks:
        return "no risks"
    return "; ".join(f"{risk.ref} at {risk.scoring_text(after)}" for risk in risks)


def heatmap_alt(register: Register) -> str:
    """The heatmap in words: every risk's place and band, before and after mitigation."""
    if not register.risks:
        return ("Two empty 5 by 5 risk grids, likelihood across and severity up, before and after mitigation: "
                "the register has no risks yet.")
    return (f"Two 5 by 5 risk grids, likelihood from 1 to 5 across and severity from 1 to 5 up, with "
            f"{register.count_text()} placed by reference. "
            f"Before mitigation ({register.band_summary()}): {_placements(register, False)}. "
            f"After mitigation ({register.band_summary(after=True)}): {_placements(register, True)}.")
