"""The remote store: the graph lives in a SPARQL 1.1 server.

``--store sparql+http://HOST:PORT/PATH`` (or ``KG_STORE``, or a ``.toml``
file, see ``load_config``) makes every command work against any SPARQL 1.1
server (Virtuoso, Apache Jena Fuseki, GraphDB, Oxigraph server, ...)
through the standard protocols only:

* reads: the SPARQL 1.1 Protocol (``query=`` POSTed as a form; results as
  SPARQL XML or JSON, graphs as N-Triples);
* writes: SPARQL 1.1 Update (``update=``). Replacing a document is ONE
  request, ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``: the
  SPARQL 1.1 Update spec asks servers to run the operations of one request
  atomically (Virtuoso runs a request in one transaction; Fuseki/TDB2,
  GraphDB and Oxigraph server do too);
* the Graph Store HTTP Protocol, when its endpoint is configured
  (``graph-store=``): removing a document is one ``DELETE`` (its status
  says whether the graph existed).

The server's default graph must be the union of its named graphs, as kg's
queries expect (Virtuoso, GraphDB: by default; Fuseki/TDB2:
``tdb2:unionDefaultGraph true``; Oxigraph server: ``--union-default-graph``).
kg's graphs on the server are the document graphs (IRIs under
``kg.config.DOC_NS``) and the meta graph; ``count``, ``export`` and
``documents`` see only those, so a shared server (or Virtuoso's own system
graphs) does not leak into them. Named queries see the whole server.

Bindings are sent as a ``VALUES`` block (``kg.store.prepare``); where the
server is comes from a URL or a configuration file (``kg.store.endpoint``).
A ``--timeout`` stops waiting after that many seconds (the server may run
on).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from urllib.parse import quote

import pandas as pd
import pyoxigraph as ox
from rdflib import Graph

from ..config import DOC_NS, PREFIXES
from ..errors import QueryError, StoreError
from ..vocab import KG
from .base import Store
from .endpoint import SCHEME, Endpoint, load_config, parse_url
from .prepare import prepare_query
from .serial import Quad, ox_export, replace_update, serialize_document, version_quad
from .terms import not_projected, one_line, query_error, rdf_graph, solutions_frame

# An export asks for the quads of this many at a time (whole graphs per request).
EXPORT_BATCH = 50_000

_JSON = "application/sparql-results+json"
_XML = "application/sparql-results+xml"
_NTRIPLES = "application/n-triples"


class SparqlStore(Store):
    """A store in a SPARQL 1.1 server. HTTP through one ``requests.Session``
    (connections are kept alive between the thousands of small requests of
    an ingest; Digest authentication answers the server's challenge once)."""

    def __init__(self, endpoint: Endpoint | str, read_only: bool = False):
        import requests
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        self.endpoint = endpoint if isinstance(endpoint, Endpoint) else (
            load_config(endpoint) if not str(endpoint).startswith(SCHEME) else parse_url(str(endpoint)))
        self.path = self.endpoint.display
        self.read_only = read_only
        self._requests = requests
        session = requests.Session()
        ep = self.endpoint
        if ep.user:
            session.auth = (HTTPDigestAuth if ep.auth == "digest" else HTTPBasicAuth)(ep.user, ep.password or "")
        session.headers["User-Agent"] = "kg (SPARQL 1.1 Protocol)"
        self._session: requests.Session | None = session
        try:
            self._check_version()
        except BaseException:
            self.close()
            raise

    # --- HTTP --------------------------------------------------------------------------

    @property
    def _http(self):
        if self._session is None:
            raise StoreError(f"store at {self.path} is closed")
        return self._session

    def _post(self, url: str, data: dict, accept: str | None, timeout: float | None, what: str):
        requests = self._requests
        headers = {"Accept": accept} if accept else {}
        try:
            return self._http.post(url, data={k: v.encode("utf-8") for k, v in data.items()},
                                   headers=headers, timeout=(30, timeout or self.endpoint.timeout))
        except requests.exceptions.Timeout:
            if timeout is not None:
                raise QueryError(f"query stopped after {timeout:g} s (--timeout)") from None
            raise StoreError(f"the SPARQL server at {url} did not answer within "
                             f"{self.endpoint.timeout:g} s ({what})") from None
        except requests.exceptions.RequestException as err:
            raise StoreError(f"cannot reach the SPARQL server at {url}: {one_line(_reason(err))}") from None

    def _refused(self, response, what: str) -> StoreError | None:
        if response.status_code in (401, 403):
            hint = ("the server wants credentials: user:password@ in the store URL, or $KG_STORE_USER and "
                    "$KG_STORE_PASSWORD" if response.status_code == 401 and not self.endpoint.user else
                    "check the user's rights (Virtuoso: GRANT SPARQL_UPDATE TO \"SPARQL\", or use "
                    "/sparql-auth with a user that has it)")
            return StoreError(f"the SPARQL server at {response.url} refused to {what} "
                              f"(HTTP {response.status_code}): {hint}")
        return None

    # --- reads ---------------------------------------------------------------------------

    def _raw_query(self, text: str, accept: str, timeout: float | None = None, original: str | None = None):
        response = self._post(self.endpoint.query, {"query": text}, accept, timeout, "a query")
        if response.status_code != 200:
            refused = self._refused(response, "run a query")
            if refused:
                raise refused
            raise self._query_failure(response, original if original is not None else text)
        # Virtuoso cuts results at ResultSetMaxRows (and, with a timeout,
        # returns what it has): kg never hands on a silently partial answer.
        if "X-SPARQL-MaxRows" in response.headers:
            raise QueryError(f"the server cut the result at {response.headers['X-SPARQL-MaxRows']} rows "
                             "(Virtuoso: raise ResultSetMaxRows in the [SPARQL] section of virtuoso.ini)")
        if response.headers.get("X-SQL-State"):
            raise QueryError(f"the server returned an incomplete result ({response.headers['X-SQL-State']}: "
                             f"{one_line(response.headers.get('X-SQL-Message', ''))})")
        return response

    def _query_failure(self, response, sparql: str) -> QueryError:
        """The server's complaint, or pyoxigraph's when it agrees the text is
        malformed (the same message as the embedded store, line and column)."""
        message = _server_message(response)
        try:
            ox.Store().query(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            return query_error(err)
        except Exception:  # noqa: BLE001 - evaluation on an empty store: the server's message stands
            pass
        if response.status_code == 400 and re.search(r"syntax|pars|lex", message, re.IGNORECASE):
            return QueryError(f"malformed SPARQL: {message}")
        return QueryError(f"query failed (HTTP {response.status_code}): {message}")

    def query(self, sparql: str, bindings: dict | None = None,
              timeout: float | None = None) -> pd.DataFrame | bool | Graph:
        if timeout is not None and timeout <= 0:
            raise QueryError("--timeout must be a positive number of seconds")
        text, shape, bound = prepare_query(sparql, bindings)
        if shape.form in ("SELECT", "ASK"):
            result = self._results(text, shape.form, timeout, sparql)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            df = solutions_frame(result)
            for name in bound:
                if name not in df.columns:
                    raise not_projected(name)
            return df
        response = self._raw_query(text, f"{_NTRIPLES}, text/plain;q=0.9, text/turtle;q=0.8", timeout, sparql)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        fmt = "turtle" if kind == "text/turtle" else "nt"
        try:
            return rdf_graph(response.content, fmt)
        except Exception as err:  # noqa: BLE001 - rdflib's parser errors have no common base
            raise QueryError(f"the server's graph could not be read ({kind}): {one_line(err)}") from None

    def _results(self, text: str, form: str, timeout: float | None = None, original: str | None = None):
        """SELECT solutions or an ASK boolean. SELECT asks for the XML results
        format first (Virtuoso writes it 2.4 times faster than JSON; its TSV
        loses the kinds of terms), then JSON; ASK asks for JSON."""
        accept = _JSON if form == "ASK" else f"{_XML}, {_JSON};q=0.9"
        response = self._raw_query(text, accept, timeout, original)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        fmt = ox.QueryResultsFormat.XML if kind == _XML else ox.QueryResultsFormat.JSON
        try:
            return ox.parse_query_results(response.content, format=fmt)
        except (SyntaxError, ValueError) as err:
            raise QueryError(f"the server's answer is not SPARQL results ({kind or 'no type'}): "
                             f"{one_line(err)}") from None

    def _solutions(self, sparql: str) -> ox.QuerySolutions:
        text, shape, _ = prepare_query(sparql)
        return self._results(text, shape.form)

    # --- writes --------------------------------------------------------------------------

    def _update(self, text: str, what: str) -> None:
        self._writable()
        response = self._post(self.endpoint.update, {"update": text}, None, None, what)
        if response.status_code not in (200, 201, 204):
            refused = self._refused(response, what)
            if refused:
                raise refused
            raise StoreError(f"cannot {what} in the store at {self.path}: HTTP {response.status_code}: "
                             f"{_server_message(response)}")

    def replace_document(self, graph: str, quads: Iterable[Quad]) -> None:
        """One Update request: DROP SILENT GRAPH, then INSERT DATA. Every term
        is written by pyoxigraph's N-Triples serializer (which also refuses
        invalid IRIs before anything is sent)."""
        self._writable()
        self._update(replace_update(graph, serialize_document(graph, quads)), f"write {graph}")

    def replace_document_serialized(self, graph: str, ntriples: str) -> None:
        self._writable()
        self._update(replace_update(graph, ntriples), f"write {graph}")

    def remove_document(self, graph: str) -> bool:
        self._writable()
        g = ox.NamedNode(graph)
        if self.endpoint.graph_store:
            response = self._gsp("DELETE", graph)
            if response.status_code == 404:
                return False
            if response.status_code in (200, 202, 204):
                return True
            raise StoreError(f"cannot remove {graph} from the store at {self.path}: HTTP "
                             f"{response.status_code}: {_server_message(response)}")
        existed = self.ask(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}")
        if existed:
            self._update(f"DROP SILENT GRAPH {g}", f"remove {graph}")
        return existed

    def _gsp(self, method: str, graph: str, accept: str | None = None):
        requests = self._requests
        url = self.endpoint.graph_store
        sep = "&" if "?" in url else "?"
        try:
            response = self._http.request(method, f"{url}{sep}graph={quote(graph, safe='')}",
                                          headers={"Accept": accept} if accept else {},
                                          timeout=(30, self.endpoint.timeout))
        except requests.exceptions.RequestException as err:
            raise StoreError(f"cannot reach the graph store at {url}: {one_line(_reason(err))}") from None
        refused = self._refused(response, f"{method} a graph")
        if refused:
            raise refused
        return response

    # --- whole-store operations ----------------------------------------------------------

    _KG_GRAPH = f'FILTER (STRSTARTS(STR(?g), "{DOC_NS}"))'

    def count(self) -> int:
        df = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._KG_GRAPH} }}")
        return int(df["n"].iloc[0]) if len(df) else 0

    def _graph_sizes(self) -> list[tuple[ox.NamedNode, int]]:
        sols = self._solutions(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._KG_GRAPH} }} "
                               "GROUP BY ?g ORDER BY ?g")
        return [(s["g"], int(s["n"].value)) for s in sols if isinstance(s["g"], ox.NamedNode)]

    def _quads(self) -> Iterator[ox.Quad]:
        """Every quad of kg's graphs, a batch of whole graphs per request; a
        batch that comes back short (the server cut it, or a writer changed
        it meanwhile) is an error, not a silently smaller export."""
        batch: list[tuple[ox.NamedNode, int]] = []
        size = 0
        sizes = self._graph_sizes()
        for i, (g, n) in enumerate(sizes):
            batch.append((g, n))
            size += n
            if size >= EXPORT_BATCH or i == len(sizes) - 1:
                values = " ".join(str(name) for name, _ in batch)
                got = 0
                for s in self._solutions(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} "
                                         "GRAPH ?g { ?s ?p ?o } }"):
                    got += 1
                    yield ox.Quad(s["s"], s["p"], s["o"], s["g"])
                if got != size:
                    raise StoreError(f"export: {got} quads came back for {len(batch)} graphs of {size} quads; "
                                     "the store changed during the export or the server cut the answer")
                batch, size = [], 0

    def export(self, out: BinaryIO, fmt: str) -> None:
        def triples():  # one graph: each triple once, however many documents hold it
            merged = ox.Store()
            merged.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in self._quads())
            return merged.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

        ox_export(out, fmt, self._quads, triples)

    def _check_version(self) -> None:
        v = version_quad()
        found = [s["v"].value for s in self._solutions(
            f"SELECT ?v WHERE {{ GRAPH {v.graph_name} {{ {v.subject} {v.predicate} ?v }} }}")]
        self._settle_version(
            found, lambda: not self.ask(f"ASK {{ GRAPH ?g {{ ?d a <{KG.Document}> }} {self._KG_GRAPH} }}"),
            lambda: self._update(f"INSERT DATA {{ GRAPH {v.graph_name} {{ {v.triple} }} }}",
                                 "write the layout version"))

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
        self._session = None


def _reason(err: Exception) -> str:
    """The innermost reason of a requests error (a refused connection, DNS)."""
    inner = err
    while inner.__context__ is not None and inner.__context__ is not inner:
        inner = inner.__context__
    text = str(inner) or type(inner).__name__
    m = re.search(r"\[Errno -?\d+\] ([^')]+)", str(err))
    return m.group(1) if m else text


def _server_message(response) -> str:
    """The first lines of a server's error page, as one line."""
    text = response.text or response.reason or ""
    if "<html" in text[:200].lower():
        text = re.sub(r"<[^>]+>", " ", text)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    # Virtuoso repeats the query after a blank line ("SPARQL query:"): keep the error.
    kept = []
    for ln in lines:
        if ln.startswith("SPARQL query:"):
            break
        kept.append(ln)
    return one_line(" ".join(kept[:3]))[:500] or f"HTTP {response.status_code}"
