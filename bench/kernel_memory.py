"""The memory one page's kernel holds, per lesson: the figures ``kit serve --room N`` sizes a room from.

Run ``python bench/kernel_memory.py`` to print them, ``--write`` to store them
with today's date in ``kit/content/kernel_memory.yaml``. It starts
``kit serve --no-preheat`` on a copy of the lessons plus the one-button
baseline and, one lesson at a time, opens the page as the load test's
simulated attendee does (``protocol.py``), makes the lesson's main change
(``interactions.py``; charts drawn, so every
library the page uses is loaded), then reads the kernel's memory and closes
the page. Pages are opened one after another, so the figures do not depend
on how busy the machine is; only the time it takes does (about a minute).

Three figures per kernel: ``private_mb``, the memory only that kernel holds
(USS: what starting one more kernel costs, and what stopping it frees),
``rss_mb``, which also counts the libraries every kernel shares with the
others (counted once for the whole server as ``shared_mb``), and ``start_cpu_s``,
the CPU time the kernel used to start and run the lesson (before its main
change): what a page opened without a warm kernel costs the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import platform
import statistics
import time

import psutil

from common import BASELINE, REPO, kit_server, notebooks_with_baseline
from interactions import INTERACTIONS
from protocol import Attendee

DATA_FILE = REPO / "kit" / "content" / "kernel_memory.yaml"


def kernel_process(server, kernel_id: str) -> psutil.Process | None:
    """The kernel process of ``kernel_id`` (its connection file is named after it)."""
    for child in psutil.Process(server.pid).children(recursive=True):
        try:
            if any(kernel_id in part for part in child.cmdline()):
                return child
        except psutil.Error:
            continue
    return None


async def measure_one(base: str, server, notebook: str) -> tuple[float, float, float]:
    """(private MB, RSS MB, CPU seconds to start) of the kernel of one page of ``notebook``."""
    attendee = Attendee(base)
    try:
        await attendee.open(notebook, 300)
        started = kernel_process(server, attendee.kernel)
        times = started.cpu_times() if started else None
        cpu = times.user + times.system + times.children_user + times.children_system if times else float("nan")
        if notebook in INTERACTIONS:
            await attendee.perform(INTERACTIONS[notebook].kernel, 300)
        await asyncio.sleep(1)  # let the kernel finish what it does after answering
        process = kernel_process(server, attendee.kernel)
        if process is None:
            raise RuntimeError(f"no kernel process for {notebook}")
        memory = process.memory_full_info()
        return memory.uss / 2**20, memory.rss / 2**20, cpu
    finally:
        await attendee.close()


def measure(repeat: int) -> tuple[dict[str, tuple[float, float, float]], float, float]:
    """Per notebook the medians (private MB, RSS MB, CPU s); the server's own RSS; the shared libraries (MB)."""
    folder = notebooks_with_baseline()
    names = [BASELINE, *sorted(INTERACTIONS)]
    figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in names}
    with kit_server(folder, preheat=False) as (base, server, _log):
        for _ in range(repeat):
            for name in names:
                figures[name].append(asyncio.run(measure_one(base, server, name)))
                private, rss, cpu = figures[name][-1]
                print(f"  {name}: {private:.0f} MB private, {rss:.0f} MB RSS, {cpu:.1f} s CPU to start", flush=True)
                time.sleep(1)
        voila = next(p for p in psutil.Process(server.pid).children() if "voila" in " ".join(p.cmdline()))
        server_mb = (psutil.Process(server.pid).memory_info().rss + voila.memory_info().rss) / 2**20
    medians = {name: tuple(statistics.median(run[i] for run in runs) for i in range(3))
               for name, runs in figures.items()}
    shared = statistics.median(rss - private for private, rss, _ in medians.values())
    return medians, server_mb, shared


def as_yaml(medians: dict[str, tuple[float, float, float]], server_mb: float, shared_mb: float) -> str:
    """The content file's text: the date, the machine, and each lesson's figures by its id."""
    from kit.workshop import lessons

    by_file = {lesson.file: lesson.id for lesson in lessons()}
    lines = [
        "# Memory one attendee's page holds, per lesson, after the page rendered and made its main change.",
        "# Written by `python bench/kernel_memory.py --write` (do not edit by hand; run it again after",
        "# changing what a lesson imports). `kit serve --room N` and `kit doctor --room N` size a room",
        "# from these figures. private_mb: memory only that kernel holds (what one more page costs);",
        "# rss_mb: the same plus the libraries all kernels share, which count once (shared_mb);",
        "# start_cpu_s: CPU seconds the kernel used to start and run the lesson (a page opened cold).",
        f'measured: "{datetime.date.today().isoformat()}"',
        f'machine: "{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB, '
        f'{platform.system()}, Python {platform.python_version()}"',
        f"server_mb: {server_mb:.0f}",
        f"shared_mb: {shared_mb:.0f}",
        f"baseline_mb: {medians[BASELINE][0]:.0f}  # a kernel with one button: the floor of every page",
        "lessons:",
    ]
    for name, (private, rss, cpu) in medians.items():
        if name in by_file:
            lines.append(f"  {by_file[name]}: {{private_mb: {private:.0f}, rss_mb: {rss:.0f}, start_cpu_s: {cpu:.2f}}}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="pages per lesson; the median is kept (default 1)")
    parser.add_argument("--write", action="store_true", help=f"store the figures in {DATA_FILE.relative_to(REPO)}")
    args = parser.parse_args()
    medians, server_mb, shared_mb = measure(args.repeat)
    text = as_yaml(medians, server_mb, shared_mb)
    print(text)
    if args.write:
        DATA_FILE.write_text(text, encoding="utf-8")
        print(f"Wrote {DATA_FILE.relative_to(REPO)}.")


if __name__ == "__main__":
    main()
