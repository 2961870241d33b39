"""kg.analysis.paths: how two entities are connected."""
from __future__ import annotations

import pytest

from kg.analysis import paths_frame, shortest_paths
from kg.config import ENTITY_NS
from kg.errors import InputError


def test_shortest_paths_with_evidence(clubs):
    paths = shortest_paths(clubs, "Anar Məmmədov", "Sənan Hüseynov")
    assert len(paths) == 1 and len(paths[0]) == 4
    hops = paths[0]
    assert [h["source"] for h in hops] == ["Anar Məmmədov", "Fərid Həsənov", "Bəxtiyar Əliyev", "Qasım Rzayev"]
    assert hops[-1]["target"] == "Sənan Hüseynov"
    for h in hops:
        assert h["predicate"] == "met" and h["direction"] == "--"
        assert h["sentence"] and h["doc"] in ("club-1", "club-2") and h["url"]
    df = paths_frame(paths)
    assert list(df["hop"]) == [1, 2, 3, 4] and (df["path"] == 1).all()
    # a directed relation followed against its direction says so
    back = shortest_paths(clubs, "Azərbaycan", "Xarici İşlər Nazirliyi", lang="en")
    assert back[0][0]["direction"] == "<-" and back[0][0]["predicate"] == "partOf"
    assert back[0][0]["source"] == "Azerbaijan" and back[0][0]["target"] == "Ministry of Foreign Affairs"
    one = shortest_paths(clubs, "Anar Məmmədov", "Fərid Həsənov")
    assert len(one) == 1 and len(one[0]) == 1
    with pytest.raises(InputError):
        shortest_paths(clubs, "Anar Məmmədov", "Anar Məmmədov")


def test_no_path(clubs):
    G = clubs.copy()
    G.add_node(ENTITY_NS + "person/loner", key="person/loner", type="Person", labels={"az": "Tənha Adam"},
               label="Tənha Adam", aliases=[], wikidata=None, sources=1, first_date=None, last_date=None)
    assert shortest_paths(G, "Anar Məmmədov", "Tənha Adam") == []
    assert paths_frame([]).empty
