"""The analysed sentence every language produces: a list of ``Unit``s.

A ``Unit`` is one element of a sentence after entity recognition: an
entity mention (``ent``, with its key, type and grammatical case or role),
a title (``title``), an abbreviation standing for the entity before it
(``abbr``), a plain word or a punctuation mark. ``case`` is the language's
own label (Azerbaijani cases, Russian cases, English roles) that its
constructions read; the core only compares it. ``PersonInfo`` is what the
article says about a person (titles, country), for reference.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Title
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
    inner: list["Unit"] = field(default_factory=list)  # entities inside a composed name
    plural: list[str] = field(default_factory=list)  # one body per owner: "Azərbaycan və Qazaxıstan DİN-ləri"
    held_in: list["Unit"] = field(default_factory=list)  # places a relative clause inside the name gives

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
