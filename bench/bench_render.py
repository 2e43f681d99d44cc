"""Voilà first render (cold and preheated), main interaction latency and kernel memory, per app.

Run ``python bench/bench_render.py`` (about a minute per lesson on 2 cores).
It serves a copy of the lessons plus an empty one-button notebook (the
baseline) twice with ``kit serve``: once with kernels started on demand
(cold), once with preheated kernel pools. Times run from navigation to the
first widget on screen in Chromium. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import statistics
import time

from playwright.sync_api import sync_playwright

from common import (BASELINE, kernel_rss_mb, kit_server, launch, notebooks_with_baseline, timed_open,
                    wait_for_pools, wait_until_settled)
from interactions import INTERACTIONS, run_sync


def measure_cold(folder, names, repeat):
    cold, rss, latency = {}, {}, {}
    with kit_server(folder, preheat=False) as (base, server, _), sync_playwright() as pw:
        browser = launch(pw)
        timed_open(browser, f"{base}/voila/render/{BASELINE}")[1].close()  # warm the server itself
        for name in names:
            times = []
            for _ in range(repeat):
                before = set(kernel_rss_mb(server))
                seconds, page = timed_open(browser, f"{base}/voila/render/{name}")
                times.append(seconds)
                if name in INTERACTIONS:
                    latency.setdefault(name, []).append(run_sync(INTERACTIONS[name], page))
                time.sleep(1)
                new = {pid: mb for pid, mb in kernel_rss_mb(server).items() if pid not in before}
                rss[name] = max(new.values(), default=float("nan"))  # after the interaction, so it counts
                page.close(run_before_unload=True)
                wait_until_settled(server)
            cold[name] = statistics.median(times)
        browser.close()
    return cold, rss, {k: (statistics.median(x.answer for x in v), statistics.median(x.settled for x in v))
                       for k, v in latency.items()}


def measure_preheated(folder, names, repeat):
    warm = {}
    with kit_server(folder, preheat=True) as (base, server, log), sync_playwright() as pw:
        wait_for_pools(log, names, server)
        browser = launch(pw)
        for name in names:
            times = []
            for _ in range(repeat):
                seconds, page = timed_open(browser, f"{base}/voila/render/{name}")
                times.append(seconds)
                page.close()
                wait_until_settled(server)  # let the pool refill and run the lesson before the next open
            warm[name] = statistics.median(times)
        browser.close()
    return warm


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="cold and preheated opens per notebook (medians reported)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="measure only the lessons whose file name contains TEXT (repeatable), e.g. --only 04_")
    args = parser.parse_args()
    folder = notebooks_with_baseline()
    names = sorted(p.name for p in folder.glob("*.ipynb")
                   if p.name == BASELINE or not args.only or any(t in p.name for t in args.only))
    cold, rss, latency = measure_cold(folder, names, args.repeat)
    warm = measure_preheated(folder, names, args.repeat)
    base_cold, base_warm = cold[BASELINE], warm[BASELINE]
    print(f"Baseline (empty notebook): cold {base_cold:.2f} s, preheated {base_warm:.2f} s\n")
    print("| app | cold render (s) | preheated render (s) | cold / baseline | main interaction | answer (ms) "
          "| settled (ms) | kernel RSS after use (MB) |")
    print("|---|---:|---:|---:|---|---:|---:|---:|")
    for name in names:
        if name == BASELINE:
            continue
        what = INTERACTIONS[name].what if name in INTERACTIONS else "—"
        answer, settled = (f"{t * 1000:.0f}" for t in latency[name]) if name in latency else ("—", "—")
        print(f"| {name} | {cold[name]:.2f} | {warm[name]:.2f} | {cold[name] / base_cold:.1f}× | {what} | {answer} "
              f"| {settled} | {rss[name]:.0f} |")
    print(f"| (baseline) | {base_cold:.2f} | {base_warm:.2f} | 1.0× | — | — | — | {rss[BASELINE]:.0f} |")


if __name__ == "__main__":
    main()
