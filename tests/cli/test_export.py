"""kg.cli.export: kg export, the RDF formats with --with-meta for a server's bulk loader, GraphML and GEXF."""
from __future__ import annotations

import networkx as nx
import pytest

from kg.cli import main as kg_main
from kg.config import META_GRAPH, STORE_SCHEMA_VERSION
from kg.store.oxigraph import OxigraphStore

from tests.cli.runner import invoke
from tests.conftest import SEED


def test_with_meta_needs_a_quad_format(tmp_path, capsys):
    store = tmp_path / "s"
    assert kg_main(["--store", str(store), "ingest", "--no-progress", str(SEED)]) == 0
    capsys.readouterr()
    assert kg_main(["--store", str(store), "export", "--format", "turtle", "--with-meta"]) == 2
    assert "--with-meta needs --format nquads or trig" in capsys.readouterr().err
    out = tmp_path / "all.trig"
    assert kg_main(["--store", str(store), "export", "--format", "trig", "--with-meta", "-o", str(out)]) == 0
    import pyoxigraph as ox
    copy = ox.Store()
    copy.load(path=str(out), format=ox.RdfFormat.TRIG)
    meta = ox.NamedNode(META_GRAPH)
    versions = [q.object.value for q in copy.quads_for_pattern(meta, None, None, meta)]
    assert versions == [str(STORE_SCHEMA_VERSION)]
    assert len(copy) == OxigraphStore(store, read_only=True).count() + 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_export_network(clubs_path, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    r = invoke(clubs_path, "export", "--format", fmt, "-o", str(out))
    assert r.exit_code == 0, r.output
    H = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(str(out))
    assert H.number_of_edges() == 10
