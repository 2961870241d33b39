"""The store: where the quads live, behind one interface.

Owns the ``Store`` interface and its contract (``base``), what every
backend shares (``terms``: term and result conversion; ``serial``: RDF
text, updates, exports, the layout-version quad), one module per backend
(``oxigraph``: the default, embedded on disk; ``memory``: rdflib in memory;
``sparql``: any SPARQL 1.1 server, with ``endpoint`` and ``prepare`` for
its URLs and query text) and ``open``, the one module that knows every
backend (a ``--store`` value to a backend). No backend imports another.

May import the ground floor (``kg.config``, ``kg.errors``, ``kg.vocab``):
it knows quads and SPARQL, nothing of reading or extraction.
"""
from .base import Store
from .open import open_store
from .serial import EXPORT_FORMATS, Quad, serialize_document, write_meta

__all__ = ["EXPORT_FORMATS", "Quad", "Store", "open_store", "serialize_document", "write_meta"]
