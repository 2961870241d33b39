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


@dataclass(frozen=True)
class Signature:
    """What a relation may link, as the ontology states it: its domain and
    range as entity type names (unions expanded), and the narrower ranges
    some subject types have (``owl:allValuesFrom`` restrictions: an event is
    ``partOf`` events only)."""

    domain: frozenset
    range: frozenset
    narrower: tuple  # ((subject type, frozenset of object types), ...)

    def allows(self, subject_type: str | None, object_type: str | None) -> bool:
        if subject_type not in self.domain or object_type not in self.range:
            return False
        return all(object_type in allowed for st, allowed in self.narrower if st == subject_type)


def _class_names(g: Graph, node) -> frozenset:
    from rdflib.collection import Collection
    union = g.value(node, OWL.unionOf)
    if union is not None:
        return frozenset(n for member in Collection(g, union) for n in _class_names(g, member))
    name = str(node)[len(ONTOLOGY_NS):] if str(node).startswith(ONTOLOGY_NS) else None
    return frozenset([name]) if name else frozenset()


@lru_cache(maxsize=1)
def signatures() -> dict[str, Signature]:
    """Relation name -> its Signature, read from ``ontology/kg.ttl``."""
    g = ontology()
    restrictions: dict[str, list] = {}
    for cls, sup in g.subject_objects(RDFS.subClassOf):
        prop = g.value(sup, OWL.onProperty)
        values = g.value(sup, OWL.allValuesFrom)
        if prop is not None and values is not None and str(prop).startswith(ONTOLOGY_NS):
            for sname in _class_names(g, cls):
                restrictions.setdefault(str(prop)[len(ONTOLOGY_NS):], []).append((sname, _class_names(g, values)))
    out = {}
    for name, info in relations().items():
        out[name] = Signature(
            domain=_class_names(g, g.value(info.iri, RDFS.domain)),
            range=_class_names(g, g.value(info.iri, RDFS.range)),
            narrower=tuple(restrictions.get(name, ())),
        )
    return out
