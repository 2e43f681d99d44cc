"""Fixtures shared by the unit tests."""

from __future__ import annotations

import pytest

from kit.workshop import session
from tests.postgres import postgres_database, postgres_server, postgres_url, storage  # noqa: F401 - fixtures


@pytest.fixture()
def fresh_session(tmp_path, monkeypatch):
    """A new kernel's view: no workspace open, no listeners, saved work under a temp folder."""
    monkeypatch.setenv("KIT_WORKSPACE", str(tmp_path / "ws"))
    session.reset()
    yield
    session.reset()
