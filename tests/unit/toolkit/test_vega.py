"""The browser-drawn chart: what it sends to the page, and that its bundle matches its source."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kit.toolkit import VegaChart, vega_spec
from kit.toolkit._vega import SCHEMA

STATIC = Path(__file__).resolve().parents[3] / "kit" / "toolkit" / "static"


def test_show_sets_every_part_in_one_update():
    chart = VegaChart()
    sent = []
    chart.observe(lambda change: sent.append(change["name"]), names=["spec", "alt", "caption", "table_html"])
    chart.show(vega_spec(mark="bar"), "A bar chart of nothing", "<table></table>", "Nothing")
    assert chart.spec["mark"] == "bar" and chart.spec["$schema"] == SCHEMA and chart.spec["config"]["aria"] is False
    assert (chart.alt, chart.table_html, chart.caption) == ("A bar chart of nothing", "<table></table>", "Nothing")
    assert sorted(sent) == ["alt", "caption", "spec", "table_html"]


def test_a_chart_without_a_text_alternative_is_refused_and_keeps_what_it_showed():
    chart = VegaChart()
    chart.show(vega_spec(mark="bar"), "Before")
    with pytest.raises(ValueError, match="text alternative"):
        chart.show(vega_spec(mark="line"), "  ")
    assert chart.alt == "Before" and chart.spec["mark"] == "bar"


def test_the_bundle_was_built_from_the_current_source_and_needs_no_network():
    source = (STATIC / "vega_chart.src.js").read_bytes()
    bundle = (STATIC / "vega_chart.js").read_text(encoding="utf-8")
    assert f"// vega_chart.src.js sha256: {hashlib.sha256(source).hexdigest()}" in bundle.splitlines()[:3], (
        "vega_chart.js is out of date: run python scripts/build-vega-bundle.py")
    assert "import " not in bundle.split("\n", 3)[3][:100] and "https://esm.sh" not in bundle


def test_under_kit_serve_a_chart_sends_a_loader_for_the_served_bundle(monkeypatch):
    from kit.toolkit._vega import chart_code

    monkeypatch.delenv("KIT_SERVED_CODE", raising=False)
    assert chart_code() == STATIC / "vega_chart.js"  # JupyterLab, the hub, Binder: the chart carries its code
    monkeypatch.setenv("KIT_SERVED_CODE", "1")
    loader = chart_code()
    assert loader == STATIC / "vega_chart_loader.js" and loader.stat().st_size < 4000
    text = loader.read_text(encoding="utf-8")
    assert "fullLabextensionsUrl" in text and "/vega_chart.js" in text  # the file kit serve serves
    assert "Reload the page" in text  # and what the attendee reads if it cannot be fetched
