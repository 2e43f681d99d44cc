"""Time kit.fairness.audit against fairlearn's MetricFrame on synthetic data.

Run ``python bench/bench_audit.py`` (options: ``--repeat N``, ``--sizes 10000 ...``).
Both compute selection rate, true positive rate and false positive rate by
group (two protected columns, combined); the audit also runs the four-fifths
test and the confidence intervals. Each time is the best of N runs, and the
two results are compared so that a fast wrong answer cannot win. The target
is at most 1 s for a million rows and at most half of MetricFrame's time.
Not a test: timings depend on the machine.
"""

import argparse
import platform
import time
import warnings

import numpy as np
import pandas as pd
from fairlearn.metrics import (MetricFrame, false_positive_rate, selection_rate,
                               true_positive_rate)

from kit.fairness import audit


def make_rows(n, seed=0):
    """Seeded decisions: sex (3 values), age band (4), qualified, selected."""
    rng = np.random.default_rng(seed)
    sex = rng.choice(["F", "M", "X"], size=n, p=[0.49, 0.49, 0.02])
    age = rng.choice(["<25", "25-39", "40-54", "55+"], size=n)
    qualified = (rng.random(n) < 0.4).astype(int)
    chance = 0.25 + 0.3 * qualified - 0.08 * (sex == "F") - 0.05 * (age == "55+")
    selected = (rng.random(n) < chance).astype(int)
    return pd.DataFrame({"sex": sex, "age": age, "qualified": qualified, "selected": selected})


def best_of(repeat, func):
    """Return (best seconds, last result) of ``repeat`` calls."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def run_fairlearn(df):
    with warnings.catch_warnings():  # fairlearn's pandas deprecation noise
        warnings.simplefilter("ignore")
        return MetricFrame(
            metrics={"sr": selection_rate, "tpr": true_positive_rate, "fpr": false_positive_rate},
            y_true=df["qualified"], y_pred=df["selected"], sensitive_features=df[["sex", "age"]])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, pandas {pd.__version__}, numpy {np.__version__}; "
          f"best of {args.repeat}\n")
    print("| rows | kit audit (s) | fairlearn MetricFrame (s) | audit / MetricFrame | max difference |")
    print("|---:|---:|---:|---:|---:|")
    ok = True
    for n in args.sizes:
        df = make_rows(n)
        ours, result = best_of(args.repeat, lambda: audit(df, "selected", ["sex", "age"],
                                                          label="qualified"))
        theirs, frame = best_of(args.repeat, lambda: run_fairlearn(df))
        by_group = frame.by_group
        diff = max(abs(getattr(g, key) - by_group.loc[(g.group["sex"], g.group["age"]), col])
                   for g in result.by_group
                   for key, col in (("selection_rate", "sr"), ("tpr", "tpr"), ("fpr", "fpr")))
        print(f"| {n:,} | {ours:.3f} | {theirs:.3f} | {ours / theirs:.1%} | {diff:.1e} |")
        ok = ok and diff < 1e-9 and ours <= theirs / 2 and (n < 1_000_000 or ours <= 1.0)
    print("\nTarget (<= 1 s at 1M rows, <= half of MetricFrame, same numbers):",
          "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
