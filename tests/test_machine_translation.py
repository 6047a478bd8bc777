"""Machine translation: the OpenAI-compatible backend against a real HTTP server on 127.0.0.1,
placeholders that protect document numbers, output marked as machine, and clear errors."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from generator.glossary import load_glossary
from generator.machine_translation import (
    ArgosBackend,
    MachineTranslationError,
    MachineTranslationUnavailable,
    OpenAICompatibleBackend,
    protect,
    restore,
    translate_missing,
)
from generator.segments import Segment
from generator.translation_memory import new_catalog, sync_catalog

SOURCE = "Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Tỉnh ủy đã mở 731 lớp."
# What a model answers for the protected source (placeholders ⟦1⟧ ⟦2⟧ kept).
ANSWERS = {
    "Thực hiện Chỉ thị số ⟦1⟧ ngày ⟦2⟧ của Bộ Chính trị, Tỉnh ủy đã mở 731 lớp.":
        "Implementing Directive No. ⟦1⟧ of ⟦2⟧ of the Politburo, the provincial Party Committee has opened 731 classes.",
    "Toàn tỉnh có 40.539 đảng viên.": "The province has 40,593 Party members.",  # a wrong number: QA must hold it back
}


class FakeModelServer(BaseHTTPRequestHandler):
    requests: list[dict] = []
    mode = "ok"

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeModelServer.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        if FakeModelServer.mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b'{"error": "model not loaded"}')
            return
        user = body["messages"][-1]["content"]
        content = ANSWERS.get(user, "no translation")
        if FakeModelServer.mode == "drop":
            content = content.replace("⟦1⟧", "05")
        answer = {"choices": [{"message": {"role": "assistant", "content": content}}]}
        data = json.dumps(answer).encode() if FakeModelServer.mode != "garbage" else b"<html>busy</html>"
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server():
    FakeModelServer.requests = []
    FakeModelServer.mode = "ok"
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeModelServer)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()


def test_document_numbers_and_dates_are_protected_and_restored():
    protected, mapping = protect(SOURCE)
    assert protected == "Thực hiện Chỉ thị số ⟦1⟧ ngày ⟦2⟧ của Bộ Chính trị, Tỉnh ủy đã mở 731 lớp."
    assert restore("Directive ⟦1⟧ of ⟦2⟧", mapping) == "Directive 05-CT/TW of 15/5/2016"
    with pytest.raises(MachineTranslationError, match="dropped 05-CT/TW"):
        restore("Directive 05 of ⟦2⟧", mapping)


def test_http_backend_writes_machine_output_into_the_po(server):
    po = new_catalog("r1")
    segments = [Segment("p001", "paragraph", SOURCE), Segment("p002", "paragraph", "Toàn tỉnh có 40.539 đảng viên.")]
    sync_catalog(po, segments)
    backend = OpenAICompatibleBackend(server, "local-test-model", api_key="k")
    done, problems = translate_missing(po, segments, backend, load_glossary())
    first, second = (next(e for e in po if e.msgid == s.text) for s in segments)
    assert first.msgstr == "Implementing Directive No. 05-CT/TW of 15/5/2016 of the Politburo, the provincial Party Committee has opened 731 classes."
    assert first.flags == ["machine"] and first.tcomment.startswith("machine translation: http local-test-model")
    assert done == 2 and "fuzzy" in second.flags and problems == ["p002: number 40.539 missing (expected 40,539)"]
    request = FakeModelServer.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer k"
    assert request["body"]["model"] == "local-test-model" and request["body"]["temperature"] == 0
    assert "Bộ Chính trị → Politburo" in request["body"]["messages"][0]["content"]


def test_segments_already_translated_are_not_sent(server):
    po = new_catalog("r1")
    segments = [Segment("p001", "paragraph", SOURCE)]
    sync_catalog(po, segments)
    po[0].msgstr = "An editor's translation"
    assert translate_missing(po, segments, OpenAICompatibleBackend(server, "m"), load_glossary()) == (0, [])
    assert FakeModelServer.requests == []


@pytest.mark.parametrize(
    "mode, error, message",
    [
        ("error", MachineTranslationError, "HTTP 500"),
        ("garbage", MachineTranslationError, "not JSON"),
        ("drop", MachineTranslationError, "dropped 05-CT/TW"),
    ],
)
def test_unusable_answers_are_errors(server, mode, error, message):
    FakeModelServer.mode = mode
    po = new_catalog("r1")
    segments = [Segment("p001", "paragraph", SOURCE)]
    sync_catalog(po, segments)
    with pytest.raises(error, match=message):
        translate_missing(po, segments, OpenAICompatibleBackend(server, "m"), load_glossary())
    assert po[0].msgstr == ""


def test_unreachable_server_says_how_to_start_one():
    backend = OpenAICompatibleBackend("http://127.0.0.1:9/v1", "m", timeout=5)
    with pytest.raises(MachineTranslationUnavailable, match="start an OpenAI-compatible server"):
        backend.translate("Tỉnh ủy", [])


def test_missing_argos_says_how_to_install_it():
    try:
        import argostranslate  # noqa: F401
    except ImportError:
        with pytest.raises(MachineTranslationUnavailable, match="pip install argostranslate"):
            ArgosBackend()
    else:  # installed (not on the archive's machines): then the vi→en model must be there or named
        try:
            ArgosBackend()
        except MachineTranslationUnavailable as exc:
            assert "translate-vi_en" in str(exc)


def test_machine_translation_is_shown_as_such_on_the_english_page(tmp_path, server):
    from generator.cli import main
    from tests.conftest import copy_project, project_args

    project = copy_project(tmp_path / "p")
    (project / "translations/en/004_a325bf6e288159c8.po").unlink()
    raw = project / "source_reports/004_a325bf6e288159c8.txt"
    raw.unlink()
    (project / "source_reports/900_new.txt").write_text("Tỉnh ủy Hà Nam họp\n\n" + SOURCE + "\n", encoding="utf-8")
    ANSWERS["Tỉnh ủy Hà Nam họp"] = "Ha Nam provincial Party Committee meets"
    assert main(["--project", str(project), "translate", "900_new", "--backend", "http", "--url", server, "--model", "m"]) == 0
    assert main(project_args(project, "generate")) == 0
    page = (project / "docs/en/reports/900_new.md").read_text(encoding="utf-8")
    assert "translation: \"machine\"" in page and "!!! warning \"Machine translation\"" in page
    assert "has opened 731 classes" in page
