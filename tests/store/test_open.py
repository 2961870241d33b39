"""kg.store.open: a --store value to its backend."""
from __future__ import annotations

from kg.store import open_store
from kg.store.memory import MemoryStore
from kg.store.oxigraph import OxigraphStore
from kg.store.sparql import SparqlStore


def test_open_store_paths(tmp_path, monkeypatch):
    assert isinstance(open_store(":memory:"), MemoryStore)
    monkeypatch.setenv("KG_STORE", str(tmp_path / "env-store"))
    with open_store() as s:
        assert isinstance(s, OxigraphStore) and s.path == str(tmp_path / "env-store")
    with open_store(tmp_path / "explicit") as s:
        assert s.path == str(tmp_path / "explicit")


def test_open_store_dispatches(virtuoso, tmp_path):
    """A sparql+http:// URL or a .toml file: a store in a SPARQL server (Virtuoso here)."""
    virtuoso.clear()
    with open_store(virtuoso.endpoint) as s:
        assert isinstance(s, SparqlStore)
        assert s.path == virtuoso.endpoint
    conf = tmp_path / "kg-store.toml"
    conf.write_text(f'[store]\nurl = "{virtuoso.endpoint}"\ntimeout = 60\n')
    with open_store(conf) as s:
        assert isinstance(s, SparqlStore) and s.endpoint.timeout == 60
