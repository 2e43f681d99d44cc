"""Every part of an attendee's saved work, declared once, in the order of the action plan.

A part's schema types the fields the kit reads and keeps any other field it
finds, so an older or richer value is never cut down when it is saved again.
To add a part: declare it here (key, lesson, title, schema, section), save it
from the app with ``SavedPart(parts.NEW_PART, ...)``, and it appears in the
action plan in the place it is listed. To change a part's shape: raise its
``version`` and add the upgrade from the version before.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from kit.workshop._saved_work import Part

Number = float | int


class _Open(BaseModel):
    """A saved record: the fields named are checked, any others are kept as they are."""

    model_config = ConfigDict(extra="allow")


class Text(RootModel[str]):
    """A note the attendee typed."""


class UseCase(_Open):
    title: str
    value: int
    effort: int
    risk: int


class UseCases(RootModel[list[UseCase]]):
    """The strategy lesson's candidate use cases, in the attendee's order."""


class PillarAnswers(_Open):
    answers: dict[str, list[str]] = {}


class AuditFindings(_Open):
    groups: list[str]
    threshold: Number
    four_fifths_pass: bool | None = None
    flagged: list[str] = []


class AuditGroup(_Open):
    group: dict[str, str]
    n: int
    selected: int
    selection_rate: Number | None
    impact_ratio: Number | None = None


class OwnAudit(_Open):
    rows: int
    outcome: str
    groups: list[str]
    four_fifths_pass: bool | None
    by_group: list[AuditGroup] = []


class Explained(_Open):
    current: str | None = None
    explained: list[dict[str, Any]] = []


class KAnonymity(_Open):
    rows: int
    k: int


class Minimisation(_Open):
    dataset: str
    purpose: str = ""
    needed: dict[str, bool] = {}
    risk: KAnonymity


class Risk(_Open):
    title: str
    likelihood: int
    severity: int
    ref: str = ""
    found_by: str = ""
    evidence: str = ""


class RiskRegister(_Open):
    """The risk register; version 2 gave each risk ``found_by`` and ``evidence`` (the chatbot lab's exchanges)."""

    name: str = ""
    risks: list[Risk] = []


class ChatExchange(_Open):
    """One message of the chatbot lab and the practice bot's reply."""

    message: str
    reply: str


class ChatFinding(_Open):
    """An exchange the attendee recorded as a finding: the probe category it shows and the risk it became."""

    id: str
    category: str
    exchanges: list[ChatExchange]
    ref: str = ""
    title: str = ""


class ChatbotLab(_Open):
    """The chatbot red-team lab: the conversation with the practice bot and the findings recorded from it."""

    transcript: list[ChatExchange] = []
    findings: list[ChatFinding] = []


class PolicyAnswers(_Open):
    answers: dict[str, str] = {}
    areas: list[str] | None = None


class ImpactAssessment(_Open):
    system: str = ""
    answers: dict[str, Any] = {}


class Oversight(_Open):
    decision: str = ""
    choices: list[int] = []


class TriageEntry(_Open):
    """One AI use triaged under the EU AI Act: its name, the answers, and the tier they gave when saved."""

    title: str
    kind: str = ""
    answers: dict[str, Any] = {}
    tier: str = ""


class Triages(RootModel[dict[str, TriageEntry]]):
    """The policy lesson's EU AI Act triages, by entry id (``use_case:<title>``, ``example:<id>``, ``own:<title>``)."""


class VendorAnswers(_Open):
    vendor: str = ""
    tool: str = ""
    answers: dict[str, int] = {}


class Targets(RootModel[dict[str, Number | str]]):
    """The measure lesson's own KPI targets, by KPI id."""


class Maturity(_Open):
    organisation: str = ""
    ratings: dict[str, int] = {}


class BiasChecks(_Open):
    """The culture lesson's bias checks at every stage: one system, and each check done, planned or not yet."""

    system: str = ""
    answers: dict[str, Literal["done", "planned", "not_yet"]] = {}


class CaseDecision(_Open):
    """One case's decision: the option's label, why, and (optional) the lens decided under and who played whom."""

    decision: str
    reasoning: str = ""
    option: str = ""
    lens: str = ""
    roles: dict[str, str] = {}


class CaseDecisions(RootModel[dict[str, CaseDecision]]):
    """The context lesson's decisions, by case id."""


class Statement(_Open):
    answers: dict[str, str] = {}


class AdvancedMove(_Open):
    """One dimension of the Advanced stage: the move chosen (its id), a first step, and when it starts."""

    move: str = ""
    step: str = ""
    when: str = ""


class AdvancedMoves(_Open):
    """The innovation lesson's five advanced moves, by dimension id."""

    moves: dict[str, AdvancedMove] = {}


class EngagementPlan(_Open):
    """How residents or customers take part in one AI system: who, when (stage: method), what they can change."""

    system: str = ""
    who: list[str] = []
    when: dict[str, str] = {}
    changes: list[str] = []
    report_back: str = ""


class QuizAnswers(_Open):
    answers: dict[str, list[int]] = {}


class CheckAnswers(_Open):
    """The knowledge check at the start: chosen option positions by question (``quiz/question``)."""

    answers: dict[str, list[int]] = {}


class AfterCheck(CheckAnswers):
    """The same check at the end, with the start's answers it was compared with (None: none were saved)."""

    before: dict[str, list[int]] | None = None


class Evaluation(_Open):
    """The attendee's evaluation of the workshop; a rating is 1 to 5, or None before it is given."""

    relevance: int | None = Field(None, ge=1, le=5)
    confidence: int | None = Field(None, ge=1, le=5)
    first_step: str = ""
    improve: str = ""


class RoomMembership(_Open):
    """The trainer's room the attendee joined (:mod:`kit.room`): no workspace code, only the room's own names.

    ``participant`` is the anonymous id the room knows them by; ``shared`` the
    part keys of the notes they chose to share with the room.
    """

    room: str
    participant: str
    name: str
    shared: list[str] = []


def _quiz_v1_to_v2(value: Any) -> Any:
    """Version 1 also kept the score; it is always counted again from the answers now."""
    return {k: v for k, v in value.items() if k != "score"} if isinstance(value, dict) else value


def _register_v1_to_v2(value: Any) -> Any:
    """Version 1 risks had no ``found_by`` or ``evidence``: they were all thought of on paper."""
    if not isinstance(value, dict) or not isinstance(value.get("risks"), list):
        return value
    return {**value, "risks": [{"found_by": "", "evidence": "", **risk} if isinstance(risk, dict) else risk
                               for risk in value["risks"]]}


_SECTIONS = "kit.workshop._plan_sections"

ORGANISATION = Part("profile.organisation", "start", "Your organisation", Text, f"{_SECTIONS}:organisation_section")
GOAL = Part("profile.goal", "start", "Your goal", Text, f"{_SECTIONS}:goal_section")
USE_CASES = Part("strategy.use_cases", "strategy", "Candidate AI use cases and your first pilot", UseCases,
                 "kit.strategy:use_cases_section")
STRATEGY_NOTES = Part("strategy.notes", "strategy", "Notes on your AI strategy", Text, "kit.strategy:notes_section")
PILLARS = Part("pillars.sorter", "ethics", "The ethics pillars at stake", PillarAnswers,
               "kit.ethics._pillars:sorter_section")
PILLAR_NOTES = Part("pillars.notes", "ethics", "Notes on the ethics pillars", Text, "kit.ethics._pillars:notes_section")
BIAS_EXPLORER = Part("bias.explorer", "bias", "Bias audit of the practice screening tool", AuditFindings,
                     f"{_SECTIONS}:bias_explorer_section")
OWN_AUDIT = Part("bias.own_audit", "bias", "Bias audit of your own data", OwnAudit, f"{_SECTIONS}:own_audit_section")
BIAS_NOTES = Part("bias.notes", "bias", "Questions for your supplier", Text, f"{_SECTIONS}:bias_notes_section")
EXPLAINER = Part("transparency.explainer", "transparency", "Decisions explained to applicants", Explained,
                 "kit.transparency:explainer_section")
NOTICE = Part("transparency.notes", "transparency", "Your notice about AI use", Text, "kit.transparency:notes_section")
MINIMISATION = Part("privacy.minimisation", "privacy", "Data minimisation review", Minimisation,
                    "kit.privacy:minimisation_section")
CHATBOT_LAB = Part("chatbot.lab", "risk", "Chatbot red-team lab", ChatbotLab, "kit.chatbot:lab_section")
RISK_REGISTER = Part("risk.register", "risk", "Risk register", RiskRegister, "kit.risk:risk_section", version=2,
                     upgrades={1: _register_v1_to_v2})
RISK_NOTES = Part("risk.notes", "risk", "Notes on your risk assessment", Text, "kit.risk:risk_notes_section")
POLICY = Part("policy.answers", "policy", "Your AI policy", PolicyAnswers, "kit.governance:policy_section")
IMPACT = Part("policy.impact_assessment", "policy", "Algorithmic impact assessment", ImpactAssessment,
              "kit.governance:impact_section")
OVERSIGHT = Part("policy.human_in_the_loop", "policy", "When a person must decide", Oversight,
                 "kit.governance:human_in_the_loop_section")
TRIAGE = Part("regulation.triage", "policy", "EU AI Act triage of your AI uses", Triages,
              "kit.regulation:triage_section")
POLICY_NOTES = Part("policy.notes", "policy", "Notes on policies and governance", Text, "kit.governance:notes_section")
VENDOR = Part("vendor.checklist", "implementation", "Supplier due diligence", VendorAnswers, "kit.governance:vendor_section")
TARGETS = Part("kpis.targets", "measure", "Your KPI targets", Targets, "kit.measure:targets_section")
MATURITY = Part("culture.maturity", "culture", "Maturity self-assessment and action plan", Maturity,
                "kit.culture:maturity_section")
BIAS_CHECKS = Part("culture.bias_checks", "culture", "Bias checks at every stage", BiasChecks,
                   "kit.culture:bias_checks_section")
CASES = Part("cases.decisions", "context", "Decisions on the case studies", CaseDecisions, "kit.culture:decisions_section")
STATEMENT = Part("transparency.statement", "innovation", "Your transparency statement", Statement,
                 "kit.culture:statement_section")
ADVANCED_MOVES = Part("innovation.advanced_moves", "innovation", "Five advanced moves", AdvancedMoves,
                      "kit.culture:moves_section")
ENGAGEMENT = Part("innovation.engagement", "innovation", "How residents and customers take part", EngagementPlan,
                  "kit.culture:engagement_section")
QUIZZES = Part("quiz.", "start", "Self-check scores", QuizAnswers, f"{_SECTIONS}:quiz_section", version=2,
               upgrades={1: _quiz_v1_to_v2}, family=True)
_DELIVERY = "kit.delivery._sections"
BEFORE_CHECK = Part("check.before", "start", "Knowledge check at the start", CheckAnswers,
                    f"{_DELIVERY}:before_check_section")
AFTER_CHECK = Part("check.after", "action_plan", "Knowledge check at the end", AfterCheck,
                   f"{_DELIVERY}:after_check_section")
EVALUATION = Part("evaluation.form", "action_plan", "Evaluation of the workshop", Evaluation,
                  f"{_DELIVERY}:evaluation_section")
ROOM_MEMBERSHIP = Part("room.membership", "start", "Trainer's room", RoomMembership, f"{_SECTIONS}:room_section",
                       optional=True)

#: Every part, in the order of the action plan.
ALL: tuple[Part, ...] = (ORGANISATION, GOAL, USE_CASES, STRATEGY_NOTES, PILLARS, PILLAR_NOTES, BIAS_EXPLORER, OWN_AUDIT,
                         BIAS_NOTES, EXPLAINER, NOTICE, MINIMISATION, CHATBOT_LAB, RISK_REGISTER, RISK_NOTES, POLICY,
                         IMPACT, OVERSIGHT, TRIAGE, POLICY_NOTES, VENDOR, TARGETS, MATURITY, BIAS_CHECKS, CASES,
                         STATEMENT, ADVANCED_MOVES, ENGAGEMENT, QUIZZES, BEFORE_CHECK, AFTER_CHECK, EVALUATION,
                         ROOM_MEMBERSHIP)


def part_for(key: str) -> Part:
    """The part a workspace key holds; a plain error for a key no part declares."""
    for part in ALL:
        if part.keys_in([key]):
            return part
    raise KeyError(f"no saved part is declared for the key {key!r}: add it to kit/workshop/parts.py")
