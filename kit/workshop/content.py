"""Teaching content kept as data files a trainer can edit (``kit/content/*.yaml``)."""

from __future__ import annotations

import functools
from typing import Any

import yaml

from kit.paths import CONTENT_DIR


class ContentError(ValueError):
    """A content file that is missing or not valid YAML, named with the fix."""


@functools.lru_cache(maxsize=None)
def _read(name: str) -> Any:
    path = CONTENT_DIR / f"{name}.yaml"
    if not path.exists():
        raise ContentError(f"The content file {path.name} is missing from {CONTENT_DIR}.")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as problem:
        raise ContentError(f"{path.name} is not valid YAML ({problem}); check indentation near that line.") from None


def load(name: str) -> Any:
    """Return the parsed content of ``kit/content/<name>.yaml`` (a fresh copy each call)."""
    import copy

    return copy.deepcopy(_read(name))
