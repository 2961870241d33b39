"""The store interface and its backends.

Everything above this module talks to a ``Store``; nothing above knows
which engine is behind it. Backends:

* ``OxigraphStore``: the default, embedded and on disk (pyoxigraph).
* ``MemoryStore``: rdflib's in-memory Dataset, the baseline in benchmarks.

Quads are 4-tuples of rdflib terms ``(s, p, o, g)``; ``g`` is the document
graph IRI (see ``kg/rdf.py``).

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
"""
