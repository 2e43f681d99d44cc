"""The shared widget toolkit: escaping, guarded callbacks, charts, sliders."""

from __future__ import annotations

import logging

import ipywidgets as widgets
import pytest

from kit.toolkit import _widgets as ui
from kit.workshop.ui import agenda_html, gallery_html
from kit.toolkit import new_figure, to_png


def test_escape_neutralises_markup_and_quotes():
    assert ui.escape('<img src=x onerror="alert(1)">') == "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert ui.escape(None) == ""


def test_notice_escapes_and_announces_errors():
    html = ui.notice("<b>bad</b>", "error")
    assert "&lt;b&gt;bad&lt;/b&gt;" in html and 'role="alert"' in html


def test_guarded_shows_a_value_error_message_as_is():
    box = ui.error_box()

    @ui.guarded(box, "check the file")
    def fail(_):
        raise ValueError("The file has no rows. Add data below the header row.")

    assert fail(None) is None
    assert "The file has no rows" in box.value and "Traceback" not in box.value


def test_guarded_hides_unexpected_errors_but_logs_them(caplog):
    box = ui.error_box()

    @ui.guarded(box, "draw the chart")
    def crash():
        raise KeyError("internal detail")

    with caplog.at_level(logging.ERROR):
        crash()
    assert "could not draw the chart" in box.value
    assert "internal detail" not in box.value and "KeyError" not in box.value
    assert "internal detail" in caplog.text


def test_guarded_clears_the_box_on_success():
    box = ui.error_box()
    box.value = "old error"
    assert ui.guarded(box)(lambda: 5)() == 5
    assert box.value == ""


def test_chart_has_alt_text_and_table():
    figure = new_figure()
    figure.add_subplot().bar(["a", "b"], [1, 2])
    html = ui.chart(to_png(figure), alt='Bar chart: "b" is twice "a"', table_html="<table></table>", caption="Rates")
    assert 'alt="Bar chart: &quot;b&quot; is twice &quot;a&quot;"' in html
    assert "<table></table>" in html and "<figcaption>Rates</figcaption>" in html


def test_chart_without_alt_is_refused():
    with pytest.raises(ValueError, match="text alternative"):
        ui.chart("", alt="  ")


def test_png_bytes_repeat():
    def draw():
        figure = new_figure()
        figure.add_subplot().plot([0, 1], [1, 0])
        return to_png(figure)

    assert draw() == draw()


@pytest.mark.parametrize(("kwargs", "cls"), [({"value": 3, "min": 0, "max": 5}, widgets.IntSlider),
                                             ({"value": 0.5, "min": 0.0, "max": 1.0, "step": 0.05}, widgets.FloatSlider)])
def test_accessible_slider_type_and_label(kwargs, cls):
    slider = ui.accessible_slider("Threshold", **kwargs)
    assert isinstance(slider, cls) and slider.description == "Threshold"
    assert slider.continuous_update is False


def test_gallery_links_only_written_lessons():
    html = gallery_html()
    assert 'href="01_strategy_and_use_cases.ipynb"' not in html or "Open lesson 01" in html
    assert "Coming in a later release" in html or "Open lesson" in html
    assert "00 · Start here" not in html


def test_agenda_html_is_a_captioned_table():
    html = agenda_html("Two days")
    assert "<caption>Two days: clock times</caption>" in html and "<th scope='col'>Day</th>" in html
    assert "<h3>Two days</h3>" in html and "<strong>For:</strong> Anyone who will lead" in html
