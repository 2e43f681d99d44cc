"""A client for any chat service that speaks the chat-completions protocol, with the standard library only.

``POST {URL}/v1/chat/completions`` with ``{"model": ..., "messages": [...]}``;
the answer is ``choices[0].message.content``. Every way a service can fail
(no answer, too slow, a web page, broken JSON, an error status, an empty
message, too many requests) becomes a :class:`ChatServiceError` whose message
is one plain line for the report. The API key goes in the ``Authorization``
header and nowhere else: it is never part of an error, the label or a report.
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence

from ._protocol import ChatServiceError, Message, turn

#: Seconds to wait for each answer, and the most requests one client sends.
DEFAULT_TIMEOUT, DEFAULT_MAX_REQUESTS = 20.0, 40
#: The most bytes of an answer read (a chat answer is a few kilobytes).
_MAX_BYTES = 2_000_000
_PATH = "/v1/chat/completions"


class UrlError(ValueError):
    """An endpoint address the client cannot use (not http or https, or no host)."""


def completions_url(endpoint: str) -> str:
    """The chat-completions address of ``endpoint``: ``https://host`` gives ``https://host/v1/chat/completions``.

    An address already ending in ``/v1`` or ``/v1/chat/completions`` is completed, not doubled.
    Raises :class:`UrlError` for anything but an http(s) address with a host.
    """
    parts = urllib.parse.urlsplit(endpoint.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UrlError(f"{endpoint!r} is not a web address; give one starting with http:// or https://, "
                       "such as https://chat.example.com")
    path = parts.path.rstrip("/")
    if path.endswith(_PATH):
        path = path[: -len(_PATH)]
    elif path.endswith("/v1"):
        path = path[:-3]
    return urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc, path + _PATH, parts.query, ""))


def shown_url(url: str) -> str:
    """``url`` fit for a report: no user name, password or query (where keys sometimes hide)."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class ChatCompletionsClient:
    """Talk to a chat-completions service; each failure is a :class:`ChatServiceError` with one plain line.

    Parameters
    ----------
    endpoint : str
        The service's address, such as ``https://chat.example.com`` (``/v1/chat/completions`` is added).
    model : str
        The model name the service expects; some services ignore it.
    api_key : str or None
        Sent as ``Authorization: Bearer ...``; never shown.
    timeout : float
        Seconds to wait for each answer.
    max_requests : int
        The most requests this client sends; past it, a request fails without being sent.
    """

    def __init__(self, endpoint: str, model: str = "default", api_key: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT, max_requests: int = DEFAULT_MAX_REQUESTS):
        if timeout <= 0:
            raise ValueError("The timeout is a number of seconds above 0, such as 20.")
        self.url = completions_url(endpoint)
        self.model = model
        self.timeout = timeout
        self.max_requests = max_requests
        self.sent = 0
        self._key = api_key or None

    @property
    def label(self) -> str:
        return f"{self.model} at {shown_url(self.url)}"

    def __repr__(self) -> str:  # the key stays out of any log or traceback
        return f"ChatCompletionsClient({shown_url(self.url)!r}, model={self.model!r})"

    def reply(self, history: Sequence[Message], message: str) -> str:
        """The service's answer to ``message`` after ``history``."""
        if self.sent >= self.max_requests:
            raise ChatServiceError(f"not sent: the limit of {self.max_requests} requests was reached")
        self.sent += 1
        messages = [turn(str(m["role"]), str(m["content"])) for m in history] + [turn("user", message)]
        body = json.dumps({"model": self.model, "messages": messages}).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json",
                   "User-Agent": "ethical-ai-leadership-kit (kit chatbot probe)"}
        if self._key:
            headers["Authorization"] = f"Bearer {self._key}"
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        return self._redacted(_content(*self._send(request)))

    def _send(self, request: urllib.request.Request) -> tuple[str, bytes]:
        late = f"the service did not answer within {self.timeout:g} s"
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return answer.headers.get_content_type(), answer.read(_MAX_BYTES)
        except urllib.error.HTTPError as error:
            raise ChatServiceError(_status_line(error.code, error.reason)) from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise ChatServiceError(late) from None
            words = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
            raise ChatServiceError(f"the service could not be reached ({self._redacted(words)})") from None
        except (TimeoutError, socket.timeout):
            raise ChatServiceError(late) from None
        except (OSError, ValueError) as error:  # a dropped connection, a broken answer
            raise ChatServiceError(f"the service's answer broke off ({type(error).__name__})") from None

    def _redacted(self, text: str) -> str:
        """``text`` with the key taken out, should a service ever repeat it."""
        return text.replace(self._key, "[API key removed]") if self._key else text


def _status_line(code: int, reason: object) -> str:
    words = {401: "the key was missing or refused", 403: "the key was refused",
             404: "there is no chat-completions service at this address",
             429: "too many requests: wait and try again later"}.get(code, "")
    reason = " ".join(str(reason or "").split())[:80]
    return f"the service answered with an error (HTTP {code}{' ' + reason if reason else ''})" + (
        f": {words}" if words else "")


def _content(kind: str, raw: bytes) -> str:
    """``choices[0].message.content`` of a chat-completions answer, or a plain :class:`ChatServiceError`."""
    text = raw.decode("utf-8", errors="replace").strip()
    if kind == "text/html" or text[:1] == "<":
        raise ChatServiceError("the service answered with a web page, not chat data; check the address")
    if not text:
        raise ChatServiceError("the service answered with nothing at all")
    try:
        data = json.loads(text)
    except ValueError:
        raise ChatServiceError("the service's answer was not valid JSON") from None
    try:
        content = data["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise ChatServiceError("the service's answer had no message in it (no choices[0].message.content)") from None
    if not isinstance(content, str):
        raise ChatServiceError("the service's message was not text")
    if not content.strip():
        raise ChatServiceError("the service answered with an empty message")
    return content
