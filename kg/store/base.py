"""The ``Store`` interface and its contract.

Everything above ``kg.store`` talks to a ``Store``; nothing above knows
which engine is behind it. Quads are 4-tuples of rdflib terms
``(s, p, o, g)``; ``g`` is the document graph IRI (see ``kg.rdf``).

INTERFACE CONTRACT (implementations must keep these signatures):

    open_store(path: str | None = None, *, read_only: bool = False) -> Store

    class Store:
        def replace_document(self, graph: str, quads: Iterable[Quad]) -> None
            # atomically: drop graph `graph`, then add `quads` (all in that graph)
        def remove_document(self, graph: str) -> bool       # True if it existed
        def document_hash(self, graph: str) -> str | None   # its kg:contentHash
        def documents(self) -> list[str]                    # graph IRIs of documents
        def select(self, sparql: str, bindings: dict[str, term] | None = None,
                   timeout: float | None = None) -> pandas.DataFrame
        def ask(self, sparql, bindings=None, timeout=None) -> bool
        def construct(self, sparql, bindings=None, timeout=None) -> rdflib.Graph
        def query(self, sparql, bindings=None, timeout=None)
            # -> DataFrame (SELECT) | bool (ASK) | rdflib.Graph (CONSTRUCT/DESCRIBE)
        def export(self, out: BinaryIO, fmt: str) -> None
            # fmt in {"turtle", "trig", "nquads", "ntriples", "jsonld"}
        def count(self) -> int                              # number of quads
        def close(self) -> None
        # also a context manager

Queries see the union of all graphs as their default graph (so a triple
pattern without GRAPH matches every document), and each document graph as
a named graph. ``bindings`` values are rdflib terms (or plain Python str /
int / float, turned into literals); they are substituted as RDF terms,
never pasted into the query text. SELECT results are a DataFrame whose
cells are Python strings / numbers (IRIs as strings), None when unbound.

Details every backend keeps (the contract tests run on every backend):

* A bound variable must appear in the SELECT clause (pyoxigraph follows
  SPARQL SEP-0007 and refuses otherwise; MemoryStore checks the same), and
  in the SELECT clause of any subquery that uses it, since a subquery only
  sees the bindings of the variables it projects.
* The union default graph may repeat a triple once per document that holds
  it (Oxigraph does, rdflib does not): queries must use DISTINCT, GROUP BY
  or SAMPLE where that matters.
* Cell values: IRIs and strings are ``str``, blank nodes ``"_:id"``,
  xsd:integer and its subtypes ``int``, xsd:decimal / double / float
  ``float``, xsd:boolean ``bool``, dates and everything else their lexical
  form (``str``). A column with no unbound cell gets a typed dtype
  (int64, float64, str); a column with an unbound cell stays ``object``
  and holds ``None`` there.
* The prefixes of ``kg.config.PREFIXES`` are predeclared in every query.
* The meta graph (``kg.config.META_GRAPH``) is bookkeeping: ``count``,
  ``export`` and ``documents`` leave it out.

A backend subclasses ``Store`` and implements the abstract methods; the
conversions they share are in ``kg.store.terms`` (``frame`` and
``literal_value`` for results; a server's SPARQL results parse into
pyoxigraph terms with ``pyoxigraph.parse_query_results``, see
``solutions_frame``) and ``kg.store.serial`` (N-Triples, updates, exports).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from typing import BinaryIO

import pandas as pd
import pyoxigraph as ox
from rdflib import Graph, URIRef

from ..config import STORE_SCHEMA_VERSION
from ..errors import QueryError, StoreError
from ..vocab import KG
from .serial import Quad
from .terms import rdf_graph


class Store(ABC):
    """What the rest of kg sees. Subclasses implement the abstract methods;
    ``select``/``ask``/``construct``/``documents``/``document_hash`` are
    built on ``query`` and need no backend code."""

    path: str
    read_only: bool = False

    # --- backend primitives ---------------------------------------------------

    @abstractmethod
    def replace_document(self, graph: str, quads: Iterable[Quad]) -> None: ...

    @abstractmethod
    def remove_document(self, graph: str) -> bool: ...

    @abstractmethod
    def query(self, sparql: str, bindings: dict | None = None,
              timeout: float | None = None) -> pd.DataFrame | bool | Graph: ...

    @abstractmethod
    def export(self, out: BinaryIO, fmt: str) -> None: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    # --- built on query -------------------------------------------------------

    def select(self, sparql: str, bindings: dict | None = None,
               timeout: float | None = None) -> pd.DataFrame:
        return self._expect(self.query(sparql, bindings, timeout), pd.DataFrame, "SELECT")

    def ask(self, sparql: str, bindings: dict | None = None,
            timeout: float | None = None) -> bool:
        return self._expect(self.query(sparql, bindings, timeout), bool, "ASK")

    def construct(self, sparql: str, bindings: dict | None = None,
                  timeout: float | None = None) -> Graph:
        return self._expect(self.query(sparql, bindings, timeout), Graph, "CONSTRUCT or DESCRIBE")

    def documents(self) -> list[str]:
        df = self.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?d a <{KG.Document}> }} }} ORDER BY ?g")
        return [str(g) for g in df["g"]]

    def document_hash(self, graph: str) -> str | None:
        return self.document_hashes([graph]).get(graph)

    def document_hashes(self, graphs: Iterable[str]) -> dict[str, str]:
        """``document_hash`` of many documents in one query: graph -> hash,
        for the documents that are in the store (an ingest asks for a batch
        at a time: one round trip instead of one per file on a server)."""
        names = [str(ox.NamedNode(g)) for g in dict.fromkeys(graphs)]  # validated IRIs
        if not names:
            return {}
        df = self.select(f"SELECT ?g (SAMPLE(?h) AS ?hash) WHERE {{ VALUES ?g {{ {' '.join(names)} }} "
                         f"GRAPH ?g {{ ?d <{KG.contentHash}> ?h }} }} GROUP BY ?g")
        if df.empty:
            return {}
        return {str(g): str(h) for g, h in zip(df["g"], df["hash"]) if g is not None and h is not None}

    def replace_document_serialized(self, graph: str, ntriples: str) -> None:
        """``replace_document`` with the triples already written by
        ``serialize_document`` (in a worker process, say). Backends that
        write SPARQL Update text use it as is; this default parses it back."""
        g = URIRef(graph)
        parsed = rdf_graph(ntriples.encode("utf-8"))
        self.replace_document(graph, ((s, p, o, g) for s, p, o in parsed))

    # --- helpers ----------------------------------------------------------------

    @staticmethod
    def _expect(result, kind, name):
        if not isinstance(result, kind):
            raise QueryError(f"expected a {name} query")
        return result

    def _settle_version(self, found: list[str], is_new, write) -> None:
        """The layout-version check every backend makes on opening: ``found``,
        the versions the meta graph holds; a new store (``is_new()``) gets
        this kg's version (``write()``) when opened for writing; any other
        answer than exactly this kg's version is an error."""
        if not found:
            if is_new():
                if not self.read_only:
                    write()
                return
            version = "none"
        elif set(found) == {str(STORE_SCHEMA_VERSION)}:
            return
        else:
            version = ", ".join(sorted(set(found)))
        raise StoreError(f"store at {self.path} has layout version {version}; "
                         f"this kg reads version {STORE_SCHEMA_VERSION}")

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store at {self.path} was opened read-only")

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = " read-only" if self.read_only else ""
        return f"<{type(self).__name__} {self.path}{mode}>"
