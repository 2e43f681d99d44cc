"""The room's risk registers: the template risks entered most, and the room heatmap.

Each template risk is placed at the room's median likelihood and median
severity. A median between two points (an even count split evenly, such as
3.5) is placed on the higher point, so the grid never understates a risk; the
table gives the exact medians. The score and band of each cell come from
:mod:`kit.risk` (:func:`kit.risk.score`, :func:`kit.risk.band_of`), never
typed here. An attendee's own risks are counted, never named.
"""

from __future__ import annotations

import math
from typing import Any

from kit.risk import LIKELIHOOD_LABELS, SCALE_MAX, SCALE_MIN, SEVERITY_LABELS, band_of, scale_label, score
from kit.risk import template_info, template_names
from kit.room._aggregates import WAITING, Panel, Table, number, plural, spread, waiting
from kit.room._contributions import MIN_ANSWERS, template_risks
from kit.workshop import parts

POINTS = tuple(range(SCALE_MIN, SCALE_MAX + 1))


def placed(median: float) -> int:
    """The grid point a median falls on: rounded, a half going up (3.5 is placed at 4)."""
    return min(SCALE_MAX, max(SCALE_MIN, math.floor(median + 0.5)))


def _labels(ids: list[str]) -> dict[str, str]:
    """A short label per room risk id: its ref (R2), led by its template's letter (B-R2) when templates mix."""
    used = {rid.split("/")[0] for rid in ids}
    letters = {name: chr(ord("A") + i) for i, name in enumerate(template_names())}
    return {rid: rid.split("/")[1] if len(used) == 1 else f"{letters.get(rid.split('/')[0], '?')}-{rid.split('/')[1]}"
            for rid in ids}


def room_risks(values: dict[str, Any]) -> list[dict]:
    """Every template risk the room entered: its id, label, title, template, scores, most entered first."""
    entries: dict[str, list[tuple[int, int]]] = {}
    for value in values.values():
        for risk in value.get("risks") or []:
            entries.setdefault(risk["ref"], []).append((risk["likelihood"], risk["severity"]))
    known = template_risks()
    ordered = sorted((rid for rid in entries if rid in known), key=lambda rid: (-len(entries[rid]), rid))
    labels = _labels(ordered)
    found = []
    for rid in ordered:
        name, title = known[rid]
        item = {"id": rid, "label": labels[rid], "title": title, "template": template_info(name)["title"],
                "entered": len(entries[rid])}
        if item["entered"] >= MIN_ANSWERS:
            (lm, lo_l, hi_l), (sm, lo_s, hi_s) = (spread([e[0] for e in entries[rid]]),
                                                  spread([e[1] for e in entries[rid]]))
            cell = (placed(lm), placed(sm))
            item |= {"likelihood": lm, "likelihood_range": [lo_l, hi_l], "severity": sm,
                     "severity_range": [lo_s, hi_s], "cell": list(cell), "score": score(*cell),
                     "band": band_of(score(*cell)).name}
        found.append(item)
    return found


def risk_panels(values: dict[str, Any]) -> tuple[Panel, Panel]:
    """The most-entered template risks, and the room heatmap (median likelihood × median severity).

    Parameters
    ----------
    values : dict
        Participant → their reduced ``risk.register`` contribution.
    """
    lesson = parts.RISK_REGISTER.lesson
    most_title, map_title = "The risks the room entered most", "The room's heatmap"
    if len(values) < MIN_ANSWERS:
        return (waiting("risk.most_entered", lesson, most_title, len(values)),
                waiting("risk.heatmap", lesson, map_title, len(values)))
    risks = room_risks(values)
    own = [value.get("own", 0) for value in values.values()]
    rows = tuple((r["label"], r["title"], r["template"], r["entered"],
                  *((number(r["likelihood"]), number(r["severity"]), r["score"], r["band"]) if "cell" in r
                    else (WAITING, "", "", ""))) for r in risks)
    adders = sum(o > 0 for o in own)
    lines = (f"{plural(len(values), 'attendee')} saved a risk register; "
             + (f"{plural(adders, 'attendee')} added {plural(sum(own), 'risk')} of their own (counted only: their "
                "titles stay with them)." if adders else "none added a risk of their own."),)
    header = ("Ref", "Risk", "Template", "Entered by", "Median likelihood", "Median severity", "Score on the grid",
              "Band")
    most = Panel("risk.most_entered", lesson, most_title, len(values), lines, (Table(most_title, header, rows),),
                 "entered" if risks else "", {"risks": risks},
                 "Bar chart of how many attendees entered each template risk: "
                 + "; ".join(f"{r['label']} {r['title']}, {r['entered']}" for r in risks) + "." if risks else "")
    shown = [r for r in risks if "cell" in r]
    return most, Panel("risk.heatmap", lesson, map_title, len(values), _heatmap_lines(shown),
                       (Table(map_title, *_grid(shown)),), "heatmap" if shown else "", {"risks": shown},
                       _heatmap_alt(shown))


def _grid(shown: list[dict]) -> tuple[tuple[str, ...], tuple[tuple, ...]]:
    """The 5 × 5 grid as the kit's heatmap table: a row per severity (5 first), a column per likelihood."""
    header = ("Severity / likelihood", *(scale_label(l, LIKELIHOOD_LABELS) for l in POINTS))
    rows = []
    for s in reversed(POINTS):
        row = [scale_label(s, SEVERITY_LABELS)]
        for l in POINTS:
            refs = ", ".join(r["label"] for r in shown if r["cell"] == [l, s])
            row.append(f"{score(l, s)} {band_of(score(l, s)).name}" + (f": {refs}" if refs else ""))
        rows.append(tuple(row))
    return header, tuple(rows)


def _heatmap_lines(shown: list[dict]) -> tuple[str, ...]:
    if not shown:
        return (f"No template risk has been entered by {MIN_ANSWERS} attendees yet: {WAITING}.",)
    return (f"{plural(len(shown), 'template risk')} placed at the room's median likelihood and severity "
            f"(each entered by {MIN_ANSWERS} attendees or more); a median between two points is placed on the "
            "higher one.",)


def _heatmap_alt(shown: list[dict]) -> str:
    if not shown:
        return ""
    placed_text = "; ".join(f"{r['label']} {r['title']}: median likelihood {number(r['likelihood'])}, median "
                            f"severity {number(r['severity'])}, placed at {r['cell'][0]} × {r['cell'][1]} = "
                            f"{r['score']} {r['band']}" for r in shown)
    return (f"A 5 by 5 risk grid, likelihood from 1 to 5 across and severity from 1 to 5 up, with "
            f"{plural(len(shown), 'template risk')} placed by the room's medians: {placed_text}.")
