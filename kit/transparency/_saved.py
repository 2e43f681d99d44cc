"""What the decision explainer saves to the workspace, and how it reads in the action plan.

Workspace keys:

- ``"transparency.explainer"``: ``{"current": id, "explained": [record, ...]}``,
  one :func:`explanation_record` per applicant explained (latest last, at most
  :data:`KEEP`); read back by :func:`explainer_section`.
- ``"transparency.notes"``: the learner's notice telling people that AI is
  used, as text; read back by :func:`notes_section`.
"""

from __future__ import annotations

from typing import Any

from kit.transparency._explain import Explanation, score_text
from kit.documents import Section

#: Applicants kept in the saved list (the oldest drop off).
KEEP = 20


def explanation_record(explanation: Explanation) -> dict:
    """A short, JSON-ready summary of one explanation."""
    best = explanation.counterfactuals[0] if explanation.counterfactuals else None
    return {
        "applicant_id": explanation.applicant_id,
        "score": float(explanation.score),
        "shortlisted": explanation.shortlisted,
        "reasons": [f"{r.code} {r.text}" for r in explanation.top],
        "counterfactual": None if best is None else
        f"With {best.text}: score {score_text(best.new_score, explanation.threshold)}",
    }


def remember(saved: Any, explanation: Explanation) -> dict:
    """The saved value after explaining one more applicant (no duplicates, latest last)."""
    explained = [r for r in (saved if isinstance(saved, dict) else {}).get("explained", [])
                 if isinstance(r, dict) and r.get("applicant_id") != explanation.applicant_id]
    explained.append(explanation_record(explanation))
    return {"current": explanation.applicant_id, "explained": explained[-KEEP:]}


def explainer_section(saved: Any) -> Section | None:
    """The applicants explained, as a section of the action plan; None before the first (empty-safe).

    Parameters
    ----------
    saved : dict or None
        The value stored under ``"transparency.explainer"``.
    """
    records = [r for r in (saved if isinstance(saved, dict) else {}).get("explained", []) if isinstance(r, dict)]
    if not records:
        return None
    section = Section("Explaining automated decisions")
    section.paragraphs.append(
        f"You explained the screening model's decision for {len(records)} applicant"
        f"{'s' if len(records) != 1 else ''}: the main reasons against the average applicant, and the "
        "smallest change that would have flipped the decision.")
    rows = [[r.get("applicant_id", ""), score_text(float(r.get("score", 0))),
             "shortlisted" if r.get("shortlisted") else "not shortlisted",
             "; ".join(r.get("reasons") or []) or "no input stood out",
             r.get("counterfactual") or "no single change flips it"] for r in records]
    section.table = (["Applicant", "Score", "Decision", "Main reasons", "What would have changed it"], rows)
    return section


def notes_section(saved: Any) -> Section | None:
    """The learner's notice telling people that AI is used, as a section of the action plan; None if empty."""
    text = str(saved or "").strip()
    return Section("Telling people when AI is used", paragraphs=[text]) if text else None
