"""The audit engine, checked against plain pandas and against fairlearn."""

import dataclasses
import functools
import json
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import (MetricFrame, demographic_parity_difference,
                               equalized_odds_difference, false_positive_rate,
                               selection_rate, true_positive_rate)
from sklearn.metrics import recall_score

from kit.data import load_hiring
from kit.fairness import MISSING_GROUP, AuditInputError, AuditResult, audit

TOL = 1e-9


def make_data(seed, n=3000, columns=("sex",), missing=0.0):
    """Seeded synthetic decisions: unequal group sizes and unequal rates."""
    rng = np.random.default_rng(seed)
    levels = {"sex": ["F", "M", "X"], "age": ["<30", "30-50", "50+"], "region": ["N", "S"]}
    sizes = {"sex": [0.48, 0.49, 0.03], "age": [0.3, 0.5, 0.2], "region": [0.6, 0.4]}
    data = {}
    base = np.full(n, 0.45)
    for column in columns:
        values = rng.choice(levels[column], size=n, p=sizes[column])
        base += np.select([values == levels[column][0]], [-0.1 * (1 + seed % 3)], 0.0)
        data[column] = pd.Series(values).mask(rng.random(n) < missing)
    qualified = (rng.random(n) < 0.5).astype(int)
    selected = (rng.random(n) < np.clip(base + 0.2 * qualified, 0.01, 0.99)).astype(int)
    return pd.DataFrame({**data, "selected": selected, "qualified": qualified})


CASES = [
    (0, ("sex",), 0.0), (1, ("sex",), 0.0), (2, ("age",), 0.02),
    (3, ("sex", "age"), 0.0), (4, ("sex", "age", "region"), 0.0), (5, ("age", "region"), 0.01),
]


def _filled(df, columns):
    return df[list(columns)].fillna(MISSING_GROUP)


@pytest.mark.parametrize(("seed", "columns", "missing"), CASES)
def test_matches_plain_pandas(seed, columns, missing):
    df = make_data(seed, columns=columns, missing=missing)
    result = audit(df, "selected", list(columns), label="qualified")
    filled = _filled(df, columns).assign(selected=df["selected"], qualified=df["qualified"])
    grouped = filled.groupby(list(columns))
    expected = pd.DataFrame({
        "n": grouped.size(), "selected": grouped["selected"].sum(),
        "rate": grouped["selected"].mean(),
        "tpr": filled[filled.qualified == 1].groupby(list(columns))["selected"].mean(),
        "fpr": filled[filled.qualified == 0].groupby(list(columns))["selected"].mean(),
    })
    assert len(result.by_group) == len(expected)
    assert result.rows == len(df) == sum(g.n for g in result.by_group)
    judged = [g for g in result.by_group if g.judged]
    top = max(g.selection_rate for g in judged)
    for g in result.by_group:
        key = tuple(g.group[c] for c in columns)
        row = expected.loc[key if len(key) > 1 else key[0]]
        assert (g.n, g.selected) == (row["n"], row["selected"])
        assert g.selection_rate == pytest.approx(row["rate"], abs=TOL)
        assert g.tpr == pytest.approx(row["tpr"], abs=TOL)
        assert g.fpr == pytest.approx(row["fpr"], abs=TOL)
        assert g.impact_ratio == pytest.approx(row["rate"] / top, abs=TOL)
        assert g.too_small == (row["n"] / len(df) < 0.02)
        assert g.flagged == (g.judged and row["rate"] / top < 0.8)
    # The headline differences cover the judged groups: at least 2% of the rows
    # and no missing value; the *_all_groups figures cover every group.
    known = np.array([MISSING_GROUP not in (k if isinstance(k, tuple) else (k,)) for k in expected.index])
    judged_rows = expected[(expected["n"] / len(df) >= 0.02) & known]
    assert len(judged_rows) == len(judged)
    for frame, dpd, eod in [
        (judged_rows, result.demographic_parity_difference, result.equalized_odds_difference),
        (expected, result.demographic_parity_difference_all_groups,
         result.equalized_odds_difference_all_groups),
    ]:
        assert dpd == pytest.approx(frame["rate"].max() - frame["rate"].min(), abs=TOL)
        spreads = [frame[c].max() - frame[c].min() for c in ("tpr", "fpr")]
        assert eod == pytest.approx(max(spreads), abs=TOL)
    assert result.impact_ratio_min == pytest.approx(min(g.selection_rate for g in judged) / top, abs=TOL)
    assert result.four_fifths_pass == (not any(g.flagged for g in judged))


def _sensitive(df, columns):
    features = _filled(df, columns)
    return features.iloc[:, 0] if len(columns) == 1 else features


def _judged_rows(df, columns, min_share=0.02):
    """Rows of groups that are judged: no missing group value, at least min_share of the rows."""
    key = _filled(df, columns).astype(str).agg("\x1f".join, axis=1)
    share = key.map(key.value_counts(normalize=True))
    return (share >= min_share) & df[list(columns)].notna().all(axis=1)


def _fairlearn_differences(df, columns, outcome="selected", label="qualified"):
    """fairlearn's demographic parity and equalized odds differences on ``df``."""
    sensitive = _sensitive(df, columns)
    with warnings.catch_warnings():  # fairlearn's own pandas deprecations, not the kit's
        warnings.simplefilter("ignore")
        return (demographic_parity_difference(df[label], df[outcome], sensitive_features=sensitive),
                equalized_odds_difference(df[label], df[outcome], sensitive_features=sensitive))


@pytest.mark.parametrize(("seed", "columns", "missing"), CASES)
def test_matches_fairlearn(seed, columns, missing):
    df = make_data(seed, columns=columns, missing=missing)
    result = audit(df, "selected", list(columns), label="qualified")
    sensitive = _sensitive(df, columns)
    with warnings.catch_warnings():  # fairlearn's own pandas deprecations, not the kit's
        warnings.simplefilter("ignore")
        frame = MetricFrame(
            metrics={"sr": selection_rate, "tpr": true_positive_rate, "fpr": false_positive_rate},
            y_true=df["qualified"], y_pred=df["selected"], sensitive_features=sensitive)
    dpd, eod = _fairlearn_differences(df, columns)
    judged = _judged_rows(df, columns)
    dpd_judged, eod_judged = _fairlearn_differences(df[judged], columns)
    by_group = frame.by_group.dropna(how="all")  # fairlearn lists empty combinations too
    assert len(by_group) == len(result.by_group)
    for g in result.by_group:
        key = tuple(g.group[c] for c in columns)
        row = by_group.loc[key if len(key) > 1 else key[0]]
        assert g.selection_rate == pytest.approx(row["sr"], abs=TOL)
        assert g.tpr == pytest.approx(row["tpr"], abs=TOL)
        assert g.fpr == pytest.approx(row["fpr"], abs=TOL)
    assert result.demographic_parity_difference_all_groups == pytest.approx(dpd, abs=TOL)
    assert result.equalized_odds_difference_all_groups == pytest.approx(eod, abs=TOL)
    assert judged.sum() == sum(g.n for g in result.by_group if g.judged)
    assert result.demographic_parity_difference == pytest.approx(dpd_judged, abs=TOL)
    assert result.equalized_odds_difference == pytest.approx(eod_judged, abs=TOL)


@pytest.fixture(scope="module")
def pool():
    return load_hiring()


@pytest.fixture(scope="module")
def by_gender_ethnicity(pool):
    """The audit of the issue: the sample data by gender and ethnicity, against 'qualified'."""
    return audit(pool, "shortlisted", ["gender", "ethnicity"], label="qualified")


def _pandas_differences(pool, columns, keep=None):
    """Parity and equalized odds differences with plain pandas, over the groups ``keep`` allows."""
    grouped = pool.groupby(columns)
    rates = grouped["shortlisted"].mean()
    keep = rates.index if keep is None else keep(grouped.size())
    tpr = pool[pool["qualified"] == 1].groupby(columns)["shortlisted"].mean()  # undefined: absent
    fpr = pool[pool["qualified"] == 0].groupby(columns)["shortlisted"].mean()
    rates, tpr, fpr = rates.loc[keep], tpr[tpr.index.isin(keep)], fpr[fpr.index.isin(keep)]
    return rates.max() - rates.min(), max(tpr.max() - tpr.min(), fpr.max() - fpr.min())


def test_sample_data_headline_is_over_judged_groups(pool, by_gender_ethnicity):
    result, columns = by_gender_ethnicity, ["gender", "ethnicity"]
    sizes = pool.groupby(columns).size()
    assert pool[columns].notna().all().all()  # no "unknown" group in the sample data
    judged = sizes[sizes / len(pool) >= 0.02].index
    assert [tuple(g.group.values()) for g in result.judged_groups] == list(judged)
    assert len(judged) < len(sizes)  # some groups are set aside
    dpd, eod = _pandas_differences(pool, columns, keep=lambda n: n[n / len(pool) >= 0.02].index)
    dpd_all, eod_all = _pandas_differences(pool, columns)
    assert result.demographic_parity_difference == pytest.approx(dpd, abs=TOL)
    assert result.equalized_odds_difference == pytest.approx(eod, abs=TOL)
    assert result.demographic_parity_difference_all_groups == pytest.approx(dpd_all, abs=TOL)
    assert result.equalized_odds_difference_all_groups == pytest.approx(eod_all, abs=TOL)
    # The figures of the issue: 0.667 and 0.500 over all groups are no longer the headline.
    assert (f"{dpd_all:.3f}", f"{eod_all:.3f}") == ("0.667", "0.500")
    assert f"{result.demographic_parity_difference:.3f}" != "0.667"
    assert f"{result.equalized_odds_difference:.3f}" != "0.500"
    assert result.demographic_parity_difference < dpd_all and result.equalized_odds_difference < eod_all
    # ... because the all-groups gap runs between two groups too small to judge (6 and 2 people).
    rates = pool.groupby(columns)["shortlisted"].mean()
    assert sorted(sizes[[rates.idxmax(), rates.idxmin()]]) == [2, 6]
    assert all(sizes[[rates.idxmax(), rates.idxmin()]] / len(pool) < 0.02)


def test_sample_data_headline_matches_fairlearn(pool, by_gender_ethnicity):
    result, columns = by_gender_ethnicity, ["gender", "ethnicity"]
    judged = _judged_rows(pool, columns)
    dpd, eod = _fairlearn_differences(pool[judged], columns, outcome="shortlisted")
    assert result.demographic_parity_difference == pytest.approx(dpd, abs=TOL)
    assert result.equalized_odds_difference == pytest.approx(eod, abs=TOL)
    dpd_all, eod_all = _fairlearn_differences(pool, columns, outcome="shortlisted")
    assert result.demographic_parity_difference_all_groups == pytest.approx(dpd_all, abs=TOL)
    # One small group has nobody qualified, so its true positive rate is undefined (0/0).
    # fairlearn's equalized_odds_difference counts it as 0; the kit leaves it out and warns.
    # With recall's zero_division set to NaN, fairlearn's own MetricFrame agrees with the kit.
    assert eod_all > result.equalized_odds_difference_all_groups
    assert any("no qualified people" in w for w in result.warnings)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = MetricFrame(
            metrics={"tpr": functools.partial(recall_score, zero_division=np.nan),
                     "fpr": false_positive_rate},
            y_true=pool["qualified"], y_pred=pool["shortlisted"], sensitive_features=pool[columns])
    assert frame.by_group["tpr"].isna().sum() == 1
    assert result.equalized_odds_difference_all_groups == pytest.approx(
        frame.difference().max(), abs=TOL)


@pytest.mark.parametrize(("exclude_small", "headline"), [(True, 60 / 200 - 50 / 200),
                                                          (False, 3 / 3 - 50 / 200)])
def test_headline_follows_the_verdict(exclude_small, headline):
    # A tiny group all selected, two large ones, and rows with no group value selected at 0%:
    # the "unknown" rows are never judged, the tiny group only when exclude_small is False.
    df = pd.concat([_counts({"tiny": (3, 3), "big": (200, 60), "mid": (200, 50)}),
                    pd.DataFrame({"group": [None] * 20, "hired": [0] * 20})], ignore_index=True)
    result = audit(df, "hired", "group", exclude_small=exclude_small)
    assert result.demographic_parity_difference == pytest.approx(headline, abs=TOL)
    assert result.demographic_parity_difference_all_groups == pytest.approx(1.0, abs=TOL)
    assert result.equalized_odds_difference is None and result.equalized_odds_difference_all_groups is None


def test_no_judged_group_leaves_the_headline_undefined():
    result = audit(_counts({"a": (10, 5), "b": (10, 2)}), "hired", "group", min_share=0.6)
    assert result.judged_groups == [] and result.four_fifths_pass is None
    assert result.demographic_parity_difference is None
    assert result.demographic_parity_difference_all_groups == pytest.approx(0.3, abs=TOL)
    json.dumps(result.to_dict(), allow_nan=False)


def _counts(spec, column="group"):
    """A DataFrame from {group: (n, selected)}."""
    frames = [pd.DataFrame({column: [name] * n, "hired": [1] * s + [0] * (n - s)})
              for name, (n, s) in spec.items()]
    return pd.concat(frames, ignore_index=True)


def test_uniform_guidelines_worked_example():
    # Q&A on the Uniform Guidelines: 60%, 45%, 48%, 51%; only 45% is below 4/5 of 60%.
    df = _counts({"A": (100, 60), "B": (100, 45), "C": (100, 48), "D": (100, 51)})
    result = audit(df, "hired", "group")
    flags = {g.name: g.flagged for g in result.by_group}
    assert flags == {"A": False, "B": True, "C": False, "D": False}
    assert [g.impact_ratio for g in result.by_group] == [1.0, 0.75, 0.8, 0.85]
    assert result.four_fifths_pass is False
    assert result.impact_ratio_min == 0.75
    assert result.reference_group.name == "A"


@pytest.mark.parametrize(("spec", "passed", "flagged"), [
    ({"a": (100, 5), "b": (100, 4)}, True, []),             # exactly 0.8 passes
    ({"a": (100, 5), "b": (1000, 39)}, False, ["b"]),       # 0.78 fails
    ({"a": (50, 50), "b": (50, 40)}, True, []),
    ({"a": (50, 50), "b": (51, 40)}, False, ["b"]),         # 0.784...
    ({"a": (100, 0), "b": (100, 0)}, None, []),             # nobody selected
    ({"a": (100, 100), "b": (100, 100)}, True, []),         # everybody selected
    ({"a": (3, 3), "b": (200, 60), "c": (200, 50)}, True, []),  # tiny top group excluded
])
def test_four_fifths_edge_cases(spec, passed, flagged):
    assert (4 / 100) / (5 / 100) < 0.8  # the float trap that exact fractions avoid
    result = audit(_counts(spec), "hired", "group")
    assert result.four_fifths_pass is passed
    assert [g.name for g in result.flagged_groups] == flagged
    json.dumps(result.to_dict(), allow_nan=False)


def test_zero_selected_warns_without_dividing_by_zero():
    result = audit(_counts({"a": (10, 0), "b": (20, 0)}), "hired", "group")
    assert all(g.impact_ratio is None for g in result.by_group)
    assert result.impact_ratio_min is None and result.four_fifths_pass is None
    assert any("Nobody was selected" in w for w in result.warnings)
    assert any("only the value '0'" in w for w in result.warnings)
    assert result.demographic_parity_difference == 0.0


def test_tiny_top_group_is_not_the_reference():
    result = audit(_counts({"tiny": (3, 3), "big": (200, 60), "mid": (200, 50)}), "hired", "group")
    tiny = next(g for g in result.by_group if g.name == "tiny")
    assert tiny.too_small and not tiny.judged and not tiny.reference and tiny.status == "too small to judge"
    assert result.reference_group.name == "big"
    assert result.impact_ratio_min == pytest.approx(50 / 60)
    assert any("too small to judge" in w for w in result.warnings)


def test_small_groups_judged_when_not_excluded():
    df = _counts({"tiny": (3, 3), "big": (200, 60)})
    result = audit(df, "hired", "group", exclude_small=False)
    assert result.reference_group.name == "tiny"
    assert [g.name for g in result.flagged_groups] == ["big"]
    assert any("judged anyway" in w for w in result.warnings)


def test_missing_group_values_form_an_unknown_group_that_is_never_the_reference():
    df = _counts({"a": (100, 30), "b": (100, 28)})
    extra = pd.DataFrame({"group": [None] * 20, "hired": [1] * 20})
    result = audit(pd.concat([df, extra], ignore_index=True), "hired", "group")
    unknown = result.by_group[-1]
    assert unknown.group == {"group": "unknown"} and unknown.n == 20 and unknown.selected == 20
    assert unknown.unknown and not unknown.reference and not unknown.judged
    assert result.reference_group.name == "a" and result.rows == 220
    assert any("20 rows have no value in 'group'" in w for w in result.warnings)


def test_intersectional_groups_and_missing_parts():
    df = pd.DataFrame({"sex": ["F", "F", "M", "M", None] * 20,
                       "age": ["old", "young", "old", "young", "old"] * 20,
                       "hired": [1, 0, 1, 1, 0] * 20})
    result = audit(df, "hired", ["sex", "age"])
    assert [g.group for g in result.by_group] == [
        {"sex": "F", "age": "old"}, {"sex": "F", "age": "young"},
        {"sex": "M", "age": "old"}, {"sex": "M", "age": "young"},
        {"sex": "unknown", "age": "old"}]
    assert [g.name for g in result.flagged_groups] == ["F / young"]
    assert result.by_group[-1].unknown


@pytest.mark.parametrize(("outcome", "positive"), [
    (["yes", "no"], "yes"), ([1, 0], 1), ([1, 0], "1"), ([1.0, 0.0], "1"),
    ([True, False], True), (["Y", "N"], "Y"), (["1", "0"], 1),
])
def test_positive_matches_loosely(outcome, positive):
    df = pd.DataFrame({"g": ["a", "a", "b", "b"] * 10, "out": outcome * 20})
    result = audit(df, "out", "g", positive=positive)
    assert [g.selected for g in result.by_group] == [10, 10]


def test_rows_without_outcome_are_left_out_with_a_warning():
    df = pd.DataFrame({"g": ["a", "b"] * 10, "out": [1, 0] * 9 + [None, None]})
    result = audit(df, "out", "g")
    assert result.rows == 18
    assert any("2 rows have no value in 'out'" in w for w in result.warnings)


def test_one_decision_caveat_is_reported():
    passing = audit(_counts({"a": (100, 60), "b": (100, 48)}), "hired", "group")
    assert passing.four_fifths_pass and passing.fragile
    assert passing.by_group[1].flip
    assert any("one fewer person selected" in w for w in passing.warnings)
    failing = audit(_counts({"a": (100, 60), "b": (100, 47)}), "hired", "group")
    assert not failing.four_fifths_pass and failing.fragile
    assert any("one more person selected" in w for w in failing.warnings)
    solid = audit(_counts({"a": (100, 60), "b": (100, 30)}), "hired", "group")
    assert not solid.fragile and not any("single decision" in w for w in solid.warnings)


def test_int_group_column_and_float_labels_read_as_text():
    df = pd.DataFrame({"band": [1.0, 2.0, np.nan, 1.0] * 10, "hired": [1, 0, 1, 1] * 10})
    result = audit(df, "hired", "band")
    assert [g.name for g in result.by_group] == ["1", "2", "unknown"]


def test_table_and_to_dict():
    df = make_data(7, columns=("sex", "age"))
    result = audit(df, "selected", ["sex", "age"], label="qualified")
    table = result.table()
    assert list(table.index.names) == ["sex", "age"] and len(table) == len(result.by_group)
    assert {"selection rate", "impact ratio", "TPR", "FPR"} <= set(table.columns)
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert list(data) == ["rows", "outcome", "groups", "label", "by_group", "impact_ratio_min",
                          "four_fifths_pass", "demographic_parity_difference",
                          "demographic_parity_difference_all_groups",
                          "equalized_odds_difference", "equalized_odds_difference_all_groups",
                          "warnings"]
    for entry in data["by_group"]:
        assert {"group", "n", "selected", "selection_rate", "impact_ratio", "tpr", "fpr"} <= set(entry)
        assert all(isinstance(v, str) for v in entry["group"].values())
    no_label = audit(df, "selected", "sex").to_dict()
    assert no_label["label"] is None and no_label["equalized_odds_difference"] is None
    assert no_label["equalized_odds_difference_all_groups"] is None


def test_result_is_frozen():
    result = audit(_counts({"a": (10, 5), "b": (10, 4)}), "hired", "group")
    assert isinstance(result, AuditResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.rows = 3


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"outcome": "nope"}, "Available columns"),
    ({"groups": ["missing"]}, "Available columns"),
    ({"groups": []}, "at least one protected column"),
    ({"groups": ["group", "group"]}, "named twice"),
    ({"groups": ["hired"]}, "both the outcome and a group"),
    ({"label": "hired"}, "cannot be the label"),
    ({"positive": "yes"}, "does not appear"),
    ({"min_share": 2}, "between 0 and 1"),
    ({"min_share": "2%"}, "between 0 and 1"),
])
def test_bad_arguments_raise_audit_input_error(kwargs, words):
    arguments = {"df": _counts({"a": (10, 5), "b": (10, 4)}), "outcome": "hired", "groups": "group"}
    with pytest.raises(AuditInputError, match=words):
        audit(**{**arguments, **kwargs})


@pytest.mark.parametrize(("frame", "words"), [
    (pd.DataFrame({"g": ["a", "b", "c"], "hired": [1, 0, 2]}), "3 different values"),
    (pd.DataFrame({"g": ["a", "a"], "hired": [1, 0]}), "Only one group"),
    (pd.DataFrame({"g": [None, None], "hired": [1, 0]}), "has no values"),
    (pd.DataFrame({"g": ["a", "b"], "hired": [None, None]}), "has no values"),
    (pd.DataFrame({"g": [], "hired": []}), "no rows"),
    ([1, 2], "pandas DataFrame"),
])
def test_bad_data_raises_audit_input_error(frame, words):
    with pytest.raises(AuditInputError, match=words):
        audit(frame, "hired", "g")


def test_audit_input_error_is_a_value_error():
    assert issubclass(AuditInputError, ValueError)
    assert not math.isnan(audit(_counts({"a": (5, 5), "b": (5, 5)}), "hired", "group").impact_ratio_min)


def test_many_sparse_combinations_are_renumbered_correctly():
    # 300 values in each of three columns: 27 million possible codes, 300 present.
    ids = np.arange(1500) % 300
    df = pd.DataFrame({"a": ids, "b": ids * 7 % 300, "c": 299 - ids,
                       "hired": (np.arange(1500) % 3 == 0).astype(int)})
    result = audit(df, "hired", ["a", "b", "c"], min_share=0)
    expected = df.groupby(["a", "b", "c"])["hired"].agg(["size", "sum"])
    assert len(result.by_group) == len(expected) == 300
    for g, ((a, b, c), row) in zip(result.by_group, expected.iterrows()):
        assert g.group == {"a": str(a), "b": str(b), "c": str(c)}
        assert (g.n, g.selected) == (row["size"], row["sum"])


def test_many_small_groups_get_one_warning():
    df = pd.DataFrame({"g": [f"g{i:02d}" for i in range(40)] * 5 + ["big"] * 400,
                       "hired": [1, 0] * 300})
    result = audit(df, "hired", "g")
    small = [w for w in result.warnings if "too small to judge" in w]
    assert len(small) == 1 and small[0].startswith("40 groups ('g00', 'g01'")


def test_an_id_column_is_refused():
    df = pd.DataFrame({"name": [f"p{i}" for i in range(1001)], "hired": [1, 0] * 500 + [1]})
    with pytest.raises(AuditInputError, match="not names or IDs"):
        audit(df, "hired", "name")
