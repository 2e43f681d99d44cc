"""How the explainer names and may change each model input, read from ``reason_codes.yaml``.

The words live in a content file a trainer can edit; this module checks the
file against the model, so that a typo cannot silently drop an input, and it
enforces the one rule that is not negotiable: a counterfactual never changes
where someone lives or a protected characteristic.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kit.workshop.content import ContentError, load
from kit.hiring import PROTECTED
from kit.hiring import FEATURES

ACTIONABLE = ("any", "increase", "never")
#: Inputs the explainer must never suggest changing, whatever the content file says.
NEVER_CHANGE = frozenset(PROTECTED) | {"postcode_area"}


@dataclass(frozen=True)
class FeatureText:
    """The plain words and the counterfactual rule for one model input."""

    feature: str
    code: str
    name: str
    describe: str
    actionable: str
    change: str = ""
    levels: tuple[str, ...] = ()
    caution: str = ""


def _feature(feature: str, raw: dict) -> FeatureText:
    where = f"reason_codes.yaml, {feature}"
    for key in ("code", "name", "describe", "actionable"):
        if not raw.get(key):
            raise ContentError(f"{where}: '{key}' is missing; add it.")
    if raw["actionable"] not in ACTIONABLE:
        raise ContentError(f"{where}: actionable must be one of {', '.join(ACTIONABLE)}, "
                           f"not {raw['actionable']!r}.")
    if raw["actionable"] != "never":
        if feature in NEVER_CHANGE:
            raise ContentError(f"{where}: this input can never be suggested as a change; "
                               "set actionable: never.")
        if not raw.get("change"):
            raise ContentError(f"{where}: an actionable input needs a 'change' sentence.")
    return FeatureText(feature, str(raw["code"]), str(raw["name"]), str(raw["describe"]),
                       raw["actionable"], str(raw.get("change", "")),
                       tuple(str(v) for v in raw.get("levels", ())), str(raw.get("caution", "")).strip())


@functools.lru_cache(maxsize=1)
def feature_texts() -> dict[str, FeatureText]:
    """Every model input with its words, in the model's order; checked against :data:`FEATURES`.

    Raises
    ------
    kit.workshop.content.ContentError
        When an input is missing or misdescribed, naming the fix.
    """
    raw = load("reason_codes") or {}
    missing = [f for f in FEATURES if f not in raw]
    extra = [f for f in raw if f not in FEATURES]
    if missing or extra:
        raise ContentError("reason_codes.yaml must describe exactly the model inputs "
                           f"({', '.join(FEATURES)}); missing: {', '.join(missing) or 'none'}, "
                           f"unknown: {', '.join(extra) or 'none'}.")
    return {feature: _feature(feature, raw[feature]) for feature in FEATURES}


def actionable_features() -> list[FeatureText]:
    """The inputs a counterfactual may change (never a protected one, never the postcode)."""
    return [text for text in feature_texts().values()
            if text.actionable != "never" and text.feature not in NEVER_CHANGE]
