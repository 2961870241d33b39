"""The working state of one article while it is being read, in any language.

``DocState`` holds the entities found so far (by key), their mentions, the
relations, and what later sentences refer back to: the people introduced
(with their titles), the bodies and their countries, abbreviations defined
in the text, the home country of the outlet. ``relate`` is the one door
for facts: it keeps a relation only when the ontology's domain and range
allow its entity types (``kg.vocab.signatures``), orders symmetric ones,
and keeps the best-supported evidence of a repeated fact.
"""
from __future__ import annotations

from ..ids import entity_key
from ..models import Article, Entity, Mention, Relation
from ..normalize import lookup_key
from ..vocab import relations as relation_properties
from ..vocab import signatures
from .gazetteer import Entry, Gazetteer
from .lexicon import Lexicon
from .units import PersonInfo, Unit


def symmetric() -> frozenset[str]:
    return frozenset(name for name, info in relation_properties().items() if info.symmetric)


class DocState:
    def __init__(self, article: Article, gaz: Gazetteer, lex: Lexicon):
        self.article = article
        self.gaz = gaz
        self.lex = lex
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self.relations: list[Relation] = []
        self._relation_index: dict[tuple, int] = {}
        self.persons: dict[str, PersonInfo] = {}
        self.abbreviations: dict[str, str] = {}  # lookup key of an abbreviation -> entity key
        self.entry_keys: dict[str, str] = {}  # gazetteer id -> entity key
        self.key_entry: dict[str, Entry] = {}  # entity key -> gazetteer entry
        self.country_of: dict[str, str] = {}  # entity key of a body -> key of its country
        self.mention_count: dict[str, int] = {}
        home = gaz.entries.get(lex.home_country or "")
        self.home: str | None = self.from_entry(home) if home is not None else None
        self.home_used = False
        self._symmetric = symmetric()

    # -- entities ------------------------------------------------------------
    def from_entry(self, entry: Entry) -> str:
        key = self.entry_keys.get(entry.id)
        if key:
            return key
        key = entity_key(entry.type, entry.az)
        labels = entry.labels()
        self.entities[key] = Entity(
            key=key, type=entry.type, name=entry.az, lang="az", labels=labels,
            aliases=[a for a in entry.aliases if a not in labels.values()],
            wikidata=entry.wikidata,
        )
        self.entry_keys[entry.id] = key
        self.key_entry[key] = entry
        if entry.type == "Person" and key not in self.persons:
            # a known person: titles and a bare surname find them as they find a name read in the text
            own = labels.get(self.article.lang, entry.az).split()
            self.persons[key] = PersonInfo(key=key, name=" ".join(own), surname=own[-1], first=own[0])
        country = self.gaz.country_of(entry) if entry.type != "Country" else None
        if country is not None:
            self.country_of[key] = self.from_entry(country)
        return key

    def entity(self, etype: str, name: str, aliases: list[str] | tuple = (), key: str | None = None) -> str:
        """The key of the entity called ``name`` (created if new)."""
        entry = self.gaz.find(name, etype)
        if entry is not None and key is None:
            k = self.from_entry(entry)
            self.add_aliases(k, aliases)
            return k
        key = key or entity_key(etype, name)
        ent = self.entities.get(key)
        if ent is None:
            self.entities[key] = Entity(key=key, type=etype, name=name, lang=self.article.lang,
                                        labels={self.article.lang: name}, aliases=[])
        self.add_aliases(key, aliases)
        return key

    def add_aliases(self, key: str, aliases) -> None:
        ent = self.entities[key]
        have = {lookup_key(a) for a in ent.all_labels()}
        for a in aliases:
            if a and lookup_key(a) not in have:
                ent.aliases.append(a)
                have.add(lookup_key(a))

    def etype(self, key: str | None) -> str | None:
        ent = self.entities.get(key or "")
        return ent.type if ent else None

    def mention(self, unit: Unit, sentence: int, rule: str) -> None:
        if unit.key is None:
            return
        self.mentions.append(Mention(unit.key, unit.start, unit.end, unit.text, sentence, rule))
        self.mention_count[unit.key] = self.mention_count.get(unit.key, 0) + 1

    # -- relations -----------------------------------------------------------
    def relate(self, s: str | None, p: str, o: str | None, sentence: int, rule: str, confidence: float,
               sspan: tuple[int, int] | None = None, ospan: tuple[int, int] | None = None) -> None:
        if not s or not o or s == o or not self.allows(p, s, o):
            return
        if p in self._symmetric and s > o:
            s, o, sspan, ospan = o, s, ospan, sspan
        index = (s, p, o)
        if index in self._relation_index:
            old = self.relations[self._relation_index[index]]
            if confidence > old.confidence:
                self.relations[self._relation_index[index]] = Relation(
                    s, p, o, sentence, sspan, ospan, rule, confidence)
            return
        self._relation_index[index] = len(self.relations)
        self.relations.append(Relation(s, p, o, sentence, sspan, ospan, rule, confidence))

    def allows(self, p: str, s: str | None, o: str | None) -> bool:
        """The ontology admits ``p`` between these entities' types."""
        return signatures()[p].allows(self.etype(s), self.etype(o))

    def has(self, s: str, p: str, o: str) -> bool:
        if p in self._symmetric and s > o:
            s, o = o, s
        return (s, p, o) in self._relation_index

    def drop(self, keep) -> None:
        """Keep only the relations ``keep(relation)`` accepts (a document-level
        convention undoing what sentence-level rules could not know)."""
        self.relations = [r for r in self.relations if keep(r)]
        self._relation_index = {(r.subject, r.predicate, r.object): i for i, r in enumerate(self.relations)}
