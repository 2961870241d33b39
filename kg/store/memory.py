"""rdflib's in-memory Dataset behind the ``Store`` interface: the baseline in
benchmarks, and ``--store :memory:``."""
from __future__ import annotations

from collections.abc import Iterable
from typing import BinaryIO

import pandas as pd
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ..config import META_GRAPH, PREFIXES
from ..errors import QueryError, StoreError
from .base import Store
from .serial import Quad, check_format, document_triples
from .terms import binding_terms, frame, literal_value, not_projected, one_line, rdf_graph

MEMORY = ":memory:"


def _rdflib_value(term) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        return literal_value(str(term), str(term.datatype) if term.datatype else None)
    if isinstance(term, BNode):
        return "_:" + str(term)
    return str(term)


class MemoryStore(Store):
    """rdflib's in-memory Dataset with the same interface; nothing persists.
    ``timeout`` is not supported: asking for one raises QueryError (rdflib
    runs in this process and a Python thread cannot be stopped)."""

    def __init__(self):
        self.path = MEMORY
        self.read_only = False
        self._ds: Dataset | None = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            self._ds.bind(prefix, ns)

    @property
    def _data(self) -> Dataset:
        if self._ds is None:
            raise StoreError("the in-memory store is closed")
        return self._ds

    def replace_document(self, graph: str, quads: Iterable[Quad]) -> None:
        triples = document_triples(graph, quads)  # validate before touching data
        ds = self._data
        ds.remove_graph(URIRef(graph))
        g = ds.graph(URIRef(graph))
        for t in triples:
            g.add(t)

    def remove_document(self, graph: str) -> bool:
        ds = self._data
        existed = len(ds.get_context(URIRef(graph))) > 0
        ds.remove_graph(URIRef(graph))
        return existed

    def query(self, sparql: str, bindings: dict | None = None,
              timeout: float | None = None) -> pd.DataFrame | bool | Graph:
        if timeout is not None:
            raise QueryError("--timeout needs the on-disk store; the in-memory store cannot stop a query")
        terms = binding_terms(bindings)
        try:
            result = self._data.query(sparql, initBindings=terms, initNs=PREFIXES)
            if result.type == "ASK":
                return bool(result.askAnswer)
            if result.type == "SELECT":
                columns = [str(v) for v in result.vars]
                for name in terms:
                    if name not in columns:
                        raise not_projected(name)
                rows = [[_rdflib_value(t) for t in row] for row in result]
                return frame(columns, rows)
            g = rdf_graph(b"")
            for t in result.graph:
                g.add(t)
            return g
        except QueryError:
            raise
        except Exception as err:  # pyparsing's ParseException, evaluation errors
            if type(err).__name__ == "ParseException":
                raise QueryError(f"malformed SPARQL: {one_line(err)}") from err
            raise QueryError(f"query failed: {one_line(err)}") from err

    def _quads(self):
        for s, p, o, g in self._data.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            if name is not None and name != DATASET_DEFAULT_GRAPH_ID and str(name) != META_GRAPH:
                yield s, p, o, name

    def count(self) -> int:
        return sum(1 for _ in self._quads())

    def export(self, out: BinaryIO, fmt: str) -> None:
        check_format(fmt)
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            for prefix, ns in PREFIXES.items():
                ds.bind(prefix, ns)
            for s, p, o, g in self._quads():
                ds.graph(g).add((s, p, o))
            out.write(ds.serialize(format=fmt, encoding="utf-8"))
            return
        g = rdf_graph(b"")
        for s, p, o, _ in self._quads():
            g.add((s, p, o))
        rdf_format = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
        out.write(g.serialize(format=rdf_format, encoding="utf-8"))

    def close(self) -> None:
        self._ds = None
