"""The working state of one article while it is being read.

``DocState`` holds the entities found so far (by key), their mentions, the
relations, and what later sentences refer back to: the people introduced
(with their titles, for "Nazir", "Baş prokuror", "həmkarı"), the last
foreign country ("bu ölkə"), the salient event ("tədbirdə"), the visitor
("qonaq"). ``Unit`` is one element of an analysed sentence: an entity
mention, a title, a plain word or a punctuation mark.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..ids import entity_key
from ..models import Article, Entity, Mention, Relation
from .gazetteer import Entry, Gazetteer
from .lexicon import Lexicon, Title
from .normalize import lookup_key
from .text import Token


@dataclass
class Unit:
    kind: str  # ent | title | word | punct
    i: int  # first token (index in the sentence)
    j: int  # token after the last
    start: int  # character offsets in the article
    end: int
    text: str
    low: str
    case: str = "nom"
    key: str | None = None
    etype: str | None = None
    title: Title | None = None
    owner: str | None = None  # for titles: the entity key of the owner
    body: str | None = None  # for titles: the entity key of the implied body
    ref: str | None = None  # how the entity was found (gazetteer, name, coref...)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class PersonInfo:
    key: str
    name: str
    surname: str
    first: str
    roles: list[tuple[tuple[str, ...], str | None]] = field(default_factory=list)  # (title words, owner key)
    country: str | None = None  # the country the person is from, when known


@dataclass
class Sent:
    index: int
    start: int
    text: str
    tokens: list[Token]
    units: list[Unit] = field(default_factory=list)


def lower_has_vowel(word: str, vowels) -> bool:
    from .normalize import lower
    return any(c in vowels for c in lower(word))


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
        home = gaz.find("Azərbaycan", "Country") if article.lang == "az" else None
        self.home: str | None = self.from_entry(home) if home else None
        self.home_used = False

    # -- entities ------------------------------------------------------------
    def from_entry(self, entry: Entry) -> str:
        key = self.entry_keys.get(entry.id)
        if key:
            return key
        key = entity_key(entry.type, entry.az)
        labels = {"az": entry.az}
        if entry.en:
            labels["en"] = entry.en
        if entry.ru:
            labels["ru"] = entry.ru
        self.entities[key] = Entity(
            key=key, type=entry.type, name=entry.az, lang="az", labels=labels,
            aliases=[a for a in entry.aliases if a not in (entry.az, entry.en, entry.ru)],
            wikidata=entry.wikidata,
        )
        self.entry_keys[entry.id] = key
        self.key_entry[key] = entry
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

    def genitives(self, key: str) -> list[str]:
        """The entity's names in the genitive: "Qazaxıstanın", "Birləşmiş Ərəb Əmirliklərinin", "BƏƏ-nin"."""
        from .morph import VOWELS, inflect, last_vowel
        from .ner import capitalize_like
        out = []
        for label in self.entities[key].all_labels():
            words = label.split()
            if not words or len(label) > 60 or label.isascii() and not label.isupper():
                continue
            last = words[-1]
            if last.isupper():
                v = last_vowel(last[-1:])
                if v is None:
                    continue  # "ABŞ": its suffix depends on how it is read aloud
                out.append(f"{label}-n{'ı' if v in 'aı' else 'u' if v in 'ou' else 'ü' if v in 'öü' else 'i'}n")
                continue
            if lower_has_vowel(last, VOWELS):
                gen = inflect(last).get("gen")
                if gen:
                    out.append(" ".join(words[:-1] + [capitalize_like(last, gen)]))
        return list(dict.fromkeys(out))

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
        if not s or not o or s == o:
            return
        if p in ("met", "cooperatesWith") and s > o:
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

    def has(self, s: str, p: str, o: str) -> bool:
        if p in ("met", "cooperatesWith") and s > o:
            s, o = o, s
        return (s, p, o) in self._relation_index
