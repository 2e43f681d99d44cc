"""The certificate app: the attendee types their name and downloads a certificate of the lessons they worked through."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from kit.delivery._certificate import (certificate_html, certificate_pdf, clean_name, lessons_done, long_date,
                                      organiser_name)
from kit.delivery._pdf import PdfUnavailable, require_pdf
from kit.toolkit import DownloadLinks, error_box, escape, guarded, notice
from kit.workshop import session

STEM = "certificate-of-attendance"
NO_WORKSPACE = ("No workspace is open, so the certificate lists no lessons. To list the lessons you worked "
                "through, open your workspace with your code (above) and make the certificate again.")


def _summary(name: str, organiser: str, day: date, lessons) -> str:
    """What the certificate says, in the page (its own styles are kept out of the page)."""
    worked = ("<p>Lessons you worked through, from your saved work:</p><ul>"
              + "".join(f"<li>{escape(item.label)}</li>" for item in lessons) + "</ul>") if lessons else \
        "<p>No lesson has saved work in this workspace, so the certificate lists none: it states that you attended.</p>"
    by = f" run by {escape(organiser)}" if organiser else ""
    return (f'<div class="kit-certificate-summary" style="overflow-wrap:anywhere">'
            f"<p>The certificate names <strong>{escape(name)}</strong>, who attended the workshop{by} "
            f"on {escape(long_date(day))}.</p>{worked}</div>")


def certificate_app() -> widgets.VBox:
    """A name box and a button; the certificate comes as a PDF and a web page, each made when its link is clicked."""
    errors, status, downloads = error_box(), widgets.HTML(), DownloadLinks()
    name = widgets.Text(description="Your name, as it should appear on the certificate",
                        placeholder="e.g. Amira O'Connor", style={"description_width": "initial"},
                        layout=widgets.Layout(width="95%"))
    make = widgets.Button(description="Make my certificate", button_style="primary",
                          layout=widgets.Layout(width="auto"))

    @guarded(errors, "make your certificate")
    def on_make(_=None):
        status.value = ""
        downloads.clear()
        typed = clean_name(name.value)  # what was typed stays in the box, whatever the answer
        workspace, organiser, today = session.current(), organiser_name(), date.today()
        lessons = lessons_done(workspace)
        web = (lambda: certificate_html(typed, organiser, today, lessons), f"{STEM}.html",
               "Download the certificate as a web page (HTML)")
        status.value = (notice(NO_WORKSPACE) if workspace is None else "") + _summary(typed, organiser, today, lessons)
        try:
            require_pdf()
        except PdfUnavailable as problem:
            status.value += notice(f"{problem} Meanwhile, download the web page and print it from your browser.",
                                   "warning")
            downloads.offer([web])
            return
        downloads.offer([(lambda: certificate_pdf(typed, organiser, today, lessons), f"{STEM}.pdf",
                          "Download the certificate as a PDF"), web])

    def on_switch(_workspace, clear: bool) -> None:
        """Another workspace: a certificate made before lists the wrong lessons, and the name is someone else's."""
        status.value = errors.value = ""
        downloads.clear()
        if clear:
            name.value = ""

    make.on_click(on_make)
    session.on_switch(on_switch)
    box = widgets.VBox([name, make, errors, status, downloads])
    box.add_class("kit-certificate")
    return box
