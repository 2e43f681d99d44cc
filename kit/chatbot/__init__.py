"""The chatbot red-team lab: a practice chatbot with planted flaws, a probe battery, and probing your own chatbot.

No widgets here: the lab app (lesson on chatbot risk) and ``kit chatbot probe`` call these.

* The practice bot (:class:`PracticeBot`, :func:`practice_bot`, :func:`fixed_bot`): a
  customer-service bot for an invented coffee business, made of plain rules and the
  content files in ``kit/content/chatbot/``. ``reply(history, message)`` is
  deterministic; :meth:`PracticeBot.answer` also names the planted flaw a reply shows.
  :func:`planted_flaws` describes the flaws, for the trainer only.
* Any chatbot with ``label`` and ``reply(history, message)`` is a :class:`Chatbot`;
  :class:`ChatCompletionsClient` talks to a chat-completions service.
* :func:`run_battery` sends the probes of ``probes.yaml`` and gives a
  :class:`BatteryReport`: each probe found / not found / could not run, with the
  exchanges. :func:`report_document` and :func:`render` write it in any format.
* :func:`finding_risk` and :func:`report_risks` turn findings into rows for the risk
  register, with a suggested owner and mitigation, the evidence, and the OWASP and
  NIST names of the risk.
* The lab of the chatbot lesson (:class:`Lab`): a conversation with the practice bot,
  findings recorded from it (which flaw a reply shows comes from the bot), the progress
  line, and the same messages sent to the fixed bot; saved as ``"chatbot.lab"``, shown
  in the action plan by :func:`lab_section`. Its widgets are in :mod:`kit.chatbot.ui`.
"""

from ._battery import (FOUND, NOT_FOUND, NOT_RUN, STATUSES, BatteryReport, CategoryResult, Exchange, ProbeResult,
                       RunCodes, probe_count, run_battery, scenario)
from ._bot import Answer, PracticeBot, fixed_bot, hidden_instructions, practice_bot
from ._content import CATEGORIES, planted_flaws, planted_flaws_guide, probe_texts, shop
from ._endpoint import ChatCompletionsClient, UrlError, completions_url
from ._lab import (LAB_CHATBOT, MAX_MESSAGE, MAX_TRANSCRIPT, Comparison, Finding, Lab, LabRefusal, chatbot_content,
                   lab_say, lab_section, lab_texts, verdict)
from ._protocol import Chatbot, ChatServiceError, Message, turn
from ._register import EXTRA_FIELDS, evidence_text, finding_risk, found_by, report_risks
from ._report import FORMATS, render, report_csv, report_document, report_text

__all__ = [
    "Answer",
    "BatteryReport",
    "CATEGORIES",
    "CategoryResult",
    "ChatCompletionsClient",
    "ChatServiceError",
    "Chatbot",
    "Comparison",
    "EXTRA_FIELDS",
    "Exchange",
    "FORMATS",
    "FOUND",
    "Finding",
    "LAB_CHATBOT",
    "Lab",
    "LabRefusal",
    "MAX_MESSAGE",
    "MAX_TRANSCRIPT",
    "Message",
    "NOT_FOUND",
    "NOT_RUN",
    "PracticeBot",
    "ProbeResult",
    "RunCodes",
    "STATUSES",
    "UrlError",
    "chatbot_content",
    "completions_url",
    "evidence_text",
    "finding_risk",
    "found_by",
    "fixed_bot",
    "hidden_instructions",
    "lab_say",
    "lab_section",
    "lab_texts",
    "planted_flaws",
    "planted_flaws_guide",
    "practice_bot",
    "probe_count",
    "probe_texts",
    "render",
    "report_csv",
    "report_document",
    "report_risks",
    "report_text",
    "run_battery",
    "scenario",
    "shop",
    "turn",
    "verdict",
]
