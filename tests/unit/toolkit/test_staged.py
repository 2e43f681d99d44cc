"""A staged view sends the words of an answer before it makes the slow parts."""

from __future__ import annotations

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
