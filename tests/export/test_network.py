"""kg.export.network: GraphML and GEXF of the network."""
from __future__ import annotations

import io

import networkx as nx
import pytest

from kg.errors import InputError
from kg.export import export_network

from tests.graphdata import iri


# --- export ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network(clubs_store, clubs, tmp_path, fmt):
    target = tmp_path / f"g.{fmt}"
    export_network(clubs_store, target, fmt)
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    H = read(str(target))
    assert H.number_of_nodes() == clubs.number_of_nodes()
    assert H.number_of_edges() == clubs.number_of_edges()
    anar = H.nodes[iri("Person", "Anar Məmmədov")]
    assert anar["label"] == "Anar Məmmədov" and anar["label_en"] == "Anar Mammadov"
    assert anar["type"] == "Person" and int(anar["sources"]) == 2 and "A. Məmmədov" in anar["aliases"]
    assert H.nodes[iri("Country", "Azərbaycan")]["wikidata"] == "Q227"
    for *_, d in H.edges(data=True):
        assert d["predicate"] in {"met", "heads", "partOf"}
        assert int(d["evidence_count"]) >= 1 and d["sentence"] and d["docs"].startswith("club-")
        assert isinstance(d["symmetric"], bool) or str(d["symmetric"]).lower() in ("true", "false")
    buf = io.BytesIO()
    export_network(clubs, buf, fmt)  # a stream, and a graph instead of a store
    assert buf.getvalue().startswith(b"<?xml")
    with pytest.raises(InputError):
        export_network(clubs, buf, "dot")
