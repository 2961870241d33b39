"""Paths, base IRIs and prefixes: the project's fixed settings."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout (or KG_HOME) holds ontology/ and data/ beside the package.
ROOT = Path(os.environ.get("KG_HOME", PACKAGE_DIR.parent)).resolve()
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
DATA_DIR = ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
GAZETTEER_DIR = DATA_DIR / "gazetteers"
LANG_DATA_DIR = DATA_DIR / "lang"  # per-language titles, cues, constructions: lang/{code}/*.yaml
QUERIES_DIR = PACKAGE_DIR / "query"  # the named queries, kg/query/*.rq
OUTPUT_DIR = ROOT / "output"
DEFAULT_STORE = OUTPUT_DIR / "store"

BASE = "https://w3id.org/kg-news/"
ONTOLOGY_NS = BASE + "ontology#"  # classes and properties
ENTITY_NS = BASE + "id/"  # entities: id/{type}/{slug}
DOC_NS = BASE + "doc/"  # documents (and their named graphs): doc/{doc-id}
META_GRAPH = BASE + "meta"  # store bookkeeping (schema version)

STORE_SCHEMA_VERSION = 1

PREFIXES = {
    "kg": ONTOLOGY_NS,
    "kgid": ENTITY_NS,
    "kgdoc": DOC_NS,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": "http://www.wikidata.org/entity/",
}


def store_path(explicit: str | os.PathLike | None = None) -> str:
    """The store location: explicit value, else $KG_STORE, else output/store."""
    if explicit:
        return str(explicit)
    return os.environ.get("KG_STORE") or str(DEFAULT_STORE)
