"""One risk of a register: what can go wrong, how bad, what is done about it, and who owns it."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ._scoring import LIKELIHOOD_LABELS, SEVERITY_LABELS, band_of, scale_label, score

#: The kinds of risk the kit sorts by; they follow the ethics pillars of the ethics lesson.
CATEGORIES = ("privacy", "bias", "transparency", "accountability", "accessibility",
              "safety", "workforce", "security", "other")
#: Where a risk stands; a new one is "open".
STATUSES = ("open", "in progress", "mitigated", "accepted", "closed")

#: Every field of a risk with the words the form, the table and the CSV header use.
FIELD_LABELS = {
    "ref": "Ref",
    "title": "Risk",
    "category": "Category",
    "description": "What could go wrong",
    "affected": "Who is affected",
    "impact": "Impact",
    "likelihood": "Likelihood (1-5)",
    "severity": "Severity (1-5)",
    "mitigation": "Mitigation",
    "owner": "Owner",
    "due": "Due date",
    "status": "Status",
    "residual_likelihood": "Likelihood after mitigation (1-5)",
    "residual_severity": "Severity after mitigation (1-5)",
    "found_by": "Found by",
    "evidence": "Evidence",
}
FIELDS = tuple(FIELD_LABELS)


@dataclass(frozen=True)
class Risk:
    """One checked risk. Build it with :func:`kit.risk.validate_risk`, which explains what is wrong.

    ``likelihood`` and ``severity`` score the risk as it stands; the
    ``residual_`` pair scores what is left once the mitigation is in place.
    ``due`` is an ISO date (``"2026-03-31"``) or empty; ``ref`` (``"R3"``) is
    given by the register. ``found_by`` says how the risk came to light (a probe
    of the chatbot lab, an audit, a complaint) and ``evidence`` what was seen,
    such as the exchange with a chatbot; both are empty for a risk thought of
    on paper.
    """

    title: str
    likelihood: int
    severity: int
    residual_likelihood: int
    residual_severity: int
    category: str = "other"
    description: str = ""
    affected: str = ""
    impact: str = ""
    mitigation: str = ""
    owner: str = ""
    due: str = ""
    status: str = "open"
    ref: str = ""
    found_by: str = ""
    evidence: str = ""

    @property
    def score(self) -> int:
        """Likelihood × severity before mitigation."""
        return score(self.likelihood, self.severity)

    @property
    def band(self) -> str:
        """Rating band before mitigation."""
        return band_of(self.score).name

    @property
    def residual_score(self) -> int:
        """Likelihood × severity once the mitigation is in place."""
        return score(self.residual_likelihood, self.residual_severity)

    @property
    def residual_band(self) -> str:
        """Rating band once the mitigation is in place."""
        return band_of(self.residual_score).name

    @property
    def evidence_lines(self) -> list[str]:
        """The evidence, one line per item (``"You: ..."``, ``"Chatbot: ..."``), blank lines left out."""
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]

    @property
    def has_owner(self) -> bool:
        """Whether someone is named as responsible (blank or spaces do not count)."""
        return bool(self.owner.strip())

    def to_dict(self) -> dict:
        """The risk as plain JSON data (what the workspace saves), fields in :data:`FIELDS` order."""
        data = asdict(self)
        return {name: data[name] for name in FIELDS}

    def summary(self) -> str:
        """One line in words: ``"R1 Data privacy breach: 15 (high), 8 (medium) after mitigation"``."""
        return (f"{self.ref} {self.title}".strip() + f": {self.score} ({self.band}), "
                f"{self.residual_score} ({self.residual_band}) after mitigation")

    def scoring_text(self, after: bool = False) -> str:
        """The scores in words, e.g. ``"likelihood 3 (possible) × severity 5 (severe) = 15, high"``."""
        l, s = (self.residual_likelihood, self.residual_severity) if after else (self.likelihood, self.severity)
        value = score(l, s)
        return (f"likelihood {scale_label(l, LIKELIHOOD_LABELS)} × severity {scale_label(s, SEVERITY_LABELS)} "
                f"= {value}, {band_of(value).name}")
