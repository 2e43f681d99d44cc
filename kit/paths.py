"""Where the kit's folders are, built from the package location, never from the cwd."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
CONTENT_DIR = PACKAGE_DIR / "content"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
SOLUTIONS_DIR = REPO_ROOT / "solutions"
EXERCISES_DIR = REPO_ROOT / "exercises"
DATA_DIR = REPO_ROOT / "data"
#: Browser code that ``kit serve`` has Voilà serve at ``voila/labextensions/``, fetched once per page.
SERVED_CODE_DIR = PACKAGE_DIR / "toolkit" / "static"
#: Set (to "1") in the environment of every kernel that ``kit serve`` starts, so widgets fetch that code by URL.
SERVED_CODE_ENV = "KIT_SERVED_CODE"


def workspace_dir() -> Path:
    """Return the folder holding attendees' saved work.

    ``KIT_WORKSPACE`` wins when set (a trainer's server, a test); otherwise the
    user's data folder, so work survives a fresh clone of the kit.
    """
    override = os.environ.get("KIT_WORKSPACE")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ethical-ai-kit", appauthor=False))
