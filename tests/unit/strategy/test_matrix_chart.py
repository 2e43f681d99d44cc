"""The value × ethical-risk matrix: the browser's Vega-Lite specification and the matplotlib picture agree."""

from __future__ import annotations

import json

import pytest

from kit.strategy import QUADRANTS, load_template, matrix_alt, recommend, scales, use_case
from kit.strategy.ui import BAND_STYLE, matrix_chart_html, matrix_figure, matrix_spec, matrix_table

#: Each ethical risk's band, written out here rather than taken from the kit.
COLOUR = {1: "#0072B2", 2: "#0072B2", 3: "#E69F00", 4: "#D55E00", 5: "#D55E00"}
SHAPE = {1: "circle", 2: "circle", 3: "square", 4: "triangle-up", 5: "triangle-up"}


def case(title="Idea", value=3, risk=2, effort=3):
    return use_case({"title": title, "value": value, "effort": effort, "risk": risk})


def layer(spec: dict, channel: str) -> dict:
    """The layer that draws the cases through ``channel``: ``shape`` (points), ``stroke`` (ring), ``text`` (numbers)."""
    found = [l for l in spec["layer"] if channel in l["encoding"]
             and (channel != "text" or l["encoding"]["text"]["field"] == "number")]
    assert len(found) == 1
    return found[0]


def drawn(spec: dict, channel: str, row: dict):
    """What the points layer draws for ``row`` through ``channel``'s scale (colour or shape)."""
    scale = layer(spec, "shape")["encoding"][channel]["scale"]
    return dict(zip(scale["domain"], scale["range"]))[row["band"]]


def test_each_case_alone_in_its_cell_sits_on_its_scores_with_its_band_colour_shape_and_number():
    cases = list(load_template("retailer").use_cases)
    spec = matrix_spec(cases)
    rows = layer(spec, "shape")["data"]["values"]
    assert [r["number"] for r in rows] == [str(n) for n in range(1, len(cases) + 1)]
    for c, row in zip(cases, rows):
        alone = sum((o.risk, o.value) == (c.risk, c.value) for o in cases) == 1
        if alone:
            assert (row["x"], row["y"]) == (c.risk, c.value)
        assert abs(row["x"] - c.risk) < 0.5 and abs(row["y"] - c.value) < 0.5  # never in a neighbouring cell
        assert drawn(spec, "color", row) == COLOUR[c.risk] and drawn(spec, "shape", row) == SHAPE[c.risk]
        assert row["ink"] == ("white" if c.risk <= 2 else "black")
    numbers = layer(spec, "text")
    assert numbers["data"] == layer(spec, "shape")["data"] and numbers["encoding"]["text"]["field"] == "number"


def test_the_recommended_pilot_alone_is_ringed():
    cases = [case("Risky", value=5, risk=4), case("Safe", value=4, risk=1), case("Dull", value=2, risk=2)]
    spec = matrix_spec(cases)
    ring = layer(spec, "stroke")
    assert ring["transform"] == [{"filter": "datum.pilot"}]
    pilots = [r["number"] for r in ring["data"]["values"] if r["pilot"]]
    assert pilots == [str(recommend(cases).index + 1)] == ["2"]
    assert ring["encoding"]["stroke"]["datum"] == "Recommended first pilot"


@pytest.mark.parametrize("count", [0, 1, 12])
def test_any_number_of_cases_draws_the_whole_frame(count):
    cases = [case(f"Idea {n}", value=4 + n % 2, risk=1 + 2 * (n % 3)) for n in range(count)]  # shared cells
    spec = matrix_spec(cases)
    json.dumps(spec, allow_nan=False)  # the page receives it as JSON
    rows = layer(spec, "shape")["data"]["values"]
    assert len(rows) == count and len({(r["x"], r["y"]) for r in rows}) == count  # spread, none hidden
    assert all(abs(r["x"] - c.risk) < 0.5 and abs(r["y"] - c.value) < 0.5 for r, c in zip(rows, cases))
    assert sum(r["pilot"] for r in rows) == (1 if count else 0)
    names = [c["text"] for l in spec["layer"] for c in l["data"]["values"] if "text" in c]
    assert sorted(names) == sorted(QUADRANTS.values())
    assert layer(spec, "shape")["encoding"]["color"]["scale"]["domain"] == [s["label"] for s in BAND_STYLE.values()]


def test_every_layer_shares_the_axes_named_from_the_scales():
    spec = matrix_spec([case()])
    axes = {json.dumps([l["encoding"]["x"], l["encoding"]["y"]["axis"]])
            for l in spec["layer"] if "field" in l["encoding"].get("x", {})}
    assert len(axes) == 1  # one axis, one scale: points, numbers and quadrant names line up
    x, y = (spec["layer"][-1]["encoding"][axis] for axis in "xy")
    words = scales()
    assert all(f'"{level.label}"' in x["axis"]["labelExpr"] for level in words["risk"].levels.values())
    assert all(f'"{level.label} {n}"' in y["axis"]["labelExpr"] for n, level in words["value"].levels.items())
    assert (x["title"], y["title"]) == ("Ethical risk: who could be harmed, and how badly", "Value: how much it helps")


def test_the_matplotlib_picture_and_the_table_stay_for_pages_drawn_once():
    cases = list(load_template("retailer").use_cases)
    html = matrix_chart_html(cases)
    assert html.count("<img") == 1 and matrix_table(cases) in html and "Use cases on the matrix" in html
    assert 'alt="Matrix of 6 use cases' in html and matrix_alt(cases).startswith("Matrix of 6 use cases")
    texts = [t.get_text() for t in matrix_figure([]).axes[0].texts]
    assert sorted(texts) == sorted(QUADRANTS.values())  # an empty matrix still draws
