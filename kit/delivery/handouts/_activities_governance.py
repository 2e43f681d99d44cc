"""Paper activities from risk to innovation: the register, the policy, suppliers, KPIs, maturity, cases, the statement.

Built like :mod:`._activities`: content through the packages' faces, numbers
computed (the risk grid's scores and bands come from :mod:`kit.risk`'s
scoring), every text escaped.
"""

from __future__ import annotations

from kit.documents import escape
from kit.delivery.handouts._paper import (BOX, Html, bullets, join, labelled_write, table, tag, ticks, write)

#: Blank rows of the paper risk register.
REGISTER_ROWS = 6
#: The register's columns on paper, in the register's own words (kit.risk.FIELD_LABELS), and where the
#: computed score and band go.
REGISTER_FIELDS = ("ref", "title", "likelihood", "severity", "score", "band", "mitigation", "owner", "due")


def _risk_grid() -> Html:
    """The 5 × 5 grid: a row per severity (highest first), a column per likelihood; each cell's score and band."""
    from kit.risk import BANDS, LIKELIHOOD_LABELS, SCALE_MAX, SCALE_MIN, SEVERITY_LABELS, band_of, scale_label, score

    points = range(SCALE_MIN, SCALE_MAX + 1)
    rank = {band.name: i for i, band in enumerate(BANDS)}
    head = "".join(f'<th scope="col">{escape(scale_label(l, LIKELIHOOD_LABELS))}</th>' for l in points)
    rows = []
    for s in reversed(points):
        cells = []
        for l in points:
            value = score(l, s)
            band = band_of(value).name
            cells.append(f'<td class="cell band-{rank[band]}"><span class="score">{value}</span>'
                         f'<span class="band-name">{escape(band)}</span></td>')
        rows.append(f'<tr><th scope="row">{escape(scale_label(s, SEVERITY_LABELS))}</th>{"".join(cells)}</tr>')
    return Html(f'<div class="keep"><table class="risk-grid"><caption>Score = likelihood × severity, with its rating band: '
                f'likelihood across, severity down (highest first)</caption><thead><tr>'
                f'<th scope="col">Severity / likelihood</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _risk() -> Html:
    from kit.risk import BANDS, DEFAULT_TEMPLATE, FIELD_LABELS, bands_table, load_template

    header, rows = bands_table()
    legend = table(["Pattern", *header],
                   [[Html(f'<span class="swatch band-{i}"></span>'), *row] for i, row in enumerate(rows)],
                   caption="The rating bands (each has its own pattern as well as its name)", row_headers=False)
    labels = {**FIELD_LABELS, "score": "Score (L × S)", "band": "Band"}
    example = load_template(DEFAULT_TEMPLATE).sorted("ref")[0]
    worked = [str(getattr(example, name)) for name in REGISTER_FIELDS]
    register = table([labels[name] for name in REGISTER_FIELDS], [worked], row_headers=False,
                     caption=f"Your risk register (the first row is a worked example from the template "
                             f"'{load_template(DEFAULT_TEMPLATE).name}')",
                     blank_rows=REGISTER_ROWS, cls="register")
    return join(tag("h4", "The risk grid"), _risk_grid(), legend,
                tag("p", f"{len(BANDS)} bands, from {BANDS[0].name} to {BANDS[-1].name}; write the band "
                         "in words in the register, never only a colour.", "meta"),
                tag("h4", "The register"), register)


def _policy_question(question) -> Html:
    answer = ticks(question.options) if question.kind == "choice" else write("" if question.kind == "long" else "small")
    example = tag("p", question.example, "meta") if question.example else Html("")
    return tag("div", join(tag("p", question.question, "label"), example, answer), "question")


def _human_in_the_loop() -> Html:
    """The walk-through as numbered questions, each answer pointing to the next question or a recommendation."""
    from kit.governance import Recommendation, tree

    walk = tree()
    order, queue = [], [walk.start]
    while queue:
        node_id = queue.pop(0)
        if node_id not in order:
            order.append(node_id)
            queue += [answer.next for answer in getattr(walk.nodes[node_id], "answers", ())]
    questions = [n for n in order if not isinstance(walk.nodes[n], Recommendation)]
    outcomes = [n for n in order if isinstance(walk.nodes[n], Recommendation)]
    names = {**{n: f"Q{i}" for i, n in enumerate(questions, start=1)},
             **{n: chr(ord("A") + i) for i, n in enumerate(outcomes)}}

    def target(node_id: str) -> str:
        return f"go to {names[node_id]}" if node_id in questions else f"recommendation {names[node_id]}"

    steps = [tag("div", join(tag("p", join(tag("strong", f"{names[n]}. "), walk.nodes[n].question), "label"),
                             tag("p", walk.nodes[n].help, "meta") if walk.nodes[n].help else "",
                             ticks(f"{a.label} → {target(a.next)}" for a in walk.nodes[n].answers)), "question")
             for n in questions]
    ends = bullets(join(tag("strong", f"{names[n]}. {walk.nodes[n].recommendation}"), f" ({walk.nodes[n].level}). ",
                        walk.nodes[n].explanation) for n in outcomes)
    return join(labelled_write("The decision you are walking through", "small"), *steps,
                tag("p", "Where the answers lead:", "label"), ends)


def _policy() -> Html:
    from kit.governance import questions

    return join(tag("h4", "The policy checklist"), *(_policy_question(q) for q in questions()),
                tag("h4", "When must a person decide?"), _human_in_the_loop())


def _implementation() -> Html:
    from kit.governance import STRENGTHS, load_checklist

    checklist = load_checklist()
    out = [labelled_write("The supplier and the tool", "small")]
    for area in checklist.areas:
        out += [tag("h4", area.title), tag("p", area.about, "meta") if area.about else ""]
        for question in checklist.in_area(area.id):
            critical = tag("strong", " (critical: a weak answer should stop you signing)") if question.critical else ""
            out.append(tag("div", join(tag("p", join(question.question, critical), "label"),
                                       ticks(f"{o.text} ({STRENGTHS[o.score]})" for o in question.options),
                                       tag("p", "What the supplier said:", "meta"), write("small")), "question"))
    return join(*out)


def _measure() -> Html:
    from kit.measure import load_kpis

    rows = [[kpi.name, kpi.tells_you, kpi.target_text(), ""] for kpi in load_kpis()]
    return table(["KPI", "What it tells you", "The kit's target", "Our target"], rows,
                 caption="Ethical KPIs: set your own targets", cls="kpis")


def _culture() -> Html:
    from kit.culture import RATINGS, load_model

    out = []
    for dimension in load_model().dimensions:
        rows = [[statement.text, *([BOX] * len(RATINGS))] for statement in dimension.statements]
        out += [tag("h4", dimension.title), tag("p", dimension.about, "meta") if dimension.about else "",
                table(["Statement", *(f"{value} · {label}" for value, label in RATINGS)], rows, cls="ratings",
                      caption=f"{dimension.title}: tick one rating per statement")]
    return join(*out, labelled_write("Your weakest dimension, and your next step in it", "small"))


def _context() -> Html:
    from kit.culture import load_cases

    out = []
    for case in load_cases():
        lenses = table(["Lens", "How it reads", "Safeguards"],
                       [[lens.label, lens.reads, bullets(lens.safeguards)] for lens in case.lenses],
                       caption=f"The lenses on '{case.title}'", cls="lenses")
        out.append(tag("div", join(
            tag("h4", f"{case.title} ({case.sector})"), tag("p", case.scenario),
            tag("p", "Who it affects:", "label"), bullets(f"{name}: {interest}" for name, interest in case.stakeholders),
            tag("p", "Role cards:", "label"),
            bullets(f"{role.role}. Goal: {role.goal} Worry: {role.worry}" for role in case.roles),
            tag("p", join(tag("strong", "The decision: "), case.decision)), ticks(case.options),
            labelled_write("Your team's decision, the setting you decided in, and why"), lenses), "case"))
    return join(*out)


def _innovation() -> Html:
    from kit.culture import load_fields

    out = []
    for field in load_fields():
        optional = "" if field.required else " (optional)"
        question = "" if field.question.casefold() == field.heading.casefold() else f": {field.question}"
        out.append(tag("div", join(tag("p", join(tag("strong", field.heading), f"{question}{optional}"), "label"),
                                   tag("p", field.help, "meta"), write("" if field.multiline else "small")),
                       "question"))
    return join(tag("p", "Your transparency statement, section by section.", "meta"), *out)


FORMS = {"risk": _risk, "policy": _policy, "implementation": _implementation, "measure": _measure,
         "culture": _culture, "context": _context, "innovation": _innovation}
