"""Data minimisation and re-identification risk: which columns are personal, and who stands out.

Two questions a leader asks of any dataset before it feeds an AI tool:

1. **Which columns are personal data, and which are special-category data?**
   :func:`classify_columns` reads each column's name (words from
   ``kit/content/personal_data.yaml``) and values (every value different: an
   identifier; e-mail addresses; full UK postcodes) and says what it likely is.
2. **Once the unneeded columns are gone, could someone still be picked out?**
   :func:`k_anonymity` groups the rows by the quasi-identifiers left (gender,
   age band, area...) and reports *k*, the size of the smallest group: with
   k = 1, someone who knows those facts about a person finds their row.

:func:`review` puts both together for the minimisation checker of the privacy lesson,
and :func:`minimisation_section` turns its saved value into a document section.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import pandas as pd
from pydantic import Field, field_validator

from kit.workshop.content import ContentModel, Items, load_valid
from kit.documents import Section

#: Records in groups smaller than this are "at risk" (a common rule of thumb is 5 to 10).
K_TARGET = 5
#: Group sizes shown in the risk table: (smallest, largest or None, label).
SIZE_BANDS = ((1, 1, "1 (unique)"), (2, 4, "2 to 4"), (5, 9, "5 to 9"), (10, None, "10 or more"))
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_UK_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", re.IGNORECASE)


@dataclass(frozen=True)
class ColumnFlag:
    """What one column likely is, why the kit thinks so, and what to do about it."""

    column: str
    kind: str
    label: str
    reason: str
    advice: str
    quasi: bool


class Kind(ContentModel):
    """One kind of data in ``personal_data.yaml``: its name, its advice, and the words that give it away."""

    label: str = Field(min_length=1, description="what the checker calls such a column")
    quasi: bool = Field(False, description="true or false: whether it enters the k-anonymity check")
    advice: str = Field(min_length=1, description="what to do with such a column, in one or two sentences")
    keywords: Items[str] = Field((), description="words of a column name, in a list such as [name, email]; "
                                                      "put a word such as no or on in quotes")

    @field_validator("advice")
    @classmethod
    def _one_line(cls, advice: str) -> str:
        return " ".join(advice.split())


_KIND = "a block with a label, quasi, advice and keywords (see the comments at the top of the file)"


class PersonalData(ContentModel):
    """``personal_data.yaml``: the kinds, in the order they are tried."""

    identifier: Kind = Field(description=_KIND)
    special: Kind = Field(description=_KIND)
    quasi: Kind = Field(description=_KIND)
    personal: Kind = Field(description=_KIND)


@functools.lru_cache(maxsize=1)
def kinds() -> dict[str, Kind]:
    """The kinds of ``personal_data.yaml`` in order, checked."""
    return dict(load_valid("personal_data", PersonalData))


def _words(name: str) -> list[str]:
    return re.sub(r"[^a-z0-9]+", " ", str(name).lower()).split()


def keyword_match(name: str, keyword: str) -> str | None:
    """The words of a column name that match ``keyword``, or None (rules in ``personal_data.yaml``).

    A keyword of 4 letters or more also matches longer words starting with it
    (``disab`` matches ``disability``); a shorter one must match a whole word
    (``age`` matches ``age_band``, not ``average``).
    """
    words, wanted = _words(name), _words(keyword)
    if not wanted:
        return None
    for start in range(len(words) - len(wanted) + 1):
        window = words[start:start + len(wanted)]
        if all(w == k or (len(k) >= 4 and w.startswith(k)) for w, k in zip(window, wanted)):
            return " ".join(window)
    return None


def _flag(column: str, kind: str, reason: str) -> ColumnFlag:
    entry = kinds()[kind]
    return ColumnFlag(column, kind, entry.label, reason, entry.advice, entry.quasi)


def _share(values: pd.Series, pattern: re.Pattern) -> float:
    text = values.dropna().astype(str).str.strip()
    return float(text.str.match(pattern).mean()) if len(text) else 0.0


def classify_column(name: str, values: pd.Series) -> ColumnFlag:
    """Say what one column likely is: identifier, special-category, quasi-identifier or other."""
    for kind in ("identifier", "special", "quasi"):
        hits = (keyword_match(name, k) for k in kinds()[kind].keywords)
        hit = next((h for h in hits if h), None)
        if hit is not None:
            return _flag(name, kind, f"its name contains '{hit}'")
    present = values.dropna()
    if len(present) and _share(present, _EMAIL) > 0.5:
        return _flag(name, "identifier", "its values look like e-mail addresses")
    if len(present) and _share(present, _UK_POSTCODE) > 0.5:
        return _flag(name, "quasi", "its values look like full postcodes")
    numeric = pd.api.types.is_numeric_dtype(values)
    if not numeric and len(present) >= 10 and present.nunique() == len(values):
        return _flag(name, "identifier", "every row has a different value")
    return _flag(name, "personal", "it describes the person in the row")


def classify_columns(df: pd.DataFrame) -> list[ColumnFlag]:
    """:func:`classify_column` for every column of ``df``, in order."""
    return [classify_column(str(column), df[column]) for column in df.columns]


def flags_frame(flags: list[ColumnFlag]) -> pd.DataFrame:
    """The flags as a table: column, what it likely is, why the kit thinks so, and if it counts as a quasi-identifier."""
    return pd.DataFrame({"column": [f.column for f in flags], "what it likely is": [f.label for f in flags],
                         "because": [f.reason for f in flags],
                         "quasi-identifier": ["yes" if f.quasi else "no" for f in flags]})


@dataclass(frozen=True)
class KAnonymity:
    """How easily a record can be singled out by its quasi-identifiers."""

    quasi_identifiers: tuple[str, ...]
    rows: int
    k: int
    groups: int
    unique: int
    at_risk: int
    k_target: int = K_TARGET
    bands: pd.DataFrame = field(default_factory=pd.DataFrame, compare=False)

    @property
    def unique_share(self) -> float:
        return self.unique / self.rows if self.rows else 0.0

    @property
    def at_risk_share(self) -> float:
        return self.at_risk / self.rows if self.rows else 0.0

    def reading(self) -> str:
        """The result in one or two plain sentences."""
        if not self.quasi_identifiers:
            return ("No quasi-identifier is left, so no combination of facts singles anyone out "
                    f"(k = {self.k:,}, every record looks like every other).")
        facts = ", ".join(self.quasi_identifiers)
        first = (f"The smallest group of records sharing the same {facts} has {self.k:,} "
                 f"{'record' if self.k == 1 else 'records'} (k = {self.k:,}).")
        if self.k == 1:
            first += (f" {self.unique:,} records ({self.unique_share:.1%}) are unique: anyone who knows "
                      "those facts about one of these people can find their row.")
        if self.k < self.k_target:
            return first + (f" {self.at_risk_share:.1%} of records are in groups smaller than {self.k_target}: "
                            "drop or coarsen a column to protect them.")
        return first + (f" Every record shares these facts with at least {self.k - 1:,} other records, "
                        f"so nobody stands out (the kit's line is groups of {self.k_target}).")

    @classmethod
    def from_dict(cls, saved: dict) -> "KAnonymity":
        """Rebuild the figures from :meth:`to_dict` (the size table is not kept)."""
        return cls(tuple(saved.get("quasi_identifiers", ())), int(saved["rows"]), int(saved["k"]),
                   int(saved.get("groups", 0)), int(saved.get("unique", 0)), int(saved.get("at_risk", 0)),
                   int(saved.get("k_target", K_TARGET)))

    def to_dict(self) -> dict:
        """The figures as JSON-ready values, for the workspace."""
        return {"quasi_identifiers": list(self.quasi_identifiers), "rows": self.rows, "k": self.k,
                "groups": self.groups, "unique": self.unique, "unique_share": self.unique_share,
                "at_risk": self.at_risk, "at_risk_share": self.at_risk_share, "k_target": self.k_target}


def group_sizes(df: pd.DataFrame, quasi_identifiers) -> pd.Series:
    """How many records share each combination of the quasi-identifiers (missing counts as a value)."""
    columns = list(quasi_identifiers)
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"These columns are not in the data: {', '.join(map(str, missing))}.")
    if not columns:
        return pd.Series([len(df)], name="records")
    return df.groupby(columns, dropna=False, observed=True).size().rename("records")


def k_anonymity(df: pd.DataFrame, quasi_identifiers, k_target: int = K_TARGET) -> KAnonymity:
    """Measure k-anonymity: the smallest group, unique records and records at risk.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per person.
    quasi_identifiers : sequence of str
        Columns someone could know about a person (gender, age band, area...).
    k_target : int, default 5
        Records in groups smaller than this count as at risk.

    Returns
    -------
    KAnonymity
        ``k`` is the size of the smallest group of records sharing the same
        values; ``unique`` the records alone in their group; ``bands`` a table
        of how many records sit in groups of each size.
    """
    if len(df) == 0:
        raise ValueError("The data has no rows: there is nobody to protect yet.")
    sizes = group_sizes(df, quasi_identifiers)
    rows = []
    for low, high, label in SIZE_BANDS:
        inside = sizes[(sizes >= low) & ((sizes <= high) if high else True)]
        rows.append({"group size": label, "groups": len(inside), "records": int(inside.sum()),
                     "share of records": float(inside.sum()) / len(df)})
    return KAnonymity(tuple(map(str, quasi_identifiers)), len(df), int(sizes.min()), len(sizes),
                      int(sizes[sizes == 1].sum()), int(sizes[sizes < k_target].sum()), k_target,
                      pd.DataFrame(rows))


@dataclass(frozen=True)
class Review:
    """The minimisation checker's verdict on one set of choices."""

    flags: tuple[ColumnFlag, ...]
    kept: tuple[str, ...]
    risk: KAnonymity
    before: KAnonymity

    @property
    def dropped(self) -> tuple[str, ...]:
        return tuple(f.column for f in self.flags if f.column not in self.kept)

    def notes(self) -> list[str]:
        """Plain warnings about what is still kept, and the change in risk."""
        out = [f"You keep {len(self.kept)} of {len(self.flags)} columns."]
        for kind in ("identifier", "special"):
            kept = [f for f in self.flags if f.kind == kind and f.column in self.kept]
            if kept:
                out.append(f"Still kept ({kept[0].label.lower()}): {', '.join(f.column for f in kept)}. "
                           f"{kept[0].advice}")
        out.append(f"Keeping every column: k = {self.before.k:,}, {self.before.unique_share:.1%} of records "
                   f"unique. With your choices: k = {self.risk.k:,}, {self.risk.unique_share:.1%} unique.")
        return out

    def saved(self, dataset: str, purpose: str) -> dict:
        """The value saved under ``"privacy.minimisation"``."""
        return {"dataset": dataset, "purpose": purpose,
                "needed": {f.column: f.column in self.kept for f in self.flags},
                "flags": {f.column: f.label for f in self.flags},
                "risk": self.risk.to_dict(), "before": self.before.to_dict()}


def review(df: pd.DataFrame, needed: dict, flags: list[ColumnFlag] | None = None,
           k_target: int = K_TARGET) -> Review:
    """Check a set of keep/drop choices: what is still kept, and the re-identification risk.

    Parameters
    ----------
    df : pandas.DataFrame
        The dataset.
    needed : dict of str to bool
        Column to "needed for the purpose"; a column left out counts as kept.
    flags : list of ColumnFlag, optional
        From :func:`classify_columns` (computed when not given).
    k_target : int, default 5
        Groups smaller than this are at risk.
    """
    flags = tuple(flags if flags is not None else classify_columns(df))
    kept = tuple(f.column for f in flags if needed.get(f.column, True))
    quasi = [f.column for f in flags if f.quasi]
    return Review(flags, kept, k_anonymity(df, [c for c in quasi if c in kept], k_target),
                  k_anonymity(df, quasi, k_target))


def minimisation_section(saved) -> Section | None:
    """The saved minimisation choices as a section of the action plan; None before any (empty-safe).

    Parameters
    ----------
    saved : dict or None
        The value stored under ``"privacy.minimisation"``.
    """
    if not isinstance(saved, dict) or not saved.get("needed"):
        return None
    section = Section("Data minimisation")
    purpose = str(saved.get("purpose") or "").strip()
    section.paragraphs.append(f"Dataset: {saved.get('dataset', 'not named')}. Purpose: "
                              f"{purpose or 'not stated yet (state it: minimisation is judged against it)'}.")
    if saved.get("risk"):
        section.paragraphs.append("Re-identification risk of what you keep: "
                                  + KAnonymity.from_dict(saved["risk"]).reading())
    flags = saved.get("flags") or {}
    section.table = (["Column", "What it is", "Decision"],
                     [[column, flags.get(column, ""), "keep" if keep else "drop"]
                      for column, keep in saved["needed"].items()])
    return section
