"""What a room may see of a saved part: a reduced copy holding only what the room's aggregates need.

An attendee who has joined a room has every save of a part listed in
:data:`ROOM_KEYS` copied to the room through :func:`contribution_for`. The copy
keeps choices and scores that the kit's own content names (quiz options,
template use cases and risks, maturity statements, case options) and drops
everything the attendee typed: titles of their own use cases and risks,
reasoning, the organisation's name, the evaluation's free answers. Their own
items are only counted. Free text reaches the room only as a note
(``note:<part key>``), which the author shares on purpose.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from kit.workshop import parts

#: No aggregate is shown before this many attendees have answered.
MIN_ANSWERS = 3
#: A shared note's key starts with this, then the key of the text part it comes from.
NOTE_PREFIX = "note:"
#: The saved-work keys (and key prefixes, ending in "." or ":") copied to a room.
ROOM_KEYS: tuple[str, ...] = (parts.QUIZZES.key, parts.BEFORE_CHECK.key, parts.AFTER_CHECK.key, parts.USE_CASES.key,
                              parts.BIAS_EXPLORER.key, parts.RISK_REGISTER.key, parts.MATURITY.key, parts.CASES.key,
                              parts.EVALUATION.key, NOTE_PREFIX)
#: The longest shared note a room keeps, in characters.
MAX_NOTE = 2000
_MAX_FLAGGED, _MAX_NAME = 40, 80


def is_room_key(key: str) -> bool:
    """Whether saves under ``key`` are copied to a room (a key listed, or under a listed prefix)."""
    return any(key == k or (k.endswith((".", ":")) and key.startswith(k) and len(key) > len(k)) for k in ROOM_KEYS)


def note_keys() -> tuple[str, ...]:
    """The parts whose text an attendee may share with the room as a note: the free-text notes."""
    return tuple(part.key for part in parts.ALL if part.schema is parts.Text and not part.family)


def contribution_for(key: str, value: Any) -> Any | None:
    """The reduced copy of a saved part's value that a room may see, or None when the room sees nothing of it.

    Parameters
    ----------
    key : str
        The workspace key the value is saved under (``quiz.03_bias_in_hiring``,
        ``risk.register``, ...), or ``note:<part key>`` for a shared note.
    value : object
        The value as saved (for a note: its text, or ``{"text": ...}``).

    Returns
    -------
    object or None
        Plain JSON data holding no text the attendee typed (a note excepted),
        or None for a key rooms do not see or a value with nothing to share.
    """
    try:
        if key.startswith(NOTE_PREFIX):
            return _note(key.removeprefix(NOTE_PREFIX), value)
        if key.startswith(parts.QUIZZES.key):
            return _quiz(key.removeprefix(parts.QUIZZES.key), value)
        reduce = _REDUCERS.get(key)
        return reduce(value) if reduce else None
    except (AttributeError, TypeError, ValueError, KeyError):
        return None  # a value the kit cannot read is never shared


def _note(part_key: str, value: Any) -> dict | None:
    if part_key not in note_keys():
        return None
    text = value.get("text") if isinstance(value, dict) else value
    text = text.strip()[:MAX_NOTE].strip() if isinstance(text, str) else ""
    return {"text": text} if text else None


def _choices(chosen: Any, options: int) -> list[int] | None:
    if not isinstance(chosen, list):
        return None
    picked = sorted({i for i in chosen if isinstance(i, int) and not isinstance(i, bool) and 0 <= i < options})
    return picked or None


@lru_cache(maxsize=None)
def quiz_options(name: str) -> dict[str, int]:
    """Question id → number of options for the quiz ``name`` (empty when there is no such quiz)."""
    from kit.paths import CONTENT_DIR
    from kit.workshop import load_quiz

    if not name or not (CONTENT_DIR / "quizzes" / f"{name}.yaml").is_file():
        return {}
    return {question.id: len(question.options) for question in load_quiz(name)}


def _quiz(name: str, value: Any) -> dict | None:
    options = quiz_options(name)
    answers = {qid: picked for qid, chosen in (value.get("answers") or {}).items()
               if qid in options and (picked := _choices(chosen, options[qid]))}
    return {"answers": answers} if answers else None


@lru_cache(maxsize=1)
def check_options() -> dict[str, int]:
    """The knowledge check's answer keys (``quiz/question``) → number of options, in the check's order."""
    from kit.delivery import check_questions

    return {item.key: len(item.question.options) for item in check_questions()}


def _check(value: Any) -> dict | None:
    options = check_options()
    answers = {key: picked for key, chosen in (value.get("answers") or {}).items()
               if key in options and (picked := _choices(chosen, options[key]))}
    return {"answers": answers} if answers else None


def _score(value: Any, low: int = 1, high: int = 5) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValueError("not a score")
    return value


@lru_cache(maxsize=1)
def template_use_cases() -> dict[str, str]:
    """Every use-case template title, case-folded → as the template writes it."""
    from kit.strategy import load_template, template_keys

    return {case.title.casefold(): case.title for key in template_keys() for case in load_template(key).use_cases}


def _use_cases(value: Any) -> dict | None:
    from kit.strategy import from_saved, recommend

    known = template_use_cases()
    cases = from_saved(value)
    shared, own = [], 0
    for case in cases:
        title = known.get(case.title.strip().casefold())
        if title is None:
            own += 1
        else:
            shared.append({"title": title, "value": _score(case.value), "risk": _score(case.risk)})
    pick = recommend(cases)
    pilot = None if pick.index is None else known.get(cases[pick.index].title.strip().casefold(), "")
    return {"cases": shared, "own": own, "pilot": pilot} if cases else None


def _bias(value: Any) -> dict | None:
    from kit.hiring import PROTECTED

    threshold = value["threshold"]
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        return None
    passed = value.get("four_fifths_pass")
    flagged = [name for name in value.get("flagged") or [] if isinstance(name, str) and 0 < len(name) <= _MAX_NAME]
    return {"groups": sorted(g for g in value.get("groups") or [] if g in PROTECTED),
            "threshold": round(float(threshold), 2),
            "four_fifths_pass": passed if isinstance(passed, bool) else None,
            "flagged": sorted(set(flagged))[:_MAX_FLAGGED]}


@lru_cache(maxsize=1)
def template_risks() -> dict[str, tuple[str, str]]:
    """Every risk of the kit's risk templates: its room id (``template/R2``) → (template name, risk title).

    The id is the risk's reference in its template, as the attendee saw it
    when they started from that template.
    """
    from kit.risk import load_template, template_names

    return {f"{name}/{risk.ref}": (name, risk.title) for name in template_names()
            for risk in load_template(name).risks}


def _risk_id(title: str, source: str) -> str | None:
    """The room id of a template risk with this title, preferring the template the register started from."""
    wanted = title.strip().casefold()
    matches = [rid for rid, (name, known) in template_risks().items() if known.casefold() == wanted]
    return next((rid for rid in matches if rid.startswith(f"{source}/")), matches[0] if matches else None)


def _register(value: Any) -> dict | None:
    source = value.get("source") if isinstance(value.get("source"), str) else ""
    shared, own = {}, 0
    for risk in value.get("risks") or []:
        rid = _risk_id(str(risk["title"]), source)
        if rid is None or rid in shared:
            own += 1
        else:
            shared[rid] = {"ref": rid, "likelihood": _score(risk["likelihood"]), "severity": _score(risk["severity"])}
    names = {name for name, _ in template_risks().values()}
    if not shared and not own:
        return None
    return {"template": source if source in names else "", "risks": list(shared.values()), "own": own}


def _maturity(value: Any) -> dict | None:
    from kit.culture import clean_ratings, load_model

    ratings = clean_ratings(load_model(), value.get("ratings"))
    return {"ratings": ratings} if ratings else None


@lru_cache(maxsize=1)
def case_choices() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Case id → (its options, its lens ids), for every case that loads."""
    from kit.culture import scan_cases

    return {case.id: (case.options, tuple(lens.id for lens in case.lenses)) for case in scan_cases()[0]}


def _cases(value: Any) -> dict | None:
    shared = {}
    for case_id, record in value.items():
        if case_id in case_choices() and isinstance(record, dict):
            options, lens_ids = case_choices()[case_id]
            lens = record.get("lens") or next(iter(record.get("lens_ids") or []), None)
            if record.get("decision") in options:  # the option's label; reasoning and players never leave
                shared[case_id] = {"decision": record["decision"], "lens": lens if lens in lens_ids else None}
    return shared or None


def _evaluation(value: Any) -> dict | None:
    ratings = {}
    for name in ("relevance", "confidence"):
        rating = value.get(name)
        ratings[name] = _score(rating) if rating is not None else None
    return ratings if any(r is not None for r in ratings.values()) else None


_REDUCERS = {
    parts.BEFORE_CHECK.key: _check,
    parts.AFTER_CHECK.key: _check,
    parts.USE_CASES.key: _use_cases,
    parts.BIAS_EXPLORER.key: _bias,
    parts.RISK_REGISTER.key: _register,
    parts.MATURITY.key: _maturity,
    parts.CASES.key: _cases,
    parts.EVALUATION.key: _evaluation,
}

