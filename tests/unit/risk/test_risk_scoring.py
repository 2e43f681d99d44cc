"""Scoring: the 1-5 scales, likelihood × severity, and the rating bands at their boundaries."""

from __future__ import annotations

import pytest

from kit.workshop import load_quiz
from kit.risk import BAND_NAMES, BANDS, band_of, bands_table, rating, score, score_grid


@pytest.mark.parametrize(("value", "band"), [
    (1, "low"), (4, "low"), (5, "medium"), (9, "medium"), (10, "high"), (15, "high"),
    (16, "critical"), (25, "critical"),
])
def test_band_boundaries(value, band):
    assert band_of(value).name == band


def test_bands_cover_every_product_exactly_once_in_order():
    covered = [v for band in BANDS for v in range(band.low, band.high + 1)]
    assert covered == list(range(1, 26))
    assert BAND_NAMES == ("low", "medium", "high", "critical")
    assert all(band.action for band in BANDS)


@pytest.mark.parametrize("value", [0, 26, -1])
def test_score_outside_the_matrix_is_refused(value):
    with pytest.raises(ValueError, match="outside"):
        band_of(value)


@pytest.mark.parametrize(("likelihood", "severity", "expected"), [(1, 1, 1), (3, 5, 15), (4, 3, 12), (5, 5, 25)])
def test_score_is_the_product(likelihood, severity, expected):
    assert score(likelihood, severity) == expected


@pytest.mark.parametrize(("likelihood", "severity"), [(0, 3), (6, 1), (3, 2.5), (True, 3), ("3", 3), (None, 2)])
def test_score_refuses_values_off_the_scale(likelihood, severity):
    with pytest.raises(ValueError, match="whole number from 1 to 5"):
        score(likelihood, severity)


@pytest.mark.parametrize(("likelihood", "severity", "band"),
                         [(1, 4, "low"), (1, 5, "medium"), (2, 5, "high"), (4, 4, "critical"), (3, 3, "medium")])
def test_rating(likelihood, severity, band):
    assert rating(likelihood, severity) == band


def test_score_grid_matches_an_independent_count():
    header, rows = score_grid()
    assert len(header) == 6 and len(rows) == 5
    thresholds = [(4, "low"), (9, "medium"), (15, "high"), (25, "critical")]
    for s, row in zip(range(5, 0, -1), rows):
        for l, cell in zip(range(1, 6), row[1:]):
            value = l * s
            assert cell == f"{value} {next(name for top, name in thresholds if value <= top)}"


def test_bands_table_lists_every_band():
    header, rows = bands_table()
    assert header[0] == "Rating" and [row[0] for row in rows] == list(BAND_NAMES)
    assert rows[2][1] == "10 to 15"


def test_the_quiz_agrees_with_the_scoring_rules():
    questions = {q.id: q for q in load_quiz("06_chatbot_risk_assessment")}
    right = lambda q: [o.text for o in q.options if o.correct]  # noqa: E731
    assert right(questions["score"]) == [f"{score(4, 3)}, {rating(4, 3)}"]
    assert right(questions["boundary"]) == [band_of(10).name.capitalize()]
