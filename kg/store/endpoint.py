"""Where a remote store is: ``sparql+http(s)://`` URLs and ``.toml``
configuration files, parsed into an ``Endpoint``.

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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit, urlunsplit

from ..errors import StoreError
from .terms import one_line

SCHEME = "sparql+"
DEFAULT_TIMEOUT = 3600.0


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
        raise StoreError(f"cannot read the store configuration {path}: {one_line(err)}") from err
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
