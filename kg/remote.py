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

Bindings are sent as a ``VALUES`` block at the end of the query's
outermost group, and of every subquery that projects the variable
without aggregating (the protocol has no parameter for them): values are serialized as RDF terms
by pyoxigraph, never pasted as text. (At the end, not the start: Virtuoso
7.2 drops an OPTIONAL's bindings in ``events.rq`` when the VALUES block
comes first.) A ``--timeout``
stops waiting after that many seconds (the server may run on).

URL options (query string of the store URL):

    update=URL        the Update endpoint (default: the query endpoint)
    graph-store=URL   the Graph Store Protocol endpoint (default: none)
    auth=digest|basic with user:password@ in the URL (or $KG_STORE_USER,
                      $KG_STORE_PASSWORD); default basic when a user is given
    timeout=SECONDS   HTTP read timeout of every request (default 3600)

A relative URL in an option is resolved against the query endpoint, so
``sparql+http://localhost:3030/kg/query?update=update&graph-store=data``
is Fuseki's dataset ``kg``.
"""
from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import parse_qsl, quote, unquote, urljoin, urlsplit, urlunsplit

import pandas as pd
import pyoxigraph as ox
from rdflib import BNode, Graph

from .config import DOC_NS, PREFIXES
from .errors import QueryError, StoreError
from .store import (
    EXPORT_FORMATS, Quad, Store, _binding_terms, _graph, _not_projected, _one_line, _ox_export, _ox_term,
    _query_error, _replace_update, _solutions_frame, _version_quad, serialize_document,
)
from .vocab import KG

SCHEME = "sparql+"
DEFAULT_TIMEOUT = 3600.0
# An export asks for the quads of this many at a time (whole graphs per request).
EXPORT_BATCH = 50_000

_JSON = "application/sparql-results+json"
_XML = "application/sparql-results+xml"
_NTRIPLES = "application/n-triples"


def is_remote(spec: object) -> bool:
    """Whether a --store value names a remote store: a ``sparql+http(s)://``
    URL, or a ``.toml`` file describing one (``load_config``)."""
    text = str(spec)
    return text.startswith(SCHEME) or (text.endswith(".toml") and not Path(text).is_dir())


# --- configuration -----------------------------------------------------------------


@dataclass
class Endpoint:
    query: str
    update: str | None = None
    graph_store: str | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    auth: str | None = None  # "basic" | "digest"
    timeout: float = DEFAULT_TIMEOUT

    @property
    def display(self) -> str:
        """The store's name for messages: its query URL, without credentials."""
        return SCHEME + self.query


_OPTIONS = {"update", "graph-store", "auth", "timeout"}


def parse_url(spec: str) -> Endpoint:
    """``sparql+http(s)://[user[:password]@]host[:port]/path[?options]``."""
    if not spec.startswith(SCHEME):
        raise StoreError(f"not a SPARQL store URL: {spec!r} (expected {SCHEME}http://HOST:PORT/PATH)")
    parts = urlsplit(spec[len(SCHEME):])
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"not a SPARQL store URL: {_hide_password(spec)!r} "
                         f"(expected {SCHEME}http://HOST:PORT/PATH)")
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    if parts.port:
        netloc += f":{parts.port}"
    query_url = urlunsplit((parts.scheme, netloc, parts.path or "/", "", ""))
    options: dict[str, str] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name not in _OPTIONS:
            raise StoreError(f"unknown option {name!r} in the store URL; known: {', '.join(sorted(_OPTIONS))}")
        options[name] = value
    return _endpoint(query_url, options.get("update"), options.get("graph-store"),
                     unquote(parts.username) if parts.username else None,
                     unquote(parts.password) if parts.password else None,
                     options.get("auth"), options.get("timeout"), source=_hide_password(spec))


def load_config(path: str | os.PathLike) -> Endpoint:
    """A remote store described by a TOML file::

        [store]
        url = "sparql+http://localhost:8890/sparql-auth?auth=digest"
        # or the endpoints one by one:
        # query = "http://localhost:3030/kg/query"
        # update = "http://localhost:3030/kg/update"
        # graph_store = "http://localhost:3030/kg/data"
        user = "dba"
        password_env = "VIRTUOSO_PASSWORD"   # or password = "..."
        auth = "digest"                      # or "basic"
        timeout = 600
    """
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise StoreError(f"cannot read the store configuration {path}: {_one_line(err)}") from err
    conf = data.get("store", data)
    if not isinstance(conf, dict):
        raise StoreError(f"{path}: expected a [store] table")
    password = conf.get("password")
    if conf.get("password_env"):
        password = os.environ.get(str(conf["password_env"]))
        if password is None:
            raise StoreError(f"{path}: ${conf['password_env']} (password_env) is not set")
    if conf.get("url"):
        ep = parse_url(str(conf["url"]))
        base = ep.query
    elif conf.get("query"):
        ep = _endpoint(str(conf["query"]), None, None, None, None, None, None, source=str(path))
        base = ep.query
    else:
        raise StoreError(f"{path}: the [store] table needs `url` or `query`")
    if conf.get("update"):
        ep.update = urljoin(base, str(conf["update"]))
    if conf.get("graph_store"):
        ep.graph_store = urljoin(base, str(conf["graph_store"]))
    ep.user = conf.get("user", ep.user)
    ep.password = password if password is not None else ep.password
    if conf.get("auth"):
        ep.auth = _auth_kind(str(conf["auth"]))
    if conf.get("timeout") is not None:
        ep.timeout = _positive(conf["timeout"], str(path))
    if ep.user and not ep.auth:
        ep.auth = "basic"
    return ep


def _endpoint(query_url, update, graph_store, user, password, auth, timeout, source) -> Endpoint:
    user = user or os.environ.get("KG_STORE_USER") or None
    if password is None and user:
        password = os.environ.get("KG_STORE_PASSWORD")
    return Endpoint(
        query=query_url,
        update=urljoin(query_url, update) if update else query_url,
        graph_store=urljoin(query_url, graph_store) if graph_store else None,
        user=user, password=password,
        auth=_auth_kind(auth) if auth else ("basic" if user else None),
        timeout=_positive(timeout, source) if timeout is not None else DEFAULT_TIMEOUT)


def _auth_kind(text: str) -> str:
    if text not in ("basic", "digest"):
        raise StoreError(f"unknown auth {text!r}: use basic or digest")
    return text


def _positive(value, source: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1.0
    if number <= 0:
        raise StoreError(f"{source}: timeout must be a positive number of seconds, not {value!r}")
    return number


def _hide_password(url: str) -> str:
    return re.sub(r"(//[^/@:]*):[^/@]*@", r"\1:***@", url)


# --- a little SPARQL lexing ---------------------------------------------------------
#
# Enough to find, outside strings, IRIs and comments: the query form, the
# declared prefixes, and the brace that opens the outermost group pattern.

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<pname>[A-Za-z][\w.-]*:|:)
  | (?P<word>[A-Za-z_][\w-]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}


@dataclass
class _Subquery:
    where: int  # offset of the brace that closes its WHERE group
    projected: set[str]  # the variables it projects as they are (not `expr AS ?v`)
    star: bool  # SELECT *
    limited: bool  # LIMIT or OFFSET: a binding pushed in would change which rows it keeps
    aggregated: bool  # GROUP BY, HAVING or an aggregate in its projection
    mentioned: set[str]  # every variable in its text


@dataclass
class _Shape:
    form: str | None  # SELECT | ASK | CONSTRUCT | DESCRIBE | None (not a query: an update?)
    prefixes: set[str]  # declared prefix names, without the colon
    where: int | None  # offset of the brace that closes the outermost group pattern
    subqueries: list[_Subquery] = field(default_factory=list)

    def pushed(self, sub: _Subquery, names: Iterable[str]) -> list[str]:
        """The bound variables a subquery can take as its own VALUES: those it
        projects as they are, when no LIMIT/OFFSET depends on its rows (joining
        them inside or outside is then the same). Subqueries that aggregate
        are left alone: with a group key bound inside, Virtuoso 7.2 loses the
        graph variable a SAMPLE gives (the event's label in events.rq)."""
        if sub.limited or sub.aggregated:
            return []
        return [n for n in names if n in sub.projected or (sub.star and n in sub.mentioned)]


def _subqueries(sparql: str) -> list[_Subquery]:
    toks = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(sparql)
            if m.lastgroup not in ("ws", "comment")]
    match: dict[int, int] = {}
    stack: list[int] = []
    for i, (_, text, _) in enumerate(toks):
        if text == "{":
            stack.append(i)
        elif text == "}" and stack:
            match[stack.pop()] = i
    out = []
    for i, (_, text, _) in enumerate(toks):
        if text != "{" or i + 1 >= len(toks) or toks[i + 1][1].upper() != "SELECT" or i not in match:
            continue
        end = match[i]
        j, paren, projected, star, aggregates = i + 2, 0, set(), False, False
        while j < end:  # the projection, up to WHERE or the group
            kind, t, _ = toks[j]
            if kind == "word" and t.upper() in _AGGREGATES:
                aggregates = True
            if t == "(":
                paren += 1
            elif t == ")":
                paren -= 1
            elif paren == 0 and (t == "{" or (kind == "word" and t.upper() == "WHERE")):
                break
            elif paren == 0 and kind == "var":
                projected.add(t[1:])
            elif paren == 0 and t == "*":
                star = True
            j += 1
        while j < end and toks[j][1] != "{":
            j += 1
        close = match.get(j)
        if j >= end or close is None or close > end:
            continue
        modifiers = {t.upper() for kind, t, _ in toks[close + 1:end] if kind == "word"}
        out.append(_Subquery(where=toks[close][2], projected=projected, star=star,
                             limited=bool(modifiers & {"LIMIT", "OFFSET"}),
                             aggregated=aggregates or bool(modifiers & {"GROUP", "HAVING"}),
                             mentioned={t[1:] for kind, t, _ in toks[i:end] if kind == "var"}))
    return out


def _shape(sparql: str) -> _Shape:
    form = None
    prefixes: set[str] = set()
    depth = 0
    expect_prefix = False
    where_seen = False
    groups_at_top = 0
    opened = False  # inside the outermost group pattern
    where = None
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        text = m.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "pname" and expect_prefix:
            prefixes.add(text[:-1])
            expect_prefix = False
            continue
        expect_prefix = False
        if kind == "word" and depth == 0:
            upper = text.upper()
            if form is None and upper == "PREFIX":
                expect_prefix = True
            elif form is None and upper in _FORMS:
                form = upper
            elif upper == "WHERE" and form is not None:
                where_seen = True
        elif kind == "open":
            if text == "{" and depth == 0 and form is not None and not opened:
                groups_at_top += 1
                # CONSTRUCT { template } WHERE? { pattern }: the second group,
                # unless WHERE came first (CONSTRUCT WHERE { ... }).
                if form != "CONSTRUCT" or where_seen or groups_at_top == 2:
                    opened = True
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
            if depth == 0 and opened and where is None and text == "}":
                where = m.start()
    return _Shape(form, prefixes, where, _subqueries(sparql) if form else [])


def _values_block(terms: dict[str, object], names: Iterable[str] | None = None) -> str:
    names = list(terms if names is None else names)
    row = " ".join(str(_ox_term(terms[n])) for n in names)
    return f" VALUES ({' '.join(f'?{n}' for n in names)}) {{ ({row}) }} "


def prepare_query(sparql: str, bindings: dict | None = None) -> tuple[str, _Shape, list[str]]:
    """The text to send: kg's prefixes predeclared (on the first line, so
    the server's line numbers stay the user's) and the bindings as a VALUES
    block joined to the outermost group (at its end), and to every subquery
    that projects a bound variable and does not aggregate, as a bound
    variable is in Oxigraph's substitutions (a server's planner then starts
    from the bound value instead of evaluating the subquery for every value:
    Virtuoso answers neighbourhood.rq at 1M quads in ms instead of minutes).
    Returns (text, shape, bound variable names)."""
    terms = _binding_terms(bindings)
    for name, value in terms.items():
        if isinstance(value, BNode):
            raise QueryError(f"cannot bind ?{name} to a blank node on a SPARQL server")
    shape = _shape(sparql)
    if shape.form is None:
        raise QueryError("malformed SPARQL: not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    text = sparql
    if terms:
        if shape.where is None:
            raise QueryError("cannot bind variables of a query without a WHERE group")
        inserts = [(shape.where, _values_block(terms))]
        for sub in shape.subqueries:
            names = shape.pushed(sub, terms)
            if names:
                inserts.append((sub.where, _values_block(terms, names)))
        for at, block in sorted(inserts, reverse=True):
            text = text[:at] + block + text[at:]
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in shape.prefixes]
    if missing:
        text = " ".join(missing) + " " + text
    return text, shape, list(terms)


# --- the store -------------------------------------------------------------------------


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
            raise StoreError(f"cannot reach the SPARQL server at {url}: {_one_line(_reason(err))}") from None

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
                             f"{_one_line(response.headers.get('X-SQL-Message', ''))})")
        return response

    def _query_failure(self, response, sparql: str) -> QueryError:
        """The server's complaint, or pyoxigraph's when it agrees the text is
        malformed (the same message as the embedded store, line and column)."""
        message = _server_message(response)
        try:
            ox.Store().query(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            return _query_error(err)
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
            df = _solutions_frame(result)
            for name in bound:
                if name not in df.columns:
                    raise _not_projected(name)
            return df
        response = self._raw_query(text, f"{_NTRIPLES}, text/plain;q=0.9, text/turtle;q=0.8", timeout, sparql)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        fmt = "turtle" if kind == "text/turtle" else "nt"
        try:
            return _graph(response.content, fmt)
        except Exception as err:  # noqa: BLE001 - rdflib's parser errors have no common base
            raise QueryError(f"the server's graph could not be read ({kind}): {_one_line(err)}") from None

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
                             f"{_one_line(err)}") from None

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
        self._update(_replace_update(graph, serialize_document(graph, quads)), f"write {graph}")

    def replace_document_serialized(self, graph: str, ntriples: str) -> None:
        self._writable()
        self._update(_replace_update(graph, ntriples), f"write {graph}")

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
            raise StoreError(f"cannot reach the graph store at {url}: {_one_line(_reason(err))}") from None
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

        _ox_export(out, fmt, self._quads, triples)

    def _check_version(self) -> None:
        v = _version_quad()
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
    return _one_line(" ".join(kept[:3]))[:500] or f"HTTP {response.status_code}"


__all__ = ["Endpoint", "SparqlStore", "is_remote", "load_config", "parse_url", "prepare_query",
           "EXPORT_FORMATS"]
