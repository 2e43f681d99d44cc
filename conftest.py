"""Test-wide settings: keep every test's saved work out of the user's real workspace."""

from __future__ import annotations

import os
import shutil
import tempfile

_created: list[str] = []


def pytest_configure(config):
    # Kernels started by nbval and by `kit serve` inherit this (so do xdist workers).
    if "KIT_WORKSPACE" not in os.environ:
        folder = tempfile.mkdtemp(prefix="kit-test-workspace-")
        os.environ["KIT_WORKSPACE"] = folder
        _created.append(folder)


def pytest_unconfigure(config):
    for folder in _created:
        shutil.rmtree(folder, ignore_errors=True)
        os.environ.pop("KIT_WORKSPACE", None)
