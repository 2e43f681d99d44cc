"""The heat grid: cells, tables and words from the engine; the picture from kit.risk.ui._heatmap."""

from __future__ import annotations

import base64

import pytest

from kit.risk import Register, heatmap_alt, heatmap_cells, heatmap_table, load_template, validate_risk
from kit.risk.ui import BAND_STYLE, MAX_REFS_SHOWN, heatmap_figure, heatmap_html, heatmap_spec
from kit.toolkit import to_png


@pytest.fixture()
def register():
    return load_template("customer_service_chatbot")


def test_cells_place_each_risk_before_and_after(register):
    before, after = heatmap_cells(register), heatmap_cells(register, after=True)
    assert len(before) == 25 and sum(map(len, before.values())) == 4
    assert before[(3, 5)] == ["R1"] and before[(3, 4)] == ["R2"] and after[(2, 4)] == ["R1"]
    assert after[(2, 3)] == ["R2"] and after[(1, 3)] == ["R3"] and after[(2, 2)] == ["R4"]


def test_table_rows_run_from_severe_down_with_score_band_and_refs(register):
    header, rows = heatmap_table(register)
    assert header[1] == "1 (rare)" and rows[0][0] == "5 (severe)" and rows[-1][0] == "1 (negligible)"
    assert rows[0][3] == "15 high: R1" and rows[0][1] == "5 medium" and rows[-1][5] == "5 medium"


def test_alt_text_names_every_risk_and_the_band_counts(register):
    alt = heatmap_alt(register)
    assert "with 4 risks placed" in alt
    assert "Before mitigation (0 critical, 3 high, 1 medium, 0 low)" in alt
    assert "R1 at likelihood 3 (possible) × severity 5 (severe) = 15, high" in alt
    assert "R3 at likelihood 1 (rare) × severity 3 (moderate) = 3, low" in alt
    assert "register has no risks yet" in heatmap_alt(Register())


def test_figure_has_two_grids_and_a_legend(register):
    figure = heatmap_figure(register)
    assert [axes.get_title() for axes in figure.axes] == ["Before mitigation", "After mitigation"]
    assert [t.get_text() for t in figure.legends[0].get_texts()] == [
        "low (1-4)", "medium (5-9)", "high (10-15)", "critical (16-25)"]
    assert base64.b64decode(to_png(figure))[:4] == b"\x89PNG"


def test_bands_differ_by_hatching_as_well_as_colour():
    hatches = [hatch for _, hatch in BAND_STYLE.values()]
    colours = [colour for colour, _ in BAND_STYLE.values()]
    assert len(set(hatches)) == 4 and len(set(colours)) == 4


def test_a_crowded_cell_is_shortened_in_the_picture_only():
    register = Register()
    for i in range(12):
        register.add(validate_risk({"title": f"Risk {i}", "likelihood": 2, "severity": 2}))
    texts = [t.get_text() for t in heatmap_figure(register).axes[0].texts]
    assert texts and f"+{12 - MAX_REFS_SHOWN + 1}" in texts[0] and "R12" not in texts[0]
    assert "R12 at likelihood 2" in heatmap_alt(register)


def test_html_has_alt_text_and_both_tables_escaped():
    register = Register()
    register.add(validate_risk({"title": "<img src=x onerror=alert(1)>", "likelihood": 2, "severity": 2}))
    html = heatmap_html(register)
    assert html.count("<table") == 2 and "Before mitigation" in html and "After mitigation" in html
    assert 'alt="Two 5 by 5 risk grids' in html and "<img src=x" not in html


def test_browser_spec_places_each_risk_in_its_cell_with_its_band_colour(register):
    spec = heatmap_spec(register)
    cells = spec["data"]["values"]
    assert len(cells) == 50 and {c["panel"] for c in cells} == {"Before mitigation", "After mitigation"}
    placed = {(c["panel"], c["likelihood"], c["severity"]): c for c in cells}
    assert placed[("Before mitigation", "3 possible", "severe 5")]["refs"] == ["R1"]
    assert placed[("After mitigation", "2 unlikely", "major 4")]["refs"] == ["R1"]
    assert placed[("Before mitigation", "3 possible", "severe 5")]["rating"] == "high (10-15)"
    colour = spec["spec"]["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(colour["domain"], colour["range"]))["critical (16-25)"] == BAND_STYLE["critical"][0]
    assert sum(len(c["refs"]) for c in cells) == 2 * len(register.risks)


def test_browser_spec_shortens_a_crowded_cell_like_the_picture(register):
    crowded = Register()
    for n in range(MAX_REFS_SHOWN + 3):
        crowded.add(validate_risk({"title": f"Risk {n}", "likelihood": 2, "severity": 2}))
    cell = next(c for c in heatmap_spec(crowded)["data"]["values"] if c["refs"])
    assert " ".join(cell["refs"]).endswith(f"+{4}")
