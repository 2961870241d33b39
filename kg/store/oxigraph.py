"""The default store: pyoxigraph's RocksDB store on disk.

Oxigraph readers (``read_only=True``) see the store as it was when they
opened it, whole transactions only; reopen to see later writes. They may
open while a writer works (pyoxigraph calls that undefined; RocksDB then
sometimes reports a file the writer's compaction just removed: opening and
querying retry on that). The writer flushes its memtables every ~2 MB of
updates, so that a reader does not replay a long write-ahead log.
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import pandas as pd
import pyoxigraph as ox
from rdflib import Graph

from ..config import META_GRAPH, PREFIXES
from ..errors import QueryError, StoreError
from .base import Store
from .serial import Quad, ox_export, replace_update, serialize_document, version_quad
from .terms import binding_terms, one_line, ox_result, ox_term, query_error, rdf_graph, solutions_frame

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
                        raise StoreError(f"cannot open the store at {self.path}: {one_line(err)}") from err
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
            raise StoreError(f"cannot open the store at {self.path}: {one_line(err)}") from err

    def _check_version(self) -> None:
        v = version_quad()
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
        update = replace_update(graph, ntriples)
        try:
            self._db.update(update)
        except (SyntaxError, OSError) as err:
            raise StoreError(f"cannot write {graph} to the store at {self.path}: {one_line(err)}") from err
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
        subs = {ox.Variable(k): ox_term(v) for k, v in binding_terms(bindings).items()}
        if timeout is not None:
            return self._query_in_child(sparql, subs, timeout)
        for attempt in (1, 2):
            try:
                return ox_result(self._db.query(
                    sparql, use_default_graph_as_union=True, substitutions=subs or None,
                    prefixes=PREFIXES))
            except SyntaxError as err:
                raise query_error(err) from err
            except (OSError, RuntimeError, ValueError) as err:
                # A reader can lose a file to the writer's compaction: reopen once.
                if not self.read_only or attempt == 2 or not _lost_file(err):
                    raise query_error(err) from err
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
            raise query_error(SyntaxError(message) if name == "SyntaxError" else RuntimeError(message))
        if kind == "ask":
            return data
        if kind == "select":
            return solutions_frame(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON))
        return rdf_graph(data)

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
        ox_export(out, fmt, quads, lambda: db.query(
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
