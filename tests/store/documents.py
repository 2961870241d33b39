"""Three small hand-written Azerbaijani articles as extractions, and the helpers that load them:
the data of the store contract, the named-query tests and the remote store's tests.
"""
from __future__ import annotations

import re

from rdflib import URIRef

from kg.ids import doc_iri, entity_iri, entity_key
from kg.models import Article, Entity, Extraction, Mention, Relation, Sentence
from kg.rdf import extraction_quads


# --- a small corpus -------------------------------------------------------------

# name -> (type, English label, Wikidata item)
ENTITIES = {
    "Kamran Əliyev": ("Person", None, None),
    "Ahmed Naser Al-Raisi": ("Person", None, None),
    "Berik Asılov": ("Person", None, None),
    "İlham Əliyev": ("Person", "Ilham Aliyev", "Q57358"),
    "Viktor Orban": ("Person", "Viktor Orbán", "Q57641"),
    "İnterpol": ("Organization", "Interpol", "Q7823"),
    "Baş Prokurorluq": ("Organization", "Prosecutor General's Office", None),
    "Azərbaycan": ("Country", "Azerbaijan", "Q227"),
    "Qazaxıstan": ("Country", "Kazakhstan", "Q232"),
    "Macarıstan": ("Country", "Hungary", "Q28"),
    "Bakı": ("Place", "Baku", "Q9248"),
    "Beynəlxalq Antikorrupsiya Forumu": ("Event", None, None),
}


def key(name: str) -> str:
    return entity_key(ENTITIES[name][0], name)


def iri(name: str) -> str:
    return entity_iri(key(name))


def extraction(doc: str, sentences: list[str], mentions: dict[str, list[str]],
               relations: list[tuple], date: str | None = None) -> Extraction:
    """An Extraction with exact offsets.

    ``mentions`` maps an entity name to the surface forms that refer to it
    (each occurrence in the text becomes a mention); ``relations`` are
    ``(predicate, subject name, object name, sentence index, confidence)``.
    """
    text = " ".join(sentences)
    spans, start = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(index=i, start=start, end=start + len(s), text=s))
        start += len(s) + 1
    art = Article(id=doc, text=text, date=date, url=f"https://example.az/news/{doc}",
                  title=sentences[0], source=f"{doc}.txt")
    ex = Extraction(article=art, sentences=spans)
    first: dict[tuple[str, int], tuple[int, int]] = {}
    for name, surfaces in mentions.items():
        etype, en, wd = ENTITIES[name]
        ex.entities[key(name)] = Entity(key=key(name), type=etype, name=name,
                                        labels={"az": name, **({"en": en} if en else {})},
                                        wikidata=wd)
        for surface in surfaces:
            for m in re.finditer(re.escape(surface), text):
                sent = next(s.index for s in spans if s.start <= m.start() < s.end)
                ex.mentions.append(Mention(entity=key(name), start=m.start(), end=m.end(),
                                           text=surface, sentence=sent))
                first.setdefault((name, sent), (m.start(), m.end()))
    for pred, subj, obj, sent, conf in relations:
        ex.relations.append(Relation(
            subject=key(subj), predicate=pred, object=key(obj), sentence=sent,
            subject_span=first.get((subj, sent)), object_span=first.get((obj, sent)),
            rule=f"test.{pred}", confidence=conf))
    return ex


def doc_interpol() -> Extraction:
    return extraction(
        "2024-03-interpol",
        ["Azərbaycan Respublikasının Baş prokuroru Kamran Əliyev İnterpolun prezidenti "
         "Ahmed Naser Al-Raisi ilə görüşüb.",
         "Görüşdə Azərbaycan ilə İnterpol arasında əməkdaşlığın genişləndirilməsi müzakirə olunub."],
        {"Kamran Əliyev": ["Kamran Əliyev"], "Ahmed Naser Al-Raisi": ["Ahmed Naser Al-Raisi"],
         "İnterpol": ["İnterpol"], "Azərbaycan": ["Azərbaycan"]},
        [("met", "Kamran Əliyev", "Ahmed Naser Al-Raisi", 0, 0.9),
         ("heads", "Ahmed Naser Al-Raisi", "İnterpol", 0, 0.8),
         ("cooperatesWith", "Azərbaycan", "İnterpol", 1, 0.7)],
        date="2024-03-12")


def doc_kazakhstan() -> Extraction:
    return extraction(
        "2024-05-kazakhstan",
        ["Baş prokuror Kamran Əliyev Qazaxıstanın Baş prokuroru Berik Asılov ilə görüşüb.",
         "Tərəflər Azərbaycan ilə Qazaxıstan arasında əməkdaşlığı müzakirə ediblər.",
         "Bakıda keçirilən Beynəlxalq Antikorrupsiya Forumunu Baş Prokurorluq təşkil edib.",
         "Foruma Kamran Əliyev sədrlik edib, həmsədri Berik Asılov olub."],
        {"Kamran Əliyev": ["Kamran Əliyev"], "Berik Asılov": ["Berik Asılov"],
         "Qazaxıstan": ["Qazaxıstan"], "Azərbaycan": ["Azərbaycan"], "Bakı": ["Bakı"],
         "Beynəlxalq Antikorrupsiya Forumu": ["Beynəlxalq Antikorrupsiya Forumu"],
         "Baş Prokurorluq": ["Baş Prokurorluq"]},
        [("met", "Kamran Əliyev", "Berik Asılov", 0, 0.9),
         ("memberOf", "Berik Asılov", "Qazaxıstan", 0, 0.6),
         ("cooperatesWith", "Azərbaycan", "Qazaxıstan", 1, 0.7),
         ("organizedBy", "Beynəlxalq Antikorrupsiya Forumu", "Baş Prokurorluq", 2, 0.8),
         ("heldIn", "Beynəlxalq Antikorrupsiya Forumu", "Bakı", 2, 0.8),
         ("chairedBy", "Beynəlxalq Antikorrupsiya Forumu", "Kamran Əliyev", 3, 0.7),
         ("cochairedBy", "Beynəlxalq Antikorrupsiya Forumu", "Berik Asılov", 3, 0.7)],
        date="2024-05")


def doc_hungary() -> Extraction:
    return extraction(
        "2024-07-hungary",
        ["Azərbaycan Prezidenti İlham Əliyev Macarıstanın Baş naziri Viktor Orbanı qəbul edib.",
         "Azərbaycan ilə İnterpol arasında əməkdaşlıq davam edir."],
        {"İlham Əliyev": ["İlham Əliyev"], "Viktor Orban": ["Viktor Orban"],
         "Azərbaycan": ["Azərbaycan"], "Macarıstan": ["Macarıstan"], "İnterpol": ["İnterpol"]},
        [("heads", "İlham Əliyev", "Azərbaycan", 0, 0.95),
         ("met", "İlham Əliyev", "Viktor Orban", 0, 0.85),
         ("heads", "Viktor Orban", "Macarıstan", 0, 0.8),
         ("cooperatesWith", "Azərbaycan", "İnterpol", 1, 0.6)],
        date="2024-07-03")


CORPUS = (doc_interpol, doc_kazakhstan, doc_hungary)

HOSTILE = 'Dedi: "salam" \\ \\" }\n} GRAPH <http://evil/> { <a> <b> <c> } ; DROP ALL ; \'\'\' """ \t\r\n #'


def grown(ex: Extraction, n: int = 40) -> Extraction:
    """The same article with ``n`` more sentences (6 quads each)."""
    base = len(ex.article.text)
    for i in range(n):
        text = f"Əlavə cümlə {i}."
        start = len(ex.article.text) + 1
        ex.article.text += " " + text
        ex.sentences.append(Sentence(index=len(ex.sentences), start=start,
                                     end=start + len(text), text=text))
    assert len(ex.article.text) > base
    return ex


def quads(ex: Extraction) -> list:
    return list(extraction_quads(ex))


def graph_of(ex: Extraction) -> str:
    return doc_iri(ex.article.id)


def load(store, *docs) -> None:
    for make in docs or CORPUS:
        ex = make()
        store.replace_document(graph_of(ex), quads(ex))


def graph_size(store, graph: str) -> int:
    df = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                      {"g": URIRef(graph)})
    return int(df["n"].iloc[0]) if len(df) else 0
