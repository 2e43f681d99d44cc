"""The JupyterHub recipe's sizing arithmetic (``deploy/jupyterhub/sizing.py``), checked by hand."""

from __future__ import annotations

import pytest

from kit.server._hub import HubPlan, hub_plan


def test_the_arithmetic_worked_by_hand():
    plan = HubPlan(users=200, pages=2, max_pages=4, cores=32, server_mb=300, page_mb=170, page_rss_mb=250,
                   shared_mb=40, cpu_s=2.4, system_mb=1000)
    assert plan.user_mb == 300 + 2 * 170
    assert plan.mem_limit_mb == 1536  # (300 + 4 × 250) × 1.1 = 1430 MB, rounded up to 6 × 256
    assert plan.machine_mb == 1000 + 40 + 200 * 640
    assert plan.open_all_s == pytest.approx(200 * 2.4 / 32)
    assert plan.cores_for_target == 160
    lines = plan.lines()
    assert lines[0] == "per attendee: server 300 MB + 2 pages × 170 MB = 640 MB"
    assert "= 15 s until the last page is live" in lines[3] and "= 160;" in lines[4]


def test_the_plan_reads_the_measured_figures():
    plan = hub_plan(20, cores=2)
    assert plan.users == 20 and plan.page_mb <= plan.page_rss_mb and plan.cpu_s > 0


@pytest.mark.parametrize("args", [(0,), (10, 0), (10, 3, 2), (10, 2, 4, 0)])
def test_impossible_rooms_are_refused(args):
    with pytest.raises(ValueError, match="1 or more attendees"):
        hub_plan(*args)


def test_the_script_prints_the_steps_and_the_settings(capsys):
    import runpy
    import sys

    from kit.paths import REPO_ROOT

    sys_argv = sys.argv
    sys.argv = ["sizing.py", "--users", "200"]
    try:
        with pytest.raises(SystemExit) as done:
            runpy.run_path(str(REPO_ROOT / "deploy" / "jupyterhub" / "sizing.py"), run_name="__main__")
    finally:
        sys.argv = sys_argv
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("A hub for 200 attendees, from figures measured on ")
    assert "KIT_MAX_USERS=200 KIT_MAX_PAGES=4 KIT_MEM_LIMIT=" in out
