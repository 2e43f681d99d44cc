"""``kit serve --room N``: the sizing arithmetic, the refusal in plain words, and what reaches Voilà."""

from __future__ import annotations

import json
import math

import pytest

from kit.cli import main
from kit.paths import NOTEBOOKS_DIR
from kit.server import ALL_LESSONS, ServeOptions, kernel_memory, plan_room, room_capacity, room_need_mb, room_plan
from kit.server import voila_command
from kit.workshop import agenda_names, lessons

LESSONS = [("lesson 00", "00_a.ipynb", 100.0), ("lesson 01", "01_b.ipynb", 120.0), ("lesson 02", "02_c.ipynb", 200.0),
           ("lesson 03", "03_d.ipynb", 110.0)]
FIXED = 800.0  # server, shared libraries and reserve


def need_by_hand(room: int, mb: list[float]) -> float:
    """The module docstring's formula written out independently: every pair of consecutive lessons in turn."""
    spread = min(room, math.ceil(room / len(mb)))
    worst = 0.0
    for c in range(len(mb) - 1):
        w = c + 1
        others = sum(size for j, size in enumerate(mb) if j not in (c, w))
        worst = max(worst, room * (mb[c] + mb[w]) + spread * others)
    return FIXED + worst


@pytest.mark.parametrize("room", [1, 2, 7, 30, 60])
def test_need_follows_the_documented_formula(room):
    mb = [size for _, _, size in LESSONS]
    assert room_need_mb(room, mb, FIXED) == pytest.approx(need_by_hand(room, mb))


def test_need_of_thirty_worked_by_hand():
    # Heaviest pair: lessons 01 and 02 (120 + 200) for 30 each; spread ceil(30 / 4) = 8 on lessons 00 and 03.
    assert room_need_mb(30, [100, 120, 200, 110], FIXED) == 800 + 30 * 320 + 8 * 210


def test_a_single_lesson_warms_a_kernel_per_attendee_besides_the_open_pages():
    assert room_need_mb(10, [150], 500) == 500 + 10 * 300


def test_capacity_is_the_largest_room_that_fits():
    mb = [size for _, _, size in LESSONS]
    for available in (900, 5_000, 20_000):
        holds = room_capacity(mb, FIXED, available)
        assert room_need_mb(holds, mb, FIXED) <= available < room_need_mb(holds + 1, mb, FIXED)


def test_a_machine_with_too_little_memory_holds_nobody():
    assert room_capacity([150, 150], FIXED, FIXED + 100) == 0


def test_a_room_that_fits_is_prepared_in_plain_words():
    plan = plan_room(30, LESSONS, available_mb=20_000, fixed_mb=FIXED, measured="2026-12-05")
    assert plan.fits and plan.refusal() is None and plan.spread == 8
    assert plan.pools() == (("00_a.ipynb", 30), ("01_b.ipynb", 30), ("02_c.ipynb", 8), ("03_d.ipynb", 8))
    text = plan.summary()
    assert f"can hold about {plan.holds} attendees" in text and "20,000 MB of memory free" in text
    assert "Warming 76 kernels" in text and "30 for lesson 00 and lesson 01, and 8 for each other lesson" in text
    assert "measured on 2026-12-05" in text


def test_a_room_too_big_is_refused_with_the_fixes():
    plan = plan_room(60, LESSONS, available_mb=14_000, fixed_mb=FIXED, agenda="Two days",
                     alternatives=[("Two days", [100, 120, 200, 110]), ("Short", [100, 110])])
    assert not plan.fits and plan.holds == room_capacity([100, 120, 200, 110], FIXED, 14_000)
    why = plan.refusal()
    assert why.startswith(f"a room of 60 needs about {plan.need_mb:,.0f} MB of memory with the agenda \"Two days\"")
    assert f"enough for {plan.holds}" in why and f"(--room {plan.holds})" in why
    assert '--agenda "Short"' in why and "deploy/jupyterhub/README.md" in why
    assert "Warming" not in plan.summary()


def test_no_agenda_is_suggested_when_none_fits():
    plan = plan_room(500, LESSONS, available_mb=12_000, fixed_mb=FIXED, alternatives=[("Short", [100, 110])])
    assert "--agenda" not in plan.refusal()


def test_a_room_of_nobody_is_refused():
    with pytest.raises(ValueError, match="--room is the number of attendees"):
        plan_room(0, LESSONS, available_mb=20_000, fixed_mb=FIXED)


def test_the_memory_figures_are_dated_and_cover_every_lesson():
    figures = kernel_memory()
    assert figures.measured[:2] == "20" and figures.machine
    assert {lesson.id for lesson in lessons()} <= set(figures.lessons)
    assert all(entry.private_mb <= entry.rss_mb for entry in figures.lessons.values())


def test_the_plan_for_this_kit_reads_the_agenda_and_the_figures():
    plan = room_plan(10, "SMB full day", NOTEBOOKS_DIR, reserve_mb=500, free_mb=30_000)
    figures = kernel_memory()
    assert plan.agenda == "SMB full day" and plan.lessons[0][1] == "00_start_here.ipynb"
    assert plan.lessons[0][2] == figures.lessons["start"].private_mb
    assert {name for name, _ in plan.alternatives} == (set(agenda_names()) | {ALL_LESSONS}) - {"SMB full day"}
    every = room_plan(10, None, NOTEBOOKS_DIR, reserve_mb=500, free_mb=30_000)
    assert every.agenda == ALL_LESSONS and len(every.lessons) == len(lessons())
    assert room_plan(10, "smb FULL day", NOTEBOOKS_DIR, 500, 30_000).agenda == "SMB full day"


def test_an_unknown_agenda_lists_the_agendas():
    with pytest.raises(ValueError, match="no agenda called 'Three days'.*SMB full day"):
        room_plan(10, "Three days", NOTEBOOKS_DIR, reserve_mb=500, free_mb=30_000)


def test_the_room_reaches_voila_and_the_kernel_manager():
    plan = plan_room(12, LESSONS, available_mb=20_000, fixed_mb=FIXED)
    argv = voila_command(ServeOptions(room=plan, pools=(("03_d.ipynb", 20),)))
    assert not any("kernel_pools_config" in a for a in argv)  # the kernel manager sets them from the plan
    room = json.loads(next(a for a in argv if a.startswith("--LimitedKernelManager.room=")).partition("=")[2])
    assert room == {"lessons": ["00_a.ipynb", "01_b.ipynb", "02_c.ipynb", "03_d.ipynb"], "room": 12, "spread": 3,
                    "fixed": {"03_d.ipynb": 20}, "mb": {"00_a.ipynb": 100.0, "01_b.ipynb": 120.0,
                                                        "02_c.ipynb": 200.0, "03_d.ipynb": 110.0},
                    "pools": {"default": {"pool_size": 0}, "00_a.ipynb": {"pool_size": 12},
                              "01_b.ipynb": {"pool_size": 12}, "02_c.ipynb": {"pool_size": 3},
                              "03_d.ipynb": {"pool_size": 20}}}
    assert not any("LimitedKernelManager.room" in a for a in voila_command(ServeOptions()))


def test_serve_refuses_a_room_this_machine_cannot_hold(capsys):
    assert main(["serve", "--room", "100000"]) == 2
    out, err = capsys.readouterr()
    assert "Room of 100000 for every lesson" in out and "can hold about" in out
    assert err.startswith("kit serve: a room of 100000 needs about") and "JupyterHub" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("args, words", [
    (["--agenda", "SMB full day"], "add --room N"),
    (["--room", "3", "--no-preheat"], "leave out --no-preheat and --pool-size"),
    (["--room", "3", "--pool-size", "2"], "leave out --no-preheat and --pool-size"),
    (["--room", "3", "--agenda", "Three days"], "no agenda called 'Three days'"),
    (["--room", "0"], "--room is the number of attendees"),
])
def test_serve_names_a_wrong_room_option_and_the_fix(args, words, capsys):
    assert main(["serve", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kit serve: ") and words in err and "Traceback" not in err
