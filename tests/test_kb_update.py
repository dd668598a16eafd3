"""`checker kb update --wikidata` against a SPARQL endpoint on the loopback interface: a recorded answer,
a closed port, a server that does not answer in time, an error page."""
from __future__ import annotations

import json
import socket
import threading
import time
import urllib.parse
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from typer.testing import CliRunner

from checker.cli import app
from test_kb_import import RESULTS


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))


@contextmanager
def endpoint(body: bytes, status: int = 200, delay: float = 0.0, requests: int = 1):
    """A SPARQL endpoint on 127.0.0.1 that answers `requests` requests with `body`, then closes; it also
    closes by itself after 10 s without a request, so a failing test cannot leave it running."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            form = urllib.parse.parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
            seen.append({"query": form.get("query", [""])[0], "accept": self.headers.get("Accept", ""),
                         "agent": self.headers.get("User-Agent", "")})
            time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up waiting

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 10

    def serve():
        for _ in range(requests):
            server.handle_request()
        server.server_close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql", seen
    finally:
        thread.join(timeout=15)


def update(*args):
    return CliRunner().invoke(app, ["kb", "update", "--wikidata", *args], catch_exceptions=False)


def test_update_writes_a_layer_from_the_endpoint(tmp_path):
    with endpoint(json.dumps(RESULTS).encode()) as (url, seen):
        r = update("--endpoint", url, "--positions", "Q900", "--positions", "Q901,Q902")
    assert r.exit_code == 0, r.output
    assert "imported 2 people, 1 offices, 2 terms into layer wikidata" in r.output
    (req,) = seen
    assert "VALUES ?position { wd:Q900 wd:Q901 wd:Q902 }" in req["query"] and "p:P39" in req["query"]
    assert req["accept"] == "application/sparql-results+json" and req["agent"].startswith("checker/")
    meta = json.loads((tmp_path / "data" / "wikidata" / "layer.json").read_text())
    assert url in meta["source"] and meta["counts"]["tenures"] == 2
    shown = CliRunner().invoke(app, ["kb", "show", "Ana Ruiz"]).output
    assert "2010-01-15..2014-06  <wikidata>" in shown


def test_update_asks_for_the_bundled_positions_by_default():
    with endpoint(json.dumps(RESULTS).encode()) as (url, seen):
        assert update("--endpoint", url).exit_code == 0
    assert "wd:Q11696" in seen[0]["query"]  # President of the United States


def test_offline_is_a_clear_error(tmp_path):
    with socket.socket() as s:  # a port that was free a moment ago, and is closed now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    r = update("--endpoint", f"http://127.0.0.1:{port}/sparql", "--positions", "Q900", "--timeout", "5")
    assert r.exit_code == 2
    assert "cannot reach" in r.output and "offline?" in r.output
    assert not (tmp_path / "data" / "wikidata").exists()


def test_a_slow_endpoint_times_out():
    with endpoint(json.dumps(RESULTS).encode(), delay=2.0) as (url, _):
        started = time.monotonic()
        r = update("--endpoint", url, "--positions", "Q900", "--timeout", "0.5")
        assert time.monotonic() - started < 2.0
    assert r.exit_code == 2 and "did not answer within 0.5 s" in r.output


@pytest.mark.parametrize("body,status,message", [(b"<html>busy</html>", 503, "HTTP 503"),
                                                 (b"<html>not json</html>", 200, "did not return SPARQL JSON")])
def test_a_bad_answer_is_a_clear_error(body, status, message):
    with endpoint(body, status) as (url, _):
        r = update("--endpoint", url, "--positions", "Q900")
    assert r.exit_code == 2 and message in r.output


def test_update_needs_a_source_and_good_ids():
    assert update("--positions", "president").exit_code == 2
    r = CliRunner().invoke(app, ["kb", "update"])
    assert r.exit_code == 2 and "--wikidata" in r.output
