"""What the command-line tests share: a store of the two clubs on disk."""
from __future__ import annotations

import pytest

from kg.store import open_store

from tests.graphdata import two_clubs, write_docs


@pytest.fixture(scope="module")
def clubs_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("clubs-cli") / "store"
    write_docs(open_store(str(path)), two_clubs()).close()
    return path
