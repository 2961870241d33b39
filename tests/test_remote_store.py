"""The remote store (kg.store.sparql.SparqlStore) against a real SPARQL server.

The store contract of test_store.py runs here unchanged against a private
Virtuoso (Debian's virtuoso-opensource, started once per session by the
``virtuoso`` fixture of conftest.py; the tests skip when it is not
installed): every test of test_store.py that takes the ``store`` fixture
is collected again in this module, where ``store`` is a SparqlStore. Then
what only a remote store has: URLs and configuration files, authentication,
the Graph Store Protocol, atomic replacement under concurrent readers, the
named queries agreeing with the embedded store, and the CLI end to end.
The lexing of queries (prefixes, bindings as VALUES) and the refusal of
partial answers are tested without a server.
"""
from __future__ import annotations

import http.server
import inspect
import io
import json
import threading
import time

import pandas as pd
import pytest
from rdflib import BNode, Literal, URIRef

from kg.cli import main as kg_main
from kg.config import DOC_NS, META_GRAPH, ONTOLOGY_NS, STORE_SCHEMA_VERSION
from kg.errors import QueryError, StoreError
from kg.ids import doc_iri
from kg.query import available, entity_bindings, parameters, run, stats
from kg.store import open_store
from kg.store.endpoint import is_remote, load_config, parse_url
from kg.store.oxigraph import OxigraphStore
from kg.store.prepare import prepare_query
from kg.store.sparql import SparqlStore
from kg.synth import write_articles
from kg.vocab import KG
from tests import test_store as contract
from tests.conftest import SEED
from tests.test_store import CORPUS, doc_interpol, graph_of, grown, iri, load, quads

# --- the store contract, against Virtuoso ------------------------------------------------

CONTRACT = sorted(name for name, fn in vars(contract).items()
                  if name.startswith("test_") and callable(fn)
                  and "store" in inspect.signature(fn).parameters)
globals().update({name: getattr(contract, name) for name in CONTRACT})


@pytest.fixture
def store(virtuoso):
    """An empty remote store: kg's graphs dropped from the session's server."""
    virtuoso.clear()
    s = SparqlStore(virtuoso.endpoint)
    yield s
    s.close()


def test_the_contract_is_collected():
    assert len(CONTRACT) >= 15
    assert "test_insert_and_count" in CONTRACT and "test_export" in CONTRACT


# --- remote only, with the server -----------------------------------------------------------


def test_open_store_dispatches(virtuoso, tmp_path):
    virtuoso.clear()
    with open_store(virtuoso.endpoint) as s:
        assert isinstance(s, SparqlStore)
        assert s.path == virtuoso.endpoint
    conf = tmp_path / "kg-store.toml"
    conf.write_text(f'[store]\nurl = "{virtuoso.endpoint}"\ntimeout = 60\n')
    with open_store(conf) as s:
        assert isinstance(s, SparqlStore) and s.endpoint.timeout == 60


def test_persists_between_openers_and_read_only(store, virtuoso):
    load(store)
    n = store.count()
    with SparqlStore(virtuoso.endpoint, read_only=True) as reader:
        assert reader.count() == n
        assert len(reader.documents()) == 3
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_document(graph_of(doc_interpol()))
        with pytest.raises(StoreError, match="read-only"):
            reader.replace_document(graph_of(doc_interpol()), quads(doc_interpol()))
    assert store.count() == n


def test_meta_graph_and_layout_version(store, virtuoso):
    df = store.select(f"SELECT ?v WHERE {{ GRAPH <{META_GRAPH}> {{ ?s kg:schemaVersion ?v }} }}")
    assert df["v"].tolist() == [STORE_SCHEMA_VERSION]
    load(store, doc_interpol)
    assert META_GRAPH not in store.documents()
    assert store.count() == len(set(quads(doc_interpol())))
    store._update(f"DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ ?s ?p ?o }} }} ; "
                  f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{KG.schemaVersion}> 99 }} }}", "test")
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"has layout version 99; this kg reads version {STORE_SCHEMA_VERSION}"):
            SparqlStore(virtuoso.endpoint, read_only=read_only)
    store._update(f"DROP SILENT GRAPH <{META_GRAPH}>", "test")
    with pytest.raises(StoreError, match="has layout version none"):
        SparqlStore(virtuoso.endpoint)


def test_other_graphs_on_the_server_are_not_kgs(store):
    """Virtuoso's own graphs (and anyone else's) stay out of count and export."""
    load(store, doc_interpol)
    store._update("INSERT DATA { GRAPH <http://example.org/not-kg> { <http://a> <http://b> <http://c> } }",
                  "test")
    try:
        assert store.count() == len(set(quads(doc_interpol())))
        out = io.BytesIO()
        store.export(out, "nquads")
        assert b"not-kg" not in out.getvalue() and b"openlinksw" not in out.getvalue()
        assert store.documents() == [graph_of(doc_interpol())]
    finally:
        store._update("DROP SILENT GRAPH <http://example.org/not-kg>", "test")


def test_invalid_iri_is_rejected_before_sending(store):
    contract.test_invalid_iri_is_rejected(store)  # the disk store's test (rdflib in memory accepts it)


def test_export_in_batches(store, monkeypatch):
    """Exports ask for a few graphs at a time; all of them come back."""
    import kg.store.sparql
    monkeypatch.setattr(kg.store.sparql, "EXPORT_BATCH", 100)
    load(store)
    out = io.BytesIO()
    store.export(out, "nquads")
    assert len([ln for ln in out.getvalue().splitlines() if ln.strip()]) == store.count()


def test_closed_store(virtuoso):
    s = SparqlStore(virtuoso.endpoint)
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()


def test_timeout_is_reported(store):
    bulk = doc_iri("bulk")
    store.replace_document(bulk, [(URIRef(f"{bulk}#s{i}"), URIRef(str(KG.index)), Literal(i), URIRef(bulk))
                                  for i in range(2000)])
    # minutes of work: the client stops waiting at once, the server at its own
    # limit (MaxQueryExecutionTime, 10 s in the fixture's virtuoso.ini)
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a kg:index ?x . ?b kg:index ?y . ?c kg:index ?z . "
            "FILTER (?x + ?y + ?z = -1) }")
    t = time.perf_counter()
    with pytest.raises(QueryError, match=r"^query stopped after 0.5 s \(--timeout\)$"):
        store.select(slow, timeout=0.5)
    assert time.perf_counter() - t < 5
    assert store.ask("ASK { ?x kg:index 5 }", timeout=30) is True


def test_digest_authentication(virtuoso):
    """Virtuoso's /sparql-auth with Digest, as the dba user: reads and writes."""
    virtuoso.clear()
    url = f"sparql+http://dba:dba@127.0.0.1:{virtuoso.http_port}/sparql-auth?auth=digest"
    with SparqlStore(url) as s:
        assert s.path == f"sparql+http://127.0.0.1:{virtuoso.http_port}/sparql-auth"
        load(s, doc_interpol)
        assert s.count() == len(set(quads(doc_interpol())))
        assert s.remove_document(graph_of(doc_interpol())) is True
    wrong = f"sparql+http://dba:wrong@127.0.0.1:{virtuoso.http_port}/sparql-auth?auth=digest"
    with pytest.raises(StoreError, match="refused .*HTTP 401"):
        SparqlStore(wrong)


def test_graph_store_protocol_remove(virtuoso):
    """With graph-store=, removing a document is one GSP DELETE."""
    virtuoso.clear()
    url = (f"sparql+http://dba:dba@127.0.0.1:{virtuoso.http_port}/sparql-auth"
           f"?auth=digest&graph-store=/sparql-graph-crud-auth")
    with SparqlStore(url) as s:
        assert s.endpoint.graph_store == f"http://127.0.0.1:{virtuoso.http_port}/sparql-graph-crud-auth"
        contract.test_remove_document(s)  # the store contract's removal, through GSP DELETE


def test_replacement_is_atomic_for_readers(store, virtuoso):
    """A writer replaces documents in a loop (one Update request each: DROP +
    INSERT DATA); readers never see a document missing or half-written."""
    versions = [(graph_of(make()), quads(make()), quads(grown(make(), 60))) for make in CORPUS]
    for g, small, _ in versions:
        store.replace_document(g, small)
    expected = {g: {len(set(small)), len(set(big))} for g, small, big in versions}
    stop = threading.Event()
    errors: list[BaseException] = []

    def write():
        try:
            with SparqlStore(virtuoso.endpoint) as w:
                i = 0
                while not stop.is_set():
                    for g, small, big in versions:
                        w.replace_document(g, big if i % 2 else small)
                    i += 1
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    writer = threading.Thread(target=write)
    writer.start()
    rounds = 0
    try:
        deadline = time.time() + 4
        while time.time() < deadline or rounds < 10:
            df = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                              f'FILTER (STRSTARTS(STR(?g), "{DOC_NS}")) }} GROUP BY ?g')
            sizes = dict(zip(df["g"], df["n"]))
            assert set(sizes) == set(expected), sizes
            for g, n in sizes.items():
                assert n in expected[g], (g, n, expected[g])
            rounds += 1
    finally:
        stop.set()
        writer.join(60)
    assert not errors, errors
    assert rounds >= 10


# --- the named queries agree with the embedded store ----------------------------------------

SAMPLE = {
    "key": entity_bindings("Kamran Əliyev")["key"],
    "s": URIRef(iri("Kamran Əliyev")), "p": KG.met, "o": URIRef(iri("Ahmed Naser Al-Raisi")),
    "event": URIRef(iri("Beynəlxalq Antikorrupsiya Forumu")),
}


def _canonical(result) -> list:
    if isinstance(result, pd.DataFrame):
        rows = []
        for row in result.itertuples(index=False):
            rows.append(tuple("" if v is None else f"{v:.6g}" if isinstance(v, float) else str(v) for v in row))
        return sorted(rows)
    if isinstance(result, bool):
        return [result]
    return sorted((str(s), str(p), str(o)) for s, p, o in result)


@pytest.fixture(scope="module")
def both(virtuoso, tmp_path_factory):
    virtuoso.clear()
    remote = SparqlStore(virtuoso.endpoint)
    disk = OxigraphStore(tmp_path_factory.mktemp("agree") / "store")
    for s in (remote, disk):
        load(s)
    yield remote, disk
    remote.close()
    disk.close()


@pytest.mark.parametrize("name", [n for n in sorted(available()) if n != "stats_quads"])
def test_named_queries_agree_with_oxigraph(both, name):
    remote, disk = both
    b = {p: SAMPLE[p] for p in parameters(name)} or None
    got, want = run(remote, name, b), run(disk, name, b)
    if isinstance(want, pd.DataFrame):
        assert list(got.columns) == list(want.columns)
        if name == "stats_predicates":  # Virtuoso's own graphs count too: compare kg's predicates
            got, want = (df[df["predicate"].str.startswith(ONTOLOGY_NS)] for df in (got, want))
    assert _canonical(got) == _canonical(want)


def test_stats_counts_kgs_quads(both):
    remote, disk = both
    assert remote.count() == disk.count()
    assert stats(remote)["entities"].equals(stats(disk)["entities"])


# --- the CLI, end to end ---------------------------------------------------------------------


def test_cli_against_the_server(virtuoso, tmp_path, capsys, monkeypatch):
    virtuoso.clear()
    monkeypatch.setenv("KG_STORE", virtuoso.endpoint)
    folder = tmp_path / "articles"
    write_articles(folder, 12, seed=3)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")

    def kg(*args) -> tuple[int, str, str]:
        code = kg_main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    code, out, err = kg("ingest", "--no-progress", str(folder))
    assert code == 2 and "rejected" in err and "broken.txt" in err
    first = out.strip()
    assert first.startswith("12 ingested")
    code, out, _ = kg("ingest", "--no-progress", "-j", "2", str(folder))
    assert out.strip().startswith("0 ingested") and "12 unchanged" in out
    code, out, _ = kg("query", "stats_quads", "--format", "json")
    assert code == 0 and json.loads(out)[0]["graphs"] >= 12
    code, out, _ = kg("stats")
    assert code == 0 and "documents" in out
    code, out, _ = kg("query", "SELECT ?d WHERE { ?d a kg:Document } ORDER BY ?d LIMIT 1", "--format", "csv")
    assert code == 0 and out.splitlines()[1] == doc_iri("synth-000000")
    nq = tmp_path / "graph.nq"
    code, _, _ = kg("export", "--format", "nquads", "-o", str(nq))
    assert code == 0 and nq.stat().st_size > 0
    code, _, _ = kg("export", "--format", "graphml", "-o", str(tmp_path / "g.graphml"))
    assert code == 0
    code, out, _ = kg("viz", "-o", str(tmp_path / "g.html"))
    assert code == 0 and (tmp_path / "g.html").stat().st_size > 0
    code, out, err = kg("remove", "synth-000000", "nothing-here")
    assert code == 1 and "removed synth-000000" in out and "nothing-here" in err
    with SparqlStore(virtuoso.endpoint) as s:
        assert len(s.documents()) == 11


def test_cli_reports_an_unreachable_server(capsys):
    code = kg_main(["--store", "sparql+http://127.0.0.1:9/sparql", "stats"])
    err = capsys.readouterr().err
    assert code == 4 and "cannot reach the SPARQL server at http://127.0.0.1:9/sparql" in err
    assert "Traceback" not in err


# --- no server needed ---------------------------------------------------------------------------


def test_store_urls():
    ep = parse_url("sparql+http://u:p%40ss@localhost:3030/kg/query?update=update&graph-store=data"
                   "&auth=digest&timeout=60")
    assert ep.query == "http://localhost:3030/kg/query"
    assert ep.update == "http://localhost:3030/kg/update"
    assert ep.graph_store == "http://localhost:3030/kg/data"
    assert (ep.user, ep.password, ep.auth, ep.timeout) == ("u", "p@ss", "digest", 60.0)
    assert ep.display == "sparql+http://localhost:3030/kg/query"
    plain = parse_url("sparql+https://db.example.org/sparql")
    assert plain.update == plain.query == "https://db.example.org/sparql"
    assert plain.graph_store is None and plain.auth is None
    for bad in ("sparql+ftp://x/y", "sparql+http:///nohost", "sparql+http://h/s?bogus=1",
                "sparql+http://h/s?auth=ntlm", "sparql+http://h/s?timeout=-1"):
        with pytest.raises(StoreError):
            parse_url(bad)
    assert is_remote("sparql+http://h/s") and not is_remote("output/store")


def test_config_file(tmp_path, monkeypatch):
    conf = tmp_path / "fuseki.toml"
    conf.write_text('[store]\nquery = "http://localhost:3030/kg/query"\nupdate = "update"\n'
                    'graph_store = "data"\nuser = "admin"\npassword_env = "FUSEKI_PW"\n')
    with pytest.raises(StoreError, match="FUSEKI_PW"):
        load_config(conf)
    monkeypatch.setenv("FUSEKI_PW", "s3cret")
    ep = load_config(conf)
    assert (ep.update, ep.graph_store, ep.user, ep.password, ep.auth) == (
        "http://localhost:3030/kg/update", "http://localhost:3030/kg/data", "admin", "s3cret", "basic")
    assert is_remote(conf) and is_remote(tmp_path / "absent.toml") and not is_remote(tmp_path)
    with pytest.raises(StoreError, match="cannot read the store configuration"):
        open_store(tmp_path / "absent.toml")
    (tmp_path / "bad.toml").write_text("[store\n")
    with pytest.raises(StoreError, match="cannot read"):
        load_config(tmp_path / "bad.toml")


def test_prepare_query_predeclares_prefixes_on_the_first_line():
    text, shape, bound = prepare_query("PREFIX kg: <http://other/>\nSELECT ?x WHERE {\n ?x a kg:T }")
    assert shape.form == "SELECT" and bound == []
    first, rest = text.split("\n", 1)
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in first
    assert "PREFIX kg: <https://w3id.org" not in text  # the query's own kg: stands
    assert rest == "SELECT ?x WHERE {\n ?x a kg:T }"


VALUES_KX = ' VALUES (?k ?x) { ("a \\"quoted\\" } value" <http://e/x>) } '
VALUES_K = ' VALUES (?k) { ("a \\"quoted\\" } value") } '  # pushed into a subquery that selects ?k


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?k ?x WHERE { ?x kg:key ?k }", "SELECT ?k ?x WHERE { ?x kg:key ?k @}"),
    ("SELECT * { ?x kg:key ?k } LIMIT 5", "SELECT * { ?x kg:key ?k @} LIMIT 5"),
    ("ASK { ?x kg:key ?k }", "ASK { ?x kg:key ?k @}"),
    ("CONSTRUCT { ?x ?p ?k } WHERE { ?x kg:key ?k }", "CONSTRUCT { ?x ?p ?k } WHERE { ?x kg:key ?k @}"),
    ("CONSTRUCT { ?x ?p ?k } { ?x kg:key ?k }", "CONSTRUCT { ?x ?p ?k } { ?x kg:key ?k @}"),
    ('# a comment { with braces }\nSELECT ?k ("}" AS ?b) (<urn:x}> AS ?i) WHERE { ?x kg:key ?k } # }',
     '# a comment { with braces }\nSELECT ?k ("}" AS ?b) (<urn:x}> AS ?i) WHERE { ?x kg:key ?k @} # }'),
    ("SELECT ?k (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?x kg:key ?k }",
     "SELECT ?k (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?x kg:key ?k @}"),
    ("SELECT ?k WHERE { FILTER (1 < 2) { SELECT ?k WHERE { ?x kg:key ?k } } } ORDER BY ?k",
     "SELECT ?k WHERE { FILTER (1 < 2) { SELECT ?k WHERE { ?x kg:key ?k %} } @} ORDER BY ?k"),
    ("SELECT ?k WHERE { ?x kg:text '''a } b''' ; kg:key ?k }",
     "SELECT ?k WHERE { ?x kg:text '''a } b''' ; kg:key ?k @}"),
])
def test_bindings_become_values_in_the_outermost_group(query, expected):
    text, _, bound = prepare_query(query, {"k": 'a "quoted" } value', "?x": URIRef("http://e/x")})
    assert bound == ["k", "x"]
    assert text.endswith(expected.replace("@", VALUES_KX).replace("%", VALUES_K))


def test_bindings_are_pushed_into_subqueries_that_project_them():
    query = ("SELECT ?k ?x ?n WHERE { { SELECT DISTINCT ?k ?x WHERE { ?x kg:key ?k } } "
             "OPTIONAL { SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x } "
             "{ SELECT (SAMPLE(?y) AS ?k2) WHERE { ?y kg:key ?k } } "
             "{ SELECT ?k WHERE { ?z kg:key ?k } LIMIT 1 } "
             "{ SELECT * WHERE { ?w kg:key ?k } } }")
    text, _, _ = prepare_query(query, {"k": "a", "x": URIRef("http://e/x")})
    assert text.endswith(
        'SELECT ?k ?x ?n WHERE { { SELECT DISTINCT ?k ?x WHERE { ?x kg:key ?k  '
        'VALUES (?k ?x) { ("a" <http://e/x>) } } } '
        'OPTIONAL { SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x } '  # aggregates: untouched
        '{ SELECT (SAMPLE(?y) AS ?k2) WHERE { ?y kg:key ?k } } '  # ?k not projected: untouched
        '{ SELECT ?k WHERE { ?z kg:key ?k } LIMIT 1 } '  # LIMIT: untouched
        '{ SELECT * WHERE { ?w kg:key ?k  VALUES (?k) { ("a") } } }  VALUES (?k ?x) { ("a" <http://e/x>) } }')


def test_bindings_refused():
    with pytest.raises(QueryError, match="blank node"):
        prepare_query("SELECT ?x WHERE { ?x ?p ?o }", {"x": BNode()})
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        prepare_query("SELECT ?x WHERE { ?x ?p ?o }", {"x} ; DROP ALL": "a"})
    with pytest.raises(QueryError, match="not a query"):
        prepare_query("DROP ALL")


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


# --- the bulk path: an embedded build, N-Quads, the server's own loader ---------------------------


def test_bulk_load_of_an_export_with_meta(virtuoso, tmp_path, capsys):
    """Build locally, ``kg export --format nquads --with-meta``, load the file
    with Virtuoso's bulk loader (ld_dir + rdf_loader_run): kg then reads the
    server as a whole store, and the answers are the embedded store's."""
    folder = tmp_path / "articles"
    write_articles(folder, 20, seed=11)
    local = tmp_path / "local"
    assert kg_main(["--store", str(local), "ingest", "--no-progress", str(folder)]) == 0
    nq = virtuoso.folder / "bulk.nq"  # in the server's DirsAllowed
    assert kg_main(["--store", str(local), "export", "--format", "nquads", "--with-meta", "-o", str(nq)]) == 0
    capsys.readouterr()

    def bulk_load(path) -> None:
        virtuoso.clear()
        virtuoso.bulk_load(path)

    try:
        bulk_load(nq)
        with OxigraphStore(local, read_only=True) as mine, SparqlStore(virtuoso.endpoint, read_only=True) as server:
            assert server.count() == mine.count() > 0
            assert server.documents() == mine.documents()
            for name in ("met", "cooperation"):
                ours = run(mine, name)
                theirs = run(server, name)
                assert len(theirs) == len(ours) > 0
        assert kg_main(["--store", virtuoso.endpoint, "stats"]) == 0
        assert "documents" in capsys.readouterr().out

        # Without the meta graph the server holds kg's documents but no layout
        # version: kg says so in one line instead of guessing.
        plain = virtuoso.folder / "plain.nq"
        assert kg_main(["--store", str(local), "export", "--format", "nquads", "-o", str(plain)]) == 0
        bulk_load(plain)
        capsys.readouterr()
        assert kg_main(["--store", virtuoso.endpoint, "stats"]) != 0
        err = capsys.readouterr().err
        assert "layout version none" in err and "Traceback" not in err
    finally:
        virtuoso.clear()
        virtuoso.sql("delete from DB.DBA.load_list;")


def test_with_meta_needs_a_quad_format(tmp_path, capsys):
    store = tmp_path / "s"
    assert kg_main(["--store", str(store), "ingest", "--no-progress", str(SEED)]) == 0
    capsys.readouterr()
    assert kg_main(["--store", str(store), "export", "--format", "turtle", "--with-meta"]) == 2
    assert "--with-meta needs --format nquads or trig" in capsys.readouterr().err
    out = tmp_path / "all.trig"
    assert kg_main(["--store", str(store), "export", "--format", "trig", "--with-meta", "-o", str(out)]) == 0
    import pyoxigraph as ox
    copy = ox.Store()
    copy.load(path=str(out), format=ox.RdfFormat.TRIG)
    meta = ox.NamedNode(META_GRAPH)
    versions = [q.object.value for q in copy.quads_for_pattern(meta, None, None, meta)]
    assert versions == [str(STORE_SCHEMA_VERSION)]
    assert len(copy) == OxigraphStore(store, read_only=True).count() + 1


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
