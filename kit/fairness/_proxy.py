"""Find proxies: columns that could stand in for a protected attribute.

Leaving ethnicity out of a model does not keep ethnicity out of its decisions
if another column, such as a postcode, tracks it closely. This module ranks
every column of a table by how strongly it is linked to one protected column,
so that a non-specialist can see which inputs deserve a second look.

Two measures, both on a 0-1 scale (0: no link, 1: the column gives the group
away completely):

- **Cramér's V** for a categorical column (text, yes/no, or a number with at
  most two values). We use the bias-corrected version (Bergsma, 2013): plain
  V creeps upwards when a column has many categories or the table is small,
  which would raise false alarms on a learner's own small CSV. Pass
  ``bias_correction=False`` for the textbook value.
- **Correlation ratio (eta)** for a numeric column: the share of the column's
  spread explained by group membership, square-rooted. Not corrected; with
  very small groups it reads a little high.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

#: Strength bands, strongest first: (lowest strength, band, reading). One
#: place for the cut-offs; they are rules of thumb for reading, not tests.
BANDS = (
    (0.5, "strong", "strong: this column could stand in for {protected}"),
    (0.3, "moderate",
     "moderate: this column carries real information about {protected}; "
     "check how the model uses it"),
    (0.1, "weak", "weak: a small link with {protected}"),
    (0.0, "negligible", "negligible: no real link with {protected}"),
)

COLUMNS = ("feature", "measure", "strength", "band", "reading", "n_used", "n_missing")


def cramers_v(x: pd.Series, y: pd.Series, bias_correction: bool = True) -> float:
    """Return Cramér's V between two categorical columns (rows with a gap dropped).

    Parameters
    ----------
    x, y : pandas.Series
        Two columns of the same table.
    bias_correction : bool, default True
        Apply Bergsma's small-sample correction.

    Returns
    -------
    float
        0 when knowing ``x`` tells nothing about ``y``, 1 when it tells all.
    """
    table = pd.crosstab(x, y).to_numpy(dtype=float)  # crosstab drops missing
    n = table.sum()
    r, k = table.shape
    if n < 2 or r < 2 or k < 2:
        return 0.0
    expected = np.outer(table.sum(axis=1), table.sum(axis=0)) / n
    phi2 = ((table - expected) ** 2 / expected).sum() / n
    if bias_correction:
        phi2 = max(0.0, phi2 - (k - 1) * (r - 1) / (n - 1))
        r = r - (r - 1) ** 2 / (n - 1)
        k = k - (k - 1) ** 2 / (n - 1)
    denominator = min(r - 1, k - 1)
    return float(np.sqrt(min(1.0, phi2 / denominator))) if denominator > 0 else 0.0


def correlation_ratio(groups: pd.Series, values: pd.Series) -> float:
    """Return the correlation ratio (eta) of a numeric column across groups.

    Parameters
    ----------
    groups : pandas.Series
        Group label of each row.
    values : pandas.Series
        Numbers, same rows.

    Returns
    -------
    float
        ``sqrt(between-group sum of squares / total sum of squares)``; 0 when
        the groups have the same mean, 1 when each group has a single value.
    """
    frame = pd.DataFrame({"g": groups, "v": values}).dropna()
    v = frame["v"].astype(float)
    total = ((v - v.mean()) ** 2).sum()
    if total == 0:
        return 0.0
    means = v.groupby(frame["g"]).transform("mean")
    return float(np.sqrt(((means - v.mean()) ** 2).sum() / total))


def strength_band(strength: float, protected: str) -> tuple[str, str]:
    """Return the band and plain-language reading of a link strength (see :data:`BANDS`).

    Parameters
    ----------
    strength : float
        Cramér's V or eta, between 0 and 1.
    protected : str
        Name of the protected column, used in the reading.

    Returns
    -------
    tuple of str
        ``(band, reading)``, e.g. ``("strong", "strong: this column could
        stand in for ethnicity")``.
    """
    for lowest, band, reading in BANDS:
        if strength >= lowest:
            return band, reading.format(protected=protected)
    raise AssertionError("unreachable")  # pragma: no cover


def _is_categorical(series: pd.Series) -> bool:
    numeric = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
    return not numeric or series.nunique() <= 2


def _examine(df: pd.DataFrame, column: str, protected: str, bias_correction: bool) -> dict:
    pair = df[[column, protected]].dropna()
    row = {"feature": column, "n_used": len(pair), "n_missing": len(df) - len(pair)}
    values = pair[column]
    skip = None
    if len(pair) < 2:
        skip = "too few rows with both values present"
    elif values.nunique() < 2:
        skip = "the same value in every row"
    elif values.nunique() == len(values) and (
        not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_integer_dtype(values)
    ):
        skip = "every value is different: looks like an identifier"
    if skip:
        return row | {"measure": "none", "strength": np.nan, "band": "skipped",
                      "reading": f"skipped: {skip}"}
    if _is_categorical(values):
        measure, strength = "Cramér's V", cramers_v(values, pair[protected], bias_correction)
    else:
        measure, strength = "correlation ratio (eta)", correlation_ratio(pair[protected], values)
    band, reading = strength_band(strength, protected)
    return row | {"measure": measure, "strength": strength, "band": band, "reading": reading}


def find_proxies(df: pd.DataFrame, protected: str, exclude: Iterable[str] = (),
                 bias_correction: bool = True) -> pd.DataFrame:
    """Rank every other column by how strongly it is linked to a protected one.

    Parameters
    ----------
    df : pandas.DataFrame
        The table to screen, e.g. applicants with their features.
    protected : str
        The protected column (gender, ethnicity, age band...).
    exclude : iterable of str, optional
        Columns to leave out of the ranking.
    bias_correction : bool, default True
        Passed to :func:`cramers_v`.

    Returns
    -------
    pandas.DataFrame
        One row per column, strongest link first, with columns
        ``feature, measure, strength, band, reading, n_used, n_missing``.
        Columns that cannot be judged (constant, identifier-like, empty) come
        last with ``band == "skipped"`` and the reason in ``reading``. A strong
        link is not proof of unfairness; it says the column could carry the
        protected attribute into a model that never sees it.
    """
    if protected not in df.columns:
        raise KeyError(f"no column named {protected!r}")
    if df[protected].nunique() < 2:
        raise ValueError(f"{protected!r} has fewer than two groups: nothing to compare")
    skip = {protected, *exclude}
    rows = [_examine(df, c, protected, bias_correction) for c in df.columns if c not in skip]
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    table["skipped"] = table["band"] == "skipped"
    table = table.sort_values(["skipped", "strength"], ascending=[True, False], kind="stable")
    return table.drop(columns="skipped").reset_index(drop=True)
