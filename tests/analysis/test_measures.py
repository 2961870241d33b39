"""kg.analysis.measures: central actors, communities, bridges."""
from __future__ import annotations

import pytest

from kg.analysis import analyze, bridges, centrality, communities, community_summary
from kg.errors import InputError


# --- network questions --------------------------------------------------------------------------------


def test_centrality(clubs):
    df = centrality(clubs)
    assert list(df.columns[:6]) == ["entity", "type", "degree", "relations", "degree_centrality", "betweenness"]
    assert len(df) == clubs.number_of_nodes()
    top = df.iloc[0]
    assert top["degree"] == 3 and top["entity"] in ("Elvin Quliyev", "Fərid Həsənov", "Qasım Rzayev")
    by_name = df.set_index("entity")
    # Fərid stands between the four on his side and the four beyond him
    assert by_name.loc["Fərid Həsənov", "betweenness"] == df["betweenness"].max()
    assert by_name.loc["Bəxtiyar Əliyev", "betweenness"] > by_name.loc["Anar Məmmədov", "betweenness"] == 0
    assert centrality(clubs, top=3).shape[0] == 3
    assert centrality(clubs, lang="en")["entity"].isin(["Azerbaijan"]).any()


def test_communities_and_bridges(clubs):
    comms = communities(clubs)
    assert set(comms.columns) >= {"community", "size", "hub", "entity", "type", "degree", "iri"}
    of = dict(zip(comms["entity"], comms["community"]))
    assert of["Qasım Rzayev"] == of["Rəşad Babayev"] == of["Sənan Hüseynov"]
    assert of["Anar Məmmədov"] == of["Elvin Quliyev"]
    assert of["Anar Məmmədov"] != of["Qasım Rzayev"]
    greedy = communities(clubs, method="greedy")
    assert greedy["community"].nunique() >= 2
    with pytest.raises(InputError):
        communities(clubs, method="astrology")
    summary = community_summary(comms)
    assert summary["size"].sum() == clubs.number_of_nodes()
    br = bridges(clubs, comms)
    assert not br.empty and (br["communities_reached"] >= 1).all()
    names = set(br["entity"])
    assert "Bəxtiyar Əliyev" in names or {"Fərid Həsənov", "Qasım Rzayev"} & names
    tables = analyze(clubs, top=2)
    assert set(tables) == {"central", "communities", "bridges"}
    assert len(tables["central"]) == 2 and len(tables["communities"]) == clubs.number_of_nodes()
