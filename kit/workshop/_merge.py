"""Three-way merge of saved values, for two tabs or windows that saved the same part.

A page saves from the copy it last saw (the *base*). When another tab saved
in between (*theirs*), the page's value (*mine*) is merged into theirs the
way a person would expect: a field changed on one side only takes that
change; items of a list that carry an id (``ref``, ``id``, or a unique ``title``) are merged item by
item, so two tabs that each add a risk keep both; an item added on both sides
with the same id keeps theirs and gives mine the next free id. Where both
sides changed the same field, the newer change (mine) wins and the merge says
so in plain words, so nobody loses an edit without being told.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

ID_KEYS = ("ref", "id", "applicant_id", "title")  # the first one every item has, unique, is the id
_MISSING = object()
_NUMBERED = re.compile(r"^(.*?)(\d+)$")


@dataclass
class Merged:
    """The merged value, the fields both sides changed (mine kept), and the ids given to mine anew."""

    value: Any
    clashes: list[str] = field(default_factory=list)
    renamed: list[tuple[Any, Any]] = field(default_factory=list)

    def summary(self) -> str:
        """What the merge did, in plain words, for the person whose save it was."""
        said = ["Another tab or window saved changes here too; yours and theirs are both kept."]
        if self.renamed:
            said.append("Both added " + ", ".join(f"{old} (yours is now {new})" for old, new in self.renamed) + ".")
        if self.clashes:
            said.append(f"Where both changed the same thing ({len(self.clashes)}), your change is the one kept.")
        return " ".join(said)


def merge(base: Any, theirs: Any, mine: Any) -> Merged:
    """Merge ``mine`` (this page) into ``theirs`` (saved elsewhere since ``base``)."""
    result = Merged(None)
    value = _merge(base, theirs, mine, "", result)
    result.value = None if value is _MISSING else value
    return result


def _merge(base: Any, theirs: Any, mine: Any, path: str, result: Merged) -> Any:
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if isinstance(theirs, dict) and isinstance(mine, dict):
        return _merge_dicts(base if isinstance(base, dict) else {}, theirs, mine, path, result)
    id_key = _id_key(theirs, mine, base)
    if id_key:
        return _merge_items(base if isinstance(base, list) else [], theirs, mine, id_key, path, result)
    result.clashes.append(path or "(the whole value)")
    return mine


def _merge_dicts(base: dict, theirs: dict, mine: dict, path: str, result: Merged) -> dict:
    merged = {}
    for key in [*theirs, *(k for k in mine if k not in theirs)]:
        value = _merge(base.get(key, _MISSING), theirs.get(key, _MISSING), mine.get(key, _MISSING),
                       f"{path}.{key}" if path else str(key), result)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _id_key(*values: Any) -> str | None:
    """The id field every item of these lists has, unique within each list; None if they are not such lists."""
    lists = [v for v in values if v is not _MISSING and v is not None]
    if not lists or not all(isinstance(v, list) and all(isinstance(i, dict) for i in v) for v in lists):
        return None
    for key in ID_KEYS:
        if all(all(key in item for item in v) and len({str(i[key]) for i in v}) == len(v) for v in lists):
            return key
    return None


def _merge_items(base: list, theirs: list, mine: list, key: str, path: str, result: Merged) -> list:
    by_id = [{str(item[key]): item for item in side} for side in (base, theirs if isinstance(theirs, list) else [], mine)]
    their_items, my_items = by_id[1], by_id[2]
    merged, renumber = [], []
    for ident in [*their_items, *(i for i in my_items if i not in their_items)]:
        was, their, my = (side.get(ident, _MISSING) for side in by_id)
        if was is _MISSING and their is not _MISSING and my is not _MISSING and their != my:
            merged += [their, dict(my)]  # both sides added this id: keep both, renumber mine
            renumber.append(len(merged) - 1)
            continue
        value = _merge(was, their, my, f"{path}[{ident}]", result)
        if value is not _MISSING:
            merged.append(value)
    taken = {str(item[key]) for item in merged}
    for index in renumber:
        item = merged[index]
        old, item[key] = item[key], _next_free(item[key], taken)
        taken.add(str(item[key]))
        result.renamed.append((old, item[key]))
    return merged


def _next_free(ident: Any, taken: set[str]) -> Any:
    """The next id of ``ident``'s form not in ``taken``: R5 → R7 when R6 is the highest, 3 → 4, "a" → "a-2"."""
    if isinstance(ident, int):
        numbers = [int(t) for t in taken if t.isdigit()]
        return max(numbers, default=0) + 1
    found = _NUMBERED.match(str(ident))
    if found:
        prefix = found.group(1)
        numbers = [int(m.group(2)) for t in taken if (m := _NUMBERED.match(t)) and m.group(1) == prefix]
        return f"{prefix}{max(numbers, default=0) + 1}"
    count = 2
    while f"{ident}-{count}" in taken:
        count += 1
    return f"{ident}-{count}"
