"""Read an audit CSV and check the chosen columns, with one-line fixes.

The file itself (encoding, delimiter, column names, ragged rows) is checked by
:func:`kit.documents.read_csv_table`, the kit's one CSV reader, so the audit and
the risk register refuse a bad file with the same words. This module adds the
audit's own checks: the outcome, group and label columns. Each problem is an
:class:`AuditInputError` whose message says what is wrong and what to do.
Values are read as text so that codes such as postcode "01234" keep their
leading zero; the outcome and label are then compared with ``positive``.
"""

import difflib
import numbers
from dataclasses import dataclass

import pandas as pd

from kit.documents import CsvFileError, read_csv_table

from ._errors import AuditInputError

__all__ = ["read_audit_csv", "check_audit_columns"]


def read_audit_csv(source):
    """Read a comma-separated file for the audit, every column as text.

    Reading as text keeps values exactly as typed ("01234" stays "01234");
    spaces around values are removed, empty cells become missing values and
    blank rows are skipped. The file's rules are those of
    :func:`kit.documents.read_csv_table`.

    Parameters
    ----------
    source : str, os.PathLike or bytes
        Path of the CSV file, or its content as bytes (an upload in the app).

    Returns
    -------
    pandas.DataFrame
        One row per person, string columns with missing values as NA.

    Raises
    ------
    AuditInputError
        Missing or empty file, not UTF-8, another delimiter, duplicated or
        missing column names, rows with more cells than the header, or no data rows.
    """
    try:
        table = read_csv_table(source)
    except CsvFileError as error:
        raise AuditInputError(error.message) from None
    df = pd.DataFrame([cells for _, cells in table.rows], columns=table.header, dtype=object)
    return df.mask(df == "")


# --- checking the chosen columns --------------------------------------------

@dataclass(frozen=True)
class _Checked:
    """What the checks learned: group columns and the values meaning "positive"."""

    groups: list
    outcome_positive: list
    outcome_values: list
    label_positive: list


def _text(value):
    """Show a value the way a person typed it: 1.0 as '1', text unchanged."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _as_number(value):
    if isinstance(value, numbers.Number):
        return value
    try:
        return float(str(value).strip())
    except ValueError:
        return None


def _same(value, positive):
    """Whether a column value means the same as ``positive`` (1 == '1' == 1.0)."""
    if isinstance(value, numbers.Number) or isinstance(positive, numbers.Number):
        left, right = _as_number(value), _as_number(positive)
        if left is not None and right is not None:
            return bool(left == right)
    return _text(value).strip() == _text(positive).strip()


def _show(values, limit=6):
    shown = ", ".join(f"'{_text(v)}'" for v in list(values)[:limit])
    return shown + (", ..." if len(values) > limit else "")


def _unknown_column(name, columns, role):
    close = difflib.get_close_matches(str(name), [str(c) for c in columns], n=1)
    hint = f" Did you mean '{close[0]}'?" if close else ""
    raise AuditInputError(
        f"The {role} column '{name}' is not in the data.{hint} "
        f"Available columns: {', '.join(str(c) for c in columns)}.")


def _two_valued(series, name, positive, role):
    """Return (values matching positive, distinct values) of a yes/no column."""
    values = list(series.dropna().unique())
    meaning = ("one value for selected and one for not selected" if role == "outcome"
               else "one value for qualified and one for not qualified")
    if not values:
        raise AuditInputError(
            f"The {role} column '{name}' has no values. Fill it in ({meaning}) or choose another column.")
    if len(values) > 2:
        raise AuditInputError(
            f"The {role} column '{name}' has {len(values)} different values ({_show(values)}); "
            f"it must hold two, {meaning}, such as 1/0 or yes/no. Recode it before the audit.")
    matches = [v for v in values if _same(v, positive)]
    if not matches and len(values) == 2:
        near = [v for v in values if _text(v).strip().lower() == _text(positive).strip().lower()]
        hint = f" (did you mean '{_text(near[0])}'? Case matters)" if near else ""
        raise AuditInputError(
            f"The positive value '{_text(positive)}' does not appear in the {role} column "
            f"'{name}'{hint}. Its values are {_show(values)}; set --positive to one of them.")
    return matches, values


def _check(df, outcome, groups, label=None, positive=1):
    """Run every column check; return a :class:`_Checked` for the audit."""
    if not isinstance(df, pd.DataFrame):
        raise AuditInputError(
            f"The audit needs a table (a pandas DataFrame), not a {type(df).__name__}.")
    if df.columns.duplicated().any():
        twice = df.columns[df.columns.duplicated()][0]
        raise AuditInputError(
            f"The column name '{twice}' appears twice. Rename one so that every column has its own name.")
    if len(df) == 0:
        raise AuditInputError("The data has no rows. Add one row per person.")
    groups = [groups] if isinstance(groups, str) or not hasattr(groups, "__iter__") else list(groups)
    if not groups:
        raise AuditInputError("Name at least one protected column to compare, for example --group sex.")
    for name, role in [(outcome, "outcome"), *[(g, "group") for g in groups], (label, "label")]:
        if name is not None and name not in df.columns:
            _unknown_column(name, df.columns, role)
    if len(set(groups)) < len(groups):
        twice = next(g for g in groups if groups.count(g) > 1)
        raise AuditInputError(f"The group column '{twice}' is named twice. Name each group column once.")
    if outcome in groups:
        raise AuditInputError(
            f"'{outcome}' is both the outcome and a group column. The outcome is the decision; "
            "the groups are who it is about. Choose different columns.")
    if label is not None and (label == outcome or label in groups):
        raise AuditInputError(
            f"'{label}' cannot be the label as well as the outcome or a group. "
            "The label is the true answer (for example 'qualified'); choose its own column.")
    outcome_positive, outcome_values = _two_valued(df[outcome], outcome, positive, "outcome")
    for g in groups:
        if df[g].isna().all():
            raise AuditInputError(
                f"The protected column '{g}' has no values. Fill it in or choose another --group column.")
    if all(df[g].nunique(dropna=False) < 2 for g in groups):
        only = ", ".join(f"'{_text(df[g].dropna().iloc[0])}' in '{g}'" for g in groups)
        raise AuditInputError(
            f"Only one group was found ({only}); the audit compares at least two groups. "
            "Check that you chose the right --group column.")
    label_positive = []
    if label is not None:
        missing = int(df[label].isna().sum())
        if missing:
            raise AuditInputError(
                f"The label column '{label}' is empty in {missing} rows. Error rates need the true "
                "answer for every person: fill these in, or run the audit without a label.")
        label_positive, _ = _two_valued(df[label], label, positive, "label")
    return _Checked(groups, outcome_positive, outcome_values, label_positive)


def check_audit_columns(df, outcome, groups, label=None, positive=1):
    """Check that the columns chosen for an audit exist and make sense.

    The audit needs a yes/no outcome (the decision), one or more protected
    columns with at least two groups between them, and optionally a yes/no
    label (the true answer). ``positive`` is the value that means "selected"
    in the outcome and "qualified" in the label; it is compared loosely, so
    ``1``, ``"1"`` and ``1.0`` are the same and ``"yes"`` matches a text column.
    An outcome with a single value is allowed (nobody, or everybody, was
    selected): the audit then reports it in its warnings.

    Parameters
    ----------
    df : pandas.DataFrame
        The data, one row per person.
    outcome : str
        Column with the decision.
    groups : str or list of str
        Protected column(s); several are combined (intersectional groups).
    label : str, optional
        Column with the true answer, for error rates.
    positive : object, default 1
        Value meaning "selected" (outcome) and "qualified" (label).

    Returns
    -------
    list of str
        The group columns, as a list.

    Raises
    ------
    AuditInputError
        With a one-line message naming the problem and the fix.
    """
    return _check(df, outcome, groups, label, positive).groups
