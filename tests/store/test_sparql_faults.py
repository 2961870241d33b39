"""kg.store.sparql when the server fails: unreachable, a cut answer, updates
refused; fake servers on 127.0.0.1, no Virtuoso needed.
"""
from __future__ import annotations

import http.server
import json
import threading

import pytest

from kg.cli import main as kg_main
from kg.config import STORE_SCHEMA_VERSION
from kg.errors import QueryError
from kg.store.sparql import SparqlStore

from tests.conftest import SEED


def test_cli_reports_an_unreachable_server(capsys):
    code = kg_main(["--store", "sparql+http://127.0.0.1:9/sparql", "stats"])
    err = capsys.readouterr().err
    assert code == 4 and "cannot reach the SPARQL server at http://127.0.0.1:9/sparql" in err
    assert "Traceback" not in err


class _Canned(http.server.BaseHTTPRequestHandler):
    """A fake SPARQL server: answers every query with the class's canned reply."""
    reply: tuple[int, dict, bytes] = (200, {}, b"")

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status, headers, body = self.reply
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def serve():
    """Start a local HTTP server with a handler class; its store URL. Stopped after the test."""
    servers = []

    def start(handler) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"sparql+http://127.0.0.1:{server.server_address[1]}/sparql"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _answer(rows: int) -> bytes:
    return json.dumps({"head": {"vars": ["v"]}, "results": {"bindings": [
        {"v": {"type": "literal", "datatype": "http://www.w3.org/2001/XMLSchema#integer",
               "value": str(STORE_SCHEMA_VERSION)}}
    ] * rows}}).encode()


def test_partial_answers_are_refused(serve):
    url = serve(_Canned)
    _Canned.reply = (200, {"Content-Type": "application/sparql-results+json"}, _answer(1))
    s = SparqlStore(url, read_only=True)
    assert s.select("SELECT ?v WHERE { ?s ?p ?v }")["v"].tolist() == [STORE_SCHEMA_VERSION]
    _Canned.reply = (200, {"Content-Type": "application/sparql-results+json", "X-SPARQL-MaxRows": "10000"},
                     _answer(3))
    with pytest.raises(QueryError, match="cut the result at 10000 rows .*ResultSetMaxRows"):
        s.select("SELECT ?v WHERE { ?s ?p ?v }")
    _Canned.reply = (200, {"Content-Type": "application/sparql-results+json", "X-SQL-State": "S1TAT",
                           "X-SQL-Message": "RC...: Returning incomplete results"}, _answer(3))
    with pytest.raises(QueryError, match="incomplete result"):
        s.select("SELECT ?v WHERE { ?s ?p ?v }")
    _Canned.reply = (400, {"Content-Type": "text/plain"}, b"Virtuoso 37000 Error SP030: syntax error\n\n"
                                                          b"SPARQL query:\nSELECT ?x WHERE {\n ?x ?p\n}")
    with pytest.raises(QueryError, match=r"malformed SPARQL: .*line 3"):
        s.select("SELECT ?x WHERE {\n ?x ?p\n}")
    _Canned.reply = (500, {"Content-Type": "text/plain"}, b"Virtuoso 42000 Error: out of memory\n")
    with pytest.raises(QueryError, match=r"query failed \(HTTP 500\): Virtuoso 42000 Error: out of memory"):
        s.select("SELECT ?v WHERE { ?s ?p ?v }")
    s.close()


class _ReadOnlyServer(http.server.BaseHTTPRequestHandler):
    """A server that answers queries (kg's layout version, else nothing) and
    refuses every update with 403, as a read-only endpoint does."""

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        if body.startswith("update="):
            status, ctype, data = 403, "text/plain", b"Virtuoso 42000 Error SR186: No permission to execute"
        elif "schemaVersion" in body:
            status, ctype, data = 200, "application/sparql-results+json", _answer(1)
        else:
            status, ctype = 200, "application/sparql-results+json"
            data = b'{"head": {"vars": []}, "results": {"bindings": []}}'
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def test_cli_reports_a_server_that_refuses_updates(serve, capsys):
    code = kg_main(["--store", serve(_ReadOnlyServer), "ingest", "--no-progress", str(SEED)])
    err = capsys.readouterr().err
    assert code == 4 and "Traceback" not in err
    assert "refused to" in err and "HTTP 403" in err and "SPARQL_UPDATE" in err
    assert len(err.strip().splitlines()) == 1
