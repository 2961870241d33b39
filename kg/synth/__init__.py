"""Generated corpora for tests and benchmarks, deterministic for a seed.

Owns three generators, by what they make: ``articles`` (Azerbaijani
article texts built from the constructions the extractor reads, for load,
speed and robustness; not for measuring quality: the templates are the
rules' own constructions), ``corpus`` (``kg.models.Extraction`` objects of
an institutional news corpus at millions of quads, without the extractor)
and ``network`` (a graph of a chosen size for the page). ``words`` and
``text`` are what they share. May import the ground floor, the extraction
core (gazetteers, morphology) and ``kg.rdf``.
"""
from .articles import ArticleGenerator, write_articles
from .corpus import QUADS_PER_ARTICLE, GraphGenerator, graph_documents
from .network import network_extractions, write_extractions

__all__ = ["QUADS_PER_ARTICLE", "ArticleGenerator", "GraphGenerator", "graph_documents", "network_extractions",
           "write_articles", "write_extractions"]
