"""The Local Law 144 summary on the sample data, checked against an independent pandas computation."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from kit.cli import main
from kit.fairness import AuditInputError, read_audit_csv
from kit.paths import DATA_DIR
from kit.regulation import ll144_html, ll144_summary, ll144_text

SAMPLE = DATA_DIR / "hiring.csv"
SEX, RACE = "gender", "ethnicity"


@pytest.fixture(scope="module")
def with_gaps(tmp_path_factory):
    """The sample with some sex, race/ethnicity, decision and score cells emptied (seeded)."""
    df = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    rng = np.random.default_rng(144)
    for column, count in ((SEX, 60), (RACE, 90), ("shortlisted", 25), ("model_score", 30)):
        df.loc[rng.choice(len(df), size=count, replace=False), column] = ""
    path = tmp_path_factory.mktemp("ll144") / "gaps.csv"
    df.to_csv(path, index=False)
    return path


def _expected(path, measure, scoring):
    """The three tables, computed plainly: one row per category, shares of every row with a decision or score."""
    df = pd.read_csv(path, dtype={SEX: str, RACE: str})
    if scoring:
        median = df[measure].median()
        df = df[df[measure].notna()].assign(hit=lambda d: d[measure] > median)
    else:
        median = None
        df = df[df[measure].notna()].assign(hit=lambda d: d[measure] == 1)
    total = len(df)

    def table(frame, keys):
        grouped = frame.groupby(keys).agg(n=("hit", "size"), selected=("hit", "sum")).reset_index()
        grouped["rate"] = grouped["selected"] / grouped["n"]
        grouped["excluded"] = grouped["n"] / total < 0.02
        top = grouped.loc[~grouped["excluded"], "rate"].max()
        grouped["ratio"] = np.where(grouped["excluded"], np.nan, grouped["rate"] / top)
        grouped["category"] = grouped[keys].astype(str).agg("|".join, axis=1) if len(keys) > 1 else grouped[keys[0]]
        return {row.category: row for row in grouped.itertuples()}

    tables = {"sex": table(df[df[SEX].notna()], [SEX]),
              "race_ethnicity": table(df[df[RACE].notna()], [RACE]),
              "intersectional": table(df[df[SEX].notna() & df[RACE].notna()], [SEX, RACE])}
    unknown = {"sex": int(df[SEX].isna().sum()), "race_ethnicity": int(df[RACE].isna().sum())}
    return median, tables, unknown


def _check(summary, path, measure, scoring):
    median, tables, unknown = _expected(path, measure, scoring)
    out = summary.to_dict()
    assert list(out) == ["standard", "rate", "median_score", "unknown", "tables"]
    assert out["standard"] == "nyc-ll144" and out["rate"] == ("scoring" if scoring else "selection")
    assert out["median_score"] == (pytest.approx(median) if scoring else None)
    assert out["unknown"] == unknown
    for name, expected in tables.items():
        rows = out["tables"][name]
        assert [r["category"] for r in rows] == sorted(expected), name
        for row in rows:
            assert list(row) == ["category", "n", "selected", "rate", "impact_ratio", "excluded_under_2pct"]
            want = expected[row["category"]]
            assert (row["n"], row["selected"]) == (want.n, want.selected)
            assert row["rate"] == pytest.approx(want.rate, rel=1e-12)
            assert row["excluded_under_2pct"] is bool(want.excluded)
            if want.excluded:
                assert row["impact_ratio"] is None
            else:
                assert row["impact_ratio"] == pytest.approx(want.ratio, rel=1e-12)
    json.dumps(out, allow_nan=False)


def test_selection_rates_on_the_sample():
    summary = ll144_summary(read_audit_csv(SAMPLE), SEX, RACE, outcome="shortlisted")
    _check(summary, SAMPLE, "shortlisted", scoring=False)
    sex = {r.category: r for r in summary.tables["sex"]}
    assert sex["non-binary"].excluded_under_2pct and sex["non-binary"].impact_ratio is None
    assert max(r.impact_ratio for r in summary.tables["sex"] if r.impact_ratio is not None) == 1.0
    assert len(summary.tables["intersectional"]) == 12


def test_scoring_rates_on_the_sample():
    summary = ll144_summary(read_audit_csv(SAMPLE), SEX, RACE, score="model_score")
    _check(summary, SAMPLE, "model_score", scoring=True)
    assert summary.median_score == pytest.approx(pd.read_csv(SAMPLE)["model_score"].median())


def test_selection_rates_with_unknowns_and_missing_decisions(with_gaps):
    summary = ll144_summary(read_audit_csv(with_gaps), SEX, RACE, outcome="shortlisted")
    _check(summary, with_gaps, "shortlisted", scoring=False)
    assert summary.unknown["sex"] > 0 and summary.unknown["race_ethnicity"] > 0
    assert summary.left_out == 25 and summary.rows == 5000 - 25
    assert all("unknown" not in r.category for t in summary.tables.values() for r in t)


def test_scoring_rates_with_unknowns_and_missing_scores(with_gaps):
    summary = ll144_summary(read_audit_csv(with_gaps), SEX, RACE, score="model_score")
    _check(summary, with_gaps, "model_score", scoring=True)
    assert summary.left_out == 30


def test_a_score_exactly_at_the_median_does_not_count_as_above():
    df = pd.DataFrame({"sex": ["F", "F", "M", "M", "M"], "race": ["A", "B", "A", "B", "A"],
                       "score": ["1", "2", "3", "4", "5"]}, dtype=object)
    summary = ll144_summary(df, "sex", "race", score="score")
    assert summary.median_score == 3.0
    assert {r.category: r.selected for r in summary.tables["sex"]} == {"F": 0, "M": 2}
    assert {r.category: r.impact_ratio for r in summary.tables["sex"]} == {"F": 0.0, "M": 1.0}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "Give either the decision column"),
        ({"outcome": "shortlisted", "score": "model_score"}, "not both"),
        ({"score": "model_scor"}, "Did you mean 'model_score'"),
        ({"score": "education"}, "holds 5000 values that are not numbers"),
        ({"score": "gender"}, "cannot be both the score and a group column"),
    ],
)
def test_bad_arguments_are_named(kwargs, message):
    with pytest.raises(AuditInputError, match=message):
        ll144_summary(read_audit_csv(SAMPLE), SEX, RACE, **kwargs)


def test_text_and_html_say_what_the_law_requires_and_what_this_is_not(with_gaps):
    summary = ll144_summary(read_audit_csv(with_gaps), SEX, RACE, outcome="shortlisted")
    text, page = ll144_text(summary), ll144_html(summary)
    for words in ("independent", "10 business days", "one year", "not the bias audit", "Unknown category",
                  "excluded from the impact ratios", "not legal advice", "woman|Black"):
        assert words in text, words
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert "10 business days" in page and "6 RCNY 5-303" in page and "woman|Black" in page


def test_html_escapes_the_users_categories():
    df = pd.DataFrame({"sex": ["<b>F</b>", "M"] * 50, "race": ["A", "B"] * 50, "hired": ["1", "0"] * 50},
                      dtype=object)
    page = ll144_html(ll144_summary(df, "sex", "race", outcome="hired"))
    assert "<b>F</b>" not in page and "&lt;b&gt;F&lt;/b&gt;" in page


# --- the command line ---------------------------------------------------------

def _audit(capsys, *argv):
    code = main(["audit", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_kit_audit_nyc_ll144_json_matches_the_library(capsys, with_gaps):
    code, out, err = _audit(capsys, with_gaps, "--standard", "nyc-ll144", "--group", SEX, "--group", RACE,
                            "--score", "model_score", "--format", "json")
    assert code == 0 and err == ""
    expected = ll144_summary(read_audit_csv(with_gaps), SEX, RACE, score="model_score").to_dict()
    assert json.loads(out) == expected


@pytest.mark.parametrize(("fmt", "words"), [("table", "Sex and race/ethnicity:"), ("html", "<caption>Sex</caption>")])
def test_kit_audit_nyc_ll144_text_and_html(capsys, fmt, words):
    code, out, _ = _audit(capsys, SAMPLE, "--standard", "nyc-ll144", "--group", SEX, "--group", RACE,
                          "--outcome", "shortlisted", "--format", fmt)
    assert code == 0 and words in out


def test_kit_audit_nyc_ll144_writes_a_file(capsys, tmp_path):
    target = tmp_path / "summary.html"
    code, out, _ = _audit(capsys, SAMPLE, "--standard", "nyc-ll144", "--group", SEX, "--group", RACE,
                          "--outcome", "shortlisted", "--format", "html", "--out", target)
    assert code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert f"Wrote {target}." in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--group", SEX, "--outcome", "shortlisted"], "needs two --group columns, not 1: the sex column first"),
        (["--group", SEX, "--group", RACE], "Give either the decision column"),
        (["--group", SEX, "--group", RACE, "--outcome", "shortlisted", "--label", "qualified"], "--label is not"),
        (["--group", SEX, "--group", "race", "--outcome", "shortlisted"], "The group column 'race' is not in"),
        (["--group", SEX, "--group", RACE, "--score", "education"], "not numbers"),
    ],
)
def test_kit_audit_nyc_ll144_bad_input_exits_2_with_one_line(capsys, argv, message):
    code, out, err = _audit(capsys, SAMPLE, "--standard", "nyc-ll144", *argv)
    assert code == 2 and out == "" and err.startswith("kit audit: ") and message in err
    assert err.count("\n") == 1


def test_the_four_fifths_audit_refuses_a_score_and_needs_an_outcome(capsys):
    code, _, err = _audit(capsys, SAMPLE, "--group", SEX, "--score", "model_score")
    assert code == 2 and "add --standard nyc-ll144" in err
    code, _, err = _audit(capsys, SAMPLE, "--group", SEX)
    assert code == 2 and "--outcome COL" in err
