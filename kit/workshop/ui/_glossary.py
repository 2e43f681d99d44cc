"""The glossary in the apps: a searchable list, and a "terms in this lesson" block."""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop._lessons import lesson
from kit.workshop._glossary import Term, lesson_terms, load_glossary, search
from kit.toolkit import error_box, escape, guarded


def term_html(term: Term) -> str:
    """One entry as a ``<dt>``/``<dd>`` pair: the definition, other spellings, related terms, lesson."""
    extra = []
    if term.aliases:
        extra.append(f"Also: {escape(', '.join(term.aliases))}.")
    if term.see:
        extra.append(f"See also: {escape(', '.join(term.see))}.")
    if term.lesson:
        taught = lesson(term.lesson)
        extra.append(f"Taught in lesson {escape(taught.number)} · {escape(taught.title)}.")
    meta = f'<br><span class="kit-meta">{" ".join(extra)}</span>' if extra else ""
    return f"<dt><strong>{escape(term.term)}</strong></dt><dd>{escape(term.definition)}{meta}</dd>"


def glossary_html(terms: list[Term]) -> str:
    """Terms as a definition list (every value escaped)."""
    items = "".join(term_html(t) for t in terms)
    return f'<dl class="kit-glossary-list" style="margin:0.3em 0">{items}</dl>'


def glossary_widget(query: str = "") -> widgets.VBox:
    """A search box over the whole glossary; the list below narrows as the attendee types."""
    errors = error_box()
    box = widgets.Text(value=query, description="Search the glossary", placeholder="e.g. consent",
                       continuous_update=True, style={"description_width": "initial"},
                       layout=widgets.Layout(width="min(480px, 95%)"))
    status = widgets.HTML()
    results = widgets.HTML()
    total = len(load_glossary())

    @guarded(errors, "search the glossary")
    def refresh(_=None):
        found = search(box.value)
        if not found:
            status.value = (f'<p role="status">No term matches "{escape(box.value.strip())}". '
                            "Try a shorter word, or clear the box to see all terms.</p>")
            results.value = ""
            return
        shown = "all" if len(found) == total else f"{len(found)} of"
        status.value = f'<p role="status">Showing {shown} {total} terms.</p>'
        results.value = glossary_html(found)

    box.observe(refresh, names="value")
    refresh()
    panel = widgets.VBox([box, status, errors, results])
    panel.add_class("kit-glossary")
    return panel


def lesson_terms_html(notebook: str) -> str:
    """The glossary terms a lesson's text uses, in a block the reader can open."""
    terms = lesson_terms(notebook)
    if not terms:
        return ""
    return (f'<details class="kit-lesson-terms"><summary><strong>Terms used in this lesson</strong> '
            f"({len(terms)})</summary>{glossary_html(terms)}</details>")


def glossary_panel() -> widgets.Accordion:
    """:func:`glossary_widget` folded under a title, so a lesson can offer it without its length."""
    panel = widgets.Accordion(children=[glossary_widget()], titles=("Glossary: search every term of the kit",))
    panel.selected_index = None
    return panel
