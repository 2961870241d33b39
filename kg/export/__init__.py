"""Exports: the graph as files other tools read.

Owns ``rdf`` (Turtle, TriG, N-Quads, N-Triples, JSON-LD from any store,
with kg's meta graph for a server's bulk loader; files appear only when
whole) and ``network`` (GraphML and GEXF of the networkx view, attributes
flattened). May import the ground floor, ``kg.store`` and ``kg.analysis``
(the network formats write its view).
"""
from .network import NETWORK_FORMATS, export_network, flat_graph
from .rdf import export_rdf, export_rdf_file

__all__ = ["NETWORK_FORMATS", "export_network", "export_rdf", "export_rdf_file", "flat_graph"]
