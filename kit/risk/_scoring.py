"""How a risk is scored: the two 1–5 scales, the score and the rating bands.

This module is the one place where the scoring rules live. Everything else
(the register, the heatmap, the exports, the lesson's tables, the exercise
checks) asks it, so a trainer who wants other bands changes :data:`BANDS`
here and every app, document and check follows.

The method is the common 5 × 5 risk matrix:

* **likelihood** (1 rare … 5 almost certain): how likely the harm is to happen
  in the next year of use;
* **severity** (1 negligible … 5 severe): how bad it is for the people affected
  and for the organisation when it does happen;
* **score** = likelihood × severity, from 1 to 25;
* **rating band**, read from the score:

  ========  ==========  ===============================================
  band      score       what it asks of the organisation
  ========  ==========  ===============================================
  low       1 to 4      accept and monitor
  medium    5 to 9      mitigate when convenient; name an owner
  high      10 to 15    mitigate before launch; an owner and a date
  critical  16 to 25    do not launch until it is brought down
  ========  ==========  ===============================================

The same rules score the *residual* risk: the likelihood and severity that
remain once the mitigation is in place.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The lowest and highest value of both scales.
SCALE_MIN, SCALE_MAX = 1, 5

#: The words behind each point of the likelihood scale.
LIKELIHOOD_LABELS = {1: "rare", 2: "unlikely", 3: "possible", 4: "likely", 5: "almost certain"}
#: The words behind each point of the severity scale.
SEVERITY_LABELS = {1: "negligible", 2: "minor", 3: "moderate", 4: "major", 5: "severe"}


@dataclass(frozen=True)
class Band:
    """One rating band: its name, the scores it covers (both ends included) and the action it asks for."""

    name: str
    low: int
    high: int
    action: str


#: The rating bands, lowest first. Each covers ``low`` to ``high`` inclusive;
#: together they cover every score from 1 to 25 exactly once (tests check this).
BANDS = (
    Band("low", 1, 4, "Accept and monitor; review at the next regular check."),
    Band("medium", 5, 9, "Reduce it when you can; name an owner who watches it."),
    Band("high", 10, 15, "Reduce it before launch; needs an owner and a due date."),
    Band("critical", 16, 25, "Do not launch until a mitigation brings it down."),
)
BAND_NAMES = tuple(band.name for band in BANDS)


def score(likelihood: int, severity: int) -> int:
    """The risk score: likelihood × severity, from 1 to 25.

    Parameters
    ----------
    likelihood, severity : int
        Whole numbers from 1 to 5.

    Raises
    ------
    ValueError
        When either value is outside the scale (the message names it).
    """
    for name, value in (("likelihood", likelihood), ("severity", severity)):
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise ValueError(f"The {name} must be a whole number from {SCALE_MIN} to {SCALE_MAX}, not {value!r}.")
    return likelihood * severity


def band_of(value: int) -> Band:
    """The rating band a score falls in.

    Parameters
    ----------
    value : int
        A score from 1 to 25.
    """
    for band in BANDS:
        if band.low <= value <= band.high:
            return band
    raise ValueError(f"A score runs from {SCALE_MIN * SCALE_MIN} to {SCALE_MAX * SCALE_MAX}; {value!r} is outside.")


def rating(likelihood: int, severity: int) -> str:
    """The band name (low, medium, high or critical) for a likelihood and a severity."""
    return band_of(score(likelihood, severity)).name


def scale_label(value: int, labels: dict[int, str]) -> str:
    """A scale point as the app shows it: ``"4 (likely)"``."""
    return f"{value} ({labels[value]})"


def bands_table() -> tuple[list[str], list[list]]:
    """The bands as (header, rows), for the lesson and the documents."""
    header = ["Rating", "Scores", "What it asks of you"]
    return header, [[band.name, f"{band.low} to {band.high}", band.action] for band in BANDS]


def score_grid() -> tuple[list[str], list[list]]:
    """Every score of the 5 × 5 matrix with its band: severity rows (5 first), likelihood columns."""
    header = ["Severity / likelihood"] + [scale_label(v, LIKELIHOOD_LABELS) for v in range(SCALE_MIN, SCALE_MAX + 1)]
    rows = [[scale_label(s, SEVERITY_LABELS)]
            + [f"{score(l, s)} {rating(l, s)}" for l in range(SCALE_MIN, SCALE_MAX + 1)]
            for s in range(SCALE_MAX, SCALE_MIN - 1, -1)]
    return header, rows
