"""A model card for the screening model, written from its own settings and measured results.

A model card (Mitchell et al., 2019) is the short document that travels with
a model: what it is for, what it learned from, how well it works overall and
for each group, and where it fails. Here the words come from
``kit/content/model_card.yaml`` and every number is measured: the model's
settings are read from the fitted pipeline, performance and fairness are
measured on applicants held out of training (with :func:`kit.fairness.audit`
for the groups), and the limitations are computed from the data.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated

import numpy as np
import pandas as pd
from pydantic import Field

import kit
from kit.workshop.content import ContentModel, Items, load_valid
from kit.data import COLUMN_GUIDE, load_hiring
from kit.transparency._explain import THRESHOLD
from kit.transparency._fitted import OURS, VENDOR, holdout_measures
from kit.documents import Document, Section
from kit.fairness import AuditResult, audit, find_proxies
from kit.hiring import PROTECTED
from kit.hiring import FEATURES, LABEL

DECISION = "model_decision"

_SENTENCES = ("a list of sentences, one per line starting with '- '; put a sentence that contains a colon in "
              "double quotes")
Sentences = Annotated[Items[Annotated[str, Field(min_length=1)]], Field(min_length=1, description=_SENTENCES)]


class CardWords(ContentModel):
    """The words of ``model_card.yaml``: every number of the card is measured instead."""

    name: str = Field(min_length=1, description="the model's name, as the card's title")
    summary: str = Field(min_length=1, description="what the model estimates, and for whom, in a sentence or two")
    intended_use: Sentences
    out_of_scope: Sentences
    ethical_considerations: Sentences
    caveats: Sentences


def card_words() -> CardWords:
    """The model card's words from ``model_card.yaml``, read without measuring the model (a slip is named)."""
    return load_valid("model_card", CardWords)


@dataclass(frozen=True)
class ModelMeasures:
    """What was measured about the screening model on held-out applicants."""

    settings: dict
    n_train: int
    n_test: int
    overall: pd.DataFrame
    audits: dict[str, AuditResult]
    importance: pd.Series
    proxy: dict
    test_gap: dict


def _rates(decided: pd.Series, truth: pd.Series) -> dict:
    tp = int(((decided == 1) & (truth == 1)).sum())
    fp = int(((decided == 1) & (truth == 0)).sum())
    positives, negatives = int((truth == 1).sum()), int((truth == 0).sum())
    return {"accuracy": float((decided == truth).mean()), "selection rate": float(decided.mean()),
            "true positive rate": tp / positives if positives else None,
            "false positive rate": fp / negatives if negatives else None,
            "precision": tp / (tp + fp) if tp + fp else None}


@functools.lru_cache(maxsize=4)
def measure_model(seed: int = 0) -> ModelMeasures:
    """The screening model trained on 70% of the applicants, measured on the other 30%.

    The split, the model's numbers, the importance and the AUC come from
    ``data/screening_model.json`` for the default seed (:mod:`kit.transparency._fitted`)
    and are trained now for another; everything else is measured here.

    Parameters
    ----------
    seed : int, default 0
        Seed of the split, the model and the importance shuffles.

    Returns
    -------
    ModelMeasures
        Settings, overall performance (with the vendor's tool on the same
        applicants for comparison), an audit per protected attribute, the
        permutation importance of each input, the strongest proxy for
        ethnicity among the inputs, and the skills-test gap by age.
    """
    pool = load_hiring()
    held = holdout_measures(seed)
    test = pool.iloc[pd.Index(pool["applicant_id"]).get_indexer(list(held.test_ids))]
    scores = held.scorer.predict_proba(test)[:, 1]
    test = test.assign(**{DECISION: (scores >= THRESHOLD).astype(int)})
    overall = pd.DataFrame({
        OURS: {**_rates(test[DECISION], test[LABEL]), "AUC": held.auc[OURS]},
        VENDOR: {**_rates(test["shortlisted"], test[LABEL]), "AUC": held.auc[VENDOR]},
    })
    settings = {**held.scorer.settings, "threshold": THRESHOLD, "label": LABEL,
                "kit version": kit.__version__, "seed": seed}
    audits = {column: audit(test, DECISION, [column], label=LABEL) for column in PROTECTED}
    ranking = find_proxies(pool[[*FEATURES, "ethnicity"]], "ethnicity")
    top = ranking.iloc[0]
    older = pool["age_band"] == "55+"
    gap = {"older": float(pool.loc[older, "skills_test"].mean()),
           "younger": float(pool.loc[~older, "skills_test"].mean()),
           "older_qualified": float(pool.loc[older, LABEL].mean()),
           "younger_qualified": float(pool.loc[~older, LABEL].mean())}
    importance = pd.Series(held.importance, name="importance").sort_values(ascending=False, kind="stable")
    return ModelMeasures(settings, len(pool) - len(test), len(test), overall, audits, importance,
                         {"feature": str(top["feature"]), "strength": float(top["strength"]),
                          "band": str(top["band"])}, gap)


def _percent(value) -> str:
    return "n/a" if value is None or (isinstance(value, float) and np.isnan(value)) else f"{value:.1%}"


def _group_rows(measures: ModelMeasures) -> list[list]:
    rows = []
    for column, result in measures.audits.items():
        for g in result.by_group:
            ratio = "n/a" if g.impact_ratio is None else f"{g.impact_ratio:.2f}"
            rows.append([PROTECTED[column], g.name, g.n, _percent(g.selection_rate), ratio,
                         _percent(g.tpr), _percent(g.fpr), g.status])
    return rows


def inputs_table(measures: ModelMeasures | None = None) -> pd.DataFrame:
    """The model's inputs, what each means, and how much the model relies on it, most first.

    Parameters
    ----------
    measures : ModelMeasures, optional
        From :func:`measure_model` (measured with the default seed when not given).
    """
    m = measures or measure_model()
    return pd.DataFrame({"input": list(m.importance.index),
                         "meaning": [COLUMN_GUIDE[f] for f in m.importance.index],
                         "importance (drop in accuracy when shuffled)": m.importance.to_numpy()})


def limitations(measures: ModelMeasures) -> list[str]:
    """The card's limitations, each a sentence built from a measurement."""
    out = []
    flagged = [f"{PROTECTED[c]}: {g.name} (impact ratio {g.impact_ratio:.2f}; {g.n} people, selection rate "
               f"{g.selection_rate:.0%} with a 95% range of {g.ci_low:.0%} to {g.ci_high:.0%})"
               for c, r in measures.audits.items() for g in r.flagged_groups]
    out.append("Groups selected at less than four-fifths of the highest rate on held-out applicants: "
               + ("; ".join(flagged) + ". Where a range is wide, part of the gap may be chance: keep measuring."
                  if flagged else "none. Passing this screen does not prove the model fair."))
    gap = measures.test_gap
    out.append(f"The skills test under-scores older applicants: those aged 55+ average {gap['older']:.1f} "
               f"against {gap['younger']:.1f} for younger applicants, although {gap['older_qualified']:.1%} of "
               f"them are qualified against {gap['younger_qualified']:.1%}. The model leans on this test, so "
               "it inherits the gap.")
    proxy = measures.proxy
    out.append(f"Of the model's inputs, {proxy['feature']} tracks ethnicity most closely (Cramér's V "
               f"{proxy['strength']:.2f}, {proxy['band']}). Scores that depend on it can differ by ethnicity "
               "although ethnicity is never an input.")
    small = sorted({f"{g.name} ({g.n})" for r in measures.audits.values() for g in r.by_group if g.too_small})
    if small:
        out.append("Groups too small to judge on the held-out applicants: " + ", ".join(small)
                   + ". Review decisions about them by hand.")
    return out


def model_card(seed: int = 0) -> Document:
    """The model card of the screening model, ready for :func:`kit.documents._export.to_markdown` or ``to_html``.

    Parameters
    ----------
    seed : int, default 0
        Passed to :func:`measure_model`.
    """
    words, m = card_words(), measure_model(seed)
    details = Section("Model details", [words.summary], [f"{k}: {v}" for k, v in m.settings.items()])
    details.paragraphs.append(f"Trained with kit.hiring._model.train_screening_model on {m.n_train:,} of the "
                              f"{m.n_train + m.n_test:,} applicants in data/hiring.csv; shortlists when the score "
                              f"is at least {THRESHOLD:.2f}.")
    inputs = Section("Inputs (features)", ["Numbers are standardised; categories are one-hot encoded. "
                                           "Never used: " + ", ".join(PROTECTED.values()).lower() + "."])
    table = inputs_table(m)
    inputs.table = (list(table.columns), [[name, meaning, f"{value:.3f}"] for name, meaning, value in
                                          table.itertuples(index=False)])
    overall = Section("Performance on held-out applicants",
                      [f"Measured on {m.n_test:,} applicants the model never saw, against the true answer "
                       f"({LABEL}). The vendor's tool on the same applicants is shown for comparison."])
    overall.table = (["measure", *m.overall.columns],
                     [[name, *(_percent(v) if name != "AUC" else f"{v:.3f}" for v in row)]
                      for name, row in m.overall.iterrows()])
    groups = Section("Performance by group", ["Selection rate, impact ratio (four-fifths rule) and error rates "
                                              "for each protected group, measured with kit.fairness.audit."])
    groups.table = (["attribute", "group", "n", "selection rate", "impact ratio", "true positive rate",
                     "false positive rate", "four-fifths"], _group_rows(m))
    return Document(f"Model card: {words.name}", [
        details, Section("Intended use", bullets=list(words.intended_use)),
        Section("Out of scope", bullets=list(words.out_of_scope)), inputs, overall, groups,
        Section("Limitations (measured)", bullets=limitations(m)),
        Section("Ethical considerations", bullets=list(words.ethical_considerations)),
        Section("Caveats", bullets=list(words.caveats)),
    ], subtitle="Generated from the model's own settings and measured results.")
