"""The vendor checklist's area chart drawn by the browser: scores, band colours, band lines and words."""

from __future__ import annotations

import pytest

from kit.governance._vendor import BANDS, example_summary, load_checklist, summarise, summary_alt
from kit.governance.ui import BAND_STYLE, summary_html, summary_parts
from kit.governance.ui._vendor_checklist import AREA_CAPTION, area_figure, area_spec
from kit.toolkit import BrowserChart, VegaChart
from kit.toolkit._plots import OTHER_COLOUR


def _layers(spec, mark):
    return [layer for layer in spec["layer"] if layer["mark"]["type"] == mark]


@pytest.fixture(scope="module")
def checklist():
    return load_checklist()


def test_each_area_is_a_bar_of_its_score_named_with_its_band(checklist):
    summary = example_summary(checklist)
    rows = area_spec(summary)["data"]["values"]
    assert len(rows) == len(summary.areas)
    for row, score in zip(rows, summary.areas):
        assert row["value"] == score.percent and row["kind"] == score.band
        assert row["words"] == f"{score.percent}% {score.band}"
        assert row["label"].replace("\n", " ") == score.area.title


def test_unanswered_areas_have_no_bar_and_say_so(checklist):
    summary = summarise(checklist, {"our-data-use": 2})
    rows = area_spec(summary)["data"]["values"]
    assert rows[0]["words"] == "0% Serious gaps" and rows[0]["value"] == 0
    assert {(r["value"], r["kind"], r["words"]) for r in rows[1:]} == {(0, "Not answered yet", "not answered yet")}


def test_colours_are_the_pictures_band_colours_and_the_band_floors_are_dashed_lines(checklist):
    spec = area_spec(summarise(checklist, {"our-data-use": 0, "deletion": 2}))
    scale = _layers(spec, "bar")[0]["encoding"]["color"]["scale"]
    colours = dict(zip(scale["domain"], scale["range"]))
    assert colours == {"Strong": BAND_STYLE["Strong"][0], "Serious gaps": BAND_STYLE["Serious gaps"][0],
                       "Not answered yet": OTHER_COLOUR}
    rules = _layers(spec, "rule")
    assert [r["encoding"]["x"]["datum"] for r in rules] == [floor for floor, _ in BANDS[:-1]] == [75, 50, 25]
    assert all(r["mark"]["strokeDash"] for r in rules)
    x = _layers(spec, "bar")[0]["encoding"]["x"]
    assert x["scale"]["domain"] == [0, 100] and x["axis"]["values"] == [0, 25, 50, 75, 100]
    assert x["title"] == "Score (%)"
    assert _layers(spec, "bar")[0]["encoding"]["color"]["legend"] is None  # the words name each band


def test_a_long_area_title_is_wrapped_as_in_the_picture(checklist):
    summary = example_summary(checklist)
    labels = [row["label"] for row in area_spec(summary)["data"]["values"]]
    picture = [t.get_text() for t in area_figure(summary).axes[0].get_yticklabels()]
    assert labels == picture and any("\n" in label for label in labels)


def test_the_summary_sends_the_chart_and_a_page_drawn_once_keeps_the_picture(checklist):
    summary = example_summary(checklist)
    chart = summary_parts(summary)[1]
    assert isinstance(chart, BrowserChart) and chart.alt == summary_alt(summary) and chart.caption == AREA_CAPTION
    assert chart.spec == area_spec(summary)
    html = summary_html(summary, downloads=False)
    assert "<img" in html and 'alt="Bar chart of due-diligence scores by area' in html


def test_an_answer_redraws_the_browser_chart_without_matplotlib(fresh_session, monkeypatch):
    import kit.governance.ui._vendor_checklist as checklist_module
    from kit.governance.ui import vendor_checklist

    monkeypatch.setattr(checklist_module, "area_figure", lambda summary: pytest.fail("drew a picture"))
    app = vendor_checklist()
    radio = next(w for w in app.children if "kit-q-deletion" in w._dom_classes)
    radio.value = 2
    view = app.children[-1]
    chart = next(box for box in view.children if isinstance(box, VegaChart))
    assert "1 of 18 questions answered" in view.value and chart.alt in view.value
    words = [row["words"] for row in chart.spec["data"]["values"]]
    assert words.count("not answered yet") == len(words) - 1
