"""A staged view sends the words of an answer before it makes the slow parts."""

from __future__ import annotations

import ipywidgets as widgets

from kit.toolkit import StagedHTML, joined


def test_ready_parts_are_on_show_before_a_slow_part_is_made():
    view = StagedHTML()
    seen = []

    def chart() -> str:
        seen.append([box.value for box in view.children])
        return "<figure>new</figure>"

    view.show(["<p>old answer</p>", lambda: "<figure>old</figure>", "<p>old table</p>"])
    view.show(["<p>new answer</p>", chart, "<p>new table</p>"])
    assert seen == [["<p>new answer</p>", "<figure>old</figure>", "<p>new table</p>"]]
    assert view.value == "<p>new answer</p><figure>new</figure><p>new table</p>"


def test_fewer_parts_blank_the_rest():
    view = StagedHTML()
    view.show(["a", lambda: "b", "c"])
    view.show(["only"])
    assert [box.value for box in view.children] == ["only", "", ""]
    assert view.value == "only"


def test_joined_makes_one_page_in_order():
    assert joined(["<h3>A</h3>", lambda: "<img alt='x'>", "<p>B</p>"]) == "<h3>A</h3><img alt='x'><p>B</p>"


def test_a_chart_part_is_sent_with_the_words_and_drawn_by_the_browser():
    from kit.toolkit import BrowserChart, VegaChart, vega_spec

    view = StagedHTML()
    view.show(["<p>answer</p>", lambda: "<a>file</a>"])
    view.show(["<p>new answer</p>", BrowserChart(vega_spec(mark="bar"), "Bars in words", "<table></table>", "Bars")])
    box = view.children[1]
    assert isinstance(box, VegaChart) and box.alt == "Bars in words" and box.spec["mark"] == "bar"
    assert "Bars in words" in view.value
    view.show(["<p>words only</p>"])  # the chart is hidden, not left on show
    assert view.children[1].layout.display == "none"
    view.show(["<p>again</p>", "<p>html in the chart's place</p>"])
    assert isinstance(view.children[1], widgets.HTML) and view.children[1].value == "<p>html in the chart's place</p>"


def test_a_chart_part_on_a_page_drawn_once_is_its_picture_or_its_words():
    from kit.toolkit import BrowserChart, vega_spec

    chart = BrowserChart(vega_spec(mark="bar"), "Bars <in> words", "<table></table>", "Bars")
    assert joined([chart]) == '<figure class="kit-chart"><figcaption>Bars</figcaption><p>Bars &lt;in&gt; words</p><table></table></figure>'
    from kit.toolkit import chart as picture, new_figure, to_png

    with_picture = BrowserChart(vega_spec(mark="bar"), "Bars", "<table></table>", "Bars",
                                figure=lambda: new_figure(1, 1))
    expected = picture(to_png(new_figure(1, 1)), "Bars", "<table></table>", "Bars")
    assert joined(["<h3>A</h3>", with_picture]) == f"<h3>A</h3>{expected}" and "<img src=" in expected
