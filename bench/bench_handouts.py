"""Time ``kit handouts`` for every agenda: each PDF's build time, pages, size, and the peak memory.

Run ``python bench/bench_handouts.py [--out DIR]``. The first agenda pays for
importing the model and drawing the charts (cached afterwards), as a trainer's
first run does. Not a test: timings depend on the machine.
"""

import argparse
import platform
import resource
import tempfile
import time
from pathlib import Path

from kit.delivery.handouts import write_handouts
from kit.workshop import agenda_names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="folder for the PDFs (default: a temporary one)")
    args = parser.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="kit-handouts-"))
    print(f"Python {platform.python_version()} on {platform.machine()}, writing to {out}")
    started = time.perf_counter()
    for name in agenda_names():
        write_handouts(name, out / name.replace(" ", "-"), progress=print)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"All agendas: {time.perf_counter() - started:.1f} s, peak memory {peak:,.0f} MB")


if __name__ == "__main__":
    main()
