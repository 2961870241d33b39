"""A learned relation decider over the rules, for any language.

It owns the candidates of a sentence and their features (``features``),
the model file and its decision at run time in pure Python (``model``),
the gold labels of candidates (``gold``) and, at training time only,
fitting and cross-validation with scikit-learn (``train``, ``folds``; the
``[train]`` extra). A language plug-in reads a document with a
``Collector`` beside its rules, then lets ``RelationModel.decide`` keep,
drop or add facts. It imports the ground floor and ``kg.extract``'s
``units``, ``state`` and ``lexicon``; never a language plug-in.
"""
from __future__ import annotations

from dataclasses import dataclass

from ...models import Sentence
from ..state import DocState
from ..units import Sent, Unit
from .features import Candidate, CueIndex, sentence_candidates
from .model import RelationModel, default_model, model_path


class Collector:
    """Gathers the candidates of each sentence as the rules read it: call
    ``sentence`` right after the rules have read that sentence. Pairs no
    rule stated are candidates for ``pairs`` (predicates; all when None)."""

    def __init__(self, state: DocState, index: CueIndex, pairs: frozenset[str] | None = None):
        self.st = state
        self.index = index
        self.pairs = pairs
        state.trace = []
        self._seen = 0
        self.candidates: list[Candidate] = []

    def sentence(self, sent: Sent, units: list[Unit]) -> None:
        stated = self.st.trace[self._seen:]
        self._seen = len(self.st.trace)
        self.candidates.extend(sentence_candidates(self.st, sent, units, stated, self.index, self.pairs))

    def finish(self) -> list[Candidate]:
        """The candidates, once the document is read: a fact a document-level
        convention undid (``DocState.drop``) is no candidate."""
        dropped = self.st.dropped
        return [c for c in self.candidates if c.triple not in dropped] if dropped else self.candidates


@dataclass
class Reading:
    """One document read by a language's rules, before its last steps."""

    state: DocState
    sentences: list[Sentence]
    candidates: list[Candidate]


__all__ = ["Candidate", "Collector", "CueIndex", "Reading", "RelationModel", "default_model", "model_path"]
