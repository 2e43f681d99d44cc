"""Ethical AI Leadership Kit: the helper package behind the lessons and apps.

One package per capability (see docs/architecture.md): each holds its pure
logic, with its widgets beneath it in ``ui``; :mod:`kit.toolkit` holds the
shared widget pieces. Notebooks and other packages import from a package's
face, its ``__init__``.
"""

from __future__ import annotations

import importlib
from typing import Callable, Mapping

__version__ = "0.1.0"


def lazy_names(package: str, table: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` that imports ``package.<module>`` only when one of its names is first asked for.

    ``table`` maps each such name to its private module. Faces use it for
    modules with heavy imports (scikit-learn, fairlearn, nbformat), so pages
    that never need them start quickly.
    """

    def __getattr__(name: str) -> object:
        if name in table:
            return getattr(importlib.import_module(f"{package}.{table[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
