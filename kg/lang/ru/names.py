"""Gazetteer names in Russian text, in any case form.

The shared gazetteer (``kg.extract.gazetteer``) holds each entry's ``ru`` name
and its Cyrillic aliases. Here they are indexed by the lemmas of their
words («Генеральная прокуратура Азербайджана» → генеральный · прокуратура ·
азербайджан), and a text span matches when each of its words has that
lemma among its readings, so «Генеральной прокуратурой Азербайджана» is
found as well. All-capital abbreviations (МИД, ООН, ОБСЕ) match only in
capitals, with or without a case ending (МИДа, МИДом).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...extract.gazetteer import Entry, Gazetteer
from ...extract.text import Token, tokenize
from .morph import fold, info, name_lemma

CYRILLIC = re.compile("[\u0400-\u04ff]")
_ABBR_CASE = re.compile(r"^([А-ЯЁA-Z]{2,})(а|у|ом|е|ы|ов)?$")


@dataclass(frozen=True)
class NameMatch:
    entry: Entry
    i: int
    j: int
    name: str


def _is_abbreviation(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters) and " " not in text


def word_keys(tok: Token) -> frozenset:
    """The keys a text word may match: its lemmas and its folded form."""
    m = _ABBR_CASE.match(tok.text)
    if m and m.group(1) != tok.text:
        return frozenset([fold(tok.text), fold(m.group(1))])
    return info(tok.text).lemmas


class RussianNames:
    """A lemma trie over the gazetteer's Russian names."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz
        self.trie: dict = {}
        self.upper_only: set[str] = set()
        for entry in gaz.entries.values():
            for name in self._russian_names(entry):
                self._add(entry, name)

    @staticmethod
    def _russian_names(entry: Entry) -> list[str]:
        names = [entry.ru] if entry.ru else []
        names += [a for a in entry.aliases if CYRILLIC.search(a)]
        return list(dict.fromkeys(n for n in names if n))

    def _add(self, entry: Entry, name: str) -> None:
        toks = [t for t in tokenize(name) if t.kind != "punct" or t.text in "&+"]
        if not toks:
            return
        node = self.trie
        for t in toks:
            key = fold(t.text) if _is_abbreviation(t.text) or t.kind == "punct" else name_lemma(t.text)
            node = node.setdefault(key, {})
        node.setdefault(None, []).append((entry, name))
        if len(toks) == 1 and _is_abbreviation(name):
            self.upper_only.add(fold(name))

    def match_at(self, tokens: list[Token], i: int) -> list[NameMatch]:
        """The longest matches starting at token ``i`` (ties: all of them)."""
        if not tokens[i].text[:1].isupper() and not tokens[i].text[:1].isdigit():
            return []
        best: list[NameMatch] = []
        frontier = [(self.trie, i)]
        while frontier:
            nxt = []
            for node, j in frontier:
                if None in node and j > i:
                    found = [NameMatch(e, i, j, n) for e, n in node[None] if self._case_ok(tokens, i, j, n)]
                    if found and (not best or j > best[0].j):
                        best = found
                    elif found and j == best[0].j:
                        best += found
                if j >= len(tokens):
                    continue
                tok = tokens[j]
                if tok.kind == "punct" and tok.text not in "&+":
                    continue
                for key in word_keys(tok):
                    child = node.get(key)
                    if child is not None:
                        nxt.append((child, j + 1))
            frontier = nxt
        return best

    def _case_ok(self, tokens: list[Token], i: int, j: int, name: str) -> bool:
        if j - i == 1 and fold(name) in self.upper_only:
            text = tokens[i].text
            m = _ABBR_CASE.match(text)
            return bool(m)  # "МИД", "МИДа", never "мид"
        return True

    def find(self, words: list[str], etype: str | None = None) -> Entry | None:
        """The entry named exactly ``words`` (any case form)."""
        toks = tokenize(" ".join(words))
        for m in self.match_at(toks, 0) if toks else []:
            if m.j == len(toks) and (etype is None or m.entry.type == etype):
                return m.entry
        return None


def russian_names(gaz: Gazetteer) -> RussianNames:
    """The Russian matcher of ``gaz``, built on first use (~0.3 s) and kept in ``gaz.matchers``."""
    found = gaz.matchers.get("ru")
    if found is None:
        found = gaz.matchers["ru"] = RussianNames(gaz)
    return found
