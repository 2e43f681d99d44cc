"""The team's decisions on the case studies: recorded, saved under ``cases.decisions``, put in the action plan.

A saved value maps a case id to ``{"title", "decision", "option", "reasoning",
"lens", "lenses", "lens_ids", "roles", "number"}`` (see :func:`record_decision`);
:data:`kit.workshop.parts.CASES` declares it. ``decision`` is the option's
label and ``lens`` the id of the regional profile the group decided under.
"""

from __future__ import annotations

from kit.culture._cases import Case, scan_cases
from kit.documents import Section

MAX_REASONING = 2000
MAX_PLAYER = 60


def record_decision(saved, case: Case, decision: str | None, reasoning: str, lens: str | None,
                    roles: dict[str, str] | None = None) -> dict:
    """A new saved value with the team's decision on ``case`` (earlier decisions kept).

    Parameters
    ----------
    saved : dict or None
        The value saved so far under :data:`kit.workshop.parts.CASES` (anything else counts as empty).
    case : Case
        The case decided on.
    decision : str or None
        One of the case's options, by id or label.
    reasoning : str
        Why; stripped, at most :data:`MAX_REASONING` characters.
    lens : str or None
        Id of the regional profile the team decided under.
    roles : dict, optional
        Role name to the person who played it; empty names are left out.

    Returns
    -------
    dict
        Case id to its record; ``number`` counts up, so the latest decision is known.

    Raises
    ------
    ValueError
        When no option or lens is chosen, the reasoning is empty or too long,
        or a role is not one of the case's.
    """
    choice = case.choice(decision)
    if not lens:
        raise ValueError("Choose the setting your team decides in (one of the regional profiles) first.")
    chosen = case.lens(lens)
    reasoning = (reasoning or "").strip()
    if not reasoning:
        raise ValueError("Write a sentence or two on why your team chose this, then record it.")
    if len(reasoning) > MAX_REASONING:
        raise ValueError(f"Keep the reasoning under {MAX_REASONING} characters (it has {len(reasoning)}).")
    known = [role.role for role in case.roles]
    players = {}
    for role, player in (roles or {}).items():
        if role not in known:
            raise ValueError(f"'{role}' is not a role in this case; its roles are {', '.join(known)}.")
        player = " ".join(str(player or "").split())
        if len(player) > MAX_PLAYER:
            raise ValueError(f"Keep the name for '{role}' under {MAX_PLAYER} characters.")
        if player:
            players[role] = player
    earlier = {k: v for k, v in saved.items() if k != case.id} if isinstance(saved, dict) else {}
    record = {"title": case.title, "decision": choice.label, "option": choice.id, "reasoning": reasoning,
              "lens": chosen.id, "lenses": [chosen.name], "lens_ids": [chosen.id], "roles": players,
              "number": 1 + max((_number(r) for r in earlier.values()), default=0)}
    return {**earlier, case.id: record}


def _number(record) -> int:
    """The order in which a saved decision was recorded (0 when unknown)."""
    try:
        return int(record.get("number", 0)) if isinstance(record, dict) else 0
    except (TypeError, ValueError):
        return 0


def latest_case_id(saved) -> str | None:
    """The case whose decision was recorded last, or None."""
    records = saved.items() if isinstance(saved, dict) else []
    return max(records, key=lambda item: _number(item[1]), default=(None, None))[0]


def _lens_name(record: dict) -> str:
    lenses = record.get("lenses") or []
    return ", ".join(map(str, lenses)) if isinstance(lenses, list) else str(lenses)


def decisions_section(saved) -> Section | None:
    """The team's decisions (workspace ``cases.decisions``) as a section of the action plan; None before any.

    Each row carries the case's own "six months later" for the option chosen,
    so the plan keeps what the group learnt about its choice.
    """
    records = [(case_id, record) for case_id, record in (saved.items() if isinstance(saved, dict) else [])
               if isinstance(record, dict) and record.get("decision")]
    if not records:
        return None
    cases = {case.id: case for case in scan_cases()[0]}
    rows = []
    for case_id, record in sorted(records, key=lambda item: _number(item[1])):
        later = ""
        if case_id in cases:
            try:
                later = cases[case_id].choice(record.get("option") or record["decision"]).consequence
            except ValueError:
                later = ""
        rows.append([str(record.get("title") or case_id), str(record["decision"]), _lens_name(record),
                     str(record.get("reasoning") or ""), later])
    return Section("Case decisions",
                   paragraphs=[f"Your team recorded {len(rows)} decision{'s' if len(rows) != 1 else ''} on the "
                               "sector cases, each under one regional profile, then compared it with the others."],
                   table=(["Case", "Decision", "Decided under", "Reasoning", "What the case says happened next"],
                          rows))
