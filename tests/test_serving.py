"""`serve`: the preview rebuilds when a sidecar changes, and the changed page is served."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT, copy_project, project_args


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(condition, seconds: float = 600) -> bool:
    deadline = time.monotonic() + seconds  # a deadline against hanging, not a speed target
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_editing_a_sidecar_while_serving_shows_the_changed_page(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/reports/002_bd37ec31966b5a35/"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "generator", *project_args(project, "serve"), "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        assert _wait_for(lambda: "Hà Nam" in _page(url)), "the preview never served the report"
        time.sleep(1.5)  # the watcher compares modification times once a second
        (project / "source_reports/002_bd37ec31966b5a35.yaml").write_text('note: "Đã đối chiếu với bản in."\n', encoding="utf-8")
        assert _wait_for(lambda: "Đã đối chiếu với bản in." in _page(url)), "the edited sidecar never reached the page"
    finally:  # Ctrl-C to the server and the workers of a build it may be running, then make sure
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        finally:
            try:
                os.killpg(server.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
