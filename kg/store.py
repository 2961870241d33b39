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

Details every backend keeps (the contract tests run on both):

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

Oxigraph readers (``read_only=True``) see the store as it was when they
opened it, whole transactions only; reopen to see later writes. They may
open while a writer works (pyoxigraph calls that undefined; RocksDB then
sometimes reports a file the writer's compaction just removed: opening and
querying retry on that). The writer flushes its memtables every ~2 MB of
updates, so that a reader does not replay a long write-ahead log. A future
remote backend (SPARQL 1.1 protocol over HTTP) subclasses ``Store`` and
implements the abstract methods; ``_frame`` and ``_literal_value`` are the
shared result conversion (SPARQL JSON results parse into pyoxigraph terms
with ``pyoxigraph.parse_query_results``, see ``_solutions_frame``).
"""
from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .config import META_GRAPH, PREFIXES, STORE_SCHEMA_VERSION, store_path
from .errors import QueryError, StoreError
from .vocab import KG

Quad = tuple  # (s, p, o, g) of rdflib terms, g the document graph IRI

EXPORT_FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld")
MEMORY = ":memory:"

_XSD = PREFIXES["xsd"]
_INTEGER_TYPES = {_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {_XSD + t for t in ("decimal", "double", "float")}
_BOOLEAN = _XSD + "boolean"


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False) -> Store:
    """The store at ``path`` (default: ``kg.config.store_path()``); ``":memory:"``
    gives an empty in-memory store; ``sparql+http://HOST:PORT/PATH`` or a
    ``.toml`` file describing one, a store in a SPARQL 1.1 server
    (``kg.remote.SparqlStore``)."""
    if str(path) == MEMORY:
        return MemoryStore()
    location = store_path(path)
    from .remote import SparqlStore, is_remote  # kg.remote imports this module
    if is_remote(location):
        return SparqlStore(location, read_only=read_only)
    return OxigraphStore(location, read_only=read_only)


# --- shared helpers -----------------------------------------------------------


def _one_line(text: object) -> str:
    return " ".join(str(text).split())


def _literal_value(lexical: str, datatype: str | None) -> object:
    """A literal's Python value by the rules in the module docstring."""
    try:
        if datatype in _INTEGER_TYPES:
            return int(lexical)
        if datatype in _FLOAT_TYPES:
            return float(lexical)
    except ValueError:  # an ill-typed literal keeps its lexical form
        return lexical
    if datatype == _BOOLEAN:
        return lexical.strip() in ("true", "1")
    return lexical


def _frame(columns: list[str], rows: list[list[object]]) -> pd.DataFrame:
    """A DataFrame of Python values; None stays None (no NaN) in its column."""
    df = pd.DataFrame(rows, columns=columns, dtype=object)
    for col in columns:
        if len(df) and not df[col].isna().any():
            df[col] = df[col].infer_objects()
    return df


def _binding_terms(bindings: dict | None) -> dict[str, object]:
    """Binding names without ?/$, plain Python values as literals."""
    out: dict[str, object] = {}
    for name, value in (bindings or {}).items():
        name = str(name).lstrip("?$")
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        if not isinstance(value, (URIRef, Literal, BNode)):
            if not isinstance(value, (str, int, float, bool)):
                raise QueryError(f"cannot bind ?{name} to a {type(value).__name__}")
            value = Literal(value)
        out[name] = value
    return out


def _not_projected(name: str) -> QueryError:
    return QueryError(
        f"cannot bind ?{name}: it is not in the query's SELECT clause "
        "(a bound variable must be selected)")


def _graph(data: bytes, fmt: str = "nt") -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    if data:
        g.parse(data=data.decode("utf-8"), format=fmt)
    return g


def _check_format(fmt: str) -> None:
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def serialize_document(graph: str, quads: Iterable[Quad]) -> str:
    """The triples of one document as N-Triples lines (pyoxigraph's own
    serializer: every term valid and escaped; ValueError for an invalid IRI
    or a quad outside ``graph``), ready for ``replace_document_serialized``."""
    term = _term_text
    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in Store._document_triples(graph, quads))


def _ox_export(out: BinaryIO, fmt: str, quads, triples) -> None:
    """Write an export with pyoxigraph's serializers: ``quads()`` for the
    quad formats (a graph per document), ``triples()`` otherwise (each triple
    once). Both are callables, so only the one the format needs runs."""
    _check_format(fmt)
    if fmt in ("trig", "nquads"):
        ox.serialize(quads(), out, ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS,
                     prefixes=PREFIXES if fmt == "trig" else None)
        return
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
                  "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    ox.serialize(triples(), out, rdf_format, prefixes=PREFIXES if fmt == "turtle" else None)


def _version_quad() -> ox.Quad:
    """The meta graph's one statement: this kg's store layout version."""
    meta = ox.NamedNode(META_GRAPH)
    return ox.Quad(meta, ox.NamedNode(str(KG.schemaVersion)),
                   ox.Literal(str(STORE_SCHEMA_VERSION), datatype=ox.NamedNode(_XSD + "integer")), meta)


def write_meta(out: BinaryIO, fmt: str) -> None:
    """kg's meta graph (the store layout version) in ``fmt`` ("nquads" or
    "trig"), to follow an ``export``: a file that a SPARQL server's bulk
    loader reads is then a whole kg store, which ``--store sparql+http://…``
    opens without a layout-version error."""
    if fmt not in ("nquads", "trig"):
        raise ValueError(f"the meta graph needs a quad format (nquads or trig), not {fmt!r}")
    _ox_export(out, fmt, lambda: [_version_quad()], None)


def _replace_update(graph: str, ntriples: str) -> str:
    """One SPARQL Update: drop the document's graph, insert its triples."""
    if graph == META_GRAPH:
        raise ValueError(f"{META_GRAPH} is the store's meta graph, not a document")
    g = str(ox.NamedNode(graph))
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples}}} }}\n"


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
        parsed = _graph(ntriples.encode("utf-8"))
        self.replace_document(graph, ((s, p, o, g) for s, p, o in parsed))

    # --- helpers ----------------------------------------------------------------

    @staticmethod
    def _expect(result, kind, name):
        if not isinstance(result, kind):
            raise QueryError(f"expected a {name} query")
        return result

    @staticmethod
    def _document_triples(graph: str, quads: Iterable[Quad]) -> list[tuple]:
        """The (s, p, o) of ``quads``; all must be in ``graph``."""
        if graph == META_GRAPH:
            raise ValueError(f"{META_GRAPH} is the store's meta graph, not a document")
        triples = []
        for s, p, o, g in quads:
            if str(g) != graph:
                raise ValueError(f"quad in graph {g}, expected {graph}")
            triples.append((s, p, o))
        return triples

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


# --- Oxigraph -----------------------------------------------------------------


@lru_cache(maxsize=200_000)
def _iri_text(iri: str) -> str:
    return str(ox.NamedNode(iri))  # validates the IRI once, however often it recurs


def _term_text(term) -> str:
    """A term in N-Triples syntax, written by pyoxigraph's own serializer."""
    if isinstance(term, URIRef):
        return _iri_text(str(term))
    return str(_ox_term(term))


def _ox_term(term):
    """An rdflib term as a pyoxigraph term (which validates IRIs and tags)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _ox_value(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        return _literal_value(term.value, term.datatype.value)
    return str(term)  # RDF-star triple


def _solutions_frame(solutions: ox.QuerySolutions) -> pd.DataFrame:
    columns = [v.value for v in solutions.variables]
    rows = [[_ox_value(t) for t in solution] for solution in solutions]
    return _frame(columns, rows)


def _ox_result(result) -> pd.DataFrame | bool | Graph:
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        return _solutions_frame(result)
    return _graph(result.serialize(format=ox.RdfFormat.N_TRIPLES))


def _query_error(err: Exception) -> QueryError:
    if isinstance(err, SyntaxError):
        text = re.sub(r"error at (\d+):(\d+)", lambda m: f"error at line {m.group(1)}, column {m.group(2)}",
                      _one_line(err))
        return QueryError(f"malformed SPARQL: {text}")
    m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(err))
    if m:
        return _not_projected(m.group(1))
    return QueryError(f"query failed: {_one_line(err)}")


_READ_ONLY_ATTEMPTS = 6
# A writer flushes RocksDB's memtables after about this much update text.
# Unflushed writes live in the write-ahead log, which every reader opened
# meanwhile replays: with no flush, readers took 3-13 s to open during an
# ingest; flushing every 2 MB (about 6 documents of 2,400 quads) keeps
# that near 0.2-0.4 s and costs the writer about 15% of its throughput.
_FLUSH_EVERY = 2_000_000


def _lost_file(err: Exception) -> bool:
    """RocksDB's error when a file it expected was deleted under it."""
    return "No such file" in str(err)


# The timed query's child: a fresh interpreter that imports only pyoxigraph,
# opens the store read-only, and kills itself (SIGALRM) a second after the
# deadline should the parent be gone. Input and output are pickles on stdio.
_CHILD = r"""
import pickle, signal, sys
sys.path.insert(0, sys.argv[1])
import pyoxigraph as ox
path, sparql, subs, prefixes, timeout = pickle.load(sys.stdin.buffer)
signal.setitimer(signal.ITIMER_REAL, timeout + 1.0)
try:
    r = ox.Store.read_only(path).query(sparql, use_default_graph_as_union=True,
                                       substitutions=subs or None, prefixes=prefixes)
    if isinstance(r, ox.QueryBoolean):
        out = ("ask", bool(r))
    elif isinstance(r, ox.QuerySolutions):
        out = ("select", r.serialize(format=ox.QueryResultsFormat.JSON))
    else:
        out = ("construct", r.serialize(format=ox.RdfFormat.N_TRIPLES))
except Exception as err:
    out = ("error", (type(err).__name__, str(err)))
pickle.dump(out, sys.stdout.buffer)
"""


class OxigraphStore(Store):
    """pyoxigraph's RocksDB store on disk. One read-write opener at a time
    (RocksDB's lock); any number of read-only openers, also while a writer
    has the store open."""

    def __init__(self, path: str | os.PathLike, read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self._written = 0  # update text since the last flush
        self._store: ox.Store | None = self._open()
        try:
            self._check_version()
        except BaseException:
            self.close()
            raise

    def _open(self) -> ox.Store:
        where = Path(self.path)
        is_store = (where / "CURRENT").is_file()
        if self.read_only:
            if not is_store:
                raise StoreError(f"no store at {self.path}; run `kg ingest` first")
            # A writer may be swapping files (flush, compaction) as we open:
            # RocksDB then reports a missing file; try again a few times.
            for attempt in range(_READ_ONLY_ATTEMPTS):
                try:
                    return ox.Store.read_only(self.path)
                except (OSError, RuntimeError) as err:
                    if attempt + 1 == _READ_ONLY_ATTEMPTS or not _lost_file(err):
                        raise StoreError(f"cannot open the store at {self.path}: {_one_line(err)}") from err
                    time.sleep(0.02 * 2 ** attempt)
        if where.exists() and not where.is_dir():
            raise StoreError(f"cannot open the store at {self.path}: it is a file, not a folder")
        if where.is_dir() and not is_store and any(where.iterdir()):
            raise StoreError(f"{self.path} is a folder that holds other files, not a kg store; "
                             "use a new or empty folder for --store")
        try:
            where.mkdir(parents=True, exist_ok=True)
            return ox.Store(self.path)
        except OSError as err:
            if "lock" in str(err).lower():
                raise StoreError(
                    f"store at {self.path} is in use by another kg process (a writer); "
                    "wait for it to finish or use a different --store") from err
            raise StoreError(f"cannot open the store at {self.path}: {_one_line(err)}") from err

    def _check_version(self) -> None:
        v = _version_quad()
        found = [q.object.value for q in self._store.quads_for_pattern(v.subject, v.predicate, None, v.graph_name)]
        self._settle_version(found, lambda: next(iter(self._store), None) is None,  # a new store: empty
                             lambda: self._store.add(v))

    @property
    def _db(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"store at {self.path} is closed")
        return self._store

    # --- writes -------------------------------------------------------------------

    def replace_document(self, graph: str, quads: Iterable[Quad]) -> None:
        """One SPARQL Update, hence one transaction: DROP, then INSERT DATA.
        Every term is written by pyoxigraph's own N-Triples serializer."""
        self._writable()
        self._replace(graph, serialize_document(graph, quads))

    def replace_document_serialized(self, graph: str, ntriples: str) -> None:
        self._writable()
        self._replace(graph, ntriples)

    def _replace(self, graph: str, ntriples: str) -> None:
        update = _replace_update(graph, ntriples)
        try:
            self._db.update(update)
        except (SyntaxError, OSError) as err:
            raise StoreError(f"cannot write {graph} to the store at {self.path}: {_one_line(err)}") from err
        self._written += len(update)
        if self._written > _FLUSH_EVERY:
            self._db.flush()
            self._written = 0

    def remove_document(self, graph: str) -> bool:
        self._writable()
        g = ox.NamedNode(graph)
        existed = next(iter(self._db.quads_for_pattern(None, None, None, g)), None) is not None
        if existed:
            self._db.update(f"DROP SILENT GRAPH {g}")
        return existed

    # --- reads --------------------------------------------------------------------

    def query(self, sparql: str, bindings: dict | None = None,
              timeout: float | None = None) -> pd.DataFrame | bool | Graph:
        subs = {ox.Variable(k): _ox_term(v) for k, v in _binding_terms(bindings).items()}
        if timeout is not None:
            return self._query_in_child(sparql, subs, timeout)
        for attempt in (1, 2):
            try:
                return _ox_result(self._db.query(
                    sparql, use_default_graph_as_union=True, substitutions=subs or None,
                    prefixes=PREFIXES))
            except SyntaxError as err:
                raise _query_error(err) from err
            except (OSError, RuntimeError, ValueError) as err:
                # A reader can lose a file to the writer's compaction: reopen once.
                if not self.read_only or attempt == 2 or not _lost_file(err):
                    raise _query_error(err) from err
                self._store = None
                self._store = self._open()
        raise AssertionError("unreachable")

    def _query_in_child(self, sparql: str, subs: dict, timeout: float):
        """Run the query in a child process that is killed at the deadline
        (pyoxigraph has no query timeout). The child opens the store
        read-only, so it sees every transaction committed so far."""
        if timeout <= 0:
            raise QueryError("--timeout must be a positive number of seconds")
        self._db  # closed stores fail here, not in the child
        site = str(Path(ox.__file__).resolve().parent.parent)
        payload = pickle.dumps((self.path, sparql, subs, PREFIXES, float(timeout)))
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, site], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            out, err = proc.communicate(payload, timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise QueryError(f"query stopped after {timeout:g} s (--timeout)") from None
        if proc.returncode != 0 or not out:
            last = (err.decode("utf-8", "replace").strip().splitlines() or ["no message"])[-1]
            raise QueryError(f"query process failed (exit code {proc.returncode}): {last}")
        kind, data = pickle.loads(out)
        if kind == "error":
            name, message = data
            raise _query_error(SyntaxError(message) if name == "SyntaxError" else RuntimeError(message))
        if kind == "ask":
            return data
        if kind == "select":
            return _solutions_frame(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON))
        return _graph(data)

    def count(self) -> int:
        meta = ox.NamedNode(META_GRAPH)
        return len(self._db) - sum(1 for _ in self._db.quads_for_pattern(None, None, None, meta))

    def export(self, out: BinaryIO, fmt: str) -> None:
        db = self._db

        def quads():
            graphs = sorted((g for g in db.named_graphs()
                             if isinstance(g, ox.NamedNode) and g.value != META_GRAPH),
                            key=lambda g: g.value)
            return (q for g in graphs for q in db.quads_for_pattern(None, None, None, g))

        # One graph: CONSTRUCT returns each triple once, however many documents hold it.
        _ox_export(out, fmt, quads, lambda: db.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{META_GRAPH}>) }}"))

    def close(self) -> None:
        """Releases the store (and a writer's lock). pyoxigraph has no close():
        RocksDB closes when the last reference to the Store goes."""
        if self._store is not None and not self.read_only:
            try:
                self._store.flush()  # readers then need not replay a long log
            except OSError:
                pass
        self._store = None


# --- rdflib, in memory ------------------------------------------------------------


def _rdflib_value(term) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        return _literal_value(str(term), str(term.datatype) if term.datatype else None)
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
        triples = self._document_triples(graph, quads)  # validate before touching data
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
        terms = _binding_terms(bindings)
        try:
            result = self._data.query(sparql, initBindings=terms, initNs=PREFIXES)
            if result.type == "ASK":
                return bool(result.askAnswer)
            if result.type == "SELECT":
                columns = [str(v) for v in result.vars]
                for name in terms:
                    if name not in columns:
                        raise _not_projected(name)
                rows = [[_rdflib_value(t) for t in row] for row in result]
                return _frame(columns, rows)
            g = _graph(b"")
            for t in result.graph:
                g.add(t)
            return g
        except QueryError:
            raise
        except Exception as err:  # pyparsing's ParseException, evaluation errors
            if type(err).__name__ == "ParseException":
                raise QueryError(f"malformed SPARQL: {_one_line(err)}") from err
            raise QueryError(f"query failed: {_one_line(err)}") from err

    def _quads(self):
        for s, p, o, g in self._data.quads((None, None, None, None)):
            name = getattr(g, "identifier", g)
            if name is not None and name != DATASET_DEFAULT_GRAPH_ID and str(name) != META_GRAPH:
                yield s, p, o, name

    def count(self) -> int:
        return sum(1 for _ in self._quads())

    def export(self, out: BinaryIO, fmt: str) -> None:
        _check_format(fmt)
        if fmt in ("trig", "nquads"):
            ds = Dataset()
            for prefix, ns in PREFIXES.items():
                ds.bind(prefix, ns)
            for s, p, o, g in self._quads():
                ds.graph(g).add((s, p, o))
            out.write(ds.serialize(format=fmt, encoding="utf-8"))
            return
        g = _graph(b"")
        for s, p, o, _ in self._quads():
            g.add((s, p, o))
        rdf_format = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
        out.write(g.serialize(format=rdf_format, encoding="utf-8"))

    def close(self) -> None:
        self._ds = None
