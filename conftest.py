"""Test-wide settings: keep every test's saved work out of the user's real workspace."""

from __future__ import annotations

import os
import tempfile


def pytest_configure(config):
    # Kernels started by nbval and by `kit serve` inherit this.
    if "KIT_WORKSPACE" not in os.environ:
        os.environ["KIT_WORKSPACE"] = tempfile.mkdtemp(prefix="kit-test-workspace-")
