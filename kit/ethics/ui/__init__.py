"""The ethics lesson's widgets: the pillar cards and the scenario sorter."""

from kit.ethics.ui._sorter import pillar_cards_html, pillar_sorter

__all__ = [
    "pillar_cards_html",
    "pillar_sorter",
]
