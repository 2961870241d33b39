"""Gazetteer names in Azerbaijani text, whatever their case suffix.

Every name's last word is indexed in all its inflected forms
(``kg.lang.az.morph.inflect``), and abbreviations with a hyphenated suffix
(``BMT-nin``) are matched on their stem. Built once per gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...extract.gazetteer import Entry, Gazetteer
from ...extract.text import Token, tokenize
from .morph import analyse, inflect


_CYRILLIC = re.compile("[\u0400-\u04ff]")


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token index
    end: int  # token index, exclusive
    case: str
    name: str  # the gazetteer name that matched



class Matcher:
    def __init__(self, gaz: Gazetteer):
        self._index: dict[tuple[str, ...], list[tuple[Entry, str, str]]] = {}
        self._max_len = 1
        for entry in gaz.entries.values():
            self._add(entry)

    def _add(self, entry: Entry) -> None:
        for name in entry.names():
            if _CYRILLIC.search(name):
                continue  # Russian names are kg.lang.ru's to match
            toks = [t for t in tokenize(name) if t.kind != "punct" or t.text in "&/"]
            if not toks:
                continue
            words = [fold(t.low) for t in toks]
            forms = {"nom": toks[-1].low} if _is_abbreviation(toks[-1].text) else inflect(toks[-1].text)
            for case, form in forms.items():
                self._index.setdefault(tuple(words[:-1] + [fold(form)]), []).append((entry, case, name))
            self._max_len = max(self._max_len, len(words))

    def match_at(self, tokens: list[Token], i: int) -> list[Match]:
        """The longest gazetteer matches starting at token ``i`` (ties: all)."""
        words: list[Token] = []
        j = i
        while j < len(tokens) and len(words) < self._max_len:
            t = tokens[j]
            if t.kind == "punct" and t.text not in "&/":
                break
            words.append(t)
            j += 1
        for n in range(len(words), 0, -1):
            span = words[:n]
            if not span[0].is_title and not span[0].text[:1].isdigit():
                return []
            lows = [fold(t.low) for t in span]
            found = self._lookup(lows, span)
            if found:
                return [Match(e, i, i + n, case, name) for e, case, name in found]
        return []

    def _lookup(self, lows: list[str], span: list[Token]) -> list[tuple[Entry, str, str]]:
        hits = list(self._index.get(tuple(lows), []))
        if not hits:
            for reading in analyse(span[-1].text)[1:]:
                if reading.suffix and any(sep in span[-1].text for sep in "-’'"):
                    for e, case, name in self._index.get(tuple(lows[:-1] + [fold(reading.lemma)]), []):
                        if case == "nom":
                            hits.append((e, reading.case, name))
                    break
        good = []
        for entry, case, name in hits:
            if _is_abbreviation(name) and not _text_is_upper(span):
                continue  # "DİN" matches DİN, never "din"
            good.append((entry, case, name))
        return good



def matcher(gaz: Gazetteer) -> Matcher:
    """The Azerbaijani matcher of ``gaz``, built on first use."""
    found = gaz.matchers.get("az")
    if found is None:
        found = gaz.matchers["az"] = Matcher(gaz)
    return found


_FOLD = str.maketrans({"ı": "i"})


def fold(word: str) -> str:
    """The matching form of a lower-cased word: dotless and dotted i are one
    letter here, so "BRICS" matches "BRİCS" and "Interpol" matches "İnterpol"."""
    return word.translate(_FOLD)


def _is_abbreviation(name: str) -> bool:
    if " " in name.strip():
        return False
    core = name.split("-")[0]
    letters = [c for c in core if c.isalpha()]
    return 2 <= len(letters) <= 7 and all(c.isupper() for c in letters)


def _text_is_upper(span: list[Token]) -> bool:
    core = span[-1].text.split("-")[0].split("’")[0].split("'")[0]
    letters = [c for c in core if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


