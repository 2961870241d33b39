"""Azerbaijani: morphology, names, reference and constructions over the core.

The pipeline, in order: sentences and tokens (``kg.extract.text``); per
sentence, entity mentions — gazetteer names in any case form, composed
organisation and event names, quoted titles, titles, person names
(``ner``); person names settled for the whole document (``persons``); per
sentence, references resolved (``coref``) and the constructions applied
(``rules``); when a relation model is shipped (``data/models/relations-az.json``),
the learned decider keeps, drops or adds facts over the rules'
(``kg.extract.learn``); then the core's ``finish``. Words and phrases live in
``data/lang/az/`` (each class reads the lists it names once per document);
the code keeps only the grammar (case labels, suffixes, vowel harmony),
which ``tests/lang/test_az_data.py`` checks. May import the ground floor
and ``kg.extract``.
"""
from __future__ import annotations

from pathlib import Path

from ...extract.finish import MIN_CONFIDENCE, finish
from ...extract.gazetteer import Gazetteer, default_gazetteer
from ...extract.learn import Collector, CueIndex, Reading, RelationModel, default_model
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
    """Reusable: loads gazetteers and patterns once, then reads many articles.

    ``model``: True (the default) uses the shipped relation model when there
    is one; False reads with the rules only; a path or a ``RelationModel``
    uses that model."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon_: Lexicon | None = None,
                 min_confidence: float = MIN_CONFIDENCE, model: bool | str | Path | RelationModel = True):
        self.gaz = gazetteer or default_gazetteer()
        self.lex = lexicon_ or lexicon("az")
        self.min_confidence = min_confidence
        if model is True:
            self.model = default_model("az")
        elif model is False or model is None:
            self.model = None
        elif isinstance(model, RelationModel):
            self.model = model
        else:
            self.model = RelationModel.load(Path(model))
        self._cues: CueIndex | None = None

    def extract(self, article: Article) -> Extraction:
        if self.model is None:
            reading = self.read(article, candidates=False)
            return finish(reading.state, reading.sentences, self.min_confidence)
        reading = self.read(article, pairs=self.model.adds())
        relations = self.model.decide(reading.candidates, reading.state.relations)
        return finish(reading.state, reading.sentences, self.min_confidence, relations)

    def read(self, article: Article, candidates: bool = True, pairs: frozenset[str] | None = None) -> Reading:
        """The article read by the rules, before the last steps; with
        ``candidates``, every candidate fact of every sentence too (pairs no
        rule stated: for the predicates ``pairs``, all when None)."""
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
        if candidates and self._cues is None:
            self._cues = CueIndex(self.lex)
        collector = Collector(state, self._cues, pairs) if candidates else None
        for sent in sents:
            sent.units = coref.resolve(sent, sent.units)
            for u in sent.units:
                if u.kind in ("ent", "abbr") and u.key is not None and u.ref != "pair":
                    state.mention(u, sent.index, u.ref or "gazetteer")
            rules.sentence(sent, sent.units)
            if collector is not None:
                collector.sentence(sent, sent.units)
        rules.document_done()
        return Reading(state, sentences, collector.finish() if collector else [])
