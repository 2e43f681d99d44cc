"""The chatbot lab's widgets: chat with the practice bot, record findings into the register, compare with the fixed bot.

Everything the lab decides (which flaw a reply shows, whether an exchange
can be recorded, the progress line, what changed on the fixed bot) is in
:class:`kit.chatbot.Lab`; this module arranges widgets around it. Every word
the bot or the attendee wrote is escaped before it is shown, so a reply
containing markup shows as text.
"""

from __future__ import annotations

import warnings
from typing import Any, Callable, Mapping, Protocol, Sequence

import ipywidgets as widgets
import pandas as pd

from kit.chatbot import Comparison, Finding, Lab, LabRefusal, lab_say, lab_texts, shop
from kit.risk import Register, Risk
from kit.toolkit import error_box, escape, guarded, notice, table_html
from kit.workshop import parts
from kit.workshop.ui import SavedPart

#: Colours checked for WCAG AA contrast with #1a1a1a text.
_YOU, _BOT = "#eef3fa", "#f4f5f7"
_HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap"
_WIDE = widgets.Layout(width="min(720px, 100%)")


class FindingTarget(Protocol):
    """Where findings go: the register builder on the same page (:class:`kit.risk.ui.RegisterApp`)."""

    register: Register

    def add_risk(self, fields: Mapping[str, Any], source: str = ...) -> Risk: ...


def _turn(who: str, text: str, bot: bool) -> str:
    kind, colour = ("bot", _BOT) if bot else ("you", _YOU)
    return (f'<div class="kit-chat-{kind}" style="margin:0.35em 0;padding:0.4em 0.7em;border-radius:6px;'
            f'background:{colour};color:#1a1a1a"><strong>{escape(who)}:</strong> '
            f'<span style="white-space:pre-wrap">{escape(text)}</span></div>')


def transcript_html(lab: Lab) -> str:
    """The conversation, the bot's greeting first; every message and reply escaped."""
    bot = shop().business.bot_name
    turns = [_turn(bot, lab.greeting, True)]
    for exchange in lab.transcript:
        turns += [_turn("You", exchange.message, False), _turn(bot, exchange.reply or "", True)]
    return (f'<div class="kit-chat" role="log" aria-label="Your conversation with {escape(bot)}" '
            f'style="border:1px solid #8a94a6;border-radius:6px;padding:0.3em 0.6em;background:#fff">'
            f'{"".join(turns)}</div>')


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings recorded so far, each with its register reference; escaped."""
    if not findings:
        return ""
    items = "".join(f"<li>{escape(f.ref)} · {escape(f.title)} ({escape(f.name)})</li>" for f in findings)
    return (f'<p><strong>Your findings, now in your register below:</strong></p>'
            f'<ul class="kit-chat-findings">{items}</ul>')


def comparison_html(comparisons: Sequence[Comparison]) -> str:
    """Each finding sent again to the fixed bot: the messages, both replies, and what changed."""
    out = [f"<p>{escape(lab_say('fixed_intro'))}</p>"]
    for comparison in comparisons:
        finding = comparison.finding
        frame = pd.DataFrame(comparison.turns, columns=["You sent", "The practice bot", "The fixed bot"])
        caption = f"{finding.ref} · {finding.title} ({finding.name})"
        out.append(f'<div class="kit-chat-compare">{table_html(frame, caption=caption)}'
                   f"<p><strong>What changed:</strong> {escape(comparison.changed)}</p></div>")
    return "".join(out)


def _progress_html(lab: Lab) -> str:
    return f'<p class="kit-chat-progress" role="status"><strong>{escape(lab.progress())}</strong></p>'


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h3>{escape(text)}</h3>")


def _on_enter(box: widgets.Text, callback: Callable) -> None:
    """Call ``callback`` when Enter is pressed in ``box``.

    ipywidgets 8 marks ``on_submit`` deprecated but still sends Enter as a
    submit event, and it is the one way to tell Enter from leaving the box
    (the workspace panel uses it too).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        box.on_submit(callback)


def chatbot_lab(register: FindingTarget) -> widgets.VBox:
    """The red-team lab: the chat panel, suggested probes, recording findings into ``register``, the fixed bot.

    Parameters
    ----------
    register : RegisterApp
        The page's register builder (:func:`kit.risk.ui.risk_register_app`): each finding is
        added to it and shown there at once, with its evidence.
    """
    state: dict[str, Any] = {"lab": Lab()}
    errors = error_box()
    bot = shop().business.bot_name
    transcript, heard, said, recorded, progress, findings, comparison = (widgets.HTML() for _ in range(7))
    heard.layout = widgets.Layout(width="1px", height="1px", overflow="hidden")
    message = widgets.Text(description="Your message", placeholder=f"Type a message to {bot}, then press Enter",
                           style={"description_width": "initial"}, layout=_WIDE)
    send = widgets.Button(description="Send", button_style="primary", layout=widgets.Layout(width="auto"))
    record = widgets.Button(description="Record this as a finding", button_style="primary",
                            layout=widgets.Layout(width="auto"))
    restart = widgets.Button(description="Start a new chat", layout=widgets.Layout(width="auto"))
    compare = widgets.Button(description="Try the same probes on the fixed bot", layout=widgets.Layout(width="auto"))

    def lab() -> Lab:
        return state["lab"]

    def save() -> None:
        part.save(lab().to_dict())

    def draw(reply: str = "") -> None:
        transcript.value = transcript_html(lab())
        spoken = escape(lab_say("sent", reply=reply))
        heard.value = f'<div role="status" style="{_HIDDEN}">{spoken}</div>' if reply else ""
        progress.value = _progress_html(lab())
        findings.value = findings_html(lab().findings)

    @guarded(errors, "send your message")
    def on_send(_=None):
        try:
            exchange = lab().send(message.value)
        except LabRefusal as refusal:
            said.value = notice(str(refusal), "warning")
            return
        said.value = recorded.value = ""
        message.value = ""
        draw(exchange.reply or "")
        save()

    def suggest(text: str) -> Callable:
        @guarded(errors, "put the suggestion in the box")
        def on_click(_):
            message.value = text
            said.value = notice(lab_say("suggested"))
        return on_click

    @guarded(errors, "record the finding")
    def on_record(_):
        try:
            category, evidence = lab().proposal()
        except LabRefusal as refusal:
            recorded.value = notice(str(refusal), "warning")
            return
        row = lab().risk_for(category, evidence, taken=[risk.title for risk in register.register.risks])
        risk = register.add_risk(row, "the chatbot lab")
        lab().record(category, evidence, risk.ref, risk.title)
        save()
        draw()
        recorded.value = notice(lab_say("recorded", ref=risk.ref, title=risk.title), "success")

    @guarded(errors, "start a new chat")
    def on_restart(_):
        lab().restart()
        save()
        draw()
        said.value, recorded.value = notice(lab_say("restarted")), ""

    @guarded(errors, "ask the fixed bot")
    def on_compare(_):
        comparisons = lab().compare()
        comparison.value = comparison_html(comparisons) if comparisons else notice(lab_say("fixed_none"))

    def show(saved: Any, why: str) -> None:
        state["lab"] = Lab.from_dict(saved)
        said.value = recorded.value = comparison.value = ""
        draw()

    part = SavedPart(parts.CHATBOT_LAB, show, Lab().to_dict())

    buttons = []
    for suggestion in lab_texts().suggestions:
        button = widgets.Button(description=suggestion.label, layout=widgets.Layout(width="auto"))
        button.on_click(suggest(suggestion.message))
        buttons.append(button)
    send.on_click(on_send)
    _on_enter(message, on_send)
    record.on_click(on_record)
    restart.on_click(on_restart)
    compare.on_click(on_compare)
    draw()

    box = widgets.VBox([
        widgets.HTML(f"<p>{escape(lab_say('intro'))}</p>"),
        _heading(f"Chat with {bot}"), transcript, heard,
        widgets.HBox([message, send], layout=widgets.Layout(flex_flow="row wrap", align_items="center")), said,
        widgets.HTML(f"<p>{escape(lab_say('suggestions_intro'))}</p>"),
        widgets.HBox(buttons, layout=widgets.Layout(flex_flow="row wrap")),
        _heading("Record what you find"),
        widgets.HBox([record, restart], layout=widgets.Layout(flex_flow="row wrap")), recorded, progress, findings,
        _heading("Try the same probes on the fixed bot"), compare, comparison,
        errors, part.notice,
    ])
    box.add_class("kit-chatbot-lab")
    return box
