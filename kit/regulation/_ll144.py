"""The summary of a bias audit that New York City's Local Law 144 asks for, from the kit's exact counts.

The DCWP rules (6 RCNY 5-301) ask for selection rates (or, for a tool that
scores, scoring rates: the share of a category scoring above the sample's
median score) and impact ratios for sex, for race/ethnicity and for each
intersection of the two, with the number of people in an unknown category.
Nothing is counted here: each table is one run of :func:`kit.fairness.audit`,
the engine behind the bias lesson and ``kit audit``, so the counts, the
exact comparison with the 2% threshold and the choice of the highest rate are
the same everywhere. A category under 2% of the rows is shown with its counts
and rate but is left out of the impact ratios (the rules let an independent
auditor exclude it); rows with no value in a column are the unknown category
of that column's table and are left out of the intersectional table.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.fairness import MIN_SHARE, AuditInputError, audit

__all__ = ["LL144Row", "LL144Summary", "ll144_summary", "SEPARATOR"]

#: Joins the sex and the race/ethnicity of an intersectional category: ``female|Black``.
SEPARATOR = "|"
TABLES = ("sex", "race_ethnicity", "intersectional")


@dataclass(frozen=True)
class LL144Row:
    """One category of one table."""

    category: str
    n: int
    selected: int
    rate: float
    impact_ratio: float | None
    excluded_under_2pct: bool

    def to_dict(self) -> dict:
        return {"category": self.category, "n": self.n, "selected": self.selected, "rate": self.rate,
                "impact_ratio": self.impact_ratio, "excluded_under_2pct": self.excluded_under_2pct}


@dataclass(frozen=True)
class LL144Summary:
    """The three tables, the unknown counts and what was read.

    ``to_dict`` gives the JSON of ``kit audit --standard nyc-ll144``; the
    other attributes say what the text and web-page reports add: the columns
    read, and the rows left out for want of an outcome or a score.
    """

    rate: str
    median_score: float | None
    unknown: dict
    tables: dict
    sex_column: str
    race_column: str
    measure: str
    rows: int
    left_out: int

    def to_dict(self) -> dict:
        """``{"standard", "rate", "median_score", "unknown", "tables"}``, each table a list of row dicts."""
        return {"standard": "nyc-ll144", "rate": self.rate, "median_score": self.median_score,
                "unknown": dict(self.unknown),
                "tables": {name: [row.to_dict() for row in self.tables[name]] for name in TABLES}}


def _score_outcome(df: pd.DataFrame, score: str):
    """Per row "1" above the median score, "0" at or below it, missing without a score; and the median."""
    if score not in df.columns:
        close = difflib.get_close_matches(str(score), [str(c) for c in df.columns], n=1)
        hint = f" Did you mean '{close[0]}'?" if close else ""
        raise AuditInputError(f"The score column '{score}' is not in the data.{hint} "
                              f"Available columns: {', '.join(str(c) for c in df.columns)}.")
    numbers = pd.to_numeric(df[score], errors="coerce")
    bad = df[score].notna() & numbers.isna()
    if bad.any():
        shown = ", ".join(f"'{v}'" for v in df[score][bad].unique()[:3])
        raise AuditInputError(f"The score column '{score}' holds {int(bad.sum())} values that are not numbers "
                              f"({shown}). Give it numbers only, or leave a cell empty when there is no score.")
    if numbers.isna().all():
        raise AuditInputError(f"The score column '{score}' has no values. Fill it in or choose another --score column.")
    median = float(np.median(numbers.dropna().to_numpy(dtype=float)))
    above = pd.Series(np.where(numbers > median, "1", "0"), index=df.index, dtype=object).mask(numbers.isna())
    return above, median


def _table(result, name_of) -> tuple[list[LL144Row], int]:
    """The rows of one audit without its unknown categories, and the number of people in them."""
    rows, unknown = [], 0
    for group in result.by_group:
        if group.unknown:
            unknown += group.n
            continue
        rows.append(LL144Row(category=name_of(group.group), n=group.n, selected=group.selected,
                             rate=group.selection_rate,
                             impact_ratio=None if group.too_small else group.impact_ratio,
                             excluded_under_2pct=group.too_small))
    return rows, unknown


def ll144_summary(df: pd.DataFrame, sex: str, race_ethnicity: str, *, outcome: str | None = None,
                  score: str | None = None, positive=1, min_share: float = MIN_SHARE) -> LL144Summary:
    """The Local Law 144 tables of selection (or scoring) rates and impact ratios.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per person assessed, as :func:`kit.fairness.read_audit_csv` reads it.
    sex, race_ethnicity : str
        The column with each person's sex and the one with their race/ethnicity.
    outcome : str, optional
        The decision column (selected or not): selection rates.
    score : str, optional
        The score column: scoring rates, the share of a category scoring
        strictly above the median of every score in the data. Give exactly
        one of ``outcome`` and ``score``.
    positive : object, default 1
        The outcome value meaning "selected" (ignored with ``score``).
    min_share : float, default 0.02
        Categories under this share of the rows are excluded from impact ratios.

    Returns
    -------
    LL144Summary

    Raises
    ------
    AuditInputError
        With one plain sentence, as the audit library raises it.
    """
    if (outcome is None) == (score is None):
        raise AuditInputError("Give either the decision column (--outcome COL, for selection rates) or the score "
                              "column (--score COL, for scoring rates), not both and not neither.")
    if sex == race_ethnicity:
        raise AuditInputError(f"'{sex}' is named as both the sex and the race/ethnicity column; name the sex column "
                              "first and the race/ethnicity column second.")
    median = None
    if score is not None:
        if score in (sex, race_ethnicity):
            raise AuditInputError(f"'{score}' cannot be both the score and a group column; choose its own column.")
        above, median = _score_outcome(df, score)
        outcome = f"{score} above median"
        while outcome in df.columns:
            outcome += "_"
        df = df.assign(**{outcome: above})
        positive = "1"
    by_sex = audit(df, outcome, [sex], positive=positive, min_share=min_share)
    by_race = audit(df, outcome, [race_ethnicity], positive=positive, min_share=min_share)
    both = audit(df, outcome, [sex, race_ethnicity], positive=positive, min_share=min_share)
    sex_rows, unknown_sex = _table(by_sex, lambda g: g[sex])
    race_rows, unknown_race = _table(by_race, lambda g: g[race_ethnicity])
    cross_rows, _ = _table(both, lambda g: f"{g[sex]}{SEPARATOR}{g[race_ethnicity]}")
    return LL144Summary(
        rate="selection" if score is None else "scoring", median_score=median,
        unknown={"sex": unknown_sex, "race_ethnicity": unknown_race},
        tables={"sex": tuple(sex_rows), "race_ethnicity": tuple(race_rows), "intersectional": tuple(cross_rows)},
        sex_column=sex, race_column=race_ethnicity, measure=score if score is not None else outcome,
        rows=by_sex.rows, left_out=len(df) - by_sex.rows)
