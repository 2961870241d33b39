"""The ontology: it parses, defines every term the code and the shapes use,
and states the eleven relations of ANNOTATION.md correctly, in English and
Azerbaijani."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from kg import vocab
from kg.config import ONTOLOGY_FILE, ONTOLOGY_NS, PACKAGE_DIR, SHAPES_FILE
from kg.vocab import KG, ORG, SCHEMA, SKOS, PROV

SH = "http://www.w3.org/ns/shacl#"

# ANNOTATION.md, "Relations": subject types -> object types.
EXPECTED = {
    "met": ({"Person", "Organization"}, {"Person", "Organization"}),
    "heads": ({"Person"}, {"Organization", "Country"}),
    "memberOf": ({"Person"}, {"Organization", "Country"}),
    "cooperatesWith": ({"Organization", "Country"}, {"Organization", "Country"}),
    "organizedBy": ({"Event"}, {"Organization", "Person", "Country"}),
    "chairedBy": ({"Event"}, {"Person", "Organization", "Country"}),
    "cochairedBy": ({"Event"}, {"Person", "Organization", "Country"}),
    "partOf": ({"Event", "Organization"}, {"Event", "Organization", "Country"}),
    "participatedIn": ({"Person", "Organization", "Country"}, {"Event"}),
    "heldIn": ({"Event"}, {"Place", "Country"}),
    "visited": ({"Person", "Organization"}, {"Place", "Country"}),
}
SYMMETRIC = {"met", "cooperatesWith"}
ENTITY_TYPES = {"Person", "Organization", "Country", "Place", "Event"}

_ANNOTATION_CANDIDATES = [
    os.environ.get("KG_ANNOTATION_GUIDE", ""),
    "/work/shared/corpus/ANNOTATION.md",
]


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _kg_terms(g: Graph) -> set[URIRef]:
    return {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY_NS)}


def _local(term) -> str:
    return str(term)[len(ONTOLOGY_NS):]


def _classes(g: Graph, node) -> set[str]:
    """The entity class names a domain/range class stands for (unions expanded)."""
    union = g.value(node, OWL.unionOf)
    if union is not None:
        out: set[str] = set()
        for member in Collection(g, union):
            out |= _classes(g, member)
        return out
    return {_local(node)}


# --- parsing and vocabulary ---------------------------------------------------

def test_ontology_parses_with_rdflib_and_oxigraph(onto):
    import pyoxigraph

    assert (URIRef(ONTOLOGY_NS.rstrip("#")), RDF.type, OWL.Ontology) in onto
    quads = list(pyoxigraph.parse(path=str(ONTOLOGY_FILE), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) == len(onto)


def test_every_vocab_term_is_declared(onto):
    declared_types = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    terms = KG.terms()
    assert terms
    for name in terms:
        iri = KG[name]
        types = set(onto.objects(iri, RDF.type))
        assert types & declared_types, f"kg:{name} is used as a subject but never declared"
    with pytest.raises(AttributeError):
        KG.noSuchTerm  # noqa: B018


def test_vocab_entity_classes_and_relations(onto):
    assert set(vocab.entity_classes()) == ENTITY_TYPES
    rels = vocab.relations()
    assert set(rels) == set(EXPECTED)
    assert {n for n, r in rels.items() if r.symmetric} == SYMMETRIC
    for info in rels.values():  # the ontology's labels, not the fallback to the name
        labels = {o.language: str(o) for o in onto.objects(info.iri, RDFS.label)}
        assert (info.label_en, info.label_az) == (labels["en"], labels["az"])


def test_terms_the_rdf_writer_uses_exist():
    for name in ["Document", "Sentence", "Mention", "Assertion", "RelationProperty", "Entity",
                 "contentHash", "extractor", "text", "index", "start", "end", "denotes", "sentence",
                 "rule", "confidence", "subjectStart", "subjectEnd", "objectStart", "objectEnd",
                 "key", "wikidata", "schemaVersion"]:
        assert name in KG, name


# --- labels and comments --------------------------------------------------------

def _langs(g: Graph, term, prop) -> list[str]:
    return [o.language for o in g.objects(term, prop) if isinstance(o, Literal)]


def test_every_class_and_property_has_en_and_az_labels_and_comments(onto):
    missing = []
    for term in sorted(_kg_terms(onto)):
        for prop in (RDFS.label, RDFS.comment):
            langs = _langs(onto, term, prop)
            for lang in ("en", "az"):
                if langs.count(lang) != 1:
                    missing.append(f"kg:{_local(term)} {prop.n3(onto.namespace_manager)}@{lang} x{langs.count(lang)}")
            untagged = [o for o in onto.objects(term, prop) if isinstance(o, Literal) and not o.language]
            assert not untagged, f"kg:{_local(term)} has an untagged {prop}"
    assert not missing, "\n".join(missing)


def test_every_kg_term_is_a_class_or_property(onto):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty}
    for term in _kg_terms(onto):
        assert set(onto.objects(term, RDF.type)) & kinds, f"kg:{_local(term)} has no OWL kind"


# --- the eleven relations -----------------------------------------------------

def test_the_eleven_relations(onto):
    declared = {_local(p) for p in onto.subjects(RDF.type, KG.RelationProperty)}
    assert declared == set(EXPECTED)
    for name, (domain, rng) in EXPECTED.items():
        p = KG[name]
        assert (p, RDF.type, OWL.ObjectProperty) in onto
        assert set(_langs(onto, p, RDFS.label)) == {"en", "az"}, name
        assert set(_langs(onto, p, RDFS.comment)) == {"en", "az"}, name
        domains = list(onto.objects(p, RDFS.domain))
        ranges = list(onto.objects(p, RDFS.range))
        assert len(domains) == 1 and len(ranges) == 1, name
        assert _classes(onto, domains[0]) == domain, f"{name} domain"
        assert _classes(onto, ranges[0]) == rng, f"{name} range"


def test_exactly_met_and_cooperates_with_are_symmetric(onto):
    symmetric = {_local(p) for p in onto.subjects(RDF.type, OWL.SymmetricProperty)
                 if str(p).startswith(ONTOLOGY_NS)}
    assert symmetric == SYMMETRIC
    for name in SYMMETRIC:  # symmetric needs domain == range
        p = KG[name]
        assert _classes(onto, onto.value(p, RDFS.domain)) == _classes(onto, onto.value(p, RDFS.range))


def _annotation_guide() -> Path | None:
    for cand in _ANNOTATION_CANDIDATES:
        if cand and Path(cand).is_file():
            return Path(cand)
    return None


def test_expected_table_matches_annotation_guide():
    path = _annotation_guide()
    if path is None:
        pytest.skip("ANNOTATION.md not available (set KG_ANNOTATION_GUIDE)")
    text = path.read_text(encoding="utf-8")
    section = text.split("## Relations", 1)[1].split("\n## ", 1)[0]
    found: dict[str, tuple[set[str], set[str]]] = {}
    symmetric = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or cells[0] in ("predicate", "") or set(cells[0]) <= {"-"}:
            continue
        name, sig = cells[0], cells[1]
        dom, rng = set(), set()
        for part in sig.split(";"):
            part = re.sub(r"\(.*?\)", "", part)
            left, right = re.split(r"[→↔]", part)
            dom |= {t.strip() for t in left.split("/")}
            rng |= {t.strip() for t in right.split("/")}
        if "↔" in sig:
            symmetric.add(name)
        found[name] = (dom, rng)
    assert found == EXPECTED
    assert symmetric == SYMMETRIC


def test_relation_shape_of_part_of_is_restricted_per_subject(onto):
    # an event is part of events only, an organisation of organisations or countries
    def all_values(cls):
        out = {}
        for r in onto.objects(KG[cls], RDFS.subClassOf):
            if (r, OWL.onProperty, KG.partOf) in onto:
                out = _classes(onto, onto.value(r, OWL.allValuesFrom))
        return out
    assert all_values("Event") == {"Event"}
    assert all_values("Organization") == {"Organization", "Country"}


# --- alignment ------------------------------------------------------------------

def _chains(g: Graph, prop) -> list[list[str]]:
    return [[_local(x) for x in Collection(g, lst)] for lst in g.objects(prop, OWL.propertyChainAxiom)]


def test_alignment_with_org_schema_skos_prov(onto):
    sub = lambda p: set(onto.objects(KG[p], RDFS.subPropertyOf))  # noqa: E731
    # plain sub-properties only where they hold for every use
    assert SCHEMA.organizer in sub("organizedBy")
    assert SCHEMA.location in sub("heldIn")
    assert SCHEMA.memberOf in sub("memberOf")
    inverse = [b for b in sub("participatedIn") if isinstance(b, BNode)]
    assert inverse and onto.value(inverse[0], OWL.inverseOf) == SCHEMA.attendee
    assert (KG.participatedIn, OWL.inverseOf, SCHEMA.attendee) not in onto
    # partOf spans events and organisations; heads/memberOf reach countries:
    # no plain sub-property of event-only or organisation-only properties ...
    for p in ("partOf", "heads", "memberOf"):
        assert not sub(p) & {SCHEMA.superEvent, ORG.subOrganizationOf, ORG.headOf, ORG.memberOf}, p
    # ... but property chains restricted to the right classes
    assert ["eventSelf", "partOf", "eventSelf"] in _chains(onto, SCHEMA.superEvent)
    assert ["organizationSelf", "partOf", "organizationSelf"] in _chains(onto, ORG.subOrganizationOf)
    assert ["heads", "organizationSelf"] in _chains(onto, ORG.headOf)
    assert ["memberOf", "organizationSelf"] in _chains(onto, ORG.memberOf)
    for helper, cls in (("eventSelf", "Event"), ("organizationSelf", "Organization")):
        selfs = [r for r in onto.objects(KG[cls], RDFS.subClassOf)
                 if onto.value(r, OWL.onProperty) == KG[helper]]
        assert selfs and onto.value(selfs[0], OWL.hasSelf).toPython() is True
        assert onto.value(KG[helper], RDFS.domain) == KG[cls]
    # classes
    sup = lambda c: set(onto.objects(KG[c], RDFS.subClassOf))  # noqa: E731
    assert ORG.Organization in sup("Organization")
    assert SCHEMA.Event in sup("Event") and SCHEMA.Place in sup("Place")
    for c in ("Document", "Sentence", "Mention", "Assertion"):
        assert PROV.Entity in sup(c), c
    # SKOS: the lookup key is a hidden label; PROV: evidence is derivation
    assert SKOS.hiddenLabel in sub("key")
    assert PROV.wasDerivedFrom in sub("sentence")
    # OWL 2 DL: nothing under owl:sameAs
    assert not list(onto.subjects(RDFS.subPropertyOf, OWL.sameAs))


def test_entity_types_are_disjoint(onto):
    sets = []
    for node in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        sets.append({_local(c) for c in Collection(onto, onto.value(node, OWL.members))})
    assert ENTITY_TYPES in sets


# --- code, shapes and ontology cannot drift -------------------------------------

_ATTR = re.compile(r"\bKG\.([A-Za-z_][A-Za-z0-9_]*)")
_ITEM = re.compile(r"""\bKG\[\s*(['"])([^'"]+)\1\s*\]""")
_PREFIXED = re.compile(r"(?<![\w:/#])kg:([A-Za-z_][A-Za-z0-9_]*)")


def _vocabulary_methods() -> set[str]:
    return {n for n in dir(type(KG)) if not n.startswith("_")}


def _terms_in_python(src: str) -> set[str]:
    names = {m.group(1) for m in _ATTR.finditer(src)} | {m.group(2) for m in _ITEM.finditer(src)}
    return {n for n in names - _vocabulary_methods() if not n.startswith("_")}


def test_scanner_finds_attribute_and_item_uses():
    src = """x = KG.met; y = KG["heads"]; z = KG['memberOf']; KG.terms(); KG._load(); notKG.foo
    q = f"?d a <{KG.Document}>" """
    assert _terms_in_python(src) == {"met", "heads", "memberOf", "Document"}


def test_code_uses_only_defined_terms(onto):
    defined = {_local(t) for t in _kg_terms(onto)}
    used: dict[str, set[str]] = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        for name in _terms_in_python(path.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(str(path.relative_to(PACKAGE_DIR)))
    for path in sorted(PACKAGE_DIR.rglob("*.rq")):  # SPARQL shipped with the package
        for m in _PREFIXED.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(m.group(1), set()).add(str(path.relative_to(PACKAGE_DIR)))
    assert {"Document", "Assertion", "confidence"} <= set(used), "the scan found nothing: regex broken?"
    undefined = {name: files for name, files in used.items() if name not in defined}
    assert not undefined, f"kg terms used in code but not in {ONTOLOGY_FILE.name}: {undefined}"


def test_shapes_use_only_defined_terms_and_cover_every_relation(onto):
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    defined = {_local(t) for t in _kg_terms(onto)}
    used = {_local(t) for triple in shapes for t in triple
            if isinstance(t, URIRef) and str(t).startswith(ONTOLOGY_NS)}
    used |= {m.group(1) for o in shapes.objects() if isinstance(o, Literal)
             for m in _PREFIXED.finditer(str(o))
             if "SELECT" in str(o)}
    assert used - defined == set()
    # rdf:predicate takes exactly the eleven relations
    sh_in = URIRef(SH + "in")
    lists = [{_local(x) for x in Collection(shapes, lst)} for lst in shapes.objects(None, sh_in)]
    assert set(EXPECTED) in lists
    # every relation has a shape targeting the subjects of its edges
    targets = {_local(o) for o in shapes.objects(None, URIRef(SH + "targetSubjectsOf"))}
    assert set(EXPECTED) <= targets
