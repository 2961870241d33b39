"""SHACL shapes against what kg.rdf writes: a realistic article conforms,
deliberately broken graphs do not, and odd names survive serialisation."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.ids import assertion_iri, doc_iri, entity_iri, entity_key, sentence_iri
from kg.models import Article, Entity, Extraction, Mention, Relation, Sentence
from kg.rdf import extraction_quads
from kg.validate import ValidationReport, validate_graph, validate_quads
from kg.vocab import KG, SKOS

SENTENCES = [
    "Baş prokuror Kamran Əliyev İnterpolun prezidenti Ahmed Naser Al-Raisi ilə görüşüb.",
    "Görüş Bakıda keçirilən COP29 konfransı çərçivəsində baş tutub.",
    "Tərəflər Azərbaycan ilə İnterpol arasında əməkdaşlığın genişləndirilməsini müzakirə ediblər.",
]
TEXT = " ".join(SENTENCES)


def _key(etype: str, name: str) -> str:
    return entity_key(etype, name)


KAMRAN = _key("Person", "Kamran Əliyev")
RAISI = _key("Person", "Ahmed Naser Al-Raisi")
INTERPOL = _key("Organization", "İnterpol")
PROKURORLUQ = _key("Organization", "Baş Prokurorluq")
BAKI = _key("Place", "Bakı")
COP29 = _key("Event", "COP29")
AZ = _key("Country", "Azərbaycan")


def _sentences() -> list[Sentence]:
    out, pos = [], 0
    for i, s in enumerate(SENTENCES):
        start = TEXT.index(s, pos)
        out.append(Sentence(index=i, start=start, end=start + len(s), text=s))
        pos = start + len(s)
    return out


def _span(surface: str, sentence: int, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``surface`` inside sentence ``sentence``."""
    sent = _sentences()[sentence]
    start = sent.start - 1
    for _ in range(nth + 1):
        start = TEXT.index(surface, start + 1, sent.end)
    assert TEXT[start:start + len(surface)] == surface
    return start, start + len(surface)


def make_extraction() -> Extraction:
    art = Article(id="az-test-0001", text=TEXT, url="https://example.az/xeber/1?a=1&b=2",
                  date="2024-11-19", lang="az", title="Baş prokuror İnterpolun prezidenti ilə görüşüb",
                  source="az-test-0001.txt")
    entities = {
        KAMRAN: Entity(KAMRAN, "Person", "Kamran Əliyev", labels={"en": "Kamran Aliyev"},
                       aliases=["K.Əliyev"]),
        RAISI: Entity(RAISI, "Person", "Ahmed Naser Al-Raisi", labels={"en": "Ahmed Naser Al-Raisi"}),
        INTERPOL: Entity(INTERPOL, "Organization", "İnterpol", labels={"en": "Interpol"},
                         aliases=["Beynəlxalq Kriminal Polis Təşkilatı"]),
        PROKURORLUQ: Entity(PROKURORLUQ, "Organization", "Baş Prokurorluq",
                            labels={"en": "Prosecutor General's Office"}),
        BAKI: Entity(BAKI, "Place", "Bakı", labels={"en": "Baku"}),
        COP29: Entity(COP29, "Event", "COP29"),
        AZ: Entity(AZ, "Country", "Azərbaycan", labels={"en": "Azerbaijan"}, wikidata="Q227"),
    }
    spans = {
        (KAMRAN, 0): _span("Kamran Əliyev", 0),
        (INTERPOL, 0): _span("İnterpol", 0),
        (RAISI, 0): _span("Ahmed Naser Al-Raisi", 0),
        (BAKI, 1): _span("Bakı", 1),
        (COP29, 1): _span("COP29", 1),
        (AZ, 2): _span("Azərbaycan", 2),
        (INTERPOL, 2): _span("İnterpol", 2),
    }
    mentions = [Mention(entity=k, start=a, end=b, text=TEXT[a:b], sentence=s)
                for (k, s), (a, b) in spans.items()]
    relations = [
        Relation(KAMRAN, "met", RAISI, 0, spans[KAMRAN, 0], spans[RAISI, 0], "met:ile-gorusub", 0.9),
        Relation(RAISI, "heads", INTERPOL, 0, spans[RAISI, 0], spans[INTERPOL, 0], "heads:X-in-prezidenti", 0.85),
        # implied by the title: no object mention
        Relation(KAMRAN, "heads", PROKURORLUQ, 0, spans[KAMRAN, 0], None, "heads:title-implies", 0.7),
        Relation(COP29, "heldIn", BAKI, 1, spans[COP29, 1], spans[BAKI, 1], "heldIn:X-da-kecirilen", 0.8),
        # "Görüş" resolves to the meeting of sentence 0: no subject mention here
        Relation(KAMRAN, "participatedIn", COP29, 1, None, spans[COP29, 1], "participatedIn:cercivesinde", 0.6),
        Relation(AZ, "cooperatesWith", INTERPOL, 2, spans[AZ, 2], spans[INTERPOL, 2], "coop:arasinda-emekdasliq", 0.75),
    ]
    return Extraction(article=art, sentences=_sentences(), entities=entities,
                      mentions=mentions, relations=relations)


def good_graph() -> Graph:
    g = Graph()
    for s, p, o, _ in extraction_quads(make_extraction()):
        g.add((s, p, o))
    return g


def _assertion(subject: str, predicate: str, obj: str, sentence: int) -> URIRef:
    return URIRef(assertion_iri("az-test-0001", entity_iri(subject), predicate, entity_iri(obj), sentence))


def _mentions(report: ValidationReport, *needles: str) -> bool:
    return any(all(n in line for n in needles) for line in report.violations)


# --- the realistic article -----------------------------------------------------

def test_fixture_offsets_are_right():
    ex = make_extraction()
    for s in ex.sentences:
        assert TEXT[s.start:s.end] == s.text
    for m in ex.mentions:
        assert TEXT[m.start:m.end] == m.text
        sent = ex.sentences[m.sentence]
        assert sent.start <= m.start < m.end <= sent.end


def test_realistic_extraction_conforms():
    report = validate_quads(extraction_quads(make_extraction()))
    assert report.conforms, report.text
    assert report.violations == []
    assert report.warnings == []


def test_report_type_and_graph_names_ignored():
    quads = list(extraction_quads(make_extraction()))
    assert len({q[3] for q in quads}) == 1
    assert isinstance(validate_graph(good_graph()), ValidationReport)
    # quads from two graphs: the names are ignored, the union still conforms
    other = URIRef("https://example.org/other-graph")
    mixed = quads[: len(quads) // 2] + [(s, p, o, other) for s, p, o, _ in quads[len(quads) // 2:]]
    assert validate_quads(mixed).conforms


def test_dataset_graph_per_document_and_union_conform():
    ds = Dataset()
    for s, p, o, g in extraction_quads(make_extraction()):
        ds.add((s, p, o, g))
    g = ds.graph(URIRef(doc_iri("az-test-0001")))
    assert len(g) > 50
    assert validate_graph(g).conforms
    # a second document mentioning the same entities: the union conforms too
    ex = make_extraction()
    ex.article.id = "az-test-0002"
    for s, p, o, g2 in extraction_quads(ex):
        ds.add((s, p, o, g2))
    assert len(list(ds.graphs())) >= 3
    union = validate_graph(ds)
    assert union.conforms, union.text
    broken = Dataset()
    for q in ds.quads((None, None, None, None)):
        if q[1] != KG.contentHash:
            broken.add(q)
    assert _mentions(validate_graph(broken), "kgdoc:az-test-0002", "kg:contentHash")


# --- broken graphs -------------------------------------------------------------

def test_assertion_without_sentence():
    g = good_graph()
    a = _assertion(KAMRAN, "met", RAISI, 0)
    assert (a, RDF.type, KG.Assertion) in g
    g.remove((a, KG.sentence, None))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kg:sentence", "exactly one kg:sentence", a.split("#")[-1])


def test_confidence_above_one():
    g = good_graph()
    a = _assertion(RAISI, "heads", INTERPOL, 0)
    g.set((a, KG.confidence, Literal(Decimal("1.5"), datatype=XSD.decimal)))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kg:confidence", "between 0 and 1")


@pytest.mark.parametrize("lexical, datatype", [
    ("-0.1", XSD.decimal), ("0.5", XSD.double), ("0.5", None), ("abc", XSD.decimal), ("1.0001", XSD.decimal)])
def test_confidence_bad_values(lexical, datatype):
    g = good_graph()
    a = _assertion(RAISI, "heads", INTERPOL, 0)
    g.set((a, KG.confidence, Literal(lexical, datatype=datatype)))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kg:confidence")


def test_confidence_bounds_inclusive():
    g = good_graph()
    a = _assertion(RAISI, "heads", INTERPOL, 0)
    for v in ("0", "1", "1.000"):
        g.set((a, KG.confidence, Literal(v, datatype=XSD.decimal)))
        assert validate_graph(g).conforms, v


def test_heads_from_an_organization():
    ex = make_extraction()
    ex.relations.append(Relation(INTERPOL, "heads", PROKURORLUQ, 0, rule="bad", confidence=0.5))
    report = validate_quads(extraction_quads(ex))
    assert not report.conforms
    assert _mentions(report, "kgid:org/interpol", "kg:heads links a kg:Person")


def test_heads_to_a_place():
    ex = make_extraction()
    ex.relations.append(Relation(KAMRAN, "heads", BAKI, 1, rule="bad", confidence=0.5))
    report = validate_quads(extraction_quads(ex))
    assert not report.conforms
    assert _mentions(report, "kg:heads", "kg:Organization or kg:Country", "kgid:place/baki")


def test_part_of_event_to_country_is_rejected_org_to_country_accepted():
    ex = make_extraction()
    ex.relations.append(Relation(PROKURORLUQ, "partOf", AZ, 2, rule="partOf:title", confidence=0.6))
    assert validate_quads(extraction_quads(ex)).conforms
    ex.relations.append(Relation(COP29, "partOf", AZ, 2, rule="bad", confidence=0.6))
    report = validate_quads(extraction_quads(ex))
    assert not report.conforms
    assert _mentions(report, "kgid:event/cop29", "kg:partOf links a kg:Event to a kg:Event")


def test_relation_to_untyped_entity():
    ex = make_extraction()
    ex.relations.append(Relation(KAMRAN, "met", "person/nobody", 0, rule="bad", confidence=0.5))
    report = validate_quads(extraction_quads(ex))
    assert not report.conforms
    assert _mentions(report, "rdf:object", "typed entity IRI")


def test_entity_without_pref_label():
    g = good_graph()
    e = URIRef(entity_iri(INTERPOL))
    g.remove((e, SKOS.prefLabel, None))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kgid:org/interpol", "skos:prefLabel", "at least one")


def test_two_az_pref_labels():
    g = good_graph()
    e = URIRef(entity_iri(KAMRAN))
    g.add((e, SKOS.prefLabel, Literal("K. Əliyev", lang="az")))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kgid:person/kamran-eliyev", "skos:prefLabel", "per language")


def test_entity_with_two_types():
    g = good_graph()
    g.add((URIRef(entity_iri(AZ)), RDF.type, KG.Place))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kgid:country/azerbaycan", "exactly one entity type")


def test_document_without_content_hash():
    g = good_graph()
    d = URIRef(doc_iri("az-test-0001"))
    g.remove((d, KG.contentHash, None))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kgdoc:az-test-0001", "kg:contentHash")


def test_document_with_bad_date():
    ex = make_extraction()
    ex.article.date = "19.11.2024"  # ten characters: typed xsd:date, but not one
    report = validate_quads(extraction_quads(ex))
    assert not report.conforms
    assert _mentions(report, "dcterms:date")


def test_predicate_outside_the_eleven():
    g = good_graph()
    a = _assertion(KAMRAN, "met", RAISI, 0)
    g.set((a, RDF.predicate, SKOS.related))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "rdf:predicate", "one of the eleven")


def test_edge_without_assertion_and_assertion_without_edge():
    g = good_graph()
    s, o = URIRef(entity_iri(AZ)), URIRef(entity_iri(BAKI))
    g.add((URIRef(entity_iri(KAMRAN)), KG.visited, o))
    g.remove((URIRef(entity_iri(COP29)), KG.heldIn, o))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kg:visited", "without a kg:Assertion")
    assert _mentions(report, "edge", "missing from the graph")
    assert s  # unused otherwise


def test_symmetric_relation_one_way():
    g = good_graph()
    g.remove((URIRef(entity_iri(RAISI)), KG.met, URIRef(entity_iri(KAMRAN))))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kg:met", "one direction only")


def test_mention_offsets_must_match_text_and_sentence():
    g = good_graph()
    m = next(g.subjects(KG.denotes, URIRef(entity_iri(BAKI))))
    g.set((m, KG.end, Literal(int(g.value(m, KG.end)) + 1)))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "end - start")
    g.set((m, KG.start, Literal(0)))  # sentence 1 does not start at 0
    g.set((m, KG.end, Literal(len(g.value(m, KG.text)))))
    assert _mentions(validate_graph(g), "within its kg:sentence")


def test_sentence_start_after_end():
    g = good_graph()
    s = URIRef(sentence_iri("az-test-0001", 1))
    g.set((s, KG.start, Literal(10_000)))
    report = validate_graph(g)
    assert not report.conforms
    assert _mentions(report, "kg:start", "<= kg:end")


def test_empty_rule_is_a_warning_only():
    ex = make_extraction()
    ex.relations[0].rule = ""
    report = validate_quads(extraction_quads(ex))
    assert report.conforms, report.text
    assert any("kg:rule is empty" in w for w in report.warnings)


def test_duplicate_relation_in_one_sentence():
    """The same fact found twice in one sentence (two rules, or met(A,B) and met(B,A)) is one assertion."""
    ex = make_extraction()
    ex.relations.append(Relation(RAISI, "met", KAMRAN, 0, None, None, "met:other-rule", 0.6))
    assert validate_quads(extraction_quads(ex)).conforms


def test_confidence_literal_holds_a_decimal():
    from decimal import Decimal as D
    quads = extraction_quads(make_extraction())
    values = [o.value for _, p, o, _ in quads if p == KG.confidence]
    assert values and all(isinstance(v, D) for v in values)


# --- property test: odd names ----------------------------------------------------

TRICKY = ['"', "'", "<>", "<script>", "a\\b", "\\u0000", "\x00", "\x07\x1b", "\r\n", "\t",
          "😀🇦🇿", "İıƏə", "a\u0301", "\u200b", "\ufeff", "#", "%20", "} ;", '"""', "'''",
          "@en", "^^xsd:string", " ", "\u2028\u2029", "\U0010ffff"]

names = st.one_of(
    st.text(min_size=1, max_size=40),
    st.sampled_from(TRICKY),
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=6).map("".join),
    st.text(min_size=1, max_size=12).map(lambda s: s * 400),  # long
)


def _odd_extraction(person: str, org: str, country: str, en: str, alias: str) -> Extraction:
    parts = [person, " ilə ", org, " görüşüb; ", country, "."]
    text = "".join(parts)
    pos, spans = 0, []
    for p in parts:
        spans.append((pos, pos + len(p)))
        pos += len(p)
    kp, ko, kc = entity_key("Person", person), entity_key("Organization", org), entity_key("Country", country)
    art = Article(id="odd/" + person[:20], text=text, title=org, source=country)
    ents = {
        kp: Entity(kp, "Person", person, labels={"en": en}, aliases=[alias]),
        ko: Entity(ko, "Organization", org, aliases=[alias, person]),
        kc: Entity(kc, "Country", country, labels={"en": en, "ru": alias}),
    }
    mentions = [Mention(kp, *spans[0], person, 0), Mention(ko, *spans[2], org, 0),
                Mention(kc, *spans[4], country, 0, rule=alias)]
    rels = [
        Relation(kp, "met", ko, 0, spans[0], spans[2], "met:" + alias, 0.5),
        Relation(kp, "memberOf", kc, 0, spans[0], spans[4], alias, 1.0),
        Relation(ko, "cooperatesWith", kc, 0, None, None, "coop", 0.0),
    ]
    return Extraction(art, [Sentence(0, 0, len(text), text)], ents, mentions, rels)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(person=names, org=names, country=names, en=names, alias=names)
@example(person="\x00\x1c\x85\u2028\x0b\x0c\x7f", org='"""<>\\\'', country="😀🇦🇿" * 2000,
         en="\r\n\t", alias="Ə" * 300)
@example(person="Kamran Əliyev", org="İnterpol", country="Azərbaycan", en="Kamran Aliyev",
         alias="Kamran Əliyev")  # alias equal to a name
@example(person="!!!", org="...", country="—", en="?", alias=" ")  # no lookup key at all
def test_odd_names_round_trip_and_conform(person, org, country, en, alias):
    import pyoxigraph

    quads = list(extraction_quads(_odd_extraction(person, org, country, en, alias)))
    g = Graph()
    for s, p, o, _ in quads:
        g.add((s, p, o))
    assert validate_graph(g).conforms, validate_graph(g).text

    ttl = g.serialize(format="turtle")
    back = Graph().parse(data=ttl, format="turtle")
    assert set(back) == set(g)

    ds = Dataset()
    for q in quads:
        ds.add(q)
    nq = ds.serialize(format="nquads")
    back_ds = Dataset().parse(data=nq, format="nquads")
    back_g = Graph()
    for s, p, o, _ in back_ds.quads((None, None, None, None)):
        back_g.add((s, p, o))
    assert set(back_g) == set(g)
    assert validate_graph(back_g).conforms

    # the store is Oxigraph: it must read the same N-Quads
    assert len(list(pyoxigraph.parse(nq.encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS))) == len(set(quads))
