"""Size the JupyterHub recipe for a room: memory per attendee, the machine, the cores, from the kit's measurements.

Usage: python deploy/jupyterhub/sizing.py --users 200 [--pages 2] [--max-pages 4] [--cores 32]

The figures come from kit/content/kernel_memory.yaml (measured by
bench/kernel_memory.py, with their date); the arithmetic is in
kit/server/_hub.py. Prints each step and the settings for jupyterhub_config.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kit.server._hub import hub_plan  # noqa: E402
from kit.server._room import kernel_memory  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=200, help="attendees at once (default 200)")
    parser.add_argument("--pages", type=int, default=2, help="pages each has open, typically (default 2)")
    parser.add_argument("--max-pages", type=int, default=4, help="KIT_MAX_PAGES, the most one may open (default 4)")
    parser.add_argument("--cores", type=int, default=32, help="the machine's cores (default 32)")
    parser.add_argument("--system-mb", type=float, default=1024, help="memory for the hub, proxy and system (MB)")
    args = parser.parse_args(argv)
    try:
        plan = hub_plan(args.users, args.pages, args.max_pages, args.cores, args.system_mb)
    except ValueError as problem:
        print(f"sizing.py: {problem}", file=sys.stderr)
        return 2
    figures = kernel_memory()
    print(f"A hub for {plan.users} attendees, from figures measured on {figures.measured} ({figures.machine}):")
    for line in plan.lines():
        print(f"- {line}")
    worst = (plan.system_mb + plan.shared_mb + plan.users * plan.mem_limit_mb) / 1024
    print(f"\nSettings: KIT_MAX_USERS={plan.users} KIT_MAX_PAGES={plan.max_pages} KIT_MEM_LIMIT={plan.mem_limit_mb}M. "
          f"Memory: {plan.machine_mb / 1024:,.0f} GB with {plan.pages} pages open each (above), "
          f"{worst:,.0f} GB if every attendee reached the limit at once.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
