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
def entity_classes() -> dict[str, URIRef]:
    """Entity type name -> class IRI: the direct subclasses of kg:Entity."""
    g = ontology()
    return {
        str(c)[len(ONTOLOGY_NS):]: URIRef(c)
        for c in g.subjects(RDFS.subClassOf, KG.Entity)
    }


@lru_cache(maxsize=1)
def signatures() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Each relation's domain and range as entity type names, read from the
    ontology: ``rdfs:domain``/``rdfs:range`` with their ``owl:unionOf`` lists
    expanded (``kg:Agent`` -> Person, Organization, Country)."""
    g = ontology()
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for name, info in relations().items():
        dom = frozenset().union(*(_types_of(c) for c in g.objects(info.iri, RDFS.domain)))
        rng = frozenset().union(*(_types_of(c) for c in g.objects(info.iri, RDFS.range)))
        out[name] = (dom, rng)
    return out


@lru_cache(maxsize=1)
def _restrictions() -> dict[tuple[str, str], frozenset[str]]:
    """(subject type, property) -> the types its values may have, from the
    ``owl:allValuesFrom`` restrictions (an event is partOf events only)."""
    g = ontology()
    out: dict[tuple[str, str], frozenset[str]] = {}
    for name, iri in entity_classes().items():
        for sup in g.objects(iri, RDFS.subClassOf):
            prop, values = g.value(sup, OWL.onProperty), g.value(sup, OWL.allValuesFrom)
            if prop is not None and values is not None:
                out[(name, str(prop)[len(ONTOLOGY_NS):])] = _types_of(values)
    return out


def _types_of(cls) -> frozenset[str]:
    """The entity type names a class stands for, its ``owl:unionOf`` expanded."""
    from rdflib.collection import Collection
    g = ontology()
    by_iri = {iri: name for name, iri in entity_classes().items()}
    if cls in by_iri:
        return frozenset({by_iri[cls]})
    out: set[str] = set()
    for members in g.objects(cls, OWL.unionOf):
        for m in Collection(g, members):
            out |= _types_of(m)
    return frozenset(out)


def allowed(predicate: str, subject_type: str | None, object_type: str | None) -> bool:
    """Whether the ontology admits ``predicate`` between entities of these types."""
    dom, rng = signatures().get(predicate, (frozenset(), frozenset()))
    if subject_type not in dom or object_type not in rng:
        return False
    only = _restrictions().get((subject_type, predicate))
    return only is None or object_type in only
