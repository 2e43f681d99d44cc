"""How the explainer names and may change each model input, read from ``reason_codes.yaml``.

The words live in a content file a trainer can edit; its schema
(:class:`FeatureText`, checked against the model's inputs) makes sure that a
typo cannot silently drop an input, and enforces the one rule that is not
negotiable: a counterfactual never changes where someone lives or a protected
characteristic.
"""

from __future__ import annotations

import functools
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, PrivateAttr, model_validator

from kit.workshop.content import ContentModel, Items, load_valid
from kit.hiring import PROTECTED
from kit.hiring import FEATURES

ACTIONABLE = ("any", "increase", "never")
#: Inputs the explainer must never suggest changing, whatever the content file says.
NEVER_CHANGE = frozenset(PROTECTED) | {"postcode_area"}


class FeatureText(ContentModel):
    """The plain words and the counterfactual rule for one model input (its ``feature`` is its key in the file)."""

    code: str = Field(min_length=1, description="a short reason code, such as SKL")
    name: str = Field(min_length=1, description="the input in plain words")
    describe: str = Field(min_length=1, description="what the applicant's value says, with {value} and {typical}")
    actionable: Literal[ACTIONABLE] = Field(description=f"what a counterfactual may change: {', '.join(ACTIONABLE)}")
    change: str = Field("", description="how a counterfactual reads, with {new} and {value}")
    levels: Items[str] = Field((), description="an ordered category's values, lowest first, in a list")
    caution: str = Field("", description="why a person should question this reason (optional)")
    _feature: str = PrivateAttr("")

    @property
    def feature(self) -> str:
        return self._feature

    @model_validator(mode="after")
    def _says_how(self) -> "FeatureText":
        if self.actionable != "never" and not self.change:
            raise ValueError("an actionable input needs a 'change' sentence; add one, or set actionable: never")
        return self


def _the_model_inputs(texts: dict[str, FeatureText]) -> dict[str, FeatureText]:
    """Exactly the model's inputs, in its order, none protected suggested as a change."""
    missing = [f for f in FEATURES if f not in texts]
    unknown = [f for f in texts if f not in FEATURES]
    if missing or unknown:
        raise ValueError(f"describe exactly the model inputs ({', '.join(FEATURES)}); missing: "
                         f"{', '.join(missing) or 'none'}, unknown: {', '.join(unknown) or 'none'}")
    wrong = [f for f in FEATURES if f in NEVER_CHANGE and texts[f].actionable != "never"]
    if wrong:
        raise ValueError(f"{', '.join(wrong)} can never be suggested as a change; set actionable: never")
    ordered = {}
    for feature in FEATURES:
        ordered[feature] = texts[feature].model_copy()
        ordered[feature]._feature = feature
    return ordered


ReasonCodes = Annotated[dict[str, FeatureText], AfterValidator(_the_model_inputs)]


@functools.lru_cache(maxsize=1)
def feature_texts() -> dict[str, FeatureText]:
    """Every model input with its words, in the model's order; checked against :data:`FEATURES`.

    Raises
    ------
    kit.workshop.content.ContentError
        When an input is missing or misdescribed, naming the fix.
    """
    return load_valid("reason_codes", ReasonCodes)


def actionable_features() -> list[FeatureText]:
    """The inputs a counterfactual may change (never a protected one, never the postcode)."""
    return [text for text in feature_texts().values()
            if text.actionable != "never" and text.feature not in NEVER_CHANGE]
