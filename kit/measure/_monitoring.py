"""A simulated year of monitoring data for two AI systems (the measure lesson, *Measuring what matters*).

Everything here is invented and drawn from one seeded random generator, so
the same seed always gives the same tables. Three tables cover one year, month
1 (January) to month 12 (December):

``hiring``
    One row per applicant screened by the hiring tool of the bias lesson, in its
    second year: the month, the applicant's gender, ethnicity, age band and
    disability (drawn with the shares of the lesson-03 pool) and whether the
    tool shortlisted them.
``chatbot``
    One row per month for the customer-service chatbot of the risk lesson:
    conversations, requests to speak to a person and how many reached one,
    complaints, satisfaction ratings, and concerns staff raised about it.
``governance``
    One row per month of the organisation's own log: AI projects and impact
    assessments, a staff awareness pulse survey, bias incidents, appraisals
    with an ethics objective and supplier contracts with an ethics clause.

What is planted, on purpose, so the dashboard has something to find:

- **Drift** (:data:`DRIFT`): from July the supplier's update adds a timed
  online test that disabled applicants are less likely to pass. Their
  selection rate slides month by month until it falls below four-fifths of
  the other group's. Nobody logs it as a bias incident.
- The chatbot gives wrong opening hours after a May update (complaints up,
  satisfaction down) and, over the winter, too few staff answer requests to
  speak to a person.
- Training in March lifts staff awareness; a June policy puts ethics into
  appraisals; supplier contracts gain ethics clauses as they are renewed.

Shortlisting uses *systematic sampling* (Madow 1949) over applicants sorted by
their groups: each applicant has a probability of being shortlisted, and one
random start picks people along the sorted list so that every group gets its
expected number of places, give or take one. Month-to-month wobble from pure
chance is therefore smaller than in real data, so the differences a learner
sees come from the planted drift; real monthly figures for small groups wobble
more (the lesson discusses this).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kit.data import AGE_BANDS, ETHNICITIES, GENDERS

#: The seed of the published monitoring year.
SEED = 33
#: Applicants screened a month on average (the lesson-03 pool was 5,000 in a year).
APPLICANTS_PER_MONTH = 420
#: Share of applicants declaring a disability, as in the lesson-03 pool.
DISABILITY_SHARE = 0.12
#: Chance that the tool shortlists an applicant when nothing is wrong.
BASE_RATE = 0.40
MONTHS = tuple(range(1, 13))
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
GROUP_COLUMNS = ("gender", "ethnicity", "age_band", "disability")


def month_name(month: int) -> str:
    """The English name of month 1 to 12 (independent of the computer's language settings)."""
    if int(month) not in MONTHS:
        raise ValueError(f"A month is a number from 1 to 12, not {month!r}.")
    return MONTH_NAMES[int(month) - 1]


@dataclass(frozen=True)
class PlantedDrift:
    """A change in one group's chance of being shortlisted, month by month.

    Attributes
    ----------
    attribute, group : str
        The protected column and the value whose chance changes.
    factors : dict of int to float
        Month to multiplier of :data:`BASE_RATE` (months not listed: 1).
    story : str
        What happened, in words, for the datasheet and the lesson.
    """

    attribute: str
    group: str
    factors: dict = field(default_factory=dict)
    story: str = ""

    def factor(self, month: int) -> float:
        return float(self.factors.get(month, 1.0))


DRIFT = PlantedDrift(
    attribute="disability", group="yes",
    factors={7: 0.93, 8: 0.84, 9: 0.76, 10: 0.70, 11: 0.66, 12: 0.64},
    story=("In July the supplier's update added a timed online test that many disabled "
           "applicants cannot complete on equal terms; their chance of being shortlisted "
           "falls a little more each month."),
)

#: What each column of the three tables means, in plain words.
TABLE_GUIDE = {
    "hiring": {
        "month": "Month of the year, 1 (January) to 12 (December).",
        "gender": "Gender the applicant gave.",
        "ethnicity": "Ethnic group the applicant gave.",
        "age_band": "Age group.",
        "disability": "Whether the applicant declared a disability.",
        "shortlisted": "1 if the hiring tool shortlisted the applicant, else 0.",
    },
    "chatbot": {
        "month": "Month of the year.",
        "conversations": "Conversations customers had with the chatbot.",
        "human_requested": "Conversations in which the customer asked to speak to a person.",
        "human_reached": "Of those, how many were passed to a person that day.",
        "complaints": "Complaints about the chatbot.",
        "satisfaction_responses": "Customers who rated the chatbot (1 to 5 stars).",
        "satisfaction_total": "Sum of those ratings (divide by the responses for the average).",
        "concerns_raised": "Ethical concerns about the chatbot raised by staff.",
        "concerns_resolved": "Of those, how many were resolved within 30 days.",
    },
    "governance": {
        "month": "Month of the year.",
        "ai_projects": "AI projects in use or in development.",
        "projects_assessed": "Of those, how many have an ethical impact assessment.",
        "staff_surveyed": "Staff who answered the monthly awareness pulse survey.",
        "staff_aware": "Of those, how many answered the ethics questions correctly.",
        "bias_incidents_detected": "Bias incidents logged across all AI systems.",
        "bias_incidents_mitigated": "Of those, how many were fixed in the same month.",
        "appraisals": "Staff appraisals completed.",
        "appraisals_with_ethics": "Of those, how many included an objective on ethical AI.",
        "supplier_contracts": "AI supplier contracts in force.",
        "contracts_with_clause": "Of those, how many carry an ethics and audit clause.",
    },
}


def _draw(rng: np.random.Generator, shares: dict, n: int) -> np.ndarray:
    values = np.array(list(shares), dtype=object)
    return values[rng.choice(len(values), size=n, p=np.array(list(shares.values())) / sum(shares.values()))]


def _systematic(rng: np.random.Generator, probabilities: np.ndarray, order: np.ndarray) -> np.ndarray:
    """0/1 picks: walk ``order`` adding probabilities; pick where the total crosses a whole number."""
    total = np.cumsum(probabilities[order])
    start = rng.random()
    before = np.concatenate([[0.0], total[:-1]])
    picks = np.empty(len(order), dtype=np.int64)
    picks[order] = (np.floor(total + start) - np.floor(before + start)).astype(np.int64)
    return picks


def simulate_hiring(seed: int = SEED, per_month: int = APPLICANTS_PER_MONTH,
                    drift: PlantedDrift | None = DRIFT) -> pd.DataFrame:
    """One row per applicant screened in a year, with the tool's decision.

    Parameters
    ----------
    seed : int
        Seed of the random generator; the same seed gives the same table.
    per_month : int
        Average applicants a month (each month's number is a Poisson draw).
    drift : PlantedDrift or None
        The planted change; None gives a tool that treats every group alike.

    Returns
    -------
    pandas.DataFrame
        Columns ``month``, ``gender``, ``ethnicity``, ``age_band``,
        ``disability``, ``shortlisted``.
    """
    if per_month < 1:
        raise ValueError(f"per_month must be at least 1, not {per_month}.")
    rng = np.random.default_rng(seed)
    frames = []
    for month in MONTHS:
        n = max(int(rng.poisson(per_month)), 1)
        frame = pd.DataFrame({
            "month": np.full(n, month, dtype=np.int64),
            "gender": _draw(rng, GENDERS, n),
            "ethnicity": _draw(rng, ETHNICITIES, n),
            "age_band": _draw(rng, AGE_BANDS, n),
            "disability": _draw(rng, {"no": 1 - DISABILITY_SHARE, "yes": DISABILITY_SHARE}, n),
        })
        chance = np.full(n, BASE_RATE)
        if drift is not None:
            chance[(frame[drift.attribute] == drift.group).to_numpy()] *= drift.factor(month)
        # Sorted by group (disability first), in draw order within a group: a stable sort.
        keys = tuple(pd.factorize(frame[c], sort=True)[0] for c in GROUP_COLUMNS)  # last key sorts first
        frame["shortlisted"] = _systematic(rng, chance, np.lexsort(keys))
        frames.append(frame)
    hiring = pd.concat(frames, ignore_index=True)
    return hiring.astype({c: "str" for c in GROUP_COLUMNS})


def _ratings(rng: np.random.Generator, responses: int, mean_shift: float) -> int:
    """Sum of ``responses`` star ratings (1 to 5); a negative shift moves stars down."""
    weights = np.array([0.04, 0.05, 0.11, 0.30, 0.50])
    if mean_shift:
        weights = weights * np.exp(mean_shift * np.arange(5) / 4)
    stars = rng.choice(np.arange(1, 6), size=responses, p=weights / weights.sum())
    return int(stars.sum())


def simulate_chatbot(seed: int = SEED) -> pd.DataFrame:
    """One row per month of the customer-service chatbot's log (see :data:`TABLE_GUIDE`)."""
    rng = np.random.default_rng([seed, 2])
    rows = []
    for month in MONTHS:
        conversations = int(rng.poisson(1800 + 120 * (month - 1)))
        requested = int(rng.binomial(conversations, 0.06))
        answered = 0.86 if month in (11, 12) else 0.975   # winter: too few staff on the phones
        complaints_per_1000 = 4.5 if month == 5 else 1.1    # May: wrong opening hours
        responses = int(rng.binomial(conversations, 0.12))
        raised = int(rng.poisson(3))
        resolved_share = 0.45 if month in (8, 9) else 0.92  # summer: the ethics group did not meet
        rows.append({
            "month": month, "conversations": conversations, "human_requested": requested,
            "human_reached": int(rng.binomial(requested, answered)),
            "complaints": int(rng.poisson(conversations * complaints_per_1000 / 1000)),
            "satisfaction_responses": responses,
            "satisfaction_total": _ratings(rng, responses, -2.5 if month == 5 else 0.0),
            "concerns_raised": raised, "concerns_resolved": int(rng.binomial(raised, resolved_share)),
        })
    return pd.DataFrame(rows)


# The organisation's own log: planned schedules, plus a survey drawn at random.
_PROJECTS = (3, 3, 3, 4, 4, 4, 5, 5, 5, 5, 6, 6)
_ASSESSED = (3, 3, 3, 3, 3, 4, 4, 5, 5, 5, 5, 6)
_BIAS_DETECTED = (0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0)
_BIAS_MITIGATED = (0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)
_APPRAISALS = (2, 1, 3, 12, 14, 3, 2, 1, 2, 3, 2, 1)
_CONTRACTS = (4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5)
_WITH_CLAUSE = (1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5)


def simulate_governance(seed: int = SEED) -> pd.DataFrame:
    """One row per month of the organisation's governance log (see :data:`TABLE_GUIDE`)."""
    rng = np.random.default_rng([seed, 3])
    rows = []
    for i, month in enumerate(MONTHS):
        surveyed = int(rng.poisson(60))
        aware = 0.55 if month <= 3 else 0.78 if month <= 6 else 0.87  # training in March
        ethics = 0.3 if month <= 5 else 0.95                            # appraisal policy in June
        rows.append({
            "month": month, "ai_projects": _PROJECTS[i], "projects_assessed": _ASSESSED[i],
            "staff_surveyed": surveyed, "staff_aware": int(rng.binomial(surveyed, aware)),
            "bias_incidents_detected": _BIAS_DETECTED[i], "bias_incidents_mitigated": _BIAS_MITIGATED[i],
            "appraisals": _APPRAISALS[i],
            "appraisals_with_ethics": int(rng.binomial(_APPRAISALS[i], ethics)),
            "supplier_contracts": _CONTRACTS[i], "contracts_with_clause": _WITH_CLAUSE[i],
        })
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class MonitoringYear:
    """The three tables of one simulated year (see the module docstring)."""

    hiring: pd.DataFrame
    chatbot: pd.DataFrame
    governance: pd.DataFrame
    seed: int = SEED

    def table(self, name: str) -> pd.DataFrame:
        """One of ``"hiring"``, ``"chatbot"``, ``"governance"``, as a copy."""
        if name not in TABLE_GUIDE:
            raise ValueError(f"There is no monitoring table {name!r}; choose one of {', '.join(TABLE_GUIDE)}.")
        return getattr(self, name).copy()


@functools.lru_cache(maxsize=8)
def _year(seed: int) -> MonitoringYear:
    return MonitoringYear(simulate_hiring(seed), simulate_chatbot(seed), simulate_governance(seed), seed)


def load_monitoring(seed: int = SEED) -> MonitoringYear:
    """The simulated monitoring year for ``seed`` (built once, then copies of its tables).

    Returns
    -------
    MonitoringYear
        ``.hiring``, ``.chatbot`` and ``.governance`` as fresh DataFrames.
    """
    year = _year(int(seed))
    return MonitoringYear(year.hiring.copy(), year.chatbot.copy(), year.governance.copy(), year.seed)
