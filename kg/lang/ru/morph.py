"""Russian morphology: lemmas, cases, and phrases put back in the nominative.

Built on ``pymorphy3`` (its OpenCorpora dictionary ships inside the
``pymorphy3-dicts-ru`` wheel: nothing is downloaded). Every word is parsed
once per process (``functools.lru_cache``); ``ё`` is read as ``е``.

* ``info(word)``: the word's readings (lemma, part of speech, case, number,
  gender, name tags) and its lemma set, used to match gazetteer names and
  cue words in any case form;
* ``nominative(words)``: a noun phrase in the nominative, the head and the
  words that agree with it inflected, its genitive complement kept
  («Генеральной прокуратуры Азербайджана» → «Генеральная прокуратура
  Азербайджана», «23-й ежегодной сессии» → «23-я ежегодная сессия»);
* ``person_word_nominative(word, case, female)``: a word of a person's name in the nominative,
  given the case its context shows («Петром Городовым» → «Петр Городов»,
  «Мовлуда Чавушоглу» → «Мовлуд Чавушоглу»).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_ORDINAL = re.compile(r"^(\d+)(?:-?(й|я|е|го|му|м|ой|ую|х|ый|ий|ая|ое|ые))?$")


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@dataclass(frozen=True)
class Reading:
    lemma: str
    pos: str | None
    case: str | None
    number: str | None
    gender: str | None
    tags: frozenset
    known: bool  # from the dictionary, not guessed from the ending
    score: float
    parse: object


@dataclass(frozen=True)
class WordInfo:
    readings: tuple[Reading, ...]
    lemmas: frozenset  # lemmas of all readings, and the word itself

    def has(self, lemma_set) -> bool:
        return not self.lemmas.isdisjoint(lemma_set)

    def cases(self, pos: tuple[str, ...] | None = None) -> set[str]:
        return {r.case for r in self.readings if r.case and (pos is None or r.pos in pos)}

    def is_pos(self, *pos: str) -> bool:
        return any(r.pos in pos for r in self.readings)

    def first_pos(self) -> str | None:
        return self.readings[0].pos if self.readings else None

    def tagged(self, tag: str, known: bool = True) -> bool:
        return any(tag in r.tags and (r.known or not known) for r in self.readings)


def _s(value) -> str | None:
    return str(value) if value else None


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def info(word: str) -> WordInfo:
    low = fold(word)
    readings = []
    for p in analyzer().parse(low):
        tag = p.tag
        known = any(type(m[0]).__name__ == "DictionaryAnalyzer" for m in p.methods_stack)
        readings.append(Reading(fold(p.normal_form), _s(tag.POS), _s(tag.case), _s(tag.number), _s(tag.gender),
                                frozenset(tag.grammemes), known, p.score, p))
    lemmas = frozenset([low, *(r.lemma for r in readings)])
    return WordInfo(tuple(readings), lemmas)


def lemma(word: str) -> str:
    i = info(word)
    return i.readings[0].lemma if i.readings else fold(word)


def name_lemma(word: str) -> str:
    """The lemma a gazetteer name's word is indexed under: the lemma of its
    nominative reading (the name is written in the nominative)."""
    i = info(word)
    for r in i.readings:
        if r.case == "nomn" and r.known:
            return r.lemma
    return i.readings[0].lemma if i.readings and i.readings[0].known else fold(word)


def _like(model: str, word: str) -> str:
    if "ё" not in model.lower():
        word = word.replace("ё", "е")  # the writer's spelling: Петр stays Петр
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _inflect(r: Reading, grammemes: set[str]) -> str | None:
    try:
        out = r.parse.inflect(grammemes)
    except (ValueError, KeyError):
        return None
    return out.word if out is not None else None


_AGREEING = ("ADJF", "PRTF", "NUMR")


def nominative(words: list[str]) -> str:
    """The noun phrase ``words`` with its head (the first noun) in the nominative."""
    head = next((k for k, w in enumerate(words) if info(w).is_pos("NOUN") and not _ORDINAL.match(w)
                 and not (k + 1 < len(words) and info(w).first_pos() in _AGREEING)), None)
    if head is None:
        return " ".join(words)
    hinfo = info(words[head])
    mods = [k for k in range(head) if info(words[k]).is_pos(*_AGREEING) or _ORDINAL.match(words[k])]
    # the head's reading: the one a modifier agrees with, singular first
    best = None
    for r in sorted((r for r in hinfo.readings if r.pos == "NOUN"), key=lambda r: (r.number != "sing", not r.known)):
        if all(_ORDINAL.match(words[k]) or any(m.case == r.case and (m.number == r.number) for m in info(words[k]).readings)
               for k in mods):
            best = r
            break
    if best is None or best.case in (None, "nomn") or "Fixd" in best.tags:
        return " ".join(words)
    number = best.number or "sing"
    gender = best.gender
    out = list(words)
    form = _inflect(best, {"nomn", number})
    if form:
        out[head] = _like(words[head], form)
    for k in mods:
        m = _ORDINAL.match(words[k])
        if m:
            if m.group(2):
                suffix = "е" if number == "plur" or gender == "neut" else "я" if gender == "femn" else "й"
                out[k] = f"{m.group(1)}-{suffix}"
            continue
        reading = next((r for r in info(words[k]).readings if r.case == best.case and r.pos in _AGREEING), None)
        if reading is None:
            continue
        want = {"nomn", number} | ({gender} if number == "sing" and gender in ("masc", "femn", "neut") else set())
        form = _inflect(reading, want)
        if form:
            out[k] = _like(words[k], form)
    return " ".join(out)


# -- person names ------------------------------------------------------------------

_MASC_ENDINGS = {"gent": ("а", "я"), "accs": ("а", "я"), "datv": ("у", "ю"), "ablt": ("ом", "ем", "ым", "им"),
                 "loct": ("е",)}
_FEMN_ENDINGS = {"gent": ("ы", "и", "ой"), "accs": ("у", "ю"), "datv": ("е", "ой"), "ablt": ("ой", "ей"),
                 "loct": ("е", "ой")}
_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)(а|у|ым|е|ой|ою)?$")


def person_cases(word: str) -> set[str]:
    """The cases a name word may be in, from the dictionary (names, surnames)."""
    return {r.case for r in info(word).readings if r.known and r.case and ({"Name", "Surn", "Patr"} & r.tags)}


def person_word_nominative(word: str, case: str, female: bool | None = None) -> str:
    """One word of a name in the nominative, knowing the case of the name."""
    if case == "nomn" or word.isupper() or len(word) < 3 or "-" in word and not word.endswith(("а", "у", "ом", "ым")):
        return word
    low = fold(word)
    for r in info(word).readings:
        if r.known and r.case == case and ({"Name", "Surn", "Patr"} & r.tags) and \
                (female is None or (r.gender == "femn") == female or "ms-f" in r.tags):
            form = _inflect(r, {"nomn", "sing"} | ({"femn"} if female else {"masc"} if female is False else set()))
            if form:
                return _like(word, form)
    m = _SURNAME.search(low)
    if m and m.group(2):
        stem = word[: len(word) - len(m.group(2))]
        if female and m.group(2) in ("у", "ой", "ою"):
            return stem + "а"
        if not female and m.group(2) in ("а", "у", "ым", "е"):
            return stem
        return word
    if female:
        for end in _FEMN_ENDINGS.get(case, ()):
            if low.endswith(end) and len(low) > len(end) + 2:
                return word[: -len(end)] + ("а" if low[-len(end) - 1] not in "гкхжшчщ" or end != "и" else "а")
        return word
    if low[-1:] in "оиуыэюе" and case != "nomn" and not any(low.endswith(e) for e in _MASC_ENDINGS.get(case, ())):
        return word  # indeclinable: Чавушоглу, Гарибашвили
    for end in _MASC_ENDINGS.get(case, ()):
        if low.endswith(end) and len(low) > len(end) + 2:
            base = word[: -len(end)]
            if end in ("я", "ю", "ем") and base[-1:] not in "иеаоуйжшчщц":
                return base + "ь"
            return base
    return word
