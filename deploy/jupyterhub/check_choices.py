"""Load jupyterhub_config.py with each commented-out CHOOSE block switched on.

check.sh runs this in its throwaway venv (with dockerspawner, systemdspawner and
oauthenticator installed): each combination must load, resolve its
authenticator and spawner classes, give the spawner the kit's settings, and
raise no "config option not recognized" warning. It cannot start Docker or
systemd units; the end-to-end part of check.sh covers the rest.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import types
from pathlib import Path

from jupyterhub.app import JupyterHub

CONFIG = Path(__file__).with_name("jupyterhub_config.py")

# name: ((first line of a block, first line after it), ...) and the classes expected
CHOICES = {
    "PAM + SystemdSpawner": ((("# a) Accounts on this machine", "# b) Your organisation"),
                              ("# a) One big machine", "# b) Docker")),
                             "PAMAuthenticator", "SystemdSpawner"),
    "Entra ID + DockerSpawner": ((("# b) Your organisation", "# c) A one-day"),
                                  ("# b) Docker", "# c) Kubernetes")),
                                 "AzureAdOAuthenticator", "DockerSpawner"),
    "room password + default spawner": ((("# c) A one-day", "# Trainers who"),),
                                        "SharedPasswordAuthenticator", "LocalProcessSpawner"),
}


def switch_on(text: str, start: str, end: str) -> str:
    """Uncomment the ``# c.`` lines between two marker lines."""
    a = text.find(start)
    b = text.find(end, a)
    if a < 0 or b < 0:
        raise SystemExit(f"check_choices.py: {CONFIG.name} has no block from {start!r} to {end!r}; "
                         "update CHOICES to match the CHOOSE blocks")
    block = re.sub(r"(?m)^# (c\.)", r"\1", text[a:b])
    return text[:a] + block + text[b:]


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def check(name: str, blocks, auth_name: str, spawner_name: str, folder: Path) -> list[str]:
    text = CONFIG.read_text()
    for start, end in blocks:
        text = switch_on(text, start, end)
    path = folder / "jupyterhub_config.py"
    path.write_text(text.replace('"..."', '"placeholder"'))
    app = JupyterHub()
    recorder = Recorder()
    app.log.addHandler(recorder)
    app.load_config_file(str(path))
    authenticator = app.authenticator_class(config=app.config, log=app.log)
    user = types.SimpleNamespace(name="asha", id=1, url="/user/asha/", escaped_name="asha",
                                 server=None, settings={}, orm_user=None, spawners={})
    spawner = app.spawner_class(config=app.config, user=user, log=app.log, hub=None,
                                _deprecated_db_session=None)
    problems = [m for m in recorder.messages if "not recognized" in m or "deprecated" in m.lower()]
    if type(authenticator).__name__ != auth_name:
        problems.append(f"authenticator is {type(authenticator).__name__}, not {auth_name}")
    if type(spawner).__name__ != spawner_name:
        problems.append(f"spawner is {type(spawner).__name__}, not {spawner_name}")
    if not spawner.mem_limit or not spawner.default_url.endswith("00_start_here.ipynb"):
        problems.append(f"the spawner lost the kit's settings: {spawner.mem_limit=}, {spawner.default_url=}")
    print(f"  {'ok' if not problems else 'FAILED'}  {name}: {type(authenticator).__name__}, "
          f"{type(spawner).__name__}, mem_limit {spawner.mem_limit}", flush=True)
    return [f"{name}: {p}" for p in problems]


def main() -> int:
    os.environ.setdefault("KIT_ROOM_PASSWORD", "room-password-for-the-check")
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, (blocks, auth_name, spawner_name) in CHOICES.items():
            problems += check(name, blocks, auth_name, spawner_name, Path(folder))
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
