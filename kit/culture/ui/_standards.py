"""The standards of the innovation lesson as cards, each with its source, and the date the list was checked."""

from __future__ import annotations

from kit.culture._standards import Standards, as_of_text, load_standards
from kit.toolkit import escape


def standards_html(standards: Standards | None = None) -> str:
    """One card per standard (cards reflow on a phone, where a six-column table would not), then what a
    certificate shows and the ``as_of`` date of the list."""
    standards = standards or load_standards()
    cards = []
    for s in standards.standards:
        certify = "Certification available" if s.certifiable else "No certification"
        cards.append(
            f'<div class="kit-card kit-standard"><h3>{escape(s.name)}</h3>'
            f"<p class='kit-meta'>{escape(s.publisher)} · {escape(s.published)} · {escape(s.kind)} · "
            f"<strong>{certify}</strong></p><p>{escape(s.what)}</p>"
            f"<p><strong>What it offers you:</strong> {escape(s.for_you)}</p>"
            f"<p class='kit-meta'>Source: <a href=\"{escape(str(s.url))}\" rel=\"noopener\" target=\"_blank\">"
            f"{escape(s.source)}</a></p></div>")
    return (f'<div class="kit-cards" role="list" aria-label="Standards and certifications for ethical AI">'
            + "".join(f'<div role="listitem">{card}</div>' for card in cards) + "</div>"
            + f"<p>{escape(standards.note)} <span class='kit-meta'>List checked {escape(as_of_text(standards))}."
            "</span></p>")
