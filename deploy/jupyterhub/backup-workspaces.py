"""Copy every user's workspace database on a JupyterHub into one dated backup folder.

Each user's saved work is one SQLite file, ``~/ethical-ai-kit-workspace/workspaces.sqlite3``
(see jupyterhub_config.py). This copies each with SQLite's online backup, which
is consistent even while attendees are saving, to ``DEST/<date-time>/<user>.sqlite3``.

Usage (as root, or a user who can read the homes)::

    python3 backup-workspaces.py /srv/backups/kit                  # /home/* and /var/lib/private/*
    python3 backup-workspaces.py /srv/backups/kit --homes '/data/homes/*'

Only the Python standard library is needed. Exits 1 when no workspace was found,
so a cron job with a wrong ``--homes`` does not go unnoticed.
"""

from __future__ import annotations

import argparse
import glob
import sqlite3
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path

WORKSPACE = Path("ethical-ai-kit-workspace") / "workspaces.sqlite3"
# Homes of local users (PAM, LocalProcessSpawner) and of SystemdSpawner's dynamic users.
DEFAULT_HOMES = ("/home/*", "/var/lib/private/*")


def find_workspaces(patterns: list[str]) -> dict[str, Path]:
    """Map each user (their home folder's name) to their workspace database."""
    found: dict[str, Path] = {}
    for pattern in patterns:
        for home in sorted(glob.glob(pattern)):
            database = Path(home) / WORKSPACE
            if database.is_file():
                found.setdefault(Path(home).name, database)
    return found


def backup(source: Path, target: Path) -> None:
    """Copy one database with SQLite's online backup (safe while it is in use)."""
    with closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src, \
            closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="folder that receives one dated subfolder per run")
    parser.add_argument("--homes", action="append",
                        help=f"glob of users' home folders (repeatable; default {' '.join(DEFAULT_HOMES)})")
    args = parser.parse_args(argv)
    workspaces = find_workspaces(args.homes or list(DEFAULT_HOMES))
    if not workspaces:
        print(f"No workspace found under {args.homes or DEFAULT_HOMES}: check --homes.", file=sys.stderr)
        return 1
    folder = args.dest / datetime.now().strftime("%Y-%m-%d_%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    folder.chmod(0o700)
    for user, database in workspaces.items():
        backup(database, folder / f"{user}.sqlite3")
    print(f"Backed up {len(workspaces)} workspace databases to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
