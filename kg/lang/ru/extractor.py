"""Article (Russian) -> Extraction.

1. sentences and tokens (``kg.extract.text``: the same splitter as every language);
2. per sentence, units: titles, bodies, events, persons, gazetteer names
   (``ner``, ``persons``, ``names``), with pymorphy3 lemmas and cases;
3. per sentence, references resolved (``coref``) and the relation rules of
   ``relations`` applied; entities and relations are kept in the shared
   ``kg.extract.state.DocState``, so gazetteer entities get the same keys as in
   Azerbaijani articles;
4. finishing as for every language: low-confidence facts dropped, a
   title's default body dropped when the article says whom the person
   heads, one mention per span.

Optionally (``ner="natasha"``) natasha's neural NER proposes person spans
the rules missed; the default is rules only (see the README for why).
"""
from __future__ import annotations

from ...extract.finish import MIN_CONFIDENCE, finish
from ...extract.gazetteer import Gazetteer, default_gazetteer
from ...extract.state import DocState
from ...extract.text import split_sentences, tokenize
from ...models import Article, Extraction
from .coref import Coreference
from .lexicon import RuLexicon, default_lexicon
from .names import russian_names
from .ner import SentenceAnalyzer
from .persons import PersonFinder
from .relations import RelationRules

HOME_BY_TLD = {"ru": "russia", "by": "belarus", "kz": "kazakhstan", "ua": "ukraine", "uz": "uzbekistan",
               "ge": "georgia", "am": "armenia", "tr": "turkey"}


class Extractor:
    """Reusable: loads gazetteers, morphology and patterns once."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: RuLexicon | None = None,
                 min_confidence: float = MIN_CONFIDENCE, ner: str = "rules"):
        self.gaz = gazetteer or default_gazetteer()
        self.lex = lexicon or default_lexicon()
        self.names = russian_names(self.gaz)
        self.min_confidence = min_confidence
        self.ner = ner
        self._natasha = None

    def home_country(self, article: Article) -> str:
        """The outlet's country: the lexicon's (Azerbaijan), unless the article's
        address is in another country's domain."""
        url = (article.url or "").split("/")
        host = url[2] if len(url) > 2 else ""
        return HOME_BY_TLD.get(host.rsplit(".", 1)[-1].lower(), self.lex.core.home_country or "azerbaijan")

    def extract(self, article: Article) -> Extraction:
        state, sentences = self.read(article)
        return finish(state, sentences, self.min_confidence)

    def read(self, article: Article) -> tuple[DocState, list]:
        """The article's working state before the finishing step: every mention, every fact."""
        sentences = split_sentences(article.text)
        state = DocState(article, self.gaz, self.lex.core)
        home = self.gaz.entries.get(self.home_country(article))
        state.home = state.from_entry(home) if home else None
        analyzer = SentenceAnalyzer(state, self.lex, self.names)
        persons = PersonFinder(state, self.lex)
        extra = self._natasha_persons(article) if self.ner == "natasha" else None
        analysed = []
        for s in sentences:
            toks = tokenize(s.text, s.start)
            analysed.append((s, toks, analyzer.analyse(toks, persons, extra)))
        coref = Coreference(state, self.lex, persons)
        rules = RelationRules(state, self.lex, coref, self.names)
        for s, toks, units in analysed:
            units = coref.resolve(units)
            for u in units:
                if u.kind == "ent" and u.key is not None:
                    state.mention(u, s.index, u.ref or "gazetteer")
            rules.sentence(s.index, units)
        rules.finish()
        return state, sentences

    def _natasha_persons(self, article: Article) -> set[tuple[int, int]]:
        """Character spans natasha's NER tags PER (loaded on first use)."""
        if self._natasha is None:
            from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
            emb = NewsEmbedding()
            self._natasha = (Segmenter(), NewsNERTagger(emb), Doc)
        seg, tagger, Doc = self._natasha
        doc = Doc(article.text)
        doc.segment(seg)
        doc.tag_ner(tagger)
        return {(sp.start, sp.stop) for sp in doc.spans if sp.type == "PER"}
