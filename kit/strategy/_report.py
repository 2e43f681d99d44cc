"""The triage in words and documents: alt text, display table, CSV, Markdown/Word sections."""

from __future__ import annotations

from typing import Any, Sequence

import pandas as pd

from kit.documents import Document, Section, safe_csv
from kit.strategy._content import scales
from kit.strategy._triage import RULE, estimate, quadrant, recommend, risk_band, triage_frame
from kit.strategy._usecase import LABELS, MONEY, UseCase, from_saved



def amount(value: Any) -> str:
    """A number as people write it: ``1,500``, ``7.5``; blank when missing."""
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}".rstrip("0").rstrip(".")


def display_frame(use_cases: Sequence[UseCase]) -> pd.DataFrame:
    """:func:`kit.strategy.triage_frame` as text, ready for a page or a document table."""
    frame = triage_frame(use_cases)
    numeric = ["Net gain per month", "Payback (months)", "First-year return (%)", "Pilot rank"]
    text = frame.astype({c: object for c in numeric})
    for column in numeric:
        blank = "-" if column == "Pilot rank" else "not estimated"
        text[column] = [amount(v) or blank for v in frame[column]]
    payback = frame["Payback (months)"]
    net = frame["Net gain per month"]
    text.loc[payback.isna() & net.notna(), "Payback (months)"] = "never"
    return text


def estimate_text(case: UseCase) -> str:
    """The return estimate of one use case worked through in words, every step with its numbers."""
    result = estimate(case)
    if result is None:
        return f"{case.title}: no figures given, so no estimate."
    parts = []
    if case.hours_saved is not None:
        parts.append(f"{amount(case.hours_saved)} hours saved × {amount(case.hourly_cost)} an hour")
    if case.other_gain:
        parts.append(f"{amount(case.other_gain)} other gain")
    text = (f"{case.title}: {' + '.join(parts) or 'no gain'} = {amount(round(result.monthly_benefit, 2))} "
            f"a month; less {amount(case.monthly_cost)} to run it leaves {amount(round(result.net_monthly, 2))} "
            "a month. ")
    if result.payback_months is None:
        text += f"It never pays back the one-off cost of {amount(case.setup_cost)}."
    elif not case.setup_cost:
        text += "There is no one-off cost, so it pays its way from the first month."
    else:
        text += (f"The one-off cost of {amount(case.setup_cost)} is paid back in about "
                 f"{result.payback_months:.1f} months.")
    if result.first_year_return is not None:
        spent = (case.setup_cost or 0) + 12 * (case.monthly_cost or 0)
        gained = 12 * result.net_monthly - (case.setup_cost or 0)
        text += (f" First-year return: (12 × {amount(round(result.net_monthly, 2))} − {amount(case.setup_cost)}) "
                 f"÷ {amount(spent)} spent = {amount(round(gained, 2))} ÷ {amount(spent)} = "
                 f"{result.first_year_return:,.0%}.")
    return text


def estimate_steps(case: UseCase) -> list[tuple[str, str, str]]:
    """The return estimate of one use case as steps: ``(what, the working, the result)``, in order.

    The same sums as :func:`estimate_text`, one row each, so a page can show
    them as a table; empty when the use case has no figures.
    """
    result = estimate(case)
    if result is None:
        return []
    gains = []
    if case.hours_saved is not None:
        gains.append(f"{amount(case.hours_saved)} hours saved × {amount(case.hourly_cost)} an hour")
    if case.other_gain:
        gains.append(f"{amount(case.other_gain)} other gain")
    net = amount(round(result.net_monthly, 2))
    steps = [("Gain per month", " + ".join(gains) or "no gain", amount(round(result.monthly_benefit, 2))),
             ("Net gain per month", f"{amount(round(result.monthly_benefit, 2))} gain − "
                                    f"{amount(case.monthly_cost or 0)} running cost", net)]
    if result.payback_months is None:
        steps.append(("Payback time", f"the net gain is {net}, so the one-off cost of "
                                      f"{amount(case.setup_cost or 0)} is never paid back", "never"))
    elif not case.setup_cost:
        steps.append(("Payback time", "no one-off cost", "from the first month"))
    else:
        steps.append(("Payback time", f"{amount(case.setup_cost)} one-off cost ÷ {net} a month",
                      f"about {result.payback_months:.1f} months"))
    if result.first_year_return is not None:
        spent = (case.setup_cost or 0) + 12 * (case.monthly_cost or 0)
        gained = 12 * result.net_monthly - (case.setup_cost or 0)
        steps.append(("First-year return", f"(12 × {net} − {amount(case.setup_cost or 0)}) ÷ "
                                           f"({amount(case.setup_cost or 0)} + 12 × {amount(case.monthly_cost or 0)}) "
                                           f"= {amount(round(gained, 2))} ÷ {amount(spent)}",
                      f"{result.first_year_return:,.0%}"))
    return steps


def matrix_alt(use_cases: Sequence[UseCase]) -> str:
    """The text alternative of the value × ethical-risk matrix: every point in words."""
    if not use_cases:
        return "An empty matrix of value against ethical risk: no use cases yet."
    parts = []
    for band in ("low", "medium", "high"):
        members = [f"{n} {c.title} (value {c.value}, risk {c.risk})"
                   for n, c in enumerate(use_cases, start=1) if risk_band(c.risk) == band]
        if members:
            parts.append(f"{band} ethical risk: {'; '.join(members)}")
    pick = recommend(use_cases)
    verdict = (f" Recommended first pilot: {pick.index + 1} {pick.title}." if pick.index is not None
               else " No use case qualifies as a first pilot.")
    return (f"Matrix of {len(use_cases)} use cases, value (up, 1 to 5) against ethical risk (across, 1 to 5). "
            + ". ".join(parts) + "." + verdict)


def _plain(value: Any) -> Any:
    """A pandas cell as a plain Python value (None for missing), so CSV keeps numbers as numbers."""
    if value is None or pd.isna(value):
        return None
    value = value.item() if hasattr(value, "item") else value
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _export_rows(use_cases: Sequence[UseCase], numeric: bool = False) -> tuple[list[str], list[list]]:
    """Header and rows of the full list; numbers stay numbers with ``numeric`` (for CSV)."""
    frame = triage_frame(use_cases) if numeric else display_frame(use_cases)
    header = list(frame.columns[:2]) + [LABELS["problem"], LABELS["notes"]] + list(frame.columns[2:])
    header += [LABELS[name] for name in MONEY]
    payback = list(frame.columns).index("Payback (months)")
    rows = []
    for case, record in zip(use_cases, frame.itertuples(index=False, name=None)):
        money = [(_plain if numeric else amount)(getattr(case, name)) for name in MONEY]
        cells = [_plain(v) for v in record]
        if numeric and case.has_estimate and cells[payback] is None:
            cells[payback] = "never"
        rows.append(cells[:2] + [case.problem, case.notes] + cells[2:] + money)
    return header, rows


def use_cases_csv(use_cases: Sequence[UseCase]) -> str:
    """The list as CSV, every cell neutralised so a spreadsheet shows it and never runs it."""
    return safe_csv(*_export_rows(use_cases, numeric=True))


_HEADING = "AI use cases and the first pilot"


def use_cases_section(saved: Any) -> Section | None:
    """The saved value of ``"strategy.use_cases"`` as a document section (for the action plan).

    Parameters
    ----------
    saved : list of dict or None
        What the triage app saved in the workspace.

    Returns
    -------
    Section or None
        None when no use case is saved: the plan lists the part as not started.
    """
    use_cases = from_saved(saved)
    if not use_cases:
        return None
    pick = recommend(use_cases)
    lead = (f"Recommended first pilot: {pick.title}." if pick.index is not None
            else "No first pilot yet: none of the use cases has a low ethical risk.")
    bullets = [f"{n}. {c.title}: {quadrant(c).lower()} (value {c.value}, effort {c.effort}, "
               f"ethical risk {c.risk})" + (f". {c.notes}" if c.notes else "")
               for n, c in enumerate(use_cases, start=1)]
    header, rows = _export_rows(use_cases)
    keep = [header.index(h) for h in ("No.", LABELS["title"], LABELS["value"], LABELS["effort"],
                                      LABELS["risk"], "Where it sits", "Payback (months)", "Pilot rank")]
    table = ([header[i] for i in keep], [[row[i] for i in keep] for row in rows])
    return Section(_HEADING, [lead, pick.reason, f"How the pilot was chosen: {RULE}"], bullets, table)


def scales_section() -> Section:
    """What each score from 1 to 5 means, as a document section."""
    bullets = [f"{scale.name} {n}: {level.label}. {level.means}"
               for scale in scales().values() for n, level in scale.levels.items()]
    paragraphs = [f"{scale.name}: {scale.question}" for scale in scales().values()]
    return Section("How the scores were given", paragraphs, bullets)


def use_case_document(use_cases: Sequence[UseCase]) -> Document:
    """The whole triage as a document for Markdown, HTML or Word."""
    section = (use_cases_section([case.to_dict() for case in use_cases])
               or Section(_HEADING, ["No use cases listed yet."]))
    rough = ("Return estimates are rough: they count the time saved and other gains typed in, against "
             "the one-off and running costs, and leave out what is hard to price, such as trust.")
    section.paragraphs.append(rough)
    return Document("AI use-case triage", [section, scales_section()],
                    subtitle="Candidate uses of AI, scored for value, effort and ethical risk.")


def notes_section(saved: Any) -> Section | None:
    """The saved value of ``"strategy.notes"`` (the pilot the learner will propose) as a section; None if empty."""
    text = " ".join(str(saved or "").split())
    return Section("Your first pilot: notes", [text]) if text else None
