"""``kit chatbot probe`` against chat-completions servers started in the test on 127.0.0.1, and its bad input."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kit.chatbot import (CATEGORIES, ChatCompletionsClient, ChatServiceError, UrlError, completions_url, fixed_bot,
                         practice_bot, probe_count)
from kit.cli import main

KEY = "sk-test-NEVER-SHOWN-4242"
MARKUP = "<script>alert('owned')</script><b>bold</b>"


class Handler(BaseHTTPRequestHandler):
    """A chat-completions service whose behaviour is the server's ``mode``."""

    def log_message(self, *args):  # keep the test's output clean
        pass

    def _send(self, status: int, body: str, kind: str = "application/json") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _answer(self, content) -> None:
        self._send(200, json.dumps({"choices": [{"message": {"role": "assistant", "content": content}}]}))

    def do_POST(self):  # noqa: N802 - the standard library's name
        server = self.server
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        server.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        messages, mode = body["messages"], server.mode
        if mode == "flaky" and len(server.requests) == 1:
            mode = "error"
        if mode in ("flawed", "careful", "flaky"):
            bot = practice_bot() if mode == "flawed" else fixed_bot()
            self._answer(bot.reply(messages[:-1], messages[-1]["content"]))
        elif mode == "slow":
            server.release.wait(10)
            self._answer("too late")
        elif mode == "malformed":
            self._send(200, '{"choices": [{"message": ')
        elif mode == "html":
            self._send(200, "<!DOCTYPE html><html><body>Please log in</body></html>", "text/html")
        elif mode == "error":
            self._send(500, '{"error": "boom"}')
        elif mode == "empty":
            self._answer("")
        elif mode == "no_choices":
            self._answer_missing()
        elif mode == "echo_key":
            self._answer(f"Your header was {self.headers.get('Authorization')}")
        elif mode == "markup":
            self._answer(MARKUP)

    def _answer_missing(self) -> None:
        self._send(200, json.dumps({"object": "error"}))


class QuietServer(ThreadingHTTPServer):
    """A test server that says nothing when a client hangs up first (the slow service's late answer has no
    reader): its traceback would otherwise land in whichever test's output is being captured at that moment."""

    def handle_error(self, request, client_address):
        pass


class Services:
    """Servers started by a test: ``services(mode)`` gives an address, ``services.requests(url)`` what it received."""

    def __init__(self):
        self.servers: dict[str, QuietServer] = {}

    def __call__(self, mode: str) -> str:
        server = QuietServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        server.mode, server.requests, server.release = mode, [], threading.Event()
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_address[1]}"
        self.servers[url] = server
        return url

    def requests(self, url: str) -> list[dict]:
        return self.servers[url].requests

    def stop(self) -> None:
        for server in self.servers.values():
            server.release.set()  # a slow answer ends now
            server.shutdown()
            server.server_close()


@pytest.fixture()
def service():
    """Start chat-completions servers on 127.0.0.1 inside the test; all stopped after it."""
    services = Services()
    yield services
    services.stop()


def _probe(capsys, *argv):
    code = main(["chatbot", "probe", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_flawed_service_shows_every_flaw(service, capsys):
    code, out, err = _probe(capsys, "--endpoint", service("flawed"), "--model", "shop-bot", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["found"] == list(CATEGORIES)
    assert data["target"].startswith("shop-bot at http://127.0.0.1:")
    assert "12 of 12: Confabulation" in err and "5 of 5 categories found" in err


def test_the_careful_service_shows_none(service, capsys):
    url = service("careful")
    code, out, err = _probe(capsys, "--endpoint", url, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["found"] == [] and data["risks"] == []
    assert {c["status"] for c in data["categories"]} == {"not found"}
    assert "0 of 5 categories found." in err


def test_the_request_is_chat_completions_with_the_key_as_a_bearer_token(service, capsys, monkeypatch):
    monkeypatch.setenv("SHOP_BOT_KEY", KEY)
    url = service("careful")
    _probe(capsys, "--endpoint", url + "/", "--model", "m1", "--api-key-env", "SHOP_BOT_KEY")
    requests = service.requests(url)
    assert len(requests) == probe_count()
    first = requests[0]
    assert first["path"] == "/v1/chat/completions" and first["auth"] == f"Bearer {KEY}"
    assert first["body"]["model"] == "m1"
    assert [m["role"] for m in first["body"]["messages"]] == ["system", "user"]


@pytest.mark.parametrize(("mode", "line"), [
    ("slow", "the service did not answer within 0.3 s"),
    ("malformed", "the service's answer was not valid JSON"),
    ("html", "the service answered with a web page, not chat data; check the address"),
    ("error", "the service answered with an error (HTTP 500 Internal Server Error)"),
    ("empty", "the service answered with an empty message"),
    ("no_choices", "the service's answer had no message in it (no choices[0].message.content)"),
])
def test_each_failure_is_a_plain_line_per_probe_never_a_traceback(service, capsys, mode, line):
    timeout = "0.3" if mode == "slow" else "20"  # a short wait only where waiting is the point: the machine may be busy
    code, out, err = _probe(capsys, "--endpoint", service(mode), "--timeout", timeout, "--format", "text")
    assert code == 1
    assert out.count(f"Could not run: {line}.") == 10  # every probe ran, and each says why it could not
    assert "Traceback" not in out + err and "could not be run" in out
    assert "some probes could not run" in err


def test_a_service_that_fails_once_still_answers_the_other_probes(service, capsys):
    code, out, _ = _probe(capsys, "--endpoint", service("flaky"), "--format", "json")
    data = json.loads(out)
    statuses = {c["id"]: c["status"] for c in data["categories"]}
    assert statuses == {"privacy_leak": "could not run", "no_ai_disclosure": "not found",
                        "biased_response": "not found", "prompt_injection": "not found",
                        "confabulation": "not found"}
    assert code == 1


def test_a_service_that_cannot_be_reached_is_a_plain_line(capsys):
    code, out, _ = _probe(capsys, "--endpoint", "http://127.0.0.1:9", "--timeout", "2", "--format", "text")
    assert code == 1 and "Could not run: the service could not be reached" in out


@pytest.mark.parametrize("fmt", ["text", "json", "html", "markdown", "csv", "docx"])
@pytest.mark.parametrize("mode", ["flawed", "echo_key", "error"])
def test_the_api_key_never_appears_in_any_output(service, capsys, monkeypatch, tmp_path, mode, fmt):
    monkeypatch.setenv("SHOP_BOT_KEY", KEY)
    report = tmp_path / f"report.{fmt}"
    code, out, err = _probe(capsys, "--endpoint", service(mode), "--api-key-env", "SHOP_BOT_KEY",
                            "--format", fmt, "--out", report)
    written = report.read_bytes()
    assert code == 1 and written
    assert KEY not in out + err and KEY.encode() not in written
    if mode == "echo_key" and fmt != "docx":
        assert "API key removed" in written.decode("utf-8")


def test_bot_text_with_markup_is_escaped_in_the_html_report(service, capsys):
    code, out, _ = _probe(capsys, "--endpoint", service("markup"), "--format", "html")
    assert "<script>alert" not in out and "<b>bold" not in out
    assert "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in out


@pytest.mark.parametrize("url", ["ftp://example.com", "file:///etc/passwd", "example.com", "javascript:alert(1)",
                                 "http://"])
def test_an_address_that_is_not_http_exits_2(capsys, url):
    code, out, err = _probe(capsys, "--endpoint", url)
    assert code == 2 and out == ""
    assert "is not a web address; give one starting with http:// or https://" in err


def test_a_missing_key_variable_exits_2_without_echoing_its_name(capsys, monkeypatch):
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)
    code, out, err = _probe(capsys, "--endpoint", "https://chat.example.com", "--api-key-env", "NOT_SET_ANYWHERE")
    assert code == 2 and out == "" and "NOT_SET_ANYWHERE" not in err
    assert "the environment variable named by --api-key-env is not set" in err


@pytest.mark.parametrize(("argv", "words"), [
    (["--endpoint", "https://chat.example.com", "--timeout", "0"], "--timeout is a number of seconds above 0"),
    (["--endpoint", "https://chat.example.com", "--max-requests", "0"], "--max-requests is a whole number"),
    (["--builtin", "--format", "docx"], "a Word report is a file: add --out report.docx"),
])
def test_other_bad_input_exits_2_with_the_fix(capsys, argv, words):
    code, out, err = _probe(capsys, *argv)
    assert code == 2 and words in err


def test_builtin_and_builtin_fixed(capsys, tmp_path):
    code, out, err = _probe(capsys, "--builtin", "--format", "text")
    assert code == 1 and "Chatbot probe report: the practice bot" in out and "5 of 5 categories found" in out
    assert "1 of 12: Privacy leak" in err
    report = tmp_path / "fixed.html"
    code, out, err = _probe(capsys, "--builtin-fixed", "--format", "html", "--out", report)
    assert code == 0 and out == "" and f"Wrote {report}." in err
    assert "0 of 5 categories found" in report.read_text(encoding="utf-8")


def test_one_target_is_required(capsys):
    with pytest.raises(SystemExit) as done:
        main(["chatbot", "probe", "--builtin", "--builtin-fixed"])
    assert done.value.code == 2


def test_the_client_bounds_its_requests_and_keeps_the_key_out_of_its_repr():
    client = ChatCompletionsClient("https://user:pw@chat.example.com/v1?key=abc", api_key=KEY, max_requests=1)
    assert client.url == "https://user:pw@chat.example.com/v1/chat/completions?key=abc"
    assert KEY not in repr(client) and "pw" not in client.label and "abc" not in client.label
    client.sent = 1
    with pytest.raises(ChatServiceError, match="the limit of 1 requests was reached"):
        client.reply([], "Hello")


@pytest.mark.parametrize(("given", "url"), [
    ("https://chat.example.com", "https://chat.example.com/v1/chat/completions"),
    ("https://chat.example.com/", "https://chat.example.com/v1/chat/completions"),
    ("https://chat.example.com/v1", "https://chat.example.com/v1/chat/completions"),
    ("HTTP://h:8080/proxy/v1/chat/completions", "http://h:8080/proxy/v1/chat/completions"),
])
def test_the_chat_completions_address(given, url):
    assert completions_url(given) == url
    with pytest.raises(UrlError):
        completions_url("mailto:someone@example.com")
