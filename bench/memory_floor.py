"""Each lesson's kernel memory against its floor: a kernel that imports the same libraries and runs nothing else.

Run ``python bench/memory_floor.py`` (about two minutes). For each lesson it
runs the notebook in a fresh kernel (as Voilà does, in the lessons' folder,
with a throwaway workspace), reads the kernel's memory, then asks it which
modules it loaded other than the kit's own: the third-party ones (pandas,
matplotlib.pyplot, docx, ... with their submodules) and the standard
library's (sqlite3, zipfile, email, ...). A second fresh kernel imports
exactly those modules and nothing of the kit; its memory is the lesson's
floor, what the imports the lesson needs cost. The difference is the
kit's own code and data and what the lesson builds (tables, figures, widgets).
Both kernels are measured the same way, so the ratio does not depend on the
harness. Figures: private memory (USS) and resident memory (RSS), in MB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import tempfile
import time
from contextlib import contextmanager

import nbformat
import psutil
from jupyter_client.manager import start_new_kernel

from common import NOTEBOOKS_DIR
from interactions import INTERACTIONS

LOADED = """
import json, sys
print(json.dumps(sorted(name for name in list(sys.modules)
                        if name != "kit" and not name.startswith(("kit.", "__main__")))))
"""
KIT_LOADED = """
import json, sys
print(json.dumps(sorted(name for name in list(sys.modules) if name == "kit" or name.startswith("kit."))))
"""
IMPORT_ALL = """
import importlib
for _name in {names!r}:
    try:
        importlib.import_module(_name)
    except Exception:
        pass
"""


def run(client, code: str, timeout: float = 300) -> str:
    """Execute ``code`` in the kernel; return what it printed; raise if it failed."""
    printed: list[str] = []

    def keep(message):
        if message["msg_type"] == "stream":
            printed.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            raise RuntimeError(f"{message['content']['ename']}: {message['content']['evalue']}")

    client.execute_interactive(code, timeout=timeout, output_hook=keep, store_history=False)
    return "".join(printed)


def memory_mb(manager) -> tuple[float, float]:
    """(private, resident) MB of the kernel process, once it has settled."""
    time.sleep(1)
    info = psutil.Process(manager.provisioner.process.pid).memory_full_info()
    return info.uss / 2**20, info.rss / 2**20


@contextmanager
def fresh_kernel(workspace: str):
    """A new kernel in the lessons' folder, as Voilà starts one; yield (manager, client); shut down after."""
    env = {**os.environ, "KIT_WORKSPACE": workspace}
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(NOTEBOOKS_DIR), env=env,
                                       stderr=subprocess.DEVNULL)
    try:
        yield manager, client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def measure(notebook: str, workspace: str) -> dict:
    """The lesson's kernel and its floor kernel: memory and the number of third-party modules."""
    with fresh_kernel(workspace) as (manager, client):
        for cell in nbformat.read(NOTEBOOKS_DIR / notebook, as_version=4).cells:
            if cell.cell_type == "code":
                run(client, cell.source)
        lesson = memory_mb(manager)
        modules = json.loads(run(client, LOADED).strip().splitlines()[-1])
        kit_modules = json.loads(run(client, KIT_LOADED).strip().splitlines()[-1])
    with fresh_kernel(workspace) as (manager, client):
        run(client, IMPORT_ALL.format(names=modules))
        floor = memory_mb(manager)
        run(client, IMPORT_ALL.format(names=kit_modules))
        with_kit = memory_mb(manager)
    return {"lesson": lesson, "floor": floor, "with_kit": with_kit, "modules": len(modules)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lesson", action="append", help="only these lessons (a number such as 04); default all")
    args = parser.parse_args()
    notebooks = [name for name in sorted(INTERACTIONS)
                 if not args.lesson or any(name.startswith(number) for number in args.lesson)]
    print(f"Kernel memory after the page ran, and the floor (the same libraries imported), "
          f"{time.strftime('%Y-%m-%d')}\n")
    print("| lesson | private | floor private | over the floor | of which the kit's code | of which the page "
          "| resident | floor resident | over the floor |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="kit-floor-") as workspace:
        for notebook in notebooks:
            figures = measure(notebook, workspace)
            (private, rss), (floor_private, floor_rss) = figures["lesson"], figures["floor"]
            kit_code = figures["with_kit"][0] - floor_private
            print(f"| {notebook[:-6]} | {private:.0f} MB | {floor_private:.0f} MB | "
                  f"{(private / floor_private - 1):+.0%} | {kit_code:.0f} MB | {private - floor_private - kit_code:.0f} MB | "
                  f"{rss:.0f} MB | {floor_rss:.0f} MB | {(rss / floor_rss - 1):+.0%} |", flush=True)


if __name__ == "__main__":
    main()
