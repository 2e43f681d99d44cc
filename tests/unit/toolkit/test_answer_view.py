"""An answer view shows each part in its own widget, and the same parts make a page drawn once."""

from __future__ import annotations

import ipywidgets as widgets

from kit.toolkit import AnswerView, joined


def test_each_part_is_shown_in_order_and_only_changed_boxes_change():
    view = AnswerView()
    view.show(["<p>old answer</p>", "<p>old table</p>"])
    first = view.children
    view.show(["<p>new answer</p>", "<p>new table</p>"])
    assert view.children == first  # the same boxes, new words: the page redraws two boxes, not the view
    assert view.value == "<p>new answer</p><p>new table</p>"


def test_fewer_parts_blank_the_rest():
    view = AnswerView()
    view.show(["a", "b", "c"])
    view.show(["only"])
    assert [box.value for box in view.children] == ["only", "", ""]
    assert view.value == "only"


def test_joined_makes_one_page_in_order():
    assert joined(["<h3>A</h3>", "<img alt='x'>", "<p>B</p>"]) == "<h3>A</h3><img alt='x'><p>B</p>"


def test_a_chart_part_is_sent_with_the_words_and_drawn_by_the_browser():
    from kit.toolkit import BrowserChart, VegaChart, vega_spec

    view = AnswerView()
    view.show(["<p>answer</p>", "<p>words in the chart's place</p>"])
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


def test_a_files_part_is_a_row_of_links_made_when_clicked_and_carried_on_a_page_drawn_once():
    from kit.toolkit import DownloadLinks, Files

    made = []
    files = Files([(lambda: made.append("notes") or "a <b> note", "notes.md", "Download the notes")])
    view = AnswerView()
    view.show(["<p>answer</p>", files])
    row = view.children[1]
    assert isinstance(row, DownloadLinks) and row.names == ["notes.md"] and made == []  # nothing made yet
    assert view.value == "<p>answer</p>Download the notes"
    assert row.file("notes.md") == b"a <b> note" and made == ["notes"]
    view.show(["<p>no files now</p>"])  # a shorter answer: the links go
    assert row.names == [] and view.value == "<p>no files now</p>"
    page = joined(["<p>answer</p>", files])  # a page drawn once carries the file itself
    assert 'download="notes.md" href="data:text/markdown;base64,' in page and ">Download the notes</a>" in page
