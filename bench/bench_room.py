"""Time the room view for 30 and 200 simulated attendees: their saves, and the trainer page's refresh.

Run ``python bench/bench_room.py [--rooms 30 200] [--workers 8]``. Each
attendee joins a room in the SQLite store (a temporary folder) and saves a
quiz, a risk register and maturity ratings, reduced by
:func:`kit.room.contribution_for` as the save hook does. The attendees save
from ``--workers`` processes at once, as separate kernels would, while the
trainer page polls the room's revision and redraws when it changed. A refresh
is what the page does then: read the contributions, count every panel, write
the panels' HTML and draw their charts (a chart whose numbers did not change
is reused, so a refresh with the same numbers is timed apart). Not a test: timings depend on the machine.
"""

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kit.culture import load_model
from kit.risk import load_template
from kit.room import RoomStore, contribution_for, room_panels
from kit.room.ui import panels_html
from kit.room.ui._charts import forget_charts
from kit.workshop import load_quiz

QUIZ = "06_chatbot_risk_assessment"
POLL = 0.2  # the page polls every 2 s; polling faster here catches more redraws under load


def attendee_work(seed: int) -> list[tuple[str, object]]:
    """One attendee's three saves, drawn with a fixed seed, reduced as the save hook reduces them."""
    draw = random.Random(seed)
    quiz = {"answers": {q.id: [draw.randrange(len(q.options))] for q in load_quiz(QUIZ)}}
    register = load_template("customer_service_chatbot").to_dict()
    for risk in register["risks"]:
        risk["likelihood"], risk["severity"] = draw.randint(1, 5), draw.randint(1, 5)
    ratings = {"ratings": {s.id: draw.randint(0, 3) for s in load_model().statements}}
    saves = [(f"quiz.{QUIZ}", quiz), ("risk.register", register), ("culture.maturity", ratings)]
    return [(key, contribution_for(key, value)) for key, value in saves]


def save_batch(folder: str, code: str, seeds: list[int]) -> list[float]:
    """Join and save for each seed, in one process (one kernel at a time); the seconds each save took."""
    store, took = RoomStore(Path(folder)), []
    for seed in seeds:
        member = store.join(code)
        for key, value in attendee_work(seed):
            started = time.perf_counter()
            store.contribute(member, key, value)
            took.append(time.perf_counter() - started)
    return took


def refresh(store: RoomStore, code: str, lesson: str | None, charts: bool) -> float:
    started = time.perf_counter()
    panels_html(room_panels(store.contributions(code), lesson), charts=charts)
    return time.perf_counter() - started


def run(people: int, workers: int, folder: Path) -> dict:
    store = RoomStore(folder)
    code = store.create(f"Bench, {people} attendees").code
    refresh(store, code, "risk", charts=True)  # content files loaded once, as in a running page
    batches = [list(range(i, people, workers)) for i in range(workers)]
    redraws, last = [], store.revision(code)
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        pending = [pool.submit(save_batch, str(folder), code, batch) for batch in batches]
        while not all(job.done() for job in pending):
            time.sleep(POLL)
            now = store.revision(code)
            if now != last:
                last = now
                redraws.append(refresh(store, code, "risk", charts=True))  # new numbers: charts drawn anew
        saves = [t for job in pending for t in job.result()]
    wall = time.perf_counter() - started
    forget_charts()
    first_charts = refresh(store, code, "risk", charts=True)
    quiet = [refresh(store, code, "risk", charts=True) for _ in range(5)]  # same numbers: charts reused
    every = [refresh(store, code, None, charts=False) for _ in range(3)]
    return {"people": people, "saves": len(saves), "wall": wall, "save_mean": statistics.mean(saves),
            "save_max": max(saves), "redraws": len(redraws), "redraw_max": max(redraws, default=0.0),
            "lesson": statistics.median(quiet), "every": statistics.median(every), "charts": first_charts,
            "contributions": len(store.contributions(code))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, nargs="+", default=[30, 200], help="attendees per room (default 30 200)")
    parser.add_argument("--workers", type=int, default=min(8, os.cpu_count() or 1),
                        help="processes saving at once, like separate kernels (default: up to 8)")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, SQLite room store, "
          f"{args.workers} processes saving at once")
    rows = []
    for people in args.rooms:
        with tempfile.TemporaryDirectory(prefix="kit-room-") as folder:
            rows.append(run(people, args.workers, Path(folder)))
    print(f"{'attendees':>9} {'saves':>6} {'all saves':>10} {'per save':>9} {'slowest':>8} {'redraws':>8} "
          f"{'slowest':>8} {'charts':>8} {'refresh':>8} {'all':>8}")
    print(f"{'':>9} {'':>6} {'(s)':>10} {'(ms)':>9} {'(ms)':>8} {'in load':>8} {'(ms)':>8} "
          f"{'new (ms)':>8} {'06 (ms)':>8} {'(ms)':>8}")
    for r in rows:
        print(f"{r['people']:>9} {r['saves']:>6} {r['wall']:>10.1f} {1000 * r['save_mean']:>9.1f} "
              f"{1000 * r['save_max']:>8.0f} {r['redraws']:>8} {1000 * r['redraw_max']:>8.0f} "
              f"{1000 * r['charts']:>8.0f} {1000 * r['lesson']:>8.0f} {1000 * r['every']:>8.0f}")
    print("redraws in load: refreshes while the attendees saved (risk lesson, charts drawn anew); charts new: the "
          "risk lesson's refresh with its three charts drawn; refresh 06: the same with the charts reused; all: every "
          "lesson's tables.")


if __name__ == "__main__":
    main()
