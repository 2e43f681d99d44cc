"""The chatbot lesson's widgets: the red-team lab's chat panel, findings and the fixed-bot comparison."""

from kit.chatbot.ui._lab import FindingTarget, chatbot_lab, comparison_html, findings_html, transcript_html

__all__ = [
    "FindingTarget",
    "chatbot_lab",
    "comparison_html",
    "findings_html",
    "transcript_html",
]
