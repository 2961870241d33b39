"""Article -> Extraction: sentences, entities, mentions, relations.

The Azerbaijani pipeline, in order:

1. sentences and tokens (``kg.nlp.text``);
2. per sentence, entity mentions: gazetteer names in any case, composed
   organisation and event names, quoted titles, titles, person names
   (``kg.nlp.ner``);
3. person names resolved for the whole document (``kg.nlp.persons``);
4. per sentence, references resolved (``kg.nlp.coref``) and relation
   rules applied (``kg.nlp.relations``).

Nothing here knows about RDF or storage. ``to_jsonl`` gives the corpus
scorer's format.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .models import Article, Extraction, Sentence
from .nlp.coref import Coreference
from .nlp.doc import DocState, Sent
from .nlp.gazetteer import Gazetteer, default_gazetteer
from .nlp.lexicon import Lexicon, default_lexicon
from .nlp.ner import SentenceAnalyzer
from .nlp.persons import PersonResolver
from .nlp.relations import RelationExtractor
from .nlp.text import split_sentences, tokenize

MIN_CONFIDENCE = 0.5


class Extractor:
    """Reusable: loads gazetteers and patterns once, then reads many articles."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None,
                 min_confidence: float = MIN_CONFIDENCE):
        self.gaz = gazetteer or default_gazetteer()
        self.lex = lexicon or default_lexicon()
        self.min_confidence = min_confidence

    def extract(self, article: Article) -> Extraction:
        sentences = split_sentences(article.text)
        state = DocState(article, self.gaz, self.lex)
        analyzer = SentenceAnalyzer(state)
        sents: list[Sent] = []
        for s in sentences:
            sent = Sent(s.index, s.start, s.text, tokenize(s.text, s.start))
            sent.units = analyzer.analyse(sent)
            sents.append(sent)
        PersonResolver(state).resolve(sents)
        coref = Coreference(state)
        rules = RelationExtractor(state, coref)
        for sent in sents:
            sent.units = coref.resolve(sent, sent.units)
            for u in sent.units:
                if u.kind in ("ent", "abbr") and u.key is not None and u.ref != "pair":
                    state.mention(u, sent.index, u.ref or "gazetteer")
            rules.sentence(sent, sent.units)
        return self._finish(state, sentences)

    def _finish(self, state: DocState, sentences: list[Sentence]) -> Extraction:
        relations = _without_overridden_defaults(
            [r for r in state.relations if r.confidence >= self.min_confidence], state)
        used = {m.entity for m in state.mentions} | {r.subject for r in relations} | {r.object for r in relations}
        entities = {k: e for k, e in state.entities.items() if k in used}
        mentions, spans = [], set()
        for m in state.mentions:  # one mention per span (a delegation repeats its leader's span)
            if m.entity in entities and (m.start, m.end) not in spans:
                spans.add((m.start, m.end))
                mentions.append(m)
        return Extraction(article=state.article, sentences=sentences, entities=entities,
                          mentions=mentions, relations=relations)


def _without_overridden_defaults(relations: list, state: DocState) -> list:
    """A title with no owner ("Prezident Ərdoğan") falls back on the title's
    default (the home country): a guess. When the same article says whom the
    person heads explicitly, with a body of the same type ("Türkiyə prezidenti
    Ərdoğan"), the explicit fact wins and the guess is dropped."""
    explicit = {(r.subject, state.etype(r.object)) for r in relations
                if r.predicate == "heads" and not r.rule.endswith("title_default")}
    return [r for r in relations
            if not (r.predicate == "heads" and r.rule.endswith("title_default")
                    and (r.subject, state.etype(r.object)) in explicit)]


_default: Extractor | None = None


def extract(article: Article) -> Extraction:
    """Extract with the bundled gazetteers and patterns (loaded once)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(article)


def to_jsonl(ex: Extraction) -> Iterator[str]:
    """The corpus scorer's lines: one per relation, then one per entity."""
    doc = ex.article.id
    seen = set()
    for r in ex.relations:
        s, o = ex.entities[r.subject], ex.entities[r.object]
        yield json.dumps({
            "doc": doc, "subject": s.all_labels(), "subject_type": s.type, "predicate": r.predicate,
            "object": o.all_labels(), "object_type": o.type, "confidence": round(r.confidence, 3),
            "rule": r.rule,
        }, ensure_ascii=False)
        seen.update((r.subject, r.object))
    for key, e in ex.entities.items():
        if key not in seen:
            yield json.dumps({"doc": doc, "entity": e.all_labels(), "type": e.type}, ensure_ascii=False)


def extract_many(articles: Iterable[Article]) -> Iterator[Extraction]:
    ex = Extractor()
    for a in articles:
        yield ex.extract(a)
