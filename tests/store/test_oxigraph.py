"""kg.store.oxigraph: what only the store on disk has: persistence, the layout
version on disk, one writer and many readers (real child processes),
queries stopped at a timeout.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

import kg
from kg.config import META_GRAPH, STORE_SCHEMA_VERSION
from kg.errors import QueryError, StoreError
from kg.ids import doc_iri
from kg.store.oxigraph import OxigraphStore
from kg.vocab import KG

from tests.store.documents import CORPUS, doc_interpol, graph_of, grown, iri, load, quads


ROOT = Path(kg.__file__).resolve().parent.parent


@pytest.fixture
def disk(tmp_path):
    s = OxigraphStore(tmp_path / "store")
    yield s
    s.close()


def python(code: str, *args: str) -> subprocess.Popen:
    """A child Python that can import kg, its stdout a pipe."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(proc: subprocess.Popen, word: str) -> None:
    line = proc.stdout.readline()
    if line.strip() != word:
        proc.kill()
        raise AssertionError(f"child said {line!r}; stderr: {proc.stderr.read()}")


# --- Oxigraph only -----------------------------------------------------------------


def test_persists_and_reopens(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        load(s)
        n = s.count()
    with OxigraphStore(path) as s:
        assert s.count() == n
    with OxigraphStore(path, read_only=True) as s:
        assert s.count() == n
        assert len(s.documents()) == 3
        with pytest.raises(StoreError, match="read-only"):
            s.remove_document(graph_of(doc_interpol()))


def test_meta_graph_holds_the_version(tmp_path):
    path = tmp_path / "store"
    OxigraphStore(path).close()
    db = ox.Store.read_only(str(path))
    versions = [q.object.value for q in db.quads_for_pattern(None, ox.NamedNode(str(KG.schemaVersion)),
                                                             None, ox.NamedNode(META_GRAPH))]
    assert versions == [str(STORE_SCHEMA_VERSION)]
    del db


@pytest.mark.parametrize("version", [STORE_SCHEMA_VERSION + 1, 0])
def test_schema_version_mismatch(tmp_path, version):
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        load(s, doc_interpol)
    db = ox.Store(str(path))
    db.update(f"""DELETE WHERE {{ GRAPH <{META_GRAPH}> {{ ?s ?p ?o }} }} ;
                  INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{META_GRAPH}> <{KG.schemaVersion}> {version} }} }}""")
    del db
    for read_only in (False, True):
        with pytest.raises(StoreError, match=f"store at {re.escape(str(path))} has layout version "
                                             f"{version}; this kg reads version {STORE_SCHEMA_VERSION}"):
            OxigraphStore(path, read_only=read_only)


def test_read_only_without_store(tmp_path):
    with pytest.raises(StoreError, match=r"no store at .*; run `kg ingest` first"):
        OxigraphStore(tmp_path / "nothing", read_only=True)
    assert not (tmp_path / "nothing").exists()


def test_refuses_a_folder_of_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kg store"):
        OxigraphStore(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_closed_store(tmp_path):
    s = OxigraphStore(tmp_path / "store")
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.count()
    OxigraphStore(tmp_path / "store").close()  # the lock went with close()


def test_invalid_iri_is_rejected(disk):
    with pytest.raises(ValueError):
        disk.replace_document(doc_iri("x"), [(URIRef("http://a b/"), URIRef("http://p"),
                                              Literal("o"), URIRef(doc_iri("x")))])
    assert disk.count() == 0


def test_second_writer_is_refused(tmp_path):
    path = tmp_path / "store"
    OxigraphStore(path).close()
    child = python("""
        import sys, time
        from kg.store import open_store
        s = open_store(sys.argv[1])
        print("ready", flush=True)
        time.sleep(60)
    """, str(path))
    try:
        wait_for(child, "ready")
        with pytest.raises(StoreError) as err:
            OxigraphStore(path)
        assert str(err.value) == (f"store at {path} is in use by another kg process (a writer); "
                                  "wait for it to finish or use a different --store")
    finally:
        child.kill()
        child.wait()
    OxigraphStore(path).close()  # free again once the writer is gone


def test_reader_while_writer_writes(tmp_path):
    """Readers open while a writer replaces documents in a loop, and every
    document they see is whole: one of its two versions, never a mix."""
    path = tmp_path / "store"
    OxigraphStore(path).close()
    child = python("""
        import sys, time
        from tests.store.documents import CORPUS, graph_of, grown, quads
        from kg.store import open_store
        s = open_store(sys.argv[1])
        versions = [(graph_of(make()), quads(make()), quads(grown(make()))) for make in CORPUS]
        for g, small, big in versions:
            s.replace_document(g, small)
        print("ready", flush=True)
        deadline, i = time.time() + 30, 0
        while time.time() < deadline:
            for g, small, big in versions:
                s.replace_document(g, big if i % 2 else small)
            i += 1
    """, str(path))
    try:
        wait_for(child, "ready")
        expected = {graph_of(make()): {len(set(quads(make()))), len(set(quads(grown(make()))))}
                    for make in CORPUS}
        deadline = time.time() + 3
        rounds = 0
        while time.time() < deadline or rounds < 5:
            with OxigraphStore(path, read_only=True) as reader:
                df = reader.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                                   "FILTER (?g != <%s>) } GROUP BY ?g" % META_GRAPH)
                sizes = dict(zip(df["g"], df["n"]))
                assert set(sizes) == set(expected)
                for g, n in sizes.items():
                    assert n in expected[g], (g, n, expected[g])
                assert len(reader.documents()) == 3
            rounds += 1
        assert child.poll() is None, child.stderr.read()
        assert rounds >= 5
    finally:
        child.kill()
        child.wait()


def test_timeout_stops_a_slow_query(disk):
    bulk = doc_iri("bulk")
    disk.replace_document(bulk, [(URIRef(f"{bulk}#s{i}"), URIRef(str(KG.index)), Literal(i), URIRef(bulk))
                                 for i in range(3000)])
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:index ?x . ?b kg:index ?y . ?c kg:index ?z }"
    t = time.perf_counter()
    with pytest.raises(QueryError, match=r"^query stopped after 1 s \(--timeout\)$"):
        disk.select(slow, timeout=1)
    assert time.perf_counter() - t < 5


def test_timeout_runs_fast_queries(disk):
    load(disk)
    fast = disk.select("SELECT ?k ?x WHERE { ?x kg:key ?k }", {"k": "kamran eliyev"}, timeout=30)
    assert set(fast["x"]) == {iri("Kamran Əliyev")}
    assert disk.ask("ASK { ?x a kg:Event }", timeout=30) is True
    assert len(disk.construct("CONSTRUCT { ?a kg:met ?b } WHERE { ?a kg:met ?b }", timeout=30)) == 6
    with pytest.raises(QueryError, match="malformed SPARQL: .*line 1, column"):
        disk.select("SELECT ?x WHERE { ?x }", timeout=30)
    with pytest.raises(QueryError, match=r"cannot bind \?k"):
        disk.select("SELECT ?x WHERE { ?x kg:key ?k }", {"k": "x"}, timeout=30)
