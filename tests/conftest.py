"""Shared fixtures: where the shared corpus is, and a fresh store per test."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KG_CORPUS", ROOT.parent / "shared" / "corpus"))
DEV = CORPUS / "dev"
SEED = ROOT / "data" / "articles" / "az-0001.txt"


def corpus_available() -> bool:
    return (DEV / "az-0001.json").exists() and (CORPUS / "score.py").exists()


ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def kg(*args: str, store, timeout: float = 120, check: bool = False) -> subprocess.CompletedProcess:
    """The command line in a subprocess, as a user runs it: never a traceback."""
    proc = subprocess.run([sys.executable, "-m", "kg", "--store", str(store), *args], capture_output=True,
                          text=True, timeout=timeout, env=ENV)
    assert "Traceback" not in proc.stderr, proc.stderr
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


needs_corpus = pytest.mark.skipif(not corpus_available(), reason=f"the shared corpus is not at {CORPUS}")


# --- a private Virtuoso for the remote-store tests (tests/virtuoso.py) -------------------

from tests.virtuoso import NO_VIRTUOSO, VIRTUOSO, Virtuoso  # noqa: E402


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """A private Virtuoso for the whole session; skips when it is not installed."""
    if not VIRTUOSO:
        pytest.skip(NO_VIRTUOSO)
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    yield server
    server.stop()


# --- stores the graph and page tests share (builders in tests/graphdata.py) ---------------


@pytest.fixture(scope="module")
def clubs_store(tmp_path_factory):
    from kg.store import open_store
    from tests.graphdata import two_clubs, write_docs
    store = write_docs(open_store(str(tmp_path_factory.mktemp("clubs") / "store")), two_clubs())
    yield store
    store.close()


@pytest.fixture(scope="module")
def clubs(clubs_store):
    """The two clubs' store as a networkx graph."""
    from kg.analysis import build_graph
    return build_graph(clubs_store)


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    from tests.graphdata import seed_articles, store_from_articles
    store = store_from_articles(tmp_path_factory.mktemp("seed") / "store", seed_articles())
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    if not (DEV / "az-0001.txt").exists():
        pytest.skip(f"the shared dev corpus is not at {DEV}")
    from tests.graphdata import dev_articles, store_from_articles
    store = store_from_articles(tmp_path_factory.mktemp("corpus") / "store", dev_articles())
    yield store
    store.close()
