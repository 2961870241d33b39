"""Named queries: the questions analysts ask most, as SPARQL files, and their runner.

Owns the query texts (``kg/query/*.rq``, each with a header that names its
purpose, parameters and columns) and ``runner``: loading them, binding
user values as RDF terms (never pasted into the text), running them on any
``Store``, the tables of ``kg stats``. May import the ground floor and
``kg.store``.
"""
from .runner import STATS, available, entity_bindings, list_queries, load_query, parameters, run, stats

__all__ = ["STATS", "available", "entity_bindings", "list_queries", "load_query", "parameters", "run",
           "stats"]
