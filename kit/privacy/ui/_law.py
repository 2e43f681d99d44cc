"""A data protection law as the privacy lesson shows it: who it applies to, with each statement's source."""

from __future__ import annotations

from kit.privacy._law import PrivacyLaws, as_of_text, load_laws
from kit.toolkit import escape


def _statements(items) -> str:
    return "".join(f"<li>{escape(item.text)} <span class='kit-meta'>({escape(item.source)})</span></li>"
                   for item in items)


def law_html(law_id: str, laws: PrivacyLaws | None = None) -> str:
    """One law as a card: its name, who it applies to, who it does not reach, its main points and sources."""
    laws = laws or load_laws()
    law = laws.law(law_id)
    sources = "; ".join(f'<a href="{escape(str(s.url))}" rel="noopener" target="_blank">{escape(s.title)}</a>'
                        for s in law.sources)
    return (f'<div class="kit-card kit-law" role="region" aria-label="{escape(law.name)}">'
            f"<h3>{escape(law.name)}</h3><p>{escape(law.full_name)}.</p>"
            f"<h4>Who it applies to</h4><ul>{_statements(law.applies_to)}</ul>"
            f"<h4>Who it does not reach</h4><p>{escape(law.outside)} "
            f"<span class='kit-meta'>({escape(law.outside_source)})</span></p>"
            f"<h4>{escape(law.points_title)}</h4><ul>{_statements(law.points)}</ul>"
            f"<p class='kit-meta'>Sources: {sources}. As of {escape(as_of_text(laws))}. "
            f"{escape(laws.not_legal_advice)}</p></div>")
