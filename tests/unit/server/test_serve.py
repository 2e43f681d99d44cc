"""``kit serve`` starts Voilà with the room-safe settings, and says plainly when it is ready or cannot start."""

from __future__ import annotations

import http.cookiejar
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request

import nbformat
import pytest
import zmq

from kit.cli import build_parser, main
from kit.paths import NOTEBOOKS_DIR, SERVED_CODE_DIR
from kit.server import (ServeOptions, lab_command, parse_pool, port_problem, trust_lessons, voila_command,
                        voila_environment)
from tests.browser.conftest import _free_port, start_kit_serve, stop, wait_until_ready


def test_default_command_is_safe_for_a_room():
    argv = voila_command(ServeOptions())
    assert "--Voila.port_retries=0" in argv and "--port=8866" in argv
    assert "--VoilaConfiguration.show_tracebacks=False" in argv
    assert "--MappingKernelManager.allow_tracebacks=False" in argv
    assert "--preheat_kernel=True" in argv and "--MappingKernelManager.cull_idle_timeout=600" in argv
    assert "--Voila.ip=127.0.0.1" in argv and argv[-1].startswith("--")
    assert "--Voila.identity_provider_class=kit.server._xsrf.XsrfCookieIdentityProvider" in argv
    assert ("--KernelManager.transport_encryption=auto" in argv) == zmq.has("curve")


def test_the_chart_code_is_served_as_a_file_and_kernels_know_it():
    assert f"--VoilaConfiguration.extra_labextensions_path={SERVED_CODE_DIR}" in voila_command(ServeOptions())
    assert voila_environment()["KIT_SERVED_CODE"] == "1"


def test_options_change_the_command():
    argv = voila_command(ServeOptions(port=9000, ip="0.0.0.0", preheat=False, extra=("--theme=dark",)))
    assert "--port=9000" in argv and "--Voila.ip=0.0.0.0" in argv
    assert not any(a.startswith("--preheat") for a in argv) and argv[-1] == "--theme=dark"


def test_start_url_points_at_the_gallery():
    assert ServeOptions(port=8870).url() == "http://localhost:8870/voila/render/00_start_here.ipynb"
    probe = ServeOptions(port=8870).probe_url()
    assert probe == "http://127.0.0.1:8870/voila/api/contents/00_start_here.ipynb?content=0"


def test_a_folder_without_the_start_page_opens_on_its_list(tmp_path):
    assert ServeOptions(port=8870, notebooks=tmp_path).url() == "http://localhost:8870/"


def test_lab_command_opens_the_repo():
    assert any(a.startswith("--ServerApp.root_dir=") for a in lab_command())


@pytest.mark.parametrize("command", ["serve", "lab", "exercises", "guide", "audit"])
def test_help_describes_every_command(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    assert len(capsys.readouterr().out) > 100
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    assert commands.choices[command].description, f"kit {command} --help has no description"


def test_serve_help_states_the_defaults():
    commands = next(a for a in build_parser()._actions if a.dest == "command")
    text = " ".join(commands.choices["serve"].format_help().split())
    assert "(default 600, 10 minutes)" in text and "(default 8866" in text


def test_audit_says_where_it_wrote(tmp_path, capsys):
    data = tmp_path / "decisions.csv"
    data.write_text("sex,hired\n" + "".join(f"{'F' if i % 2 else 'M'},{'yes' if i % 3 else 'no'}\n"
                                          for i in range(60)), encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["audit", str(data), "--outcome", "hired", "--group", "sex", "--positive", "yes",
                 "--format", "html", "--out", str(out)]) == 0
    assert out.is_file() and capsys.readouterr().out == f"Wrote {out}.\n"


def test_top_level_help_lists_commands():
    text = build_parser().format_help()
    for command in ("serve", "lab", "exercises", "audit"):
        assert command in text


def test_exercises_check_passes_on_the_repo(capsys):
    assert main(["exercises", "--check"]) == 0


def test_serve_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["serve", "--notebooks", str(tmp_path / "nope")]) == 2
    assert "no folder" in capsys.readouterr().err


def test_serve_can_serve_another_folder(tmp_path):
    argv = voila_command(ServeOptions(notebooks=tmp_path))
    assert argv[3] == str(tmp_path)


def test_a_lesson_pool_sized_for_the_room_reaches_voila():
    argv = voila_command(ServeOptions(pool_size=2, pools=(("03_bias_in_hiring.ipynb", 30),)))
    config = next(a for a in argv if a.startswith("--VoilaKernelManager.kernel_pools_config="))
    sizes = json.loads(config.partition("=")[2])
    assert sizes == {"default": {"pool_size": 2}, "03_bias_in_hiring.ipynb": {"pool_size": 30}}
    assert not any("kernel_pools_config" in a for a in voila_command(ServeOptions()))


@pytest.mark.parametrize("text, expected", [("03=30", ("03_bias_in_hiring.ipynb", 30)),
                                            ("bias=30", ("03_bias_in_hiring.ipynb", 30)),
                                            ("06_chatbot_risk_assessment.ipynb=5",
                                             ("06_chatbot_risk_assessment.ipynb", 5))])
def test_pool_names_a_lesson_by_id_number_or_file(text, expected):
    assert parse_pool(text, NOTEBOOKS_DIR) == expected


@pytest.mark.parametrize("text, words", [("03", "such as --pool bias=30"), ("03=many", "such as --pool bias=30"),
                                         ("99=4", "no single lesson is called '99'"), ("1=4", "no single lesson")])
def test_a_bad_pool_is_refused_in_plain_words(text, words, capsys):
    assert main(["serve", "--pool", text]) == 2
    error = capsys.readouterr().err
    assert words in error and "Traceback" not in error


def test_a_port_in_use_is_named_once_with_the_way_out(capsys):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"kit serve: Port {port} is already in use") and "such as --port " in err
    assert err.count("\n") == 1 and "Traceback" not in err and out == ""


def test_a_free_port_is_no_problem():
    assert port_problem("127.0.0.1", _free_port()) is None


def test_the_lessons_are_trusted_once_signed(tmp_path, monkeypatch):
    from nbformat.sign import NotebookNotary

    monkeypatch.setenv("JUPYTER_DATA_DIR", str(tmp_path / "jupyter"))
    lesson = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    nbformat.write(lesson, tmp_path / "01_lesson.ipynb")
    with NotebookNotary() as notary:
        assert not notary.check_signature(lesson)
    trust_lessons(tmp_path)
    with NotebookNotary() as notary:
        assert notary.check_signature(nbformat.read(tmp_path / "01_lesson.ipynb", as_version=4))


# One real ``kit serve`` on a folder of two small notebooks, shared by the tests below.

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("notebooks")
    lessons = (("fails.ipynb", "print('before')\n1 / 0"), ("fine.ipynb", "print('fine')"),
               ("chart.ipynb", "from kit.toolkit._vega import chart_code\nprint('chart code:', chart_code().name)"))
    for name, source in lessons:
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source)])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(notebook, folder / name)
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    port = _free_port()
    server = start_kit_serve(["--port", str(port), "--notebooks", str(folder)], log,
                             tmp_path_factory.mktemp("workspace"))
    try:
        address = wait_until_ready(server, log)
        # Printed once the server answers: the address works at once.
        with urllib.request.urlopen(address, timeout=60) as first:
            assert first.status == 200
        yield f"http://127.0.0.1:{port}", log
    finally:
        stop(server)


def test_kit_serve_says_it_is_starting_then_ready(served):
    text = served[1].read_text()
    assert text.index("Starting the workshop server on port") < text.index("The kit is ready at http://localhost:")


def test_a_failing_cell_shows_no_traceback(served):
    with urllib.request.urlopen(f"{served[0]}/voila/render/fails.ipynb", timeout=120) as response:
        page = response.read().decode()
    assert "There was an error when executing cell" in page  # the cell did fail...
    for detail in ("Traceback", "ZeroDivisionError", "division by zero", "1 / 0"):  # ...and nothing says how
        assert detail not in page


def _open_page(base: str):
    """Open a page as a browser would: return (cookie-keeping opener, the page's kernel id, its _xsrf cookie)."""
    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    with opener.open(f"{base}/voila/render/fine.ipynb", timeout=120) as response:
        page = response.read().decode()
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', page)[1]
    token = next(cookie.value for cookie in cookies if cookie.name == "_xsrf")
    return opener, kernel, token


def _post(opener, url: str, fields: dict) -> int:
    try:
        with opener.open(url, data=urllib.parse.urlencode(fields).encode(), timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as refused:
        refused.close()
        return refused.code


def _get_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as answer:
        answer.close()
        return answer.code


def test_xsrf_is_on_and_a_page_can_free_its_kernel(served):
    base = served[0]
    opener, kernel, token = _open_page(base)
    shutdown = f"{base}/voila/api/shutdown/{kernel}"
    assert _get_status(f"{base}/api/kernels/{kernel}") == 200
    assert _post(opener, shutdown, {"_xsrf": ""}) == 403  # what the page sent before the fix
    assert _post(opener, shutdown, {}) == 403
    assert _post(urllib.request.build_opener(), shutdown, {"_xsrf": token}) == 403  # a token without its cookie
    assert _get_status(f"{base}/api/kernels/{kernel}") == 200
    assert _post(opener, shutdown, {"_xsrf": token}) == 204  # what the page sends now, as it closes
    assert _get_status(f"{base}/api/kernels/{kernel}") == 404


def test_every_option_reaches_voila(served):
    log = served[1].read_text()
    assert "not recognized" not in log
    if zmq.has("curve"):
        assert "without encryption" not in log


def test_charts_fetch_their_code_from_the_server_once(served):
    base = served[0]
    with urllib.request.urlopen(f"{base}/voila/render/chart.ipynb", timeout=120) as response:
        assert "chart code: vega_chart_loader.js" in response.read().decode()  # the kernel sends the loader
    with urllib.request.urlopen(f"{base}/voila/labextensions/vega_chart.js", timeout=60) as response:
        assert response.read() == (SERVED_CODE_DIR / "vega_chart.js").read_bytes()  # ...which fetches this
    assert _get_status(f"{base}/voila/labextensions/../../cli.py") == 404  # and nothing outside its folder
