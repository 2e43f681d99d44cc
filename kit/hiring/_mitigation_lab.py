"""Mitigations of the sample hiring pool, computed once per kernel and attribute.

scikit-learn and fairlearn are imported on the first comparison only, so an
attendee who never asks for one keeps a lean kernel.
"""

from __future__ import annotations

import functools

import pandas as pd

from kit.data import load_hiring


@functools.lru_cache(maxsize=8)
def _cached(protected: str) -> tuple[pd.DataFrame, str]:
    from kit.hiring._mitigate import compare_mitigations, mitigation_summary

    table = compare_mitigations(load_hiring(), protected)
    return table, mitigation_summary(table)


def mitigation_table(protected: str) -> tuple[pd.DataFrame, str]:
    """The before/after table for ``protected`` and its trade-off in one paragraph."""
    table, summary = _cached(protected)
    return table.copy(), summary
