"""Azerbaijani: morphology, names, reference and constructions over the core.

The pipeline, in order: sentences and tokens (``kg.extract.text``); per
sentence, entity mentions — gazetteer names in any case form, composed
organisation and event names, quoted titles, titles, person names
(``ner``); person names settled for the whole document (``persons``); per
sentence, references resolved (``coref``) and the constructions applied
(``rules``); then the core's ``finish``. Words and phrases live in
``data/lang/az/``. May import the ground floor and ``kg.extract``.
"""
from __future__ import annotations

from ...extract.finish import MIN_CONFIDENCE, finish
from ...extract.gazetteer import Gazetteer, default_gazetteer
from ...extract.lexicon import Lexicon, lexicon
from ...extract.state import DocState
from ...extract.text import split_sentences, tokenize
from ...extract.units import Sent
from ...models import Article, Extraction
from .coref import Coreference
from .ner import SentenceAnalyzer
from .persons import PersonResolver
from .rules import RelationExtractor


class Extractor:
    """Reusable: loads gazetteers and patterns once, then reads many articles."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon_: Lexicon | None = None,
                 min_confidence: float = MIN_CONFIDENCE):
        self.gaz = gazetteer or default_gazetteer()
        self.lex = lexicon_ or lexicon("az")
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
        rules.document_done()
        return finish(state, sentences, self.min_confidence)
