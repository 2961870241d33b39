"""A --store value to a backend: the one module that knows them all."""
from __future__ import annotations

import os

from ..config import store_path
from .base import Store
from .endpoint import is_remote
from .memory import MEMORY, MemoryStore
from .oxigraph import OxigraphStore
from .sparql import SparqlStore


def open_store(path: str | os.PathLike | None = None, *, read_only: bool = False) -> Store:
    """The store at ``path`` (default: ``kg.config.store_path()``); ``":memory:"``
    gives an empty in-memory store; ``sparql+http://HOST:PORT/PATH`` or a
    ``.toml`` file describing one, a store in a SPARQL 1.1 server
    (``kg.store.sparql.SparqlStore``)."""
    if str(path) == MEMORY:
        return MemoryStore()
    location = store_path(path)
    if is_remote(location):
        return SparqlStore(location, read_only=read_only)
    return OxigraphStore(location, read_only=read_only)
