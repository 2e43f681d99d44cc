"""The room's warm kernels: which lesson is warmed for the whole room, and the lane that starts them."""

from __future__ import annotations

import asyncio

import pytest

from kit.server._pools import RefillLane, RoomWave
from tests.unit.own_loop import run_on_own_loop

AGENDA = ["00.ipynb", "01.ipynb", "02.ipynb", "03.ipynb"]


def test_the_first_two_lessons_are_warmed_for_the_whole_room():
    wave = RoomWave(AGENDA, room=30, spread=8)
    assert wave.targets() == {"00.ipynb": 30, "01.ipynb": 30, "02.ipynb": 8, "03.ipynb": 8}


def test_the_wave_moves_once_a_third_of_the_room_opens_the_warmed_lesson():
    wave = RoomWave(AGENDA, room=30, spread=8)
    assert not any(wave.opened("00.ipynb", t) for t in range(30))  # the start page: the wave stays on 01
    changed = [wave.opened("01.ipynb", 100 + t) for t in range(10)]
    assert changed == [False] * 9 + [True]  # the 30 start pages opened before do not hold the room back
    assert wave.targets() == {"00.ipynb": 8, "01.ipynb": 8, "02.ipynb": 30, "03.ipynb": 8}


def test_pages_out_of_the_window_no_longer_count():
    wave = RoomWave(AGENDA, room=30, spread=8, window_s=600)
    for t in range(6):
        wave.opened("01.ipynb", t)
    for t in range(4):
        wave.opened("01.ipynb", 1000 + t)  # the first six were opened long ago: 4 of 30 is not the room
    assert wave.current == 0 and wave.wave == 1


def test_stragglers_on_an_earlier_lesson_do_not_pull_the_room_back():
    wave = RoomWave(AGENDA, room=9, spread=3)
    for t in range(3):
        wave.opened("01.ipynb", t)
    assert wave.wave == 2
    assert not any(wave.opened("00.ipynb", 10 + t) for t in range(9))
    assert wave.wave == 2


def test_a_self_paced_room_keeps_the_spread():
    wave = RoomWave(AGENDA, room=60, spread=15)
    moves = [wave.opened(AGENDA[i % 4], i) for i in range(60)]
    assert not any(moves) and wave.wave == 1


def test_a_room_that_skips_ahead_is_followed_and_the_last_lesson_stays_warm():
    wave = RoomWave(AGENDA, room=9, spread=3)
    for t in range(3):
        wave.opened("03.ipynb", t)
    assert wave.current == 3 and wave.targets()["03.ipynb"] == 9


def test_a_lesson_sized_by_the_trainer_is_never_lowered():
    wave = RoomWave(AGENDA, room=30, spread=8, fixed={"03.ipynb": 40, "00.ipynb": 5})
    assert wave.targets()["03.ipynb"] == 40 and wave.targets()["00.ipynb"] == 30


def test_pages_of_lessons_outside_the_agenda_are_ignored():
    assert not RoomWave(AGENDA, room=3, spread=1).opened("99.ipynb", 0)


class Room:
    """Fakes for the lane: a clock, whether the room is busy, and how much memory allows."""

    def __init__(self):
        self.now = 0.0
        self.busy = False
        self.memory = True
        self.started: list[str] = []

    def lane(self, lanes: int = 1, patience_s: float = 5) -> RefillLane:
        return RefillLane(lanes, patience_s, priority=lambda task: (task.get_name(),),
                          may_start=lambda task: self.memory, room_busy=lambda: self.busy, poll_s=0.01,
                          clock=lambda: self.now)

    async def warm(self, lane: RefillLane, name: str, hold: float = 0.05):
        slot = await lane.enter()
        self.started.append(name)
        await asyncio.sleep(hold)
        if slot is not None:
            slot.release()


def test_kernels_warm_one_at_a_time_in_priority_order():
    room = Room()

    async def main():
        lane = room.lane(lanes=1)
        tasks = [asyncio.create_task(room.warm(lane, name), name=name) for name in ("c", "a", "b")]
        await asyncio.sleep(0.02)
        assert lane.busy == 1
        await asyncio.gather(*tasks)
        return lane.busy

    assert run_on_own_loop(main) == 0
    assert room.started == ["a", "b", "c"]


@pytest.mark.parametrize("held, patience_s, release", [
    ("busy", 5, lambda room: setattr(room, "now", 5.1)),  # the room stayed busy past the patience
    ("busy", 60, lambda room: setattr(room, "busy", False)),  # the room fell quiet
    ("memory", 0, lambda room: setattr(room, "memory", True)),  # short memory holds back past any patience
])
def test_warming_is_held_back_until_the_room_is_quiet_or_patience_runs_out(held, patience_s, release):
    room = Room()
    setattr(room, held, held == "busy")

    async def main():
        lane = room.lane(patience_s=patience_s)
        task = asyncio.create_task(room.warm(lane, "a"), name="a")
        await asyncio.sleep(0.1)
        before = list(room.started)
        release(room)
        await asyncio.wait_for(task, 5)
        return before

    assert run_on_own_loop(main) == [] and room.started == ["a"]


def test_a_kernel_a_page_waits_for_skips_the_queue_and_the_lane():
    room = Room()

    async def main():
        lane = room.lane(lanes=1)
        first = asyncio.create_task(room.warm(lane, "a", hold=0.3), name="a")
        await asyncio.sleep(0.02)  # "a" holds the only lane
        queued = asyncio.create_task(room.warm(lane, "b"), name="b")
        await asyncio.sleep(0.02)
        assert lane.waiting(queued)
        lane.want(queued)
        await asyncio.wait_for(queued, 1)
        order = list(room.started)
        await first
        return order

    assert run_on_own_loop(main) == ["a", "b"]


def test_a_kernel_wanted_before_it_reaches_the_lane_does_not_queue():
    room = Room()

    async def main():
        lane = room.lane(lanes=1)
        blocker = asyncio.create_task(room.warm(lane, "a", hold=0.3), name="a")
        await asyncio.sleep(0.02)
        late = asyncio.create_task(room.warm(lane, "b"), name="b")
        lane.want(late)  # wanted while it has not run yet
        await asyncio.wait_for(late, 0.2)
        await blocker

    run_on_own_loop(main)
    assert room.started == ["a", "b"]


def test_a_cancelled_waiter_leaves_the_lane_free_and_the_room_ready_is_said():
    room = Room()
    ready = []

    async def main():
        lane = RefillLane(1, 5, priority=lambda task: (task.get_name(),), may_start=lambda task: True,
                          room_busy=lambda: False, on_idle=lambda: ready.append(True), poll_s=0.01)
        first = asyncio.create_task(room.warm(lane, "a", hold=0.1), name="a")
        await asyncio.sleep(0.02)
        second = asyncio.create_task(room.warm(lane, "b"), name="b")
        await asyncio.sleep(0.02)
        second.cancel()
        await first
        await asyncio.sleep(0.05)
        return lane.busy, lane.waiting(second)

    assert run_on_own_loop(main) == (0, False)
    assert room.started == ["a"] and ready == [True]


class _Manager:
    """The parts of the kernel manager the page hook reads, with every warm pool empty."""

    def __init__(self):
        self._pools = {name: [] for name in AGENDA}
        self._wave = RoomWave(AGENDA, room=9, spread=1)
        self.moved: list[str] = []
        self._lane = type("Lane", (), {"want": lambda self, task: None})()

    def _apply_targets(self, opened: str) -> None:
        self.moved.append(opened)


def test_pages_that_find_no_warm_kernel_still_move_the_room():
    """Voilà's handler asks every page's pool size; a page with an empty pool starts its own kernel."""
    from kit.server._limits import LimitedKernelManager

    manager = _Manager()
    asked = []

    def pool_size(name):
        asked.append(name)
        return 0

    sizes = [LimitedKernelManager._page_requested(manager, pool_size, "02.ipynb") for _ in range(3)]
    assert sizes == [0, 0, 0] and asked == ["02.ipynb"] * 3
    assert manager.moved == ["02.ipynb"] and manager._wave.targets()["03.ipynb"] == 9


def test_voila_still_asks_the_pool_size_of_every_page():
    """The hook relies on this call in Voilà's page handler; a Voilà that drops it must fail here."""
    import inspect

    from voila import handler

    assert "self.kernel_manager.get_pool_size(notebook_path)" in inspect.getsource(handler.VoilaHandler)


def test_a_warming_kernel_reads_its_lesson_only_once_it_has_a_lane():
    """Voilà reads and parses the notebook before starting the kernel; 60 refills must not do it during a rush."""
    from kit.server._limits import _SLOT_TAKEN, LimitedKernelManager

    room = Room()
    read: list[tuple[str, object]] = []
    manager = type("Manager", (), {})()

    async def initialize(notebook, kernel_id=None, **kwargs):
        read.append((notebook, _SLOT_TAKEN.get(None)))  # start_kernel takes this slot instead of queueing again
        return {"kernel_id": "k"}

    async def main():
        manager._lane = room.lane(lanes=1)
        blocker = asyncio.create_task(room.warm(manager._lane, "a", hold=0.3), name="a")
        await asyncio.sleep(0.02)  # "a" holds the only lane
        warming = {"env": {"VOILA_PREHEAT": "True"}}
        refill = asyncio.create_task(LimitedKernelManager._lane_first(manager, initialize, "03.ipynb", **warming),
                                     name="b")
        page = await LimitedKernelManager._lane_first(manager, initialize, "04.ipynb", env={})  # a page's own kernel
        await asyncio.sleep(0.05)
        waiting = list(read)
        await asyncio.wait_for(refill, 2)
        await blocker
        return page, waiting

    page, waiting = run_on_own_loop(main)
    assert page == {"kernel_id": "k"} and waiting == [("04.ipynb", None)]  # the refill had not read its lesson
    assert read[1][0] == "03.ipynb" and read[1][1] is not None and manager._lane.busy == 1  # held until warm


def test_voila_still_reads_the_lesson_in_the_method_the_lane_wraps():
    import inspect

    from voila.voila_kernel_manager import voila_kernel_manager_factory

    source = inspect.getsource(voila_kernel_manager_factory)
    assert "self._initialize(notebook_name, None, **kwargs)" in source and "await renderer.initialize()" in source


def test_a_waiter_cancelled_just_as_its_turn_comes_does_not_keep_the_lane():
    """On a busy machine a refill can be cancelled (the room moved on) between its turn being chosen and given."""
    room = Room()
    waiters: dict[str, asyncio.Task] = {}

    def busy_and_cancel_b() -> bool:  # called as the lane chooses whose turn it is
        second = waiters.get("b")
        if second is not None and lane.waiting(second) and not second.cancelled():
            second.cancel()  # its turn is cancelled now; its task has not run yet
        return False

    lane = RefillLane(1, 5, priority=lambda task: (task.get_name(),), may_start=lambda task: True,
                      room_busy=busy_and_cancel_b, poll_s=0.01)

    async def main():
        first = asyncio.create_task(room.warm(lane, "a", hold=0.1), name="a")
        await asyncio.sleep(0.02)
        waiters["b"] = asyncio.create_task(room.warm(lane, "b"), name="b")
        third = asyncio.create_task(room.warm(lane, "c"), name="c")
        await first
        await asyncio.wait_for(third, 2)  # the lane went on to the next waiter
        return lane.busy

    assert run_on_own_loop(main) == 0
    assert room.started == ["a", "c"]
