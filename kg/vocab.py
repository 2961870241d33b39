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


def _class_members(g: Graph, cls) -> frozenset[str]:
    """The entity types a class stands for: itself, or the members of its owl:unionOf."""
    from rdflib.collection import Collection
    union = g.value(cls, OWL.unionOf)
    if union is None:
        return frozenset({str(cls)[len(ONTOLOGY_NS):]})
    return frozenset(str(m)[len(ONTOLOGY_NS):] for m in Collection(g, union))


@dataclass(frozen=True)
class Signature:
    """What a relation may link, as the ontology says: ``rdfs:domain``,
    ``rdfs:range``, and per subject type the ``owl:allValuesFrom``
    restrictions on the property (an Event is partOf only an Event)."""

    domain: frozenset[str]
    range: frozenset[str]
    only: dict

    def allows(self, subject_type: str | None, object_type: str | None) -> bool:
        if subject_type not in self.domain or object_type not in self.range:
            return False
        limit = self.only.get(subject_type)
        return limit is None or object_type in limit


@lru_cache(maxsize=1)
def signatures() -> dict[str, Signature]:
    """Domain, range and restrictions of every relation property, read from the ontology."""
    g = ontology()
    out: dict[str, Signature] = {}
    for name, info in relations().items():
        only: dict[str, frozenset[str]] = {}
        for restriction in g.subjects(OWL.onProperty, info.iri):
            target = g.value(restriction, OWL.allValuesFrom)
            for cls in g.subjects(RDFS.subClassOf, restriction):
                if target is not None:
                    only[str(cls)[len(ONTOLOGY_NS):]] = _class_members(g, target)
        out[name] = Signature(_class_members(g, g.value(info.iri, RDFS.domain)),
                              _class_members(g, g.value(info.iri, RDFS.range)), only)
    return out
