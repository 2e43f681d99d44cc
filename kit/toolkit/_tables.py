"""DataFrames as accessible HTML tables (caption, column headers with scope, escaped values)."""

from __future__ import annotations

import math
import numbers
from typing import TYPE_CHECKING

from kit.toolkit._widgets import escape

if TYPE_CHECKING:  # pandas is the caller's: a page without a table need not load it
    import pandas as pd


def _cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, numbers.Real) and not isinstance(value, (bool, numbers.Integral)):
        return f"{value:.3f}"
    return str(value)


def table_html(frame: pd.DataFrame, caption: str = "", index: bool = False) -> str:
    """Render ``frame`` as a table; numbers to 3 decimals, missing values as "n/a".

    The table sits in a box of its own that scrolls sideways when the table is
    wider than the screen (a phone), so the page itself never does; the page
    script (:mod:`kit.toolkit._page_assets`) makes the box reachable with the
    keyboard, named by the caption, whenever it scrolls.
    """
    if index:
        frame = frame.reset_index()
    head = "".join(f'<th scope="col">{escape(column)}</th>' for column in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(value))}</td>" for value in record) + "</tr>"
        for record in frame.itertuples(index=False, name=None)
    )
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'<div class="kit-scroll"><table class="kit-table">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table></div>')
