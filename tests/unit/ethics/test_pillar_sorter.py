"""The lesson 02 scenario sorter, driven without a browser: check, move, save, restore."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.workshop import parts
from kit.workshop import session
from kit.ethics import content
from kit.ethics.ui import pillar_cards_html, pillar_sorter
from tests.unit.strategy.test_use_case_matrix import find, text

pytestmark = pytest.mark.usefixtures("fresh_session")


def _tick(app, *names):
    for name in names:
        find(app, widgets.Checkbox, name).value = True
    find(app, widgets.Button, "Check my answer").click()


def test_checking_gives_feedback_and_saves_the_score():
    app = pillar_sorter()
    _tick(app, "Privacy")
    shown = text(app)
    assert "You found 1 of 2 pillars at stake" in shown and "Missed: Transparency" in shown
    total = len(content().scenarios)
    assert f"Your score: 0 of {total} scenarios sorted right (1 answered so far)" in shown
    assert session.current().load(parts.PILLARS.key) == {"answers": {"loyalty-app": ["privacy"]}, "score": [0, 1, total]}


def test_nothing_ticked_is_a_plain_message_and_saves_nothing():
    app = pillar_sorter()
    find(app, widgets.Button, "Check my answer").click()
    assert "Tick at least one pillar" in text(app) and session.current() is None


def test_moving_between_scenarios_keeps_each_answer():
    app = pillar_sorter()
    _tick(app, "Privacy", "Transparency and explainability")
    find(app, widgets.Button, "Next scenario").click()
    assert "Ranking CVs" in text(app) and not find(app, widgets.Checkbox, "Privacy").value
    assert find(app, widgets.Button, "Previous scenario").disabled is False
    find(app, widgets.Button, "Previous scenario").click()
    assert find(app, widgets.Checkbox, "Privacy").value and "Well sorted" in text(app)


def test_reopening_restores_answers():
    app = pillar_sorter()
    _tick(app, "Privacy", "Transparency and explainability")
    code = session.current().code
    session.reset()
    again = pillar_sorter()
    session.resume(code)
    assert find(again, widgets.Checkbox, "Privacy").value and "Your score: 1 of" in text(again)


def test_cards_show_every_pillar():
    html = pillar_cards_html()
    assert all(p.name in html for p in content().pillars.values())
