"""Term names read from ``ontology/kg.ttl``: the ontology is the only list.

``KG.met`` is the IRI of ``kg:met`` if, and only if, the ontology defines
it; asking for a term the ontology lacks raises ``AttributeError``, so code
and ontology cannot drift apart silently. ``RELATIONS`` describes the
eleven relation properties (symmetry, labels) as the ontology states them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from .config import ONTOLOGY_FILE, ONTOLOGY_NS, PREFIXES
from .errors import ConfigError

PROV = Namespace(PREFIXES["prov"])
SKOS = Namespace(PREFIXES["skos"])
SCHEMA = Namespace(PREFIXES["schema"])
DCTERMS = Namespace(PREFIXES["dcterms"])
ORG = Namespace(PREFIXES["org"])
XSD = Namespace(PREFIXES["xsd"])
WD = Namespace(PREFIXES["wd"])


@lru_cache(maxsize=1)
def ontology() -> Graph:
    g = Graph()
    try:
        g.parse(ONTOLOGY_FILE, format="turtle")
    except (OSError, SyntaxError, ValueError) as err:
        raise ConfigError(f"cannot read the ontology {ONTOLOGY_FILE}: {err}") from err
    return g


class _Vocabulary:
    """Attribute access to the terms the ontology defines in its namespace."""

    def __init__(self, ns: str):
        self._ns = ns
        self._terms: set[str] | None = None

    def _load(self) -> set[str]:
        if self._terms is None:
            self._terms = {
                str(s)[len(self._ns):]
                for s in ontology().subjects()
                if isinstance(s, URIRef) and str(s).startswith(self._ns)
            }
        return self._terms

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._load():
            raise AttributeError(f"kg:{name} is not defined in {ONTOLOGY_FILE.name}")
        return URIRef(self._ns + name)

    def __getitem__(self, name: str) -> URIRef:
        return self.__getattr__(name)

    def __contains__(self, name: str) -> bool:
        return name in self._load()

    def terms(self) -> set[str]:
        return set(self._load())


KG = _Vocabulary(ONTOLOGY_NS)


@dataclass(frozen=True)
class RelationInfo:
    name: str
    iri: URIRef
    symmetric: bool
    label_en: str
    label_az: str


@lru_cache(maxsize=1)
def relations() -> dict[str, RelationInfo]:
    """The relation properties, by local name, as the ontology defines them."""
    g = ontology()
    out: dict[str, RelationInfo] = {}
    for prop in g.subjects(RDF.type, KG.RelationProperty):
        name = str(prop)[len(ONTOLOGY_NS):]
        labels = {lit.language: str(lit) for lit in g.objects(prop, RDFS.label)}
        out[name] = RelationInfo(
            name=name,
            iri=URIRef(prop),
            symmetric=(prop, RDF.type, OWL.SymmetricProperty) in g,
            label_en=labels.get("en", name),
            label_az=labels.get("az", name),
        )
    return dict(sorted(out.items()))


@lru_cache(maxsize=1)
def class_labels() -> dict[str, dict[str, str]]:
    """Entity type name -> {language: its rdfs:label}, as the ontology states them."""
    g = ontology()
    return {name: {lit.language: str(lit) for lit in g.objects(iri, RDFS.label) if lit.language}
            for name, iri in entity_classes().items()}


@lru_cache(maxsize=1)
def entity_classes() -> dict[str, URIRef]:
    """Entity type name -> class IRI: the direct subclasses of kg:Entity."""
    g = ontology()
    return {
        str(c)[len(ONTOLOGY_NS):]: URIRef(c)
        for c in g.subjects(RDFS.subClassOf, KG.Entity)
    }
