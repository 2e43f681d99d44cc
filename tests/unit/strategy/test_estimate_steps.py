"""The rough return worked through as steps: the same sums as the sentence, one row each, shown as a table."""

from __future__ import annotations

from kit.strategy import estimate, estimate_steps, load_template, use_case
from kit.strategy.ui import estimate_html

MONEY = {"hours_saved": 10, "hourly_cost": 20, "other_gain": "", "setup_cost": 900, "monthly_cost": 50}


def case(title="Forecast", **money):
    return use_case({"title": title, "value": 3, "effort": 3, "risk": 2, **money})


def test_each_step_shows_its_sum_and_its_result():
    steps = estimate_steps(case(**MONEY))
    assert steps == [
        ("Gain per month", "10 hours saved × 20 an hour", "200"),
        ("Net gain per month", "200 gain − 50 running cost", "150"),
        ("Payback time", "900 one-off cost ÷ 150 a month", "about 6.0 months"),
        ("First-year return", "(12 × 150 − 900) ÷ (900 + 12 × 50) = 900 ÷ 1,500", "60%"),
    ]
    result = estimate(case(**MONEY))
    assert result.first_year_return == 900 / 1500  # the table's last row, computed independently


def test_no_payback_no_one_off_cost_and_no_figures():
    never = estimate_steps(case(**{**MONEY, "monthly_cost": 500}))
    assert never[2] == ("Payback time", "the net gain is -300, so the one-off cost of 900 is never paid back", "never")
    free = estimate_steps(case(**{**MONEY, "setup_cost": 0}))
    assert free[2] == ("Payback time", "no one-off cost", "from the first month")
    assert estimate_steps(case()) == []


def test_the_lesson_s_example_is_a_table_and_escapes_the_title():
    html = estimate_html(load_template("retailer").use_cases[0])
    assert html.startswith('<div class="kit-scroll"><table class="kit-table kit-steps">')
    assert html.count("<tr>") == 5 and "<pre" not in html and "about 6.7 months" in html
    odd = estimate_html(case("<b>Bot</b>", **MONEY))
    assert "<b>Bot</b>" not in odd and "&lt;b&gt;Bot&lt;/b&gt;" in odd
    assert "no figures given" in estimate_html(case())
