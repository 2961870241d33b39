"""Stores the page tests share, built once for the package."""
from __future__ import annotations

import pytest

from kg.store import open_store
from kg.synth import network_extractions, write_extractions

from tests.graphdata import write_docs
from tests.web.samples import hostile_docs


@pytest.fixture(scope="package")
def hostile_store(tmp_path_factory):
    store = write_docs(open_store(str(tmp_path_factory.mktemp("viz-evil") / "store")), hostile_docs())
    yield store
    store.close()


@pytest.fixture(scope="package")
def synthetic_stores(tmp_path_factory):
    stores = {}

    def get(n):
        if n not in stores:
            store = open_store(str(tmp_path_factory.mktemp(f"viz-syn-{n}") / "store"))
            write_extractions(store, network_extractions(n))
            stores[n] = store
        return stores[n]

    yield get
    for s in stores.values():
        s.close()
