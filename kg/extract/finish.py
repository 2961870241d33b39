"""From a document's working state to its ``Extraction``, in any language.

What every language does last: facts below the confidence floor go; a
title's guessed owner gives way to the owner the article states; only the
entities that take part in a fact stay, with their mentions (a place named
in passing is not part of a graph of relations — the annotation guide's
graph is the same); one mention per span.
"""
from __future__ import annotations

from ..models import Extraction, Sentence
from .state import DocState

MIN_CONFIDENCE = 0.5


def finish(state: DocState, sentences: list[Sentence], min_confidence: float = MIN_CONFIDENCE) -> Extraction:
    relations = without_overridden_defaults(
        [r for r in state.relations if r.confidence >= min_confidence], state)
    used = {r.subject for r in relations} | {r.object for r in relations}  # the graph holds the entities of its facts
    entities = {k: e for k, e in state.entities.items() if k in used}
    mentions, spans = [], set()
    for m in state.mentions:  # one mention per span (a delegation repeats its leader's span)
        if m.entity in entities and (m.start, m.end) not in spans:
            spans.add((m.start, m.end))
            mentions.append(m)
    return Extraction(article=state.article, sentences=sentences, entities=entities,
                      mentions=mentions, relations=relations)


def without_overridden_defaults(relations: list, state: DocState) -> list:
    """A title with no owner ("President Erdoğan") falls back on the title's
    default (the home country): a guess. When the same article says whom the
    person heads explicitly, with a body of the same type ("Turkey's President
    Erdoğan"), the explicit fact wins and the guess is dropped. Rules whose
    id ends in ``title_default`` are such guesses, in every language."""
    explicit = {(r.subject, state.etype(r.object)) for r in relations
                if r.predicate == "heads" and not r.rule.endswith("title_default")}
    return [r for r in relations
            if not (r.predicate == "heads" and r.rule.endswith("title_default")
                    and (r.subject, state.etype(r.object)) in explicit)]
