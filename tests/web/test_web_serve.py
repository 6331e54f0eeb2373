"""`imr serve`: starts from the CLI, answers on loopback, refuses bad options in one line."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import urllib.request

import pytest
from conftest import CASE_FILES, running_server

from imr_engine.cli import main
from imr_engine.engine import Engine


def post(url: str, body: bytes) -> tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as r:
        return r.status, json.loads(r.read())


def test_serve_answers_a_bundled_case_from_two_workers(engine: Engine, bundled_cases, tmp_path) -> None:
    """One worker is what the end-to-end test runs; here the multi-process mode."""
    case = bundled_cases[CASE_FILES[2].parent.name]
    with running_server(tmp_path, "--workers", "2") as (url, log):
        status, body = post(url + "/v1/evaluate", case.model_dump_json().encode())
        with urllib.request.urlopen(url + "/healthz", timeout=5) as r:
            assert r.headers["X-Rules-Version"] == engine.book.version
    assert status == 200
    assert body == engine.evaluate(case).model_dump(mode="json")
    logged = log.read_text()
    assert "path='/v1/evaluate' status=200" in logged and f"case_id='{case.case_id}'" in logged
    quotes = [e.quote for d in case.diagnoses for e in d.evidence]
    assert quotes and not any(q in logged for q in quotes)  # ids and timings only


def test_workers_get_time_to_start_on_a_loaded_machine() -> None:
    """uvicorn's supervisor kills a worker silent for 5 s; compiling the engine under load takes longer."""
    import uvicorn

    from imr_engine.web.server import worker_supervision

    config = uvicorn.Config("imr_engine.web.app:app_from_environment", factory=True, workers=2, **worker_supervision())
    assert config.timeout_worker_healthcheck >= 30


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--port", "0"], "not a port number"),
        (["--port", "http"], "not a port number"),
        (["--workers", "0"], "not a positive whole number"),
        (["--max-body", "-5"], "not a positive whole number"),
        (["--rules", "/nonexistent/rules"], "rule directory not found"),
        (["--host", "no-such-host.invalid"], "cannot listen on no-such-host.invalid"),
    ],
)
def test_bad_options_are_one_line_and_exit_2(capsys, args: list[str], words: str) -> None:
    with pytest.raises(SystemExit) as stopped:
        raise SystemExit(main(["serve", *args]))
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert words in err and err.count("\n") == 1 and "Traceback" not in err


def test_port_in_use_is_one_line_and_exit_2() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "imr_engine", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr == f"imr serve: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_serve_is_listed_in_help(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "serve" in capsys.readouterr().out
