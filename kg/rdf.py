"""Extractions to RDF quads, provenance included. No NLP, no storage.

Everything extracted from one article goes into one named graph whose
name is the document IRI (``kgdoc:{id}``). In that graph:

* the document: ``a kg:Document``, url, date, language, title, hash;
* its sentences: ``kgdoc:{id}#s{n} a kg:Sentence; kg:text; kg:start; kg:end``;
* the entities it mentions: type, ``skos:prefLabel`` per language,
  ``skos:altLabel``, ``kg:key`` (folded labels for lookup), Wikidata item;
* its mentions: ``a kg:Mention; kg:denotes; kg:sentence; offsets; kg:rule``;
* each relation twice over: the plain edge ``<s> kg:met <o>`` (both
  directions for symmetric properties), so that graph questions are one
  triple pattern, and a statement node ``a kg:Assertion`` with
  ``rdf:subject/predicate/object``, the sentence, the offsets of both
  mentions, the rule and the confidence, so that every edge can be traced
  to its evidence in one join.

Replacing or removing a document is dropping its graph.
"""
from __future__ import annotations

from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from . import __version__
from .ids import assertion_iri, doc_iri, entity_iri, mention_iri, sentence_iri
from .models import Article, Entity, Extraction
from .normalize import lookup_key
from .vocab import DCTERMS, KG, PROV, SCHEMA, SKOS, WD, entity_classes, relations

Quad = tuple[URIRef, URIRef, object, URIRef]

_DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def _date_literal(value: str) -> Literal:
    dtype = _DATE_TYPES.get(len(value))
    return Literal(value, datatype=dtype) if dtype else Literal(value)


def document_quads(article: Article) -> Iterator[Quad]:
    d = URIRef(doc_iri(article.id))
    yield d, RDF.type, KG.Document, d
    yield d, DCTERMS.identifier, Literal(article.id), d
    yield d, DCTERMS.language, Literal(article.lang), d
    yield d, KG.contentHash, Literal(article.sha256), d
    yield d, KG.extractor, Literal(f"kg {__version__}"), d
    if article.url:
        yield d, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI), d
    if article.date:
        yield d, DCTERMS.date, _date_literal(article.date), d
    if article.title:
        yield d, DCTERMS.title, Literal(article.title, lang=article.lang), d
    if article.source:
        yield d, DCTERMS.source, Literal(article.source), d


def entity_quads(entity: Entity, graph: URIRef) -> Iterator[Quad]:
    e = URIRef(entity_iri(entity.key))
    yield e, RDF.type, entity_classes()[entity.type], graph
    labels = dict(entity.labels)
    labels.setdefault(entity.lang, entity.name)
    preferred = set()
    for lang, label in labels.items():
        yield e, SKOS.prefLabel, Literal(label, lang=lang), graph
        preferred.add(label)
    keys = set()
    for label in entity.all_labels():
        if label not in preferred:
            yield e, SKOS.altLabel, Literal(label, lang=entity.lang), graph
        keys.add(lookup_key(label))
    for key in sorted(k for k in keys if k):
        yield e, KG.key, Literal(key), graph
    if entity.wikidata:
        yield e, KG.wikidata, WD[entity.wikidata], graph


def extraction_quads(ex: Extraction) -> Iterator[Quad]:
    """All quads for one article, in its own named graph."""
    art = ex.article
    g = URIRef(doc_iri(art.id))
    yield from document_quads(art)
    lang = art.lang
    for s in ex.sentences:
        node = URIRef(sentence_iri(art.id, s.index))
        yield node, RDF.type, KG.Sentence, g
        yield node, KG.text, Literal(s.text, lang=lang), g
        yield node, KG.index, Literal(s.index), g
        yield node, KG.start, Literal(s.start), g
        yield node, KG.end, Literal(s.end), g
        yield node, DCTERMS.isPartOf, g, g
    for entity in ex.entities.values():
        yield from entity_quads(entity, g)
    for m in ex.mentions:
        node = URIRef(mention_iri(art.id, m.start, m.end))
        yield node, RDF.type, KG.Mention, g
        yield node, KG.denotes, URIRef(entity_iri(m.entity)), g
        yield node, KG.sentence, URIRef(sentence_iri(art.id, m.sentence)), g
        yield node, KG.text, Literal(m.text), g
        yield node, KG.start, Literal(m.start), g
        yield node, KG.end, Literal(m.end), g
        yield node, KG.rule, Literal(m.rule), g
    rels = relations()
    seen: set[tuple] = set()
    for r in ex.relations:
        info = rels[r.predicate]
        s, o = URIRef(entity_iri(r.subject)), URIRef(entity_iri(r.object))
        directions = [(s, o, r.subject_span, r.object_span)]
        if info.symmetric:
            directions.append((o, s, r.object_span, r.subject_span))
        for subj, obj, sspan, ospan in directions:
            if (subj, r.predicate, obj, r.sentence) in seen:
                continue  # the same fact found twice in one sentence: one assertion
            seen.add((subj, r.predicate, obj, r.sentence))
            yield subj, info.iri, obj, g
            a = URIRef(assertion_iri(art.id, str(subj), r.predicate, str(obj), r.sentence))
            yield a, RDF.type, KG.Assertion, g
            yield a, RDF.subject, subj, g
            yield a, RDF.predicate, info.iri, g
            yield a, RDF.object, obj, g
            yield a, KG.sentence, URIRef(sentence_iri(art.id, r.sentence)), g
            yield a, PROV.wasDerivedFrom, g, g
            yield a, KG.rule, Literal(r.rule), g
            yield a, KG.confidence, Literal(f"{min(max(r.confidence, 0.0), 1.0):.3f}", datatype=XSD.decimal), g
            if sspan:
                yield a, KG.subjectStart, Literal(sspan[0]), g
                yield a, KG.subjectEnd, Literal(sspan[1]), g
            if ospan:
                yield a, KG.objectStart, Literal(ospan[0]), g
                yield a, KG.objectEnd, Literal(ospan[1]), g
