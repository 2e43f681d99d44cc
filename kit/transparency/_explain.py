"""One applicant's decision, explained: score, reasons, counterfactuals and a letter in plain words."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import pandas as pd
from pydantic import Field, field_validator

from kit.workshop.content import ContentModel, load_valid
from kit.data import load_hiring
from kit.transparency._counterfactual import Counterfactual, counterfactuals
from kit.transparency._reasons import Reason, baseline_score, contributions, reasons_for, top_reasons, typical_values
from kit.hiring import DEFAULT_THRESHOLD
from kit.transparency._fitted import screening_scorer

#: The screening model shortlists an applicant whose score is at least this.
THRESHOLD = DEFAULT_THRESHOLD


def score_text(score: float, threshold: float = THRESHOLD) -> str:
    """A score with two decimals, or more when two would hide which side of the line it is on.

    ``0.4997`` rounds to ``0.50``, which reads as shortlisted; it is shown
    as ``0.4997`` so that the number and the decision agree.
    """
    for digits in range(2, 7):
        text = f"{score:.{digits}f}"
        if (float(text) >= threshold) == (score >= threshold):
            return text
    return f"{score:.7f}"


@dataclass(frozen=True)
class Explanation:
    """Everything the explainer shows about one applicant's decision."""

    applicant_id: str
    score: float
    baseline: float
    threshold: float
    reasons: tuple[Reason, ...]
    top: tuple[Reason, ...]
    counterfactuals: tuple[Counterfactual, ...]

    @property
    def shortlisted(self) -> bool:
        return self.score >= self.threshold

    @property
    def outcome(self) -> str:
        return "shortlisted" if self.shortlisted else "not shortlisted"

    def table(self) -> pd.DataFrame:
        """Each input's value, the average applicant's, and its effect on the log-odds."""
        return pd.DataFrame({
            "input": [r.name for r in self.reasons],
            "this applicant": [str(r.value) for r in self.reasons],
            "average applicant": [str(r.typical) for r in self.reasons],
            "effect (log-odds)": [round(r.effect, 3) for r in self.reasons],
            "reason code": [r.code for r in self.reasons],
        })


def normalise_id(text: str, pool: pd.DataFrame) -> str:
    """Turn what was typed (``"a42"``, ``" A00042 "``, ``"42"``) into an applicant id, or say why not.

    Raises
    ------
    ValueError
        With a sentence naming the problem and the ids that exist.
    """
    ids = pool["applicant_id"]
    typed = str(text or "").strip().upper()
    first, last = ids.iloc[0], ids.iloc[-1]
    if not typed:
        raise ValueError(f"Type an applicant id, from {first} to {last}, then press Explain.")
    match = re.fullmatch(r"A?0*(\d{1,9})", typed)
    candidate = f"A{int(match[1]):05d}" if match else typed
    if candidate not in set(ids):
        raise ValueError(f"There is no applicant with the id '{text.strip()}'. Ids run from {first} to "
                         f"{last}: type one such as {ids.iloc[41]}.")
    return candidate


@functools.lru_cache(maxsize=1)
def _context():
    pool = load_hiring()
    model = screening_scorer()
    effects = contributions(model, pool, pool)
    scores = pd.Series(model.predict_proba(pool)[:, 1], index=pool.index)
    return pool, model, effects, scores, typical_values(pool), baseline_score(model, pool)


def explain(applicant_id: str, threshold: float = THRESHOLD) -> Explanation:
    """Explain the screening model's decision for one applicant of the sample pool.

    Parameters
    ----------
    applicant_id : str
        As in ``data/hiring.csv`` (``A00042``); ``a42`` and ``42`` are accepted too.
    threshold : float, default 0.5
        The score at or above which the model shortlists.

    Returns
    -------
    Explanation
        The score, the reasons (contributions against the average applicant),
        the strongest reasons for the decision taken, and the counterfactuals.
    """
    pool, model, effects, scores, typical, baseline = _context()
    wanted = normalise_id(applicant_id, pool)
    index = pool.index[pool["applicant_id"] == wanted][0]
    row = pool.loc[index]
    score = float(scores[index])
    reasons = reasons_for(row, effects.loc[index], typical)
    return Explanation(wanted, score, baseline, threshold, tuple(reasons),
                       tuple(top_reasons(reasons, score >= threshold)),
                       tuple(counterfactuals(model, row, pool, threshold)))


def _said(description: str):
    return Field(min_length=1, description=description)


class LetterWords(ContentModel):
    """The words of ``explanation_letter.yaml``; the opening may use {score}, {threshold} and {outcome}."""

    opening: str = _said("the first paragraph, with {score}, {threshold} and {outcome} where the numbers go")
    reasons_intro: str = _said("the line before the reasons")
    no_reasons: str = _said("what to say when no reason stands out")
    counterfactual_intro: str = _said("the line before what would have changed the outcome")
    no_counterfactual: str = _said("what to say when no single change would have changed it")
    not_used: str = _said("what the model never sees")
    review: str = _said("how to ask a person to review the decision")

    @field_validator("opening")
    @classmethod
    def _placeholders(cls, opening: str) -> str:
        try:
            opening.format(score="", threshold="", outcome="")
        except (KeyError, IndexError, ValueError):
            raise ValueError("the opening may use only the placeholders {score}, {threshold} and {outcome}; "
                             "check the spelling inside each pair of braces") from None
        return opening


def letter_words() -> LetterWords:
    """The letter's words from ``explanation_letter.yaml``, read without the model (a slip is named)."""
    return load_valid("explanation_letter", LetterWords)


def letter(explanation: Explanation) -> list[str]:
    """The explanation as paragraphs to send to the applicant, words from ``explanation_letter.yaml``.

    Returns
    -------
    list of str
        Plain sentences; reasons and changes are given as separate items
        starting with "- ".
    """
    words = letter_words()
    out = [words.opening.format(score=score_text(explanation.score, explanation.threshold),
                                threshold=f"{explanation.threshold:.2f}", outcome=explanation.outcome)]
    if explanation.top:
        out += [words.reasons_intro] + [f"- {r.text}" for r in explanation.top]
    else:
        out.append(words.no_reasons)
    if explanation.counterfactuals:
        best = explanation.counterfactuals[0]
        new = score_text(best.new_score, explanation.threshold)
        outcome = "shortlisted" if best.new_score >= explanation.threshold else "not shortlisted"
        out += [words.counterfactual_intro, f"- With {best.text}, the score would have been {new}: {outcome}."]
    elif not explanation.shortlisted:
        out.append(words.no_counterfactual)
    return out + [words.not_used, words.review]


def example_applicants() -> list[tuple[str, str]]:
    """A few applicants worth explaining, each with why, chosen from the data (never typed in).

    Returns
    -------
    list of (str, str)
        ``(applicant_id, description)``: a near miss, a qualified applicant
        aged 55+ whom the model turns down, a clear shortlist, a narrow
        shortlist, and a clear rejection.
    """
    pool, _, effects, scores, _, _ = _context()
    picked: list[tuple[str, str]] = []

    def pick(mask, order, description):
        chosen = order[mask[order.index]]
        chosen = chosen[~pool.loc[chosen.index, "applicant_id"].isin([p for p, _ in picked])]
        if len(chosen):
            picked.append((str(pool.at[chosen.index[0], "applicant_id"]), description))

    below, above = scores < THRESHOLD, scores >= THRESHOLD
    gap = (scores - THRESHOLD).abs().sort_values(kind="stable")
    pick(below, gap, "not shortlisted, just under the line")
    test_first = effects.idxmin(axis=1) == "skills_test"
    older = (pool["age_band"] == "55+") & (pool["qualified"] == 1) & below & test_first
    pick(older, effects["skills_test"].sort_values(kind="stable"),
         "aged 55+, qualified, turned down mainly on the skills test")
    pick(above, gap, "shortlisted, just over the line")
    pick(above, scores.sort_values(ascending=False, kind="stable"), "shortlisted, highest score")
    pick(below, scores.sort_values(kind="stable"), "not shortlisted, lowest score")
    return picked
