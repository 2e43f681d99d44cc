"""Content blocks the lessons show, rendered from the data files in ``kit/content``."""

from __future__ import annotations

from kit.governance import vendor_questions
from kit.toolkit import escape


def vendor_questions_html() -> str:
    """The supplier questions of the bias lesson, each with what a good answer sounds like."""
    items = "".join(
        f"<li><strong>{escape(row.question)}</strong><br>"
        f"<span class='kit-meta'>A good answer: {escape(row.good_answer)}</span></li>"
        for row in vendor_questions()
    )
    return f'<ol class="kit-questions">{items}</ol>'
