"""Synthetic applicant pool for the bias-in-hiring lesson.

Every applicant is invented. The pool is drawn from one seeded random
generator, so the same ``n`` and ``seed`` always give the same table, and the
committed ``data/hiring.csv`` can be rebuilt byte for byte with
``python -m kit.data``.

Bias is planted on purpose so that a learner has something real to find. The
ground truth ``qualified`` depends on true skill and experience alone; the
planted effects live in the skills test and in the vendor's ``model_score``.
They are listed in :data:`PLANTED_EFFECTS` and measured, never typed, in the
datasheet (:mod:`kit.data._datasheet`).
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import pandas as pd

import kit
from kit.fairness import MIN_SHARE

N_DEFAULT = 5000
SEED_DEFAULT = 2024

#: Where the committed data lives: ``data/`` at the root of the repository.
DATA_DIR = Path(kit.__file__).resolve().parents[1] / "data"
HIRING_CSV = DATA_DIR / "hiring.csv"

#: The vendor's cut-off: applicants scoring at least this are shortlisted.
SHORTLIST_THRESHOLD = 0.5
#: Years of experience that count towards being qualified; more adds nothing.
EXPERIENCE_THAT_COUNTS = 4

#: Groups smaller than this share of the pool are "too small to judge".
MIN_GROUP_SHARE = MIN_SHARE

GENDERS = {"woman": 0.49, "man": 0.50, "non-binary": 0.01}
ETHNICITIES = {"White": 0.70, "Asian": 0.14, "Black": 0.09, "Mixed or other": 0.07}
AGE_BANDS = {"18-24": 0.16, "25-34": 0.28, "35-44": 0.24, "45-54": 0.19, "55+": 0.13}
EDUCATION_LEVELS = ("GCSE", "A-level", "Degree", "Postgraduate")
POSTCODE_AREAS = (
    "North", "Old Town", "Hillside", "Parkside",
    "Westfield", "Harbour", "Riverside", "Eastgate",
)
# Where each group lives: one row per ethnicity, one share per postcode area
# (same order as POSTCODE_AREAS). Asian applicants cluster in Riverside and
# Eastgate, Black applicants in Harbour and Westfield: postcode tracks ethnicity.
_AREA_SHARES = {
    "White":          (0.22, 0.20, 0.20, 0.19, 0.09, 0.04, 0.03, 0.03),
    "Asian":          (0.02, 0.02, 0.02, 0.03, 0.04, 0.05, 0.50, 0.32),
    "Black":          (0.04, 0.05, 0.04, 0.05, 0.28, 0.50, 0.02, 0.02),
    "Mixed or other": (0.08, 0.08, 0.06, 0.08, 0.16, 0.26, 0.14, 0.14),
}
# Years of experience: mean and spread for each age band.
_EXPERIENCE = {"18-24": (2, 1.5), "25-34": (6, 3), "35-44": (13, 4),
               "45-54": (20, 5), "55+": (27, 6)}

#: The planted biases. (a) skills-test points taken from applicants aged 55+
#: (a timed online test that under-scores them; the vendor's score leans on
#: it). (b), (c): shifts of the vendor's score in log-odds, where negative is a
#: penalty. (d), the small group, is the non-binary share in GENDERS.
PLANTED_EFFECTS = {
    "test_points_55_plus": -8,     # (a) age, through a biased input
    "postcode_penalised": -0.35,   # (b) proxy: areas in PENALISED_AREAS
    "black_woman": -0.90,          # (c) intersectional: Black women down...
    "black_man": 0.20,             # ...Black men slightly up, so averages hide it
}
PENALISED_AREAS = ("Riverside", "Eastgate")

#: Every column, in order, with its meaning in plain words.
COLUMN_GUIDE = {
    "applicant_id": "Made-up reference number of the applicant.",
    "gender": "Gender the applicant gave.",
    "ethnicity": "Ethnic group the applicant gave (broad groups).",
    "age_band": "Age group.",
    "disability": "Whether the applicant declared a disability.",
    "postcode_area": "Part of town where the applicant lives (invented areas).",
    "years_experience": "Years of relevant work experience.",
    "education": "Highest qualification.",
    "skills_test": "Score on the employer's timed online skills test, 0-100.",
    "referral": "Whether a current employee referred the applicant.",
    "model_score": "Score from the vendor's screening tool, 0-1.",
    "shortlisted": "The tool's automated decision: 1 if model_score is "
                   f"{SHORTLIST_THRESHOLD} or more.",
    "qualified": "Ground truth: 1 if the applicant could do the job (known only "
                 "because the data is invented).",
}
COLUMNS = tuple(COLUMN_GUIDE)


def _choice(rng, options, n):
    """Draw ``n`` labels from a ``{label: share}`` mapping."""
    labels = np.array(list(options), dtype=object)
    return labels[rng.choice(len(labels), size=n, p=list(options.values()))]


def make_applicants(n: int = N_DEFAULT, seed: int = SEED_DEFAULT) -> pd.DataFrame:
    """Generate a synthetic pool of job applicants with planted bias.

    Parameters
    ----------
    n : int, default 5000
        Number of applicants.
    seed : int, default 2024
        Seed of the one random generator behind every draw.

    Returns
    -------
    pandas.DataFrame
        One row per invented applicant, columns as in :data:`COLUMNS`.
        ``qualified`` is the ground truth (skill and experience only);
        ``model_score`` is the vendor's score, which carries the planted
        biases; ``shortlisted`` is the automated decision
        (``model_score >= SHORTLIST_THRESHOLD``, 0.5).

    Notes
    -----
    The vendor never sees gender, ethnicity or age in this story, yet its
    score behaves as if it did: that is what the learner has to uncover. The
    order of the random draws is part of the contract: change it and the
    committed CSV changes.
    """
    rng = np.random.default_rng(seed)
    gender = _choice(rng, GENDERS, n)
    ethnicity = _choice(rng, ETHNICITIES, n)
    age_band = _choice(rng, AGE_BANDS, n)
    disability = np.where(rng.random(n) < 0.12, "yes", "no")

    area_index = np.empty(n, dtype=int)
    for group, shares in _AREA_SHARES.items():
        rows = ethnicity == group
        area_index[rows] = rng.choice(len(POSTCODE_AREAS), size=rows.sum(), p=shares)
    postcode_area = np.array(POSTCODE_AREAS, dtype=object)[area_index]

    mean = np.array([_EXPERIENCE[a][0] for a in age_band], dtype=float)
    spread = np.array([_EXPERIENCE[a][1] for a in age_band], dtype=float)
    years_experience = np.clip(np.rint(rng.normal(mean, spread)), 0, 45).astype(int)

    # True skill is never shown; the skills test measures it with noise,
    # and (planted effect a) takes points from applicants aged 55+.
    true_skill = rng.normal(0.0, 1.0, n)
    edu_latent = 0.5 * true_skill + rng.normal(0.0, 1.0, n)
    education = np.array(EDUCATION_LEVELS, dtype=object)[
        np.digitize(edu_latent, [-0.9, 0.0, 1.0])
    ]
    test_gap = PLANTED_EFFECTS["test_points_55_plus"] * (age_band == "55+")
    skills_test = np.rint(62 + 14 * (true_skill + rng.normal(0, 0.45, n)) + test_gap)
    skills_test = np.clip(skills_test, 0, 100)
    skills_test = skills_test.astype(int)
    referral = np.where(rng.random(n) < 0.18, "yes", "no")

    # Ground truth: skill and (capped) experience only, no group at all.
    counted = np.minimum(years_experience, EXPERIENCE_THAT_COUNTS) / EXPERIENCE_THAT_COUNTS
    experience_part = 0.25 * counted
    merit = true_skill + experience_part + rng.normal(0.0, 0.35, n)
    qualified = (merit >= 0.6).astype(int)

    # The vendor's score leans on the test and experience, then (b) and (c).
    seen = (skills_test - 62) / 14 + 0.25 * counted
    logit = 2.4 * (seen - 0.45) + 0.4 * (referral == "yes") + rng.normal(0, 0.6, n)
    logit += PLANTED_EFFECTS["postcode_penalised"] * np.isin(postcode_area, PENALISED_AREAS)
    logit += PLANTED_EFFECTS["black_woman"] * ((gender == "woman") & (ethnicity == "Black"))
    logit += PLANTED_EFFECTS["black_man"] * ((gender == "man") & (ethnicity == "Black"))
    model_score = np.round(1.0 / (1.0 + np.exp(-logit)), 4)

    frame = pd.DataFrame({
        "applicant_id": [f"A{i:05d}" for i in range(1, n + 1)],
        "gender": gender,
        "ethnicity": ethnicity,
        "age_band": age_band,
        "disability": disability,
        "postcode_area": postcode_area,
        "years_experience": years_experience,
        "education": education,
        "skills_test": skills_test,
        "referral": referral,
        "model_score": model_score,
        "shortlisted": (model_score >= SHORTLIST_THRESHOLD).astype(int),
        "qualified": qualified,
    })
    # Text as pandas' string dtype, the same as read_csv gives on pandas 3.
    return frame.astype({c: "str" for c in frame.select_dtypes(exclude="number")})


def write_hiring_csv(path: str | Path, n: int = N_DEFAULT, seed: int = SEED_DEFAULT) -> Path:
    """Write the generated applicants to a CSV file, the same bytes every time.

    Parameters
    ----------
    path : str or pathlib.Path
        File to write (its folder must exist).
    n, seed : int
        Passed to :func:`make_applicants`.

    Returns
    -------
    pathlib.Path
        The path written. Unix line endings and four decimals for
        ``model_score``, so the file does not depend on the machine.
    """
    path = Path(path)
    make_applicants(n, seed).to_csv(path, index=False, lineterminator="\n",
                                    float_format="%.4f")
    return path


@functools.lru_cache(maxsize=1)
def _read_committed() -> pd.DataFrame:
    return pd.read_csv(HIRING_CSV)


def load_hiring() -> pd.DataFrame:
    """Return the committed applicant sample, ``data/hiring.csv``.

    Returns
    -------
    pandas.DataFrame
        The same table as ``make_applicants()`` with the defaults. The file is
        read once per process; each call gets its own copy, so changing it
        cannot affect other callers.
    """
    return _read_committed().copy()
