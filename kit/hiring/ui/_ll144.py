"""The bias explorer's NYC Local Law 144 download: the sample tool's summary at the cut-off the attendee chose.

The tables are :func:`kit.regulation.ll144_summary`'s (the audit library's
exact counts, by sex, race/ethnicity and both), written by the regulation
package's own web page and spreadsheet-safe CSV writers and handed over with
the toolkit's download links; nothing is counted or formatted here.
"""

from __future__ import annotations

from kit.data import load_hiring
from kit.hiring._lab import DECISION, decisions_at
from kit.regulation import ll144_csv, ll144_html, ll144_summary
from kit.toolkit import download_bar, escape

#: The sample's columns the summary reads: sex first, race/ethnicity second (as ``kit audit --group``).
SEX, RACE = "gender", "ethnicity"
LABEL = "NYC Local Law 144 summary"


def ll144_downloads(threshold: float) -> str:
    """A line on what the summary is, and links to it as a web page and as a spreadsheet (CSV)."""
    pool = load_hiring()
    summary = ll144_summary(pool.assign(**{DECISION: decisions_at(pool, threshold)}), SEX, RACE, outcome=DECISION)
    stem = f"nyc-ll144-summary-cutoff-{round(threshold * 100):02d}"
    intro = (f"<p><strong>{escape(LABEL)}</strong> at a cut-off of {threshold:.2f}: selection rates and impact "
             "ratios by sex, by race/ethnicity and by both, as New York City's rules lay them out. It is a "
             "calculation to prepare for an audit, not the independent audit the law requires (see below).</p>")
    return intro + download_bar([
        (ll144_html(summary), f"{stem}.html", f"Download the {LABEL} (web page)"),
        (ll144_csv(summary), f"{stem}.csv", f"Download the {LABEL} as a spreadsheet (CSV)"),
    ])
