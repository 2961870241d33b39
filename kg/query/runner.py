"""The runner of named SPARQL queries: the questions analysts ask most.

Each query is a file ``kg/query/{name}.rq`` whose comment header states
its purpose (first line: ``# name: purpose``), its parameters (the
variables to bind, under ``# Parameters:``) and its result columns. Values
from users are always passed as bindings, never formatted into the text:

    >>> run(store, "met", entity_bindings("Kamran Əliyev"))

A parameter left unbound is a free variable: ``met`` without ``?key``
lists every meeting in the store.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from rdflib import Graph, Literal

from ..config import QUERIES_DIR
from ..errors import QueryError
from ..normalize import lookup_key
from ..store import Store

STATS = ("entities", "relations", "documents", "quads")

_NAME = re.compile(r"[A-Za-z0-9_-]+")


def available() -> dict[str, str]:
    """Query name -> its purpose (the header's first paragraph)."""
    out = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        words: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            text = line.lstrip("#").strip()
            if not line.startswith("#") or not text:
                break
            words.append(text)
        out[path.stem] = " ".join(words).split(":", 1)[-1].strip()
    return out


def list_queries() -> list[tuple[str, str]]:
    """(name, purpose) of every named query, for ``kg queries``."""
    return list(available().items())


def load_query(name: str) -> str:
    """The text of a named query (``"met"``) or of a ``.rq`` file path."""
    if name.endswith(".rq"):
        path = Path(name)
        if not path.is_file() and _NAME.fullmatch(name[:-3]):
            path = QUERIES_DIR / name
    elif _NAME.fullmatch(name):
        path = QUERIES_DIR / f"{name}.rq"
    else:
        raise QueryError(f"not a query name or .rq file: {name!r}")
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        if path.parent == QUERIES_DIR:
            raise QueryError(f"no query named {path.stem!r}; "
                             f"known: {', '.join(available())}") from None
        raise QueryError(f"cannot read the query file {path}") from None


def parameters(name: str) -> list[str]:
    """The variables (without ``?``) listed under ``# Parameters:``."""
    out: list[str] = []
    inside = False
    for line in load_query(name).splitlines():
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if text.lower().startswith("parameters"):
            inside = True
            out += re.findall(r"\?(\w+)", text)
        elif inside:
            if not text:
                break
            m = re.match(r"\?(\w+)", text)
            if m:
                out.append(m.group(1))
    return out


def run(store: Store, query_or_name: str, bindings: dict | None = None,
        timeout: float | None = None) -> pd.DataFrame | bool | Graph:
    """Run a named query, a ``.rq`` file or SPARQL text.

    A SELECT result leaves out the columns of the bound variables: each
    would repeat its input on every row (they are selected only because a
    bound variable must be).
    """
    text = query_or_name
    if query_or_name.endswith(".rq") or _NAME.fullmatch(query_or_name):
        text = load_query(query_or_name)
    result = store.query(text, bindings, timeout)
    if isinstance(result, pd.DataFrame) and bindings:
        bound = {str(k).lstrip("?$") for k in bindings}
        result = result.drop(columns=[c for c in result.columns if c in bound])
    return result


def entity_bindings(name: str) -> dict[str, Literal]:
    """The binding of ``?key`` for an entity name as a user types it."""
    key = lookup_key(name)
    if not key:
        raise QueryError(f"{name!r} has no letters or digits to look up")
    return {"key": Literal(key)}


def stats(store: Store, timeout: float | None = None) -> dict[str, pd.DataFrame]:
    """The tables of ``kg stats``: entities by type, the relations (facts,
    assertions, documents), documents, store size."""
    return {name: store.select(load_query(f"stats_{name}"), timeout=timeout) for name in STATS}
