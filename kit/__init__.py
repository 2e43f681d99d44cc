"""Ethical AI Leadership Kit: the helper package behind the lessons and apps.

Pure logic lives in the sub-modules (data, fairness, store, exercises, content);
widgets live in :mod:`kit.toolkit` and are imported only by the notebooks.
"""

__version__ = "0.1.0"
