"""The page style and script every app carries: phone layout, landmarks, tables that scroll in their own box."""

from __future__ import annotations

import pandas as pd

from kit.toolkit import page, table_html


def test_the_style_has_a_phone_layout_with_44_px_targets():
    assert f"@media (max-width: {page.PHONE_MAX}px)" in page.STYLE
    assert "min-height: 44px" in page.STYLE and "PHONE_MAX" not in page.STYLE
    # forms: a label above its box, the page's font in boxes and placeholders, buttons as wide as their words
    assert "flex-direction: column" in page.STYLE and "::placeholder" in page.STYLE
    assert ".widget-vbox > .jupyter-button" in page.STYLE and "align-self: flex-start" in page.STYLE


def test_the_script_names_the_main_landmark_and_repairs_empty_table_headers():
    script = page.SCRIPT
    assert "setAttribute('role', 'main')" in script
    assert "setAttribute('scope', 'row')" in script and "kit-keyvalue" in script
    assert "scrollWidth > box.clientWidth" in script and "setAttribute('tabindex', '0')" in script
    assert script.count("<script>") == 1 and "window.__kitPage" in script


def test_a_table_sits_in_its_own_scrolling_box():
    html = table_html(pd.DataFrame({"a": [1]}), caption="Numbers")
    assert html.startswith('<div class="kit-scroll"><table class="kit-table"><caption>Numbers</caption>')
    assert html.endswith("</table></div>")
