"""The Russian analysed sentence: ``RuUnit`` (the core's ``Unit`` with the
word's lemmas and readings), and the small helpers every Russian module uses."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...extract.text import Token
from ...extract.units import Unit
from .morph import WordInfo, fold, info

_ROMAN = re.compile(r"^[IVXLC]+(-?[а-я]{1,3})?$")
QUOTES = {"«": "»", "\"": "\"", "“": "”", "„": "“"}
PREPOSITION_CASE = {"с": "ablt", "со": "ablt", "от": "gent", "для": "gent", "у": "gent", "без": "gent",
                    "до": "gent", "из": "gent", "к": "datv", "ко": "datv", "о": "loct", "об": "loct", "при": "loct"}


@dataclass
class RuUnit(Unit):
    lemmas: frozenset = frozenset()
    winfo: WordInfo | None = None
    parts: list = field(default_factory=list)  # (body, owner) named inside this mention
    tail: frozenset = frozenset()  # lemmas of a span's last word («…по экономическому сотрудничеству»)

    def lemma_in(self, words) -> bool:
        return not self.lemmas.isdisjoint(words)


def word_unit(t: Token) -> RuUnit:
    kind = "punct" if t.kind == "punct" else "word"
    wi = info(t.text) if kind == "word" else None
    return RuUnit(kind, t.i, t.i + 1, t.start, t.end, t.text, fold(t.text),
                  lemmas=wi.lemmas if wi else frozenset([t.text]), winfo=wi)


def gen_capable(t: Token) -> bool:
    """May be a genitive: has a genitive reading, or is indeclinable (an abbreviation, a foreign name)."""
    wi = info(t.text)
    return t.text.isupper() or any(r.case == "gent" or "Fixd" in r.tags for r in wi.readings) \
        or not any(r.known and r.pos in ("NOUN", "ADJF") for r in wi.readings)
