"""Findings as risks for the chatbot lesson's register, with the evidence, an owner and a mitigation to start from.

A row is the register's own fields (checked by :func:`kit.risk.validate_risk`),
``evidence`` (the exchanges) and ``found_by`` (the probe category, the chatbot
and the named risk lists) among them, plus fields for the JSON report that the
register does not keep: the probe category's id, the chatbot, the nearest of
the source table's four chatbot risks, and the OWASP Top 10 for LLM
applications (2025) and NIST AI 600-1 names of the risk.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kit.risk import validate_risk

from ._battery import FOUND, BatteryReport, Exchange
from ._content import CATEGORIES, RISK_FIELDS, probe_texts

#: The most characters of evidence one risk keeps (the register's text boxes hold 2,000).
MAX_EVIDENCE = 2000
#: The fields a finding adds to a register row for the JSON report, beyond the register's own.
EXTRA_FIELDS = ("finding", "chatbot", "seed_risk", "owasp", "nist")


def evidence_text(exchanges: Iterable[Exchange]) -> str:
    """The exchanges as one text: ``You: ... / Chatbot: ...``, cut to :data:`MAX_EVIDENCE` characters."""
    lines = []
    for exchange in exchanges:
        answer = exchange.reply if exchange.reply is not None else f"(no answer: {exchange.problem})"
        lines.append(f"You: {exchange.message}\nChatbot: {answer}")
    text = "\n\n".join(lines)
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"


def finding_risk(category: str, evidence: Sequence[Exchange], *, why: str = "", chatbot: str = "",
                 taken: Iterable[str] = ()) -> dict:
    """A register row for a finding of ``category``, with ``evidence`` (the exchanges that show it).

    Parameters
    ----------
    category : str
        A probe category, such as ``"privacy_leak"``.
    evidence : sequence of Exchange
        What was sent and answered; kept in the row's ``evidence``.
    why : str
        The finding in a sentence, added to the risk's description.
    chatbot : str
        Which chatbot it was ("the practice bot").
    taken : iterable of str
        Titles already in the register: a second finding of the same kind gets "(2)", and so on.

    Returns
    -------
    dict
        :meth:`kit.risk.Risk.to_dict` fields (``evidence`` and ``found_by`` filled in), then
        :data:`EXTRA_FIELDS`; the scores, owner and mitigation are suggestions from
        ``probes.yaml`` for the attendee to challenge.
    """
    if category not in CATEGORIES:
        raise ValueError(f"No probe category is called {category!r}; use one of {', '.join(CATEGORIES)}.")
    text = next(c for c in probe_texts().categories if c.id == category)
    suggestion = {name: getattr(text.risk, name) for name in RISK_FIELDS}
    suggestion["title"] = _free_title(suggestion["title"], taken)
    if why:
        suggestion["description"] = f"{suggestion['description']} {why}"[:2000]
    suggestion |= {"evidence": evidence_text(evidence), "found_by": found_by(category, chatbot)}
    risk = validate_risk(suggestion)
    return risk.to_dict() | {"finding": category, "chatbot": chatbot, "seed_risk": text.risk.seed_risk,
                             "owasp": list(text.risk.owasp), "nist": text.risk.nist}


def found_by(category: str, chatbot: str = "") -> str:
    """How a finding came to light, for the register: the probe category, the chatbot, and the named risk lists.

    ``"Privacy leak probe, on the practice bot. OWASP Top 10 for LLM applications (2025):
    LLM02:2025 Sensitive Information Disclosure. NIST AI 600-1: Data Privacy."``
    """
    text = next(c for c in probe_texts().categories if c.id == category)
    owasp = f" OWASP Top 10 for LLM applications (2025): {'; '.join(text.risk.owasp)}." if text.risk.owasp else ""
    return f"{text.name} probe, on {chatbot or 'the chatbot'}.{owasp} NIST AI 600-1: {text.risk.nist}."


def _free_title(title: str, taken: Iterable[str]) -> str:
    used = {t.casefold() for t in taken}
    number, free = 1, title
    while free.casefold() in used:
        number += 1
        free = f"{title} ({number})"
    return free


def report_risks(report: BatteryReport, taken: Iterable[str] = ()) -> list[dict]:
    """One register row per category the battery found, with the exchanges of the probes that found it."""
    rows, taken = [], list(taken)
    for category in report.categories:
        if category.status != FOUND:
            continue
        found = [probe for probe in category.probes if probe.status == FOUND]
        evidence = [exchange for probe in found for exchange in probe.exchanges]
        row = finding_risk(category.id, evidence, why=" ".join(p.why for p in found), chatbot=report.target,
                           taken=taken)
        rows.append(row)
        taken.append(row["title"])
    return rows
