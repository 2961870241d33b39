"""kg: news articles to an RDF knowledge graph of institutional relationships."""
__version__ = "0.1.0"
