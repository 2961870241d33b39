"""The extraction core: what every language shares.

It owns the analysed-sentence model (``units``), sentences and tokens
(``text``), the gazetteers (``gazetteer``: entries with az/en/ru labels,
aliases, Wikidata ids), a language's lexicon read from
``data/lang/<code>/`` (``lexicon``), the document state through which
every fact passes — types checked against the ontology's domains and
ranges, symmetric relations ordered, best evidence kept (``state``) —, the
constructions every language has (``common``: coordinated lists, titles
implying bodies), the last steps (``finish``) and the scorer's JSON lines
(``jsonl``). Languages live in ``kg.lang.<code>`` and use this package;
it imports only the ground floor (``kg.models``, ``kg.ids``, ``kg.vocab``,
``kg.normalize``, ``kg.config``, ``kg.errors``) and knows nothing of
storage.
"""
from .jsonl import to_jsonl

__all__ = ["to_jsonl"]
