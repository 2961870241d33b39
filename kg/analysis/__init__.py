"""Analysis: the stored graph as a networkx network, and the questions asked of it.

Owns ``network`` (the store read into one ``MultiDiGraph`` with the
evidence of every edge), ``labels`` (names in a language, finding the
entity a name denotes), ``views`` (cutting the network to size),
``measures`` (centrality, communities, bridges) and ``paths`` (how two
entities are connected). May import the ground floor, ``kg.store`` (it
reads any ``Store``) and nothing above it; writing files is ``kg.export``'s
and drawing pages ``kg.web``'s.
"""
from .labels import find_entity, node_label, predicate_label
from .measures import (analyze, betweenness, bridges, centrality, communities, community_sets,
                       community_summary, simple_graph)
from .network import OTHER_TYPE, build_graph
from .paths import paths_frame, shortest_paths
from .views import cut_graph, ego_network, filter_graph, query_graph

__all__ = ["OTHER_TYPE", "analyze", "betweenness", "bridges", "build_graph", "centrality", "communities",
           "community_sets", "community_summary", "cut_graph", "ego_network", "filter_graph", "find_entity",
           "node_label", "paths_frame", "predicate_label", "query_graph", "shortest_paths", "simple_graph"]
