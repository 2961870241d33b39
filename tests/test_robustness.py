"""Fault injection: bad input, killed runs, concurrent use. Nothing lost, nothing corrupted.

These tests run the real command in subprocesses against real on-disk
stores; the kill -9 case kills a real ingest half-way.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.ids import doc_iri, entity_iri, entity_key
from kg.pipeline import KnowledgeGraph
from kg.synth import write_articles

from .conftest import ENV, SEED, kg


def count_quads(store: Path) -> int:
    with KnowledgeGraph(store, read_only=True) as g:
        return g.store.count()


# --- bad input: one line per rejected file, the rest goes on ---------------------

def test_a_mixed_folder_ingests_the_good_and_names_the_bad(tmp_path):
    folder = tmp_path / "in"
    (folder / "nested" / "deeper").mkdir(parents=True)
    (folder / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "nested" / "deeper" / "also-good.txt").write_text(
        "Prezident İlham Əliyev Bakıda Macarıstanın Baş naziri Viktor Orbanı qəbul edib.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("   \n\n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "nested" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "page.txt").write_text("<html><head><title>x</title><script>alert(1)</script></head><body>"
                                     "<p>Prezident İlham Əliyev Bakıda çıxış edib.</p></body></html>", encoding="utf-8")
    store = tmp_path / "store"
    proc = kg("ingest", str(folder), "--no-progress", store=store, timeout=180)
    assert proc.returncode == 2
    lines = [x for x in proc.stderr.splitlines() if x.startswith("rejected")]
    assert any("empty.txt" in x for x in lines) and any("image.txt" in x and "PNG" in x for x in lines)
    assert len(lines) == 2, proc.stderr
    assert "3 ingested" in proc.stdout
    with KnowledgeGraph(store, read_only=True) as g:
        docs = g.store.documents()
        texts = g.query("SELECT ?t WHERE { ?s a <https://w3id.org/kg-news/ontology#Sentence> ; "
                        "<https://w3id.org/kg-news/ontology#text> ?t }")
    assert len(docs) == 3
    assert not any("alert" in t for t in texts["t"])  # script content never becomes article text


def test_errors_are_one_line_and_exit_non_zero(tmp_path):
    store = tmp_path / "store"
    missing = kg("ingest", str(tmp_path / "nope.txt"), store=store)
    assert missing.returncode != 0 and "no such file" in missing.stderr
    kg("ingest", str(SEED), "--no-progress", store=store, check=True)
    bad = kg("query", "SELECT ?x WHERE { ?x ?y }", store=store)
    assert bad.returncode != 0
    assert len(bad.stderr.strip().splitlines()) == 1 and "line 1, column 26" in bad.stderr
    absent = kg("remove", "no-such-doc", store=store)
    assert absent.returncode == 1 and "no-such-doc" in absent.stderr
    nostore = kg("query", "ASK {}", store=tmp_path / "nothing-here")
    assert nostore.returncode != 0 and len(nostore.stderr.strip().splitlines()) == 1


def test_the_same_folder_twice_doubles_nothing(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 20, seed=3)
    store = tmp_path / "store"
    first = kg("ingest", str(folder), "--no-progress", store=store, check=True)
    n = count_quads(store)
    second = kg("ingest", str(folder), str(folder), "--no-progress", store=store, check=True)
    assert "20 ingested" in first.stdout and "0 ingested" in second.stdout and "20 unchanged" in second.stdout
    assert count_quads(store) == n


def test_remove_takes_out_exactly_one_document(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 5, seed=4)
    store = tmp_path / "store"
    kg("ingest", str(folder), "--no-progress", store=store, check=True)
    before = count_quads(store)
    kg("remove", "synth-000002", store=store, check=True)
    with KnowledgeGraph(store, read_only=True) as g:
        assert doc_iri("synth-000002") not in g.store.documents()
        assert len(g.store.documents()) == 4
    assert 0 < count_quads(store) < before


# --- kill -9 in the middle of an ingest ---------------------------------------------

def test_kill_minus_nine_leaves_whole_documents_and_a_rerun_finishes(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 400, seed=5)
    store = tmp_path / "store"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store), "ingest", str(folder), "--no-progress"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    deadline = time.time() + 120
    seen = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.3)
        try:
            with KnowledgeGraph(store, read_only=True) as g:
                seen = len(g.store.documents())
        except Exception:
            continue
        if seen >= 20:
            break
    assert proc.poll() is None, "the ingest ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with KnowledgeGraph(store, read_only=True) as g:
        docs = g.store.documents()
        # every stored document is whole: its metadata and as many assertions as a fresh extraction gives
        from kg.lang import Extractor
        from kg.read import read_article
        ex = Extractor()
        for d in docs[:15]:
            doc_id = d.rsplit("/", 1)[-1]
            article = read_article(folder / f"{doc_id}.txt")
            expected = len(ex.extract(article).relations)
            got = g.query("SELECT ?d (COUNT(DISTINCT ?r) AS ?n) WHERE { GRAPH ?g { ?a <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ?s ; "
                          "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate> ?p ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#object> ?o } "
                          "BIND(CONCAT(STR(?s), STR(?p), STR(?o)) AS ?r) FILTER(?g = ?d) } GROUP BY ?d", bindings={"d": __import__("rdflib").URIRef(d)})
            assert int(got["n"][0]) >= expected > 0
            assert g.store.document_hash(d) == article.sha256
    assert 20 <= len(docs) < 400
    rerun = kg("ingest", str(folder), "--no-progress", store=store, timeout=300, check=True)
    assert f"{len(docs)} unchanged" in rerun.stdout
    with KnowledgeGraph(store, read_only=True) as g:
        assert len(g.store.documents()) == 400
    again = kg("ingest", str(folder), "--no-progress", store=store, timeout=300, check=True)
    assert "400 unchanged" in again.stdout


# --- concurrent use -------------------------------------------------------------------

def test_a_second_writer_is_refused_and_readers_keep_reading(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 1500, seed=6)  # some 20 s of ingest: the writer outlives the checks below
    store = tmp_path / "store"
    kg("ingest", str(SEED), "--no-progress", store=store, check=True)
    writer = subprocess.Popen([sys.executable, "-m", "kg", "--store", str(store), "ingest", str(folder), "--no-progress"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    try:
        time.sleep(4)  # the writer has loaded its gazetteers and holds the store
        assert writer.poll() is None
        second = kg("remove", "az-0001", store=store)
        assert second.returncode != 0 and "in use" in second.stderr
        reader = kg("query", "met", "--entity", "Kamran Əliyev", "--format", "csv", store=store, check=True)
        assert "Ahmed Naser Al-Raisi" in reader.stdout
        assert writer.poll() is None, "the writer ended before the checks: make its batch bigger"
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0


# --- identifiers and the whole ingest path on arbitrary input ----------------------------

@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["Person", "Organization", "Country", "Place", "Event"]), st.text(max_size=10_000))
def test_any_name_gives_a_valid_stable_iri(etype, name):
    import pyoxigraph
    from rdflib import URIRef
    iri = entity_iri(entity_key(etype, name))
    assert iri == entity_iri(entity_key(etype, name))
    pyoxigraph.NamedNode(iri)  # raises on an invalid IRI
    URIRef(iri).n3()
    assert len(iri) < 200 and not any(c.isspace() or c in '<>"{}|\\^`' for c in iri)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8")))
def test_random_bytes_never_break_the_ingest_or_the_store(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "x.txt").write_bytes(data)
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with KnowledgeGraph(folder / "store") as g:
        report = g.ingest([folder], progress=False)
        assert len(report.ingested) + len(report.rejected) == 2
        assert all("\n" not in r.reason for r in report.rejected)
        assert "seed" in report.ingested
        assert g.query("ASK { ?a a <https://w3id.org/kg-news/ontology#Assertion> }")


def test_kg_validate(tmp_path):
    """`kg validate`: the seed's graph conforms; a document written by hand
    that breaks the shapes (an entity with no label) is reported, exit 1."""
    store = tmp_path / "store"
    kg("ingest", str(SEED), "--no-progress", store=store, check=True)
    ok = kg("validate", store=store)
    assert ok.returncode == 0 and ok.stdout.strip() == "conforms"
    from rdflib import RDF, URIRef

    from kg.ids import doc_iri
    from kg.store.oxigraph import OxigraphStore
    from kg.vocab import KG
    g = URIRef(doc_iri("broken"))
    with OxigraphStore(store) as s:
        s.replace_document(str(g), [(URIRef("https://w3id.org/kg-news/id/person/nobody"), RDF.type, KG.Person, g)])
    bad = kg("validate", store=store)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "nobody" in bad.stderr
