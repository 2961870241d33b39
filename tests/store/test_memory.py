"""kg.store.memory: rdflib in memory cannot stop a query."""
from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.store.memory import MemoryStore


def test_memory_store_has_no_timeout():
    with pytest.raises(QueryError, match="timeout"):
        MemoryStore().select("SELECT * WHERE { ?s ?p ?o }", timeout=1)
