"""Ethical KPIs, month by month, against targets (the *Measuring what matters* lesson).

The KPIs are data (``kit/content/kpis.yaml``): a trainer changes names and
default targets there. Each is computed for every month of the monitoring
year (:mod:`kit.measure._monitoring`) as an exact fraction of whole counts, and compared
with its target exactly too, so a value that equals the target meets it. A
month with nothing to measure (no concerns raised, say) has no value and no
status rather than a made-up one. The hiring tool's KPI is the lowest impact
ratio of the month's exact four-fifths audit (:mod:`kit.measure._drift`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Literal

import pandas as pd
from pydantic import AfterValidator, Field, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids
from kit.documents import Section
from kit.measure._drift import alert_text, drift_alerts, lowest_ratio, monthly_audits
from kit.measure._monitoring import GROUP_COLUMNS, MONTHS, TABLE_GUIDE, MonitoringYear, load_monitoring, month_name


@dataclass(frozen=True)
class Unit:
    """How a KPI's value is scaled, bounded and written."""

    scale: int
    low: float
    high: float
    decimals: int
    suffix: str


UNITS = {
    "percent": Unit(100, 0, 100, 1, "%"),
    "per_1000": Unit(1000, 0, 1000, 2, " per 1,000"),
    "stars": Unit(1, 1, 5, 2, " of 5 stars"),
    "ratio": Unit(1, 0, 1, 2, ""),
    "count": Unit(1, 0, 10_000, 0, ""),
}
KINDS = {"share": ("numerator", "denominator"), "count": ("column",), "lowest_impact_ratio": ("attribute",)}
DIRECTIONS = {"at_least": "at least", "at_most": "at most"}
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_COLUMNS = ("numerator", "denominator", "column", "attribute")


def _said(description: str):
    return Field(min_length=1, description=description)


def _column(description: str):
    return Field(None, description=description)


class Kpi(ContentModel):
    """One KPI as defined in ``kpis.yaml`` (see the comments at the top of that file)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a short name in small letters and underscores, "
                                                              "different for every KPI (targets are saved under it)")
    name: str = _said("what the dashboard calls it")
    tells_you: str = _said("one sentence: what the number says about the organisation")
    source: str = _said("where the measure comes from in the course material")
    system: str = _said("which system or part of the organisation it watches")
    table: Literal[tuple(TABLE_GUIDE)] = Field(description=f"one of {', '.join(TABLE_GUIDE)}")
    kind: Literal[tuple(KINDS)] = Field(description=f"one of {', '.join(KINDS)}")
    unit: Literal[tuple(UNITS)] = Field(description=f"one of {', '.join(UNITS)}")
    direction: Literal[tuple(DIRECTIONS)] = Field(description=f"one of {', '.join(DIRECTIONS)}")
    target: float = Field(description="the kit's default target, a number in the unit shown (90 means 90%)")
    numerator: str | None = _column("for a share: the column counted, from the KPI's table")
    denominator: str | None = _column("for a share: the column it is a share of, from the KPI's table")
    column: str | None = _column("for a count: the column counted, from the KPI's table")
    attribute: str | None = _column(f"for the lowest impact ratio: one of {', '.join(GROUP_COLUMNS)}")

    @model_validator(mode="after")
    def _fits(self) -> "Kpi":
        needed = KINDS[self.kind]
        for key in needed:
            known = GROUP_COLUMNS if key == "attribute" else tuple(TABLE_GUIDE[self.table])
            if getattr(self, key) not in known:
                raise ValueError(f"a {self.kind} KPI needs '{key}' naming one of {', '.join(known)}, not "
                                 f"{getattr(self, key)!r}")
        unused = [key for key in _COLUMNS if key not in needed and getattr(self, key) is not None]
        if unused:
            raise ValueError(f"a {self.kind} KPI does not read {', '.join(unused)}; remove it, or change the kind")
        unit = UNITS[self.unit]
        if not unit.low <= self.target <= unit.high:
            raise ValueError(f"a {self.unit} target lies between {unit.low:g} and {unit.high:g}, not {self.target:g}")
        return self

    def format(self, value) -> str:
        """``value`` in the KPI's unit, such as ``'95.7%'``; "no data" for None or NaN."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return "no data"
        unit = UNITS[self.unit]
        return f"{float(value):,.{unit.decimals}f}{unit.suffix}"

    def target_text(self, target: float | None = None) -> str:
        """The target in words, such as ``'at least 95.0%'``."""
        return f"{DIRECTIONS[self.direction]} {self.format(self.target if target is None else target)}"


Kpis = Annotated[Items[Kpi], Field(min_length=1), AfterValidator(unique_ids("KPIs"))]


def load_kpis() -> tuple[Kpi, ...]:
    """Every KPI of ``kit/content/kpis.yaml``, checked, in file order."""
    return load_valid("kpis", Kpis)


def kpi_by_id(kpi_id: str) -> Kpi:
    """The KPI with this id (a plain error names the ids there are)."""
    kpis = {k.id: k for k in load_kpis()}
    if kpi_id not in kpis:
        raise ValueError(f"There is no KPI {kpi_id!r}; the KPIs are {', '.join(kpis)}.")
    return kpis[kpi_id]


def catalogue() -> pd.DataFrame:
    """The KPIs as a table to teach from: name, what it tells you, the kit's target, where it comes from."""
    return pd.DataFrame([{"KPI": k.name, "what it tells you": k.tells_you, "watches": k.system,
                          "kit's target": k.target_text(), "source": k.source} for k in load_kpis()])


def exact_values(kpi: Kpi, year: MonitoringYear | None = None) -> list[tuple[int, int | None, int | None, Fraction | None]]:
    """A KPI's value for every month, exactly.

    Parameters
    ----------
    kpi : Kpi
        The KPI.
    year : MonitoringYear, optional
        The data; the kit's published year by default.

    Returns
    -------
    list of (month, numerator, denominator, value)
        ``value`` is a :class:`fractions.Fraction` in the KPI's unit (a share of
        57 in 100 is ``Fraction(57)`` percent), or None when the denominator is
        zero. Counts have no denominator; the hiring KPI has neither.
    """
    if kpi.kind == "lowest_impact_ratio":
        return [(month, None, None, lowest_ratio(result)) for month, result in monthly_audits(kpi.attribute, year)]
    table = (year or load_monitoring()).table(kpi.table).set_index("month")
    out = []
    for month in MONTHS:
        if kpi.kind == "count":
            count = int(table.at[month, kpi.column])
            out.append((month, count, None, Fraction(count)))
            continue
        top, bottom = int(table.at[month, kpi.numerator]), int(table.at[month, kpi.denominator])
        value = Fraction(top, bottom) * UNITS[kpi.unit].scale if bottom else None
        out.append((month, top, bottom, value))
    return out


def on_target(value: Fraction | None, target: float, direction: str) -> bool | None:
    """Whether ``value`` meets ``target`` (compared exactly, so equal meets); None without a value."""
    if value is None:
        return None
    goal = Fraction(str(target))
    return value >= goal if direction == "at_least" else value <= goal


def clean_targets(saved) -> dict[str, float]:
    """The learner's own targets from a saved value: known KPIs with a valid number (others dropped)."""
    kpis = {k.id: k for k in load_kpis()}
    clean = {}
    for kpi_id, value in saved.items() if isinstance(saved, dict) else ():
        if kpi_id in kpis:
            try:
                clean[kpi_id] = parse_target(kpis[kpi_id], value)
            except ValueError:
                continue
    return clean


def resolve_targets(saved=None) -> dict[str, float]:
    """The kit's default targets, replaced by the learner's valid ones (see :func:`clean_targets`)."""
    return {**{k.id: k.target for k in load_kpis()}, **clean_targets(saved)}


def parse_target(kpi: Kpi, text) -> float:
    """The target the learner typed, as a number in the KPI's unit.

    Parameters
    ----------
    kpi : Kpi
        The KPI whose target it is (for the unit and its bounds).
    text : str or number
        What the learner typed: ``"90"``, ``"90%"``, ``"4.5"``, ``"1,000"``.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        With a plain message naming the fix, for text that is not a number in range.
    """
    unit = UNITS[kpi.unit]
    words = str(text).strip().rstrip("%").strip()
    example = f"{kpi.target:g}"
    if _THOUSANDS.fullmatch(words):
        words = words.replace(",", "")
    elif "," in words:
        raise ValueError(f"Write the target for '{kpi.name}' with a full stop for decimals, such as {example}.")
    try:
        value = float(words)
    except ValueError:
        raise ValueError(f"Type the target for '{kpi.name}' as a number, such as {example}.") from None
    if not math.isfinite(value) or not unit.low <= value <= unit.high:
        raise ValueError(f"A target for '{kpi.name}' lies between {unit.low:g} and {unit.high:g}; "
                         f"you typed {str(text).strip()!r}. Try {example}.")
    return value


def kpi_frame(targets: dict | None = None, year: MonitoringYear | None = None) -> pd.DataFrame:
    """Every KPI for every month: value, target and whether it was met.

    Parameters
    ----------
    targets : dict, optional
        The learner's targets (KPI id to number); the kit's defaults fill the rest.
    year : MonitoringYear, optional
        The data; the kit's published year by default.

    Returns
    -------
    pandas.DataFrame
        One row per KPI and month: ``id``, ``KPI``, ``month``, ``month name``,
        ``numerator``, ``denominator``, ``value`` (float, None without data),
        ``target`` and ``on target`` (True, False, or None: nothing to measure).
    """
    targets = resolve_targets(targets)
    rows = []
    for kpi in load_kpis():
        for month, top, bottom, value in exact_values(kpi, year):
            rows.append({"id": kpi.id, "KPI": kpi.name, "month": month, "month name": month_name(month),
                         "numerator": top, "denominator": bottom,
                         "value": None if value is None else float(value), "target": targets[kpi.id],
                         "on target": on_target(value, targets[kpi.id], kpi.direction)})
    return pd.DataFrame(rows)


def status_word(met: bool | None) -> str:
    """The status in words, with a symbol so it never depends on colour."""
    return "no data" if met is None else "✔ on target" if met else "✘ off target"


def summary(targets: dict | None = None, month: int = MONTHS[-1], year: MonitoringYear | None = None) -> pd.DataFrame:
    """One row per KPI: its value in ``month``, the target, the status, and months on target.

    Parameters
    ----------
    targets : dict, optional
        The learner's targets; the kit's defaults fill the rest.
    month : int
        1 to 12; December by default.
    year : MonitoringYear, optional
        The data; the kit's published year by default.
    """
    frame = kpi_frame(targets, year)
    rows = []
    for kpi in load_kpis():
        mine = frame[frame["id"] == kpi.id]
        now = mine[mine["month"] == month].iloc[0]
        judged = [m for m in mine["on target"] if m is not None]
        rows.append({"KPI": kpi.name, month_name(month): kpi.format(now["value"]),
                     "target": kpi.target_text(now["target"]), "status": status_word(now["on target"]),
                     "months on target": f"{sum(judged)} of {len(judged)}"})
    return pd.DataFrame(rows)


def targets_section(saved: dict | None) -> Section:
    """The learner's KPI targets (workspace ``kpis.targets``) as a section of the action plan.

    Parameters
    ----------
    saved : dict or None
        The saved value, KPI id to target; anything else counts as "no targets set".

    Returns
    -------
    kit.documents._export.Section
        A note on which targets were changed, the drift alert, and a table of
        every KPI with its target and its status in the example year.
    """
    targets = resolve_targets(saved)
    changed = [k for k in load_kpis() if clean_targets(saved).get(k.id, k.target) != k.target]
    table = summary(targets)
    header = ["KPI", "target", f"{month_name(MONTHS[-1])} (example year)", "status", "months on target"]
    rows = [[r["KPI"], r["target"], r[month_name(MONTHS[-1])], r["status"], r["months on target"]]
            for _, r in table.iterrows()]
    note = (f"You changed {len(changed)} of the kit's default targets: "
            + ", ".join(k.name for k in changed) + "." if changed else "You kept the kit's default targets.")
    return Section(
        heading="Ethical KPIs and targets",
        paragraphs=[note, "The values come from the kit's simulated monitoring year; measure your own "
                          "systems the same way, every month, and review the targets once a year.",
                    alert_text(drift_alerts("disability"), "disability")],
        table=(header, rows))
