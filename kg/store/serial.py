"""Writing RDF text, once for every backend: a document's triples as
N-Triples (pyoxigraph's serializer: every term valid and escaped), the SPARQL
Update that replaces a document, the export serializers, and the meta
graph's layout-version quad."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pyoxigraph as ox

from ..config import META_GRAPH, PREFIXES, STORE_SCHEMA_VERSION
from ..vocab import KG
from .terms import XSD, term_text

Quad = tuple  # (s, p, o, g) of rdflib terms, g the document graph IRI

EXPORT_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")


def check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def serialize_document(graph: str, quads: Iterable[Quad]) -> str:
    """The triples of one document as N-Triples lines (pyoxigraph's own
    serializer: every term valid and escaped; ValueError for an invalid IRI
    or a quad outside ``graph``), ready for ``replace_document_serialized``."""
    term = term_text
    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in document_triples(graph, quads))


def ox_export(out: BinaryIO, fmt: str, quads, triples) -> None:
    """Write an export with pyoxigraph's serializers: ``quads()`` for the
    quad formats (a graph per document), ``triples()`` otherwise (each triple
    once). Both are callables, so only the one the format needs runs."""
    check_format(fmt)
    if fmt in ("trig", "nquads"):
        ox.serialize(quads(), out, ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS,
                     prefixes=PREFIXES if fmt == "trig" else None)
        return
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    ox.serialize(triples(), out, rdf_format, prefixes=PREFIXES if fmt == "turtle" else None)


def version_quad() -> ox.Quad:
    """The meta graph's one statement: this kg's store layout version."""
    meta = ox.NamedNode(META_GRAPH)
    return ox.Quad(meta, ox.NamedNode(str(KG.schemaVersion)),
                   ox.Literal(str(STORE_SCHEMA_VERSION), datatype=ox.NamedNode(XSD + "integer")), meta)


def write_meta(out: BinaryIO, fmt: str) -> None:
    """kg's meta graph (the store layout version) in ``fmt`` ("nquads" or
    "trig"), to follow an ``export``: a file that a SPARQL server's bulk
    loader reads is then a whole kg store, which ``--store sparql+http://…``
    opens without a layout-version error."""
    if fmt not in ("nquads", "trig"):
        raise ValueError(f"the meta graph needs a quad format (nquads or trig), not {fmt!r}")
    ox_export(out, fmt, lambda: [version_quad()], None)


def replace_update(graph: str, ntriples: str) -> str:
    """One SPARQL Update: drop the document's graph, insert its triples."""
    if graph == META_GRAPH:
        raise ValueError(f"{META_GRAPH} is the store's meta graph, not a document")
    g = str(ox.NamedNode(graph))
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples}}} }}\n"


def document_triples(graph: str, quads: Iterable[Quad]) -> list[tuple]:
    """The (s, p, o) of ``quads``; all must be in ``graph``."""
    if graph == META_GRAPH:
        raise ValueError(f"{META_GRAPH} is the store's meta graph, not a document")
    triples = []
    for s, p, o, g in quads:
        if str(g) != graph:
            raise ValueError(f"quad in graph {g}, expected {graph}")
        triples.append((s, p, o))
    return triples
