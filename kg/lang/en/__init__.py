"""English: Article -> Extraction, by rules over capitalisation, gazetteers and cues.

Owns the English tokens (``text``), mentions (``ner``), references
(``refs``), titles (``titles``) and constructions (``relations``); what it
looks for by word is data in ``data/lang/en/``. It shares with every
language the extraction core (``kg.extract``): the document state, whose
``relate`` checks the ontology's domains and ranges and whose entities are
keyed by their gazetteer's Azerbaijani name (so "Azerbaijan" here is the
node "Azərbaycan" of an Azerbaijani article), the gazetteers and the last
steps (``finish``). May import the ground floor and ``kg.extract``; nothing
about storage.
"""
from __future__ import annotations

import re

from ...models import Article, Extraction
from ...extract.finish import finish
from ...extract.gazetteer import Gazetteer, default_gazetteer
from ...extract.lexicon import lexicon as core_lexicon
from ...extract.state import DocState
from ...extract.units import Sent
from .lexicon import Lexicon, default_lexicon
from .ner import SentenceAnalyzer, gazetteer_index
from .refs import References
from .relations import Rules
from .text import split_sentences, tokenize

MIN_CONFIDENCE = 0.5
_MONTHS = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b")


class Extractor:
    """Reusable: the gazetteer index and the cue lists are built once."""

    def __init__(self, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None,
                 min_confidence: float = MIN_CONFIDENCE):
        self.gaz = gazetteer or default_gazetteer()
        self.lex = lexicon or default_lexicon()
        self.index = gazetteer_index(self.gaz)
        self.min_confidence = min_confidence

    def extract(self, article: Article) -> Extraction:
        sentences = split_sentences(article.text)
        state = DocState(article, self.gaz, core_lexicon("en"))  # home country: cues.yaml's home_country
        ner = SentenceAnalyzer(state, self.lex, self.index)
        refs = References(state, self.lex)
        rules = Rules(state, self.lex, refs)
        for s in sentences:
            sent = Sent(s.index, s.start, s.text, tokenize(s.text, s.start))
            if _dateline(sent):
                continue  # "BAKU, Azerbaijan, March 15", "Baku, September 24, AZERTAC": no entity
            units = refs.resolve(ner.analyse(sent))
            for u in units + ner.inner:
                if u.kind == "ent" and u.key is not None:
                    state.mention(u, sent.index, u.ref or "gazetteer")
            refs.note(ner.inner)
            rules.sentence(sent, units)
            ner.last_person = refs.last_subject
        return finish(state, sentences, self.min_confidence)

def _dateline(sent: Sent) -> bool:
    """A place, a date and perhaps an agency, and little else."""
    return len(sent.tokens) <= 10 and _MONTHS.search(sent.text) is not None and sent.tokens[0].is_title \
        and len(sent.tokens) > 1 and sent.tokens[1].text == ","
