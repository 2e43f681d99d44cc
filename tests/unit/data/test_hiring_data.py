"""Tests for the synthetic applicant pool, its CSV and its datasheet.

The planted effects are checked with plain pandas, independently of the
kit's own helpers: selection rate = mean of ``shortlisted`` per group, impact
ratio = rate / highest rate among groups holding at least 2% of the pool.
"""

import re

import numpy as np
import pandas as pd
import pytest

from kit import data
from kit.data import _hiring
from kit.data.__main__ import main

JUDGE_SHARE = 0.02


@pytest.fixture(scope="module")
def pool():
    return data.make_applicants()


def impact_ratios(df, by):
    grouped = df.groupby(by)
    share = grouped.size() / len(df)
    rate = grouped["shortlisted"].mean()
    judged = share >= JUDGE_SHARE
    return (rate / rate[judged].max())[judged]


def test_shape_columns_and_values(pool):
    assert list(pool.columns) == list(data.COLUMNS)
    assert len(pool) == 5000
    assert pool["applicant_id"].is_unique
    assert pool["applicant_id"].str.fullmatch(r"A\d{5}").all()
    assert set(pool["gender"]) == set(data.GENDERS)
    assert set(pool["ethnicity"]) == set(data.ETHNICITIES)
    assert set(pool["age_band"]) == set(data.AGE_BANDS)
    assert set(pool["postcode_area"]) == set(data.POSTCODE_AREAS)
    assert set(pool["education"]) == set(data.EDUCATION_LEVELS)
    for yes_no in ("disability", "referral"):
        assert set(pool[yes_no]) == {"yes", "no"}
    assert pool["skills_test"].between(0, 100).all()
    assert (pool["years_experience"] >= 0).all()
    assert pool["model_score"].between(0, 1).all()
    assert np.allclose(pool["model_score"], pool["model_score"].round(4))
    assert (pool["shortlisted"] == (pool["model_score"] >= 0.5).astype(int)).all()
    assert set(pool["qualified"]) == {0, 1}
    assert pool.notna().all().all()


def test_text_columns_are_strings_like_read_csv(pool):
    for column in ("gender", "ethnicity", "postcode_area"):
        assert pd.api.types.is_string_dtype(pool[column])


def test_same_seed_same_frame_other_seed_other_frame(pool):
    pd.testing.assert_frame_equal(pool, data.make_applicants(5000, 2024))
    other = data.make_applicants(5000, 2025)
    assert not other.equals(pool)
    assert not (other["model_score"].to_numpy() == pool["model_score"].to_numpy()).all()


def test_small_pool_works():
    small = data.make_applicants(n=30, seed=1)
    assert len(small) == 30
    assert list(small.columns) == list(data.COLUMNS)


def test_a_age_gap_fails_four_fifths(pool):
    ratios = impact_ratios(pool, "age_band")
    assert 0.55 <= ratios["55+"] <= 0.72
    assert (ratios.drop("55+") >= 0.8).all()
    # ...although applicants aged 55+ are just as often qualified,
    qualified = pool.groupby(pool["age_band"] == "55+")["qualified"].mean()
    assert qualified[True] >= qualified[False] - 0.03
    # ...because the skills test under-scores them.
    tests = pool.groupby(pool["age_band"] == "55+")["skills_test"].mean()
    assert tests[False] - tests[True] > 4


def test_b_postcode_tracks_ethnicity_and_is_penalised(pool):
    association = pytest.importorskip("scipy.stats.contingency").association
    table = pd.crosstab(pool["postcode_area"], pool["ethnicity"]).to_numpy()
    assert association(table, method="cramer") >= 0.45
    penalised = pool["postcode_area"].isin(data.PENALISED_AREAS)
    selected = pool.groupby(penalised)["shortlisted"].mean()
    qualified = pool.groupby(penalised)["qualified"].mean()
    assert selected[False] - selected[True] >= 0.04
    assert abs(qualified[False] - qualified[True]) < 0.02
    asian_in_penalised = penalised[pool["ethnicity"] == "Asian"].mean()
    white_in_penalised = penalised[pool["ethnicity"] == "White"].mean()
    assert asian_in_penalised > 0.7 > 0.1 > white_in_penalised


def test_c_intersectional_gap_hidden_in_each_attribute(pool):
    assert impact_ratios(pool, "gender").min() >= 0.8
    assert impact_ratios(pool, "ethnicity").min() >= 0.8
    sub = impact_ratios(pool, ["gender", "ethnicity"]).sort_values()
    assert sub.index[0] == ("woman", "Black")
    assert sub.iloc[0] < 0.6
    assert sub.iloc[1] - sub.iloc[0] >= 0.1
    share = ((pool["gender"] == "woman") & (pool["ethnicity"] == "Black")).mean()
    assert share > JUDGE_SHARE


def test_d_small_group_too_small_to_judge(pool):
    share = (pool["gender"] == "non-binary").mean()
    assert 0.005 <= share < JUDGE_SHARE == data.MIN_GROUP_SHARE


@pytest.mark.parametrize("column", ["gender", "ethnicity", "age_band", "postcode_area",
                                    "disability"])
def test_qualified_does_not_carry_the_bias(pool, column):
    share = pool.groupby(column).size() / len(pool)
    rates = pool.groupby(column)["qualified"].mean()[share >= JUDGE_SHARE]
    assert rates.max() - rates.min() < 0.07


def test_error_rates_differ_by_group(pool):
    qualified = pool[pool["qualified"] == 1]
    tpr = qualified.groupby(qualified["age_band"] == "55+")["shortlisted"].mean()
    assert tpr[False] - tpr[True] > 0.15
    black_women = (qualified["gender"] == "woman") & (qualified["ethnicity"] == "Black")
    tpr = qualified.groupby(black_women)["shortlisted"].mean()
    assert tpr[False] - tpr[True] > 0.1


def test_group_rates_matches_plain_pandas(pool):
    table = data.group_rates(pool, "ethnicity")
    expected = pool.groupby("ethnicity")["shortlisted"].mean()
    pd.testing.assert_series_equal(table["selection_rate"], expected, check_names=False)
    pd.testing.assert_series_equal(table["impact_ratio"], impact_ratios(pool, "ethnicity"),
                                   check_names=False)
    assert table["n"].sum() == len(pool)


def test_rebuild_gives_the_committed_bytes(tmp_path):
    written = data.build_hiring_files(tmp_path)
    assert [p.name for p in written] == ["hiring.csv", "hiring_datasheet.md"]
    for path in written:
        committed = data.DATA_DIR / path.name
        assert path.read_bytes() == committed.read_bytes(), f"stale {committed}: python -m kit.data"


def test_main_writes_into_a_folder(tmp_path, capsys):
    assert main([str(tmp_path)]) == 0
    assert (tmp_path / "hiring.csv").exists()
    assert "wrote" in capsys.readouterr().out
    assert main(["--help"]) == 2


def test_load_hiring_is_the_generated_pool_and_a_copy(pool):
    loaded = data.load_hiring()
    pd.testing.assert_frame_equal(loaded, pool)
    loaded.loc[0, "gender"] = "changed"
    assert data.load_hiring().loc[0, "gender"] != "changed"
    assert _hiring._read_committed.cache_info().hits >= 1


def test_datasheet_numbers_come_from_the_data(pool):
    sheet = data.HIRING_DATASHEET.read_text(encoding="utf-8")
    for section in ("Why this dataset exists", "What is in it", "How it was made",
                    "planted effects", "What it is for", "must not be used for",
                    "Maintenance", "python -m kit.data"):
        assert section in sheet
    age_ratio = impact_ratios(pool, "age_band")["55+"]
    assert f"an impact ratio of {age_ratio:.2f}" in sheet
    bw = impact_ratios(pool, ["gender", "ethnicity"])[("woman", "Black")]
    bw_n = ((pool["gender"] == "woman") & (pool["ethnicity"] == "Black")).sum()
    assert f"Black women ({bw_n} people" in sheet
    assert f"impact ratio of {bw:.2f}: a clear fail" in sheet
    nb = (pool["gender"] == "non-binary").sum()
    assert f"Non-binary people: {nb} applicants" in sheet
    assert not re.search(r"\{\w+\}", sheet), "unfilled template field"
