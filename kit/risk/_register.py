"""A risk register: the risks of one AI system, each with a reference, kept in the order they were added."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

import pandas as pd

from ._model import FIELDS, Risk
from ._scoring import BAND_NAMES
from ._validate import RiskInputError, validate_risk

#: Ways to sort a register: the key the app offers, and its words.
SORTS = {"score": "Score before mitigation, highest first",
         "residual": "Score after mitigation, highest first",
         "ref": "Reference (order added)"}
_REF = re.compile(r"^R(\d{1,4})$")


def _ref_number(ref: str) -> int:
    found = _REF.match(ref)
    return int(found[1]) if found else 0


@dataclass
class Register:
    """The risks of one AI system.

    Parameters
    ----------
    name : str
        What is being assessed, e.g. "Customer-service chatbot on our website".
    risks : list of Risk
        In the order they were added; each has a unique ``ref`` (R1, R2, ...).
    source : str
        The template the register started from, or "" for a blank one.
    """

    name: str = ""
    risks: list[Risk] = field(default_factory=list)
    source: str = ""

    # --- reading ---------------------------------------------------------------
    def get(self, ref: str) -> Risk:
        """The risk with reference ``ref``; a plain error if there is none."""
        for risk in self.risks:
            if risk.ref == ref:
                return risk
        raise ValueError(f"There is no risk {ref} in this register; choose one from the list.")

    def count_text(self) -> str:
        """How many risks, in words: ``"1 risk"``, ``"5 risks"``."""
        count = len(self.risks)
        return f"{count} risk{'' if count == 1 else 's'}"

    def refs(self) -> list[str]:
        return [risk.ref for risk in self.risks]

    def sorted(self, by: str = "score") -> list[Risk]:
        """The risks sorted by ``by`` (a key of :data:`SORTS`).

        By score: highest first, then the more severe, then the order added,
        so that ties always come out the same way.
        """
        if by not in SORTS:
            raise ValueError(f"Sort by one of {', '.join(SORTS)}, not {by!r}.")
        if by == "ref":
            return sorted(self.risks, key=lambda r: _ref_number(r.ref))
        if by == "score":
            return sorted(self.risks, key=lambda r: (-r.score, -r.severity, _ref_number(r.ref)))
        return sorted(self.risks, key=lambda r: (-r.residual_score, -r.residual_severity, _ref_number(r.ref)))

    def without_owner(self) -> list[Risk]:
        """The risks nobody is responsible for yet, in the order added."""
        return [risk for risk in self.risks if not risk.has_owner]

    def band_counts(self, after: bool = False) -> dict[str, int]:
        """How many risks fall in each band (every band listed, lowest first), before or after mitigation."""
        counts = dict.fromkeys(BAND_NAMES, 0)
        for risk in self.risks:
            counts[risk.residual_band if after else risk.band] += 1
        return counts

    def band_summary(self, after: bool = False) -> str:
        """The band counts in words, highest band first: ``"1 critical, 2 high, 0 medium, 1 low"``."""
        counts = self.band_counts(after)
        return ", ".join(f"{counts[name]} {name}" for name in reversed(BAND_NAMES))

    # --- changing --------------------------------------------------------------
    def _check_title(self, risk: Risk, ignore: str = "") -> None:
        for other in self.risks:
            if other.ref != ignore and other.title.casefold() == risk.title.casefold():
                raise RiskInputError(
                    {"title": f"Risk: {other.ref} already has the title '{other.title}'; give this one a "
                              "different title, or edit that risk instead."},
                    lead="This risk is already in the register.")

    def next_ref(self) -> str:
        """The reference the next risk gets: one more than the highest in use."""
        return f"R{max((_ref_number(r) for r in self.refs()), default=0) + 1}"

    def add(self, risk: Risk) -> Risk:
        """Add ``risk``; it keeps its ref if free and well-formed (R + number), else gets the next one."""
        self._check_title(risk)
        ref = risk.ref if _REF.match(risk.ref) and risk.ref not in self.refs() else self.next_ref()
        added = dataclasses.replace(risk, ref=ref)
        self.risks.append(added)
        return added

    def update(self, ref: str, risk: Risk) -> Risk:
        """Replace the risk ``ref`` with ``risk`` (which keeps the ref and its place)."""
        old = self.get(ref)
        self._check_title(risk, ignore=ref)
        new = dataclasses.replace(risk, ref=ref)
        self.risks[self.risks.index(old)] = new
        return new

    def remove(self, ref: str) -> Risk:
        """Take the risk ``ref`` out of the register and return it."""
        risk = self.get(ref)
        self.risks.remove(risk)
        return risk

    def extend(self, risks: Iterable[Risk]) -> list[Risk]:
        """Add several risks; a title already present is an error naming it."""
        return [self.add(risk) for risk in risks]

    # --- saving ----------------------------------------------------------------
    def to_dict(self) -> dict:
        """Plain JSON data: what the workspace saves under ``"risk.register"``."""
        return {"name": self.name, "source": self.source, "risks": [risk.to_dict() for risk in self.risks]}

    @classmethod
    def from_dict(cls, saved: dict[str, Any] | None) -> "Register":
        """Rebuild a register from :meth:`to_dict` data, checking every risk again."""
        saved = saved or {}
        register = cls(name=str(saved.get("name") or ""), source=str(saved.get("source") or ""))
        register.extend(validate_risk(row) for row in saved.get("risks") or [])
        return register

    def to_frame(self, scores: bool = True) -> pd.DataFrame:
        """One row per risk, indexed by ref, with every field (and the scores and bands if ``scores``)."""
        rows = []
        for risk in self.risks:
            row = risk.to_dict()
            if scores:
                row |= {"score": risk.score, "band": risk.band,
                        "residual_score": risk.residual_score, "residual_band": risk.residual_band}
            rows.append(row)
        columns = list(FIELDS) + (["score", "band", "residual_score", "residual_band"] if scores else [])
        return pd.DataFrame(rows, columns=columns).set_index("ref")
