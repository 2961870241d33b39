"""Graphs the graph and page tests build on: articles read from the seed and
the shared dev corpus, and small hand-made extractions whose every fact is
known (``Doc``, ``two_clubs``). The stores built from them are fixtures in
conftest.py."""
from __future__ import annotations

import json
from pathlib import Path

from kg.ids import doc_iri, entity_iri, entity_key
from kg.lang import Extractor
from kg.models import Article, Entity, Extraction, Relation, Sentence
from kg.rdf import extraction_quads
from kg.store import open_store
from tests.conftest import DEV, SEED

KAMRAN = "Kamran Əliyev"
RAISI = "Ahmed Naser Al-Raisi"



def corpus_article(txt: Path) -> Article:
    """An article read from the corpus: text, and id/url/date/lang from its
    .json sidecar when there is one (only those fields: not the annotations)."""
    meta = {}
    side = txt.with_suffix(".json")
    if side.exists():
        meta = json.loads(side.read_text(encoding="utf-8"))
    return Article(id=meta.get("id") or txt.stem, text=txt.read_text(encoding="utf-8"), url=meta.get("url"),
                   date=meta.get("date"), lang=meta.get("lang") or "az", title=meta.get("title"))


def store_from_articles(path: Path, articles: list[Article]):
    store = open_store(str(path))
    extractor = Extractor()
    for a in articles:
        store.replace_document(doc_iri(a.id), extraction_quads(extractor.extract(a)))
    return store


def seed_articles() -> list[Article]:
    dev = DEV / "az-0001.txt"
    return [corpus_article(dev if dev.exists() else SEED)]


def dev_articles() -> list[Article]:
    return [corpus_article(p) for p in sorted(DEV.glob("*.txt"))]


class Doc:
    """A hand-made article: ``fact(sentence, (subject, predicate, object), ...)``
    adds one sentence and its relations; names are found in the sentence."""

    def __init__(self, doc_id: str, *, date=None, url=None, title=None, lang="az"):
        self.article = Article(id=doc_id, text="", url=url, date=date, lang=lang, title=title)
        self.ex = Extraction(article=self.article)

    def entity(self, etype: str, name: str, *, en=None, aliases=(), wikidata=None) -> str:
        key = entity_key(etype, name)
        labels = {"az": name, **({"en": en} if en else {})}
        self.ex.entities[key] = Entity(key=key, type=etype, name=name, labels=labels, aliases=list(aliases),
                                       wikidata=wikidata)
        return key

    def fact(self, sentence: str, *relations, confidence: float = 0.9, rule: str = "test") -> "Doc":
        start = len(self.article.text) + (1 if self.article.text else 0)
        self.article.text = (self.article.text + " " if self.article.text else "") + sentence
        index = len(self.ex.sentences)
        self.ex.sentences.append(Sentence(index=index, start=start, end=start + len(sentence), text=sentence))
        for s, p, o in relations:
            sname, oname = self.ex.entities[s].name, self.ex.entities[o].name
            ss, os_ = sentence.find(sname), sentence.find(oname)
            assert ss >= 0 and os_ >= 0, (sname, oname, sentence)
            self.ex.relations.append(Relation(
                subject=s, predicate=p, object=o, sentence=index,
                subject_span=(start + ss, start + ss + len(sname)),
                object_span=(start + os_, start + os_ + len(oname)), rule=rule, confidence=confidence))
        return self


def write_docs(store, docs: list[Doc]):
    for d in docs:
        store.replace_document(doc_iri(d.article.id), extraction_quads(d.ex))
    return store


def two_clubs() -> list[Doc]:
    """Two groups joined by one broker (Bəxtiyar), over two dated articles:

        Anar -met- Elvin -met- Fərid -met- Anar        (a triangle)
        Elvin -heads-> Nazirlik; Nazirlik -partOf-> Azərbaycan
        Bəxtiyar -met- Fərid, Bəxtiyar -met- Qasım
        Qasım -met- Rəşad -met- Sənan -met- Qasım      (a triangle)
        Anar -met- Elvin again, in the second article
    """
    a = Doc("club-1", date="2023-05", url="https://example.org/club-1", title="Club one")
    anar = a.entity("Person", "Anar Məmmədov", en="Anar Mammadov", aliases=["A. Məmmədov"])
    elvin = a.entity("Person", "Elvin Quliyev")
    ferid = a.entity("Person", "Fərid Həsənov")
    naz = a.entity("Organization", "Xarici İşlər Nazirliyi", en="Ministry of Foreign Affairs")
    az = a.entity("Country", "Azərbaycan", en="Azerbaijan", wikidata="Q227")
    a.fact("Anar Məmmədov Elvin Quliyev ilə görüşüb.", (anar, "met", elvin))
    a.fact("Elvin Quliyev Fərid Həsənov ilə görüşüb, sonra Fərid Həsənov Anar Məmmədov ilə görüşüb.",
           (elvin, "met", ferid), (ferid, "met", anar))
    a.fact("Xarici İşlər Nazirliyi rəhbəri Elvin Quliyev Azərbaycan adından danışıb.",
           (elvin, "heads", naz), (naz, "partOf", az), confidence=0.7)
    b = Doc("club-2", date="2024-02", url="https://example.org/club-2", title="Club two")
    for key, ent in a.ex.entities.items():
        b.ex.entities[key] = ent
    bext = b.entity("Person", "Bəxtiyar Əliyev")
    qasim = b.entity("Person", "Qasım Rzayev")
    resad = b.entity("Person", "Rəşad Babayev")
    senan = b.entity("Person", "Sənan Hüseynov")
    b.fact("Bəxtiyar Əliyev Fərid Həsənov ilə görüşüb.", (bext, "met", ferid))
    b.fact("Bəxtiyar Əliyev Qasım Rzayev ilə görüşüb.", (bext, "met", qasim))
    b.fact("Qasım Rzayev Rəşad Babayev ilə, Rəşad Babayev Sənan Hüseynov ilə, Sənan Hüseynov Qasım Rzayev ilə görüşüb.",
           (qasim, "met", resad), (resad, "met", senan), (senan, "met", qasim))
    b.fact("Elvin Quliyev yenə Anar Məmmədov ilə görüşüb.", (elvin, "met", anar), confidence=0.6)
    return [a, b]


def iri(etype: str, name: str) -> str:
    return entity_iri(entity_key(etype, name))
