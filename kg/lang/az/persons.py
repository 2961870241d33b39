"""Person names for a whole document: canonical nominative form and identity.

A name's last word may carry a case suffix (Əliyevin, Olsonu, Sousaya,
Al-Raisinin). Readings are ranked by evidence from the whole article (the
same name seen without the suffix elsewhere), by the surname endings of
the gazetteer (-ov, -yev, -yeva, -dze, -şvili …) and by buffer consonants
that only follow a vowel (-nin, -ya, -nı). Then mentions are grouped:
initials (V.Eyvazov) and a bare surname (Prezident Əliyev) join the full
name they abbreviate when exactly one fits.
"""
from __future__ import annotations

from ...extract.state import DocState
from ...extract.units import PersonInfo, Sent, Unit
from ...ids import entity_key
from ...normalize import lookup_key, lower
from .morph import analyse

_PERSON_CASES = {"nom", "gen", "dat", "acc", "com", "abl", "loc"}
_BUFFERED = ("nın", "nin", "nun", "nün", "ya", "yə", "yla", "ylə")
_ACCUSATIVE = ("nı", "ni", "nu", "nü")


def _words(sent: Sent, u: Unit):
    return [t for t in sent.tokens[u.i:u.j]]


def _restore(original: str, lemma: str) -> str:
    if lower(original[: len(lemma)]) == lemma:
        return original[: len(lemma)]
    return original[:1] + lemma[1:]


class PersonResolver:
    def __init__(self, state: DocState):
        self.st = state
        self.particles = state.lex.particles
        nouns = state.lex.nouns
        self.governs_accusative = set(nouns["governs_accusative"])  # "Orbanı qəbul edib"
        self.governs_genitive = set(nouns["governs_genitive"])  # "Əliyevin dəvəti", "Şoferin himayəsi"
        self.possessed_visit = tuple(nouns["possessed_visit"])
        self.suffixes = sorted(state.gaz.surname_suffixes, key=len, reverse=True)

    def resolve(self, sents: list[Sent]) -> None:
        mentions = [(s, u) for s in sents for u in s.units if u.kind == "ent" and u.etype == "Person" and u.key is None]
        surfaces = {lower(" ".join(t.text for t in _words(s, u))) for s, u in mentions}
        last_words = {lower(_words(s, u)[-1].text) for s, u in mentions}
        names: list[tuple[Sent, Unit, list[str], str]] = []
        for s, u in mentions:
            words = [t for t in _words(s, u)]
            texts = [t.text for t in words]
            last = self._last_word(s, u, texts[-1], surfaces, last_words, texts[:-1])
            texts[-1], case = last
            u.case = case
            names.append((s, u, texts, case))
        # full names first, so that initials and surnames can join them
        full = [n for n in names if self._is_full(n[2])]
        partial = [n for n in names if not self._is_full(n[2])]
        for _, u, texts, _ in full:
            u.key = self._person(_join(texts))
        for s, u, texts, _ in partial:
            u.key = self._partial(texts, s, u)

    # -- the last word ---------------------------------------------------------
    def _last_word(self, s: Sent, u: Unit, word: str, surfaces, last_words, before) -> tuple[str, str]:
        readings = [r for r in analyse(word) if r.case in _PERSON_CASES]
        if len(readings) == 1:
            return word, "nom"
        own = lower(word)
        prefix = lower(" ".join(before))
        # 1. the bare form occurs elsewhere in the article
        for r in readings[1:]:
            cand = f"{prefix} {r.lemma}".strip()
            if cand in surfaces or (not prefix and r.lemma in last_words):
                return _restore(word, r.lemma), r.case
        # 2. surname endings: the reading with the longest known ending wins
        def ending(lemma: str) -> int:
            return max((len(x) for x in self.suffixes if lemma.endswith(x) and len(lemma) > len(x) + 1), default=0)
        best = max(readings, key=lambda r: (ending(r.lemma), r.case == "nom"))
        if ending(best.lemma) > ending(own):
            return _restore(word, best.lemma), best.case
        # 3. buffer consonants only follow a vowel; -la/-lə only a consonant ("Makronla")
        for r in readings[1:]:
            if r.suffix in _BUFFERED and r.lemma[-1:] in "aıoueəiöü":
                return _restore(word, r.lemma), r.case
            if r.case == "com" and r.suffix in ("la", "lə") and r.lemma[-1:] not in "aıoueəiöü" and len(r.lemma) > 3:
                return _restore(word, r.lemma), r.case
        j = u.j
        if j < len(s.tokens) and s.tokens[j].text == "(":  # "Endrü Şoferin (ABŞ) himayəsi": look past the bracket
            close = next((x for x in range(j, min(len(s.tokens), j + 6)) if s.tokens[x].text == ")"), None)
            j = close + 1 if close is not None else j
        nxt = s.tokens[j].low if j < len(s.tokens) else ""
        if nxt in self.governs_accusative:
            acc = sorted((r for r in readings[1:] if r.case == "acc"), key=lambda r: -len(r.lemma))
            if acc:  # "Orbanı" -> Orban (a consonant-final name is the likelier reading)
                return _restore(word, acc[0].lemma), acc[0].case
        # 4. a name followed by a word that governs a genitive
        ahead = [t.low for t in s.tokens[j:j + 3]]  # "Hao Pingin ölkəmizə səfəri": a place may stand between
        if nxt in self.governs_genitive or any(w.startswith(self.possessed_visit) for w in ahead):
            for r in readings[1:]:
                if r.case == "gen":
                    return _restore(word, r.lemma), r.case
        return word, "nom"

    def _is_full(self, texts: list[str]) -> bool:
        real = [t for t in texts if not t.endswith(".") and lower(t) not in self.particles]
        return len(real) >= 2 and not any(t.endswith(".") for t in texts)

    # -- identity ----------------------------------------------------------------
    def _person(self, name: str, aliases=()) -> str:
        key = entity_key("Person", name)
        key = self.st.entity("Person", name, list(aliases), key=key)
        if key not in self.st.persons:
            words = [w for w in name.split() if lower(w) not in self.particles]
            self.st.persons[key] = PersonInfo(key=key, name=name, surname=words[-1] if words else name,
                                              first=words[0] if words else name)
        return key

    def _partial(self, texts: list[str], s: Sent, u: Unit) -> str:
        surname = texts[-1]
        initials = [t[0] for t in texts[:-1] if t.endswith(".")]
        candidates = [p for p in self.st.persons.values() if lookup_key(p.surname) == lookup_key(surname)]
        if initials:
            candidates = [p for p in candidates if lookup_key(p.first[:1]) == lookup_key(initials[0])]
        label = "".join(texts[:-1]) + texts[-1] if initials else surname
        if len(candidates) == 1:
            self.st.add_aliases(candidates[0].key, [label, " ".join(texts)])
            return candidates[0].key
        if len(candidates) > 1:
            u.ref = "ambiguous"
            return candidates[-1].key
        return self._person(label, [" ".join(texts)] if initials else [])


def _join(texts: list[str]) -> str:
    return " ".join(texts)
