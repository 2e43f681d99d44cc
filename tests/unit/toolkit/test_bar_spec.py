"""The shared horizontal-bar specification: rows, colours, ranges, words and lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kit.toolkit._bar_spec import INK, LINE_HEIGHT, WIDTH, Bar, Line, bar_spec
from kit.toolkit._vega import SCHEMA

REPO_ROOT = Path(__file__).resolve().parents[3]
COLOURS = {"up": "#0072B2", "down": "#D55E00", "unused": "#999999"}


def _layers(spec, mark):
    return [layer for layer in spec["layer"]
            if (layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]) == mark]


def test_bars_keep_their_order_and_the_legend_names_only_the_colours_in_use():
    spec = bar_spec([Bar("first", 3, "up", "three"), Bar("second", -2, "down", "minus two")], COLOURS, "Effect")
    assert spec["$schema"] == SCHEMA and spec["config"]["aria"] is False and spec["width"] == WIDTH
    rows = spec["data"]["values"]
    assert [(r["label"], r["value"], r["kind"], r["words"]) for r in rows] == [
        ("first", 3, "up", "three"), ("second", -2, "down", "minus two")]
    bars = _layers(spec, "bar")[0]["encoding"]
    assert bars["y"]["sort"] is None  # top to bottom as given, not alphabetical
    assert bars["color"]["scale"] == {"domain": ["up", "down"], "range": ["#0072B2", "#D55E00"]}
    assert bars["x"]["title"] == "Effect"
    json.dumps(spec)  # sent to the page as JSON


def test_words_start_past_the_bar_and_its_range_on_its_own_side_of_zero():
    spec = bar_spec([Bar("a", 40, "up", "40%", 30, 55), Bar("b", -2, "down", "-2", -3, -1), Bar("c", 5, "up")],
                    COLOURS, "x")
    assert [r["end"] for r in spec["data"]["values"]] == [55, -3, 5]
    right, left = _layers(spec, "text")
    assert right["mark"]["align"] == "left" and "datum.value >= 0" in right["transform"][0]["filter"]
    assert left["mark"]["align"] == "right" and "datum.value < 0" in left["transform"][0]["filter"]
    assert right["encoding"]["x"]["field"] == "end" and right["mark"]["color"] == "#000000"
    error = _layers(spec, "errorbar")[0]
    assert error["encoding"]["x"]["field"] == "low" and error["encoding"]["x2"]["field"] == "high"


def test_words_in_a_column_sit_right_of_the_bars_and_no_range_means_no_error_bars():
    spec = bar_spec([Bar("a", 10, "up", "ten")], COLOURS, "x", words_in_column=True)
    (words,) = _layers(spec, "text")
    assert words["mark"]["x"] == WIDTH + 8 and "x" not in words["encoding"]
    assert _layers(spec, "errorbar") == []


def test_lines_are_dashed_or_solid_and_labelled_above_the_bars():
    spec = bar_spec([Bar("a", 1, "up")], COLOURS, "x", lines=[Line(80, "four-fifths"), Line(0, dashed=False)])
    dashed, solid = _layers(spec, "rule")
    assert dashed["encoding"]["x"]["datum"] == 80 and dashed["mark"]["strokeDash"] and dashed["mark"]["color"] == INK
    assert solid["encoding"]["x"]["datum"] == 0 and solid["mark"]["strokeDash"] == []
    (label,) = [layer for layer in _layers(spec, "text") if "data" in layer]  # its own one-row data
    assert label["encoding"]["text"]["value"] == "four-fifths" and label["mark"]["y"] < 0


def test_domain_ticks_and_legend_can_be_set_or_left_out():
    spec = bar_spec([Bar("a", 1, "up")], COLOURS, ["two", "lines"], domain=(0, 100), ticks=[0, 50, 100],
                    show_legend=False)
    x = _layers(spec, "bar")[0]["encoding"]["x"]
    assert x["scale"]["domain"] == [0, 100] and x["axis"]["values"] == [0, 50, 100] and x["title"] == ["two", "lines"]
    assert _layers(spec, "bar")[0]["encoding"]["color"]["legend"] is None
    titled = bar_spec([Bar("a", 1, "up")], COLOURS, "x", legend="Direction")
    assert _layers(titled, "bar")[0]["encoding"]["color"]["legend"]["title"] == "Direction"


def test_a_label_of_several_lines_is_centred_on_its_bar_and_gets_room():
    one = bar_spec([Bar("a", 1, "up")], COLOURS, "x")
    assert "labelOffset" not in one["layer"][0]["encoding"]["y"]["axis"]
    spec = bar_spec([Bar("one", 1, "up"), Bar("two\nlines", 1, "up"), Bar("three\nshort\nlines", 1, "up")],
                    COLOURS, "x")
    axis = spec["layer"][0]["encoding"]["y"]["axis"]
    assert "split" in axis["labelExpr"]
    assert [c["value"] for c in axis["labelOffset"]["condition"]] == [-LINE_HEIGHT, -LINE_HEIGHT / 2]
    assert spec["height"]["step"] >= 3 * LINE_HEIGHT


def test_no_bars_is_still_a_chart():
    spec = bar_spec([], COLOURS, "x")
    assert spec["data"]["values"] == [] and _layers(spec, "bar")[0]["encoding"]["color"]["scale"]["domain"] == []


def test_building_a_chart_loads_no_matplotlib():
    code = ("import sys\nfrom kit.toolkit._bar_spec import Bar, bar_spec\n"
            "bar_spec([Bar('a', 1, 'up')], {'up': '#000'}, 'x')\nprint('matplotlib' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"
