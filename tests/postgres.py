"""A throw-away PostgreSQL server for the tests, started from Debian's binaries.

``postgres_url`` (one per test session, so one per pytest-xdist worker):
``initdb`` into a temporary folder, ``postgres`` on a free port listening only
on a unix socket inside that folder (no TCP: nothing else on the machine can
reach it), one database; the URL is yielded, and the server is stopped and
the folder deleted at the end, also when a test fails or the run is
interrupted. ``postgres_database`` gives each test a new, empty database on
that server and drops it afterwards, so tests never see each other's rows.

initdb refuses to run as root: when the tests run as root, the server's
processes run as the ``postgres`` user, which owns the folder. Without the
binaries the tests that need them are skipped, naming the command that
installs them.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

INSTALL = "scripts/ensure-system-packages.sh postgres"
READY_WITHIN = 120  # seconds: a generous ceiling on a loaded machine, polled, never asserted as a timing
USER = "kit"


def binaries() -> Path | None:
    """The folder holding ``initdb`` and ``postgres``: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("postgres"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One PostgreSQL server in a temporary folder; :meth:`stop` ends it and deletes the folder."""

    def __init__(self, bin_dir: Path, account: pwd.struct_passwd | None = None):
        self.bin_dir = bin_dir
        # /tmp: short enough for the socket's path (at most 107 bytes), and reachable by the postgres user.
        self.folder = Path(tempfile.mkdtemp(prefix="kit-postgres-", dir="/tmp" if os.path.isdir("/tmp") else None))
        self.data, self.log = self.folder / "data", self.folder / "server.log"
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.run_as: dict = {}
        if account is not None:  # initdb and postgres refuse root: run them as this user, owner of the folder
            os.chown(self.folder, account.pw_uid, account.pw_gid)
            self.run_as = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": [],
                           "env": {**os.environ, "HOME": str(self.folder), "USER": account.pw_name}}
        os.chmod(self.folder, 0o700)

    def start(self) -> None:
        """initdb, start ``postgres``, wait until it answers; raise with its log when it cannot start."""
        subprocess.run([str(self.bin_dir / "initdb"), "-D", str(self.data), "-U", USER, "-A", "trust",
                        "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"],
                       check=True, capture_output=True, cwd=self.folder, **self.run_as)
        for _attempt in range(3):  # a free port can be taken by another worker before the server binds it
            self.port = _free_port()
            with open(self.log, "ab") as log:
                self.process = subprocess.Popen(
                    [str(self.bin_dir / "postgres"), "-D", str(self.data), "-p", str(self.port),
                     "-k", str(self.folder), "-c", "listen_addresses=", "-c", "fsync=off",
                     "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=100"],
                    stdout=log, stderr=subprocess.STDOUT, cwd=self.folder, start_new_session=True, **self.run_as)
            if self._wait_until_ready():
                return
        raise RuntimeError(f"PostgreSQL did not start; its log:\n{self.log.read_text(errors='replace')[-3000:]}")

    def url(self, database: str = "postgres") -> str:
        """A libpq URL for ``database`` on this server, through its unix socket."""
        return f"postgresql://{USER}@/{database}?host={self.folder}&port={self.port}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE / DROP DATABASE) on the ``postgres`` database."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(sql)

    def _wait_until_ready(self) -> bool:
        import psycopg

        deadline = time.monotonic() + READY_WITHIN
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with psycopg.connect(self.url(), connect_timeout=5):
                    return True
            except psycopg.OperationalError:
                time.sleep(0.1)
        self._end_process()
        return False

    def _end_process(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGINT)  # "fast" shutdown: end sessions, stop at once
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop(self) -> None:
        """Stop the server (fast shutdown, killed if it hangs) and delete its folder."""
        try:
            self._end_process()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    """A running throw-away server for this test session (skipped without Debian's binaries)."""
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip(f"PostgreSQL is not installed (Debian's postgresql package): run {INSTALL}")
    account = None
    if os.geteuid() == 0:
        try:
            account = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip(f"the tests run as root and there is no postgres user to run PostgreSQL as: run {INSTALL}")
    server = Server(bin_dir, account)
    atexit.register(server.stop)  # even if the session is torn down abnormally
    try:
        server.start()
        yield server
    finally:
        server.stop()
        atexit.unregister(server.stop)


@pytest.fixture(scope="session")
def postgres_url(postgres_server):
    """The URL of a database made for this session on the throw-away server."""
    postgres_server.admin("CREATE DATABASE kit_test")
    return postgres_server.url("kit_test")


@pytest.fixture()
def postgres_database(postgres_server):
    """The URL of a new, empty database for one test, dropped afterwards."""
    name = f"kit_{uuid.uuid4().hex[:12]}"
    postgres_server.admin(f"CREATE DATABASE {name}")
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.admin(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request, tmp_path):
    """Where a store keeps its data, once for each database: ``{"root": folder}`` or ``{"url": ...}``."""
    if request.param == "sqlite":
        return {"root": tmp_path}
    return {"url": request.getfixturevalue("postgres_database")}
