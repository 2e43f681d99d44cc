"""Post-deployment monitoring by group: the hiring tool audited month by month, with drift alerts.

Each month's applicants go through :func:`kit.fairness.audit`, the same exact
four-fifths test as the bias lesson (fractions of whole counts, groups under 2% of
the month reported but not judged). A group flagged in a month raises an alert
that names the month and the group. Nothing here compares floats with 0.8.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction

import pandas as pd

from kit.fairness import AuditResult, audit, four_fifths_test
from kit.hiring import PROTECTED
from kit.measure._monitoring import MonitoringYear, load_monitoring, month_name


def _check_attribute(attribute: str) -> None:
    if attribute not in PROTECTED:
        raise ValueError(f"{attribute!r} is not a monitored group; choose one of {', '.join(PROTECTED)}.")


def _audits(hiring: pd.DataFrame, attribute: str) -> tuple[tuple[int, AuditResult], ...]:
    return tuple((int(month), audit(rows, "shortlisted", [attribute], positive=1))
                 for month, rows in hiring.groupby("month", sort=True))


@functools.lru_cache(maxsize=8)
def _default_audits(attribute: str) -> tuple[tuple[int, AuditResult], ...]:
    return _audits(load_monitoring().hiring, attribute)


def monthly_audits(attribute: str = "disability",
                   year: MonitoringYear | None = None) -> tuple[tuple[int, AuditResult], ...]:
    """``(month, audit)`` for every month of the hiring table, by one protected attribute.

    Parameters
    ----------
    attribute : str
        ``gender``, ``ethnicity``, ``age_band`` or ``disability``.
    year : MonitoringYear, optional
        The data; the kit's published year by default (computed once).
    """
    _check_attribute(attribute)
    return _default_audits(attribute) if year is None else _audits(year.hiring, attribute)


def exact_ratios(result: AuditResult) -> tuple:
    """Each group's impact ratio as an exact Fraction (None where undefined), from whole counts."""
    groups = result.by_group
    return four_fifths_test([g.selected for g in groups], [g.n for g in groups],
                            [g.judged for g in groups]).ratios


def lowest_ratio(result: AuditResult) -> Fraction | None:
    """The lowest exact impact ratio among the judged groups, or None when the test cannot run."""
    ratios = [r for r, g in zip(exact_ratios(result), result.by_group) if g.judged and r is not None]
    return min(ratios) if ratios else None


def selection_by_month(attribute: str = "disability", year: MonitoringYear | None = None) -> pd.DataFrame:
    """One row per month and group: applicants, shortlisted, selection rate, impact ratio, status.

    Parameters
    ----------
    attribute : str
        ``gender``, ``ethnicity``, ``age_band`` or ``disability``.
    year : MonitoringYear, optional
        The data; the kit's published year by default.
    """
    rows = []
    for month, result in monthly_audits(attribute, year):
        for group in result.by_group:
            rows.append({"month": month, "month name": month_name(month), "group": group.name,
                         "applicants": group.n, "shortlisted": group.selected,
                         "selection rate": group.selection_rate, "impact ratio": group.impact_ratio,
                         "status": group.status})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class DriftAlert:
    """One group below four-fifths of the highest judged group's rate in one month."""

    month: int
    attribute: str
    group: str
    ratio: Fraction
    rate: float
    reference: str
    reference_rate: float
    one_decision: bool  # one more person shortlisted would clear it

    @property
    def where(self) -> str:
        """The group in words, such as ``'Disability: yes'``."""
        return f"{PROTECTED[self.attribute]}: {self.group}"


def drift_alerts(attribute: str = "disability", year: MonitoringYear | None = None) -> list[DriftAlert]:
    """Every month in which a judged group fails the exact four-fifths test, in month order.

    Parameters
    ----------
    attribute : str
        The protected column to compare groups by.
    year : MonitoringYear, optional
        The data; the kit's published year by default.

    Returns
    -------
    list of DriftAlert
        Month, group, exact impact ratio, the group's and the reference group's
        rates, and whether one more shortlisted person would clear the month.
    """
    alerts = []
    for month, result in monthly_audits(attribute, year):
        reference = result.reference_group
        for group, ratio in zip(result.by_group, exact_ratios(result)):
            if group.flagged:
                alerts.append(DriftAlert(month, attribute, group.name, ratio, group.selection_rate,
                                         reference.name, reference.selection_rate, group.flip))
    return alerts


def alert_text(alerts: list[DriftAlert], attribute: str = "disability") -> str:
    """The alerts in one or two plain sentences per group, naming the months."""
    _check_attribute(attribute)
    if not alerts:
        return (f"No drift: in every month, each group compared by {PROTECTED[attribute].lower()} was "
                "shortlisted at four-fifths or more of the highest group's rate.")
    sentences = []
    label = PROTECTED[attribute]
    for where in dict.fromkeys(a.where for a in alerts):
        mine = [a for a in alerts if a.where == where]
        months = [f"{month_name(a.month)} ({float(a.ratio):.2f})" for a in mine]
        listed = months[0] if len(months) == 1 else ", ".join(months[:-1]) + " and " + months[-1]
        first = mine[0]
        sentences.append(
            f"Drift alert: the group {where} was shortlisted at less than four-fifths of the rate of "
            f"the highest group ({label}: {first.reference}) in {listed} (impact ratios in brackets). "
            f"It first fell below the line in {month_name(first.month)}: {first.rate:.1%} shortlisted "
            f"against {first.reference_rate:.1%}.")
        fragile = [month_name(a.month) for a in mine if a.one_decision]
        if fragile:
            sentences.append(f"In {', '.join(fragile)} one more shortlisted applicant would have cleared "
                             "the line, so do not read that month on its own.")
    return " ".join(sentences)
