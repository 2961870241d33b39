"""kg.rdf: every graph the tool writes conforms to ontology/shapes.ttl: real articles,
extracted, turned into quads, validated with pyshacl; and what the store gives
back on export is the same graph."""
from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, Literal

from kg.lang import Extractor
from kg.rdf import extraction_quads
from kg.read import read_article
from kg.validate import validate_quads

from .conftest import DEV, SEED, corpus_available


def articles():
    paths = [SEED]
    if corpus_available():
        paths += [p for p in sorted(DEV.glob("*.txt"))
                  if json.loads(p.with_suffix(".json").read_text(encoding="utf-8")).get("lang") == "az"]
    return paths


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("path", articles(), ids=lambda p: p.stem)
def test_extracted_graph_conforms(extractor, path):
    report = validate_quads(extraction_quads(extractor.extract(read_article(path))))
    assert report.conforms, "\n".join(report.violations[:10])


def test_exported_trig_is_what_was_stored(tmp_path, extractor):
    from kg.ids import doc_iri
    from kg.store import open_store
    ex = extractor.extract(read_article(SEED))
    quads = list(extraction_quads(ex))
    with open_store(str(tmp_path / "store")) as store:
        store.replace_document(doc_iri(ex.article.id), quads)
        out = tmp_path / "g.trig"
        with open(out, "wb") as fh:
            store.export(fh, "trig")
    ds = Dataset()
    ds.parse(out, format="trig")
    def value(o):  # literals compared by value: the store writes decimals canonically ("0.800" -> "0.8")
        return (o.toPython(), o.datatype, o.language) if isinstance(o, Literal) else o
    got = {(s, p, value(o), g) for s, p, o, g in ds.quads() if g is not None}
    assert got == {(s, p, value(o), g) for s, p, o, g in quads}
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    assert len(g) == len({(s, p, o) for s, p, o, _ in quads})
