"""Azerbaijani nominal morphology: case and possessive suffixes.

Two directions:

* ``inflect(lemma)`` generates the surface forms of a known name (used to
  match gazetteer entries whatever their case: İnterpol -> İnterpolun,
  Bakı -> Bakıda, Nazirlik -> Nazirliyi, Nazirliyinin);
* ``analyse(word)`` proposes (lemma, case) readings of an unknown word by
  stripping suffixes under vowel harmony, buffer consonants (n, y, s) and
  the k/y, q/ğ alternation (Prokurorluğu -> Prokurorluq).

Cases: nom, gen, dat, acc, loc, abl, com (comitative -la/-lə), locadj
(-dakı/-dəki), and poss (3rd person possessive, the izafet head form);
``poss+gen`` and so on for a possessive followed by a case.

Harmony works on the word's last vowel. Abbreviations and foreign words
take their suffix after a hyphen (BMT-nin, COP29-un), where any harmony
variant is accepted.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...normalize import lower

VOWELS = set("aıoueəiöü")
BACK = set("aıou")
_H4 = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}


def last_vowel(word: str) -> str | None:
    for ch in reversed(lower(word)):
        if ch in VOWELS:
            return ch
    return None


def _h2(v: str | None) -> str:
    return "a" if v in BACK else "ə"


def _h4(v: str | None) -> str:
    return _H4.get(v or "e", "i")


def _alternated(stem: str) -> str:
    """Final k -> y, q -> ğ before a vowel (Nazirlik -> Nazirliy-, Prokurorluq -> Prokurorluğ-)."""
    if len(stem) > 3 and stem[-1] in "kK" and sum(c in VOWELS for c in lower(stem)) > 1:
        return stem[:-1] + ("y" if stem[-1] == "k" else "Y")
    if len(stem) > 3 and stem[-1] in "qQ" and sum(c in VOWELS for c in lower(stem)) > 1:
        return stem[:-1] + ("ğ" if stem[-1] == "q" else "Ğ")
    return stem


def _case_forms(stem: str, pronominal: bool) -> dict[str, str]:
    """Case forms of ``stem``. ``pronominal``: the stem ends in a possessive, so
    case suffixes take the buffer n (Nazirliyi-nin, Nazirliyi-nə, Nazirliyi-ndə)."""
    v = last_vowel(stem)
    a, i = _h2(v), _h4(v)
    ends_vowel = lower(stem[-1:]) in VOWELS
    alt = _alternated(stem) if not ends_vowel else stem
    forms = {"nom": stem}
    if pronominal:
        forms.update({
            "gen": f"{stem}n{i}n", "dat": f"{stem}n{a}", "acc": f"{stem}n{i}",
            "loc": f"{stem}nd{a}", "abl": f"{stem}nd{a}n", "com": f"{stem}yl{a}",
            "locadj": f"{stem}nd{a}k{'ı' if a == 'a' else 'i'}",
        })
    elif ends_vowel:
        forms.update({
            "gen": f"{stem}n{i}n", "dat": f"{stem}y{a}", "acc": f"{stem}n{i}",
            "loc": f"{stem}d{a}", "abl": f"{stem}d{a}n", "com": f"{stem}yl{a}",
            "locadj": f"{stem}d{a}k{'ı' if a == 'a' else 'i'}",
        })
    else:
        forms.update({
            "gen": f"{alt}{i}n", "dat": f"{alt}{a}", "acc": f"{alt}{i}",
            "loc": f"{stem}d{a}", "abl": f"{stem}d{a}n", "com": f"{stem}l{a}",
            "locadj": f"{stem}d{a}k{'ı' if a == 'a' else 'i'}",
        })
    return forms


@lru_cache(maxsize=200_000)
def inflect(lemma: str) -> dict[str, str]:
    """Surface forms of ``lemma`` by case (lower-cased the Azerbaijani way).

    Includes the 3rd person possessive (izafet) forms and their cases, and
    the plural, so ``Nazirlik`` yields nazirliyi, nazirliyinin, nazirlikdə…
    """
    low = lower(lemma)
    if not low or last_vowel(low) is None:
        return {"nom": low}
    out: dict[str, str] = {}
    for case, form in _case_forms(low, pronominal=False).items():
        out[case] = form
    v = last_vowel(low)
    ends_vowel = low[-1] in VOWELS
    poss = f"{low}s{_h4(v)}" if ends_vowel else f"{_alternated(low)}{_h4(v)}"
    for case, form in _case_forms(poss, pronominal=True).items():
        out["poss" if case == "nom" else f"poss+{case}"] = form
    if ends_vowel and low[-1] in "ıiuü" and len(low) > 3:
        # The lemma may itself be a possessive form (Şurası, Nazirliyi):
        # its cases then take the buffer n (Şurasının, Birliyinə).
        for case, form in _case_forms(low, pronominal=True).items():
            if case != "nom":
                out[f"p3+{case}"] = form
    plural = f"{low}l{_h2(v)}r"
    out["pl"] = plural
    for case, form in _case_forms(plural, pronominal=False).items():
        if case != "nom":
            out[f"pl+{case}"] = form
    return out


# --- analysis -----------------------------------------------------------------

# (suffix, case, needs) where needs is "V" (stem ends in a vowel), "C" (in a
# consonant) or "*" (either); vowels A and I stand for 2- and 4-way harmony.
_SUFFIXES: list[tuple[str, str, str]] = [
    ("nIn", "gen", "V"), ("In", "gen", "C"),
    ("yA", "dat", "V"), ("A", "dat", "C"),
    ("nI", "acc", "V"), ("I", "acc", "C"),
    ("dA", "loc", "*"), ("dAn", "abl", "*"),
    ("ylA", "com", "V"), ("lA", "com", "C"),
    ("dAkI", "locadj", "*"),
    ("sI", "poss", "V"), ("I", "poss", "C"),
    ("sInIn", "poss+gen", "V"), ("InIn", "poss+gen", "C"),
    ("sInA", "poss+dat", "V"), ("InA", "poss+dat", "C"),
    ("sInI", "poss+acc", "V"), ("InI", "poss+acc", "C"),
    ("sIndA", "poss+loc", "V"), ("IndA", "poss+loc", "C"),
    ("sIndAn", "poss+abl", "V"), ("IndAn", "poss+abl", "C"),
    ("lAr", "pl", "*"), ("lArIn", "pl+gen", "*"), ("lArA", "pl+dat", "*"),
    ("lArI", "pl+acc", "*"), ("lArdA", "pl+loc", "*"), ("lArdAn", "pl+abl", "*"),
    ("lAlA", "pl+com", "*"),
]

_HYPHEN_SUFFIXES: dict[str, str] = {}
for _suffix, _case, _ in _SUFFIXES:
    for _a in "aə":
        for _i in "ıiuü":
            _HYPHEN_SUFFIXES.setdefault(_suffix.replace("A", _a).replace("I", _i), _case)
for _extra, _case in (("nın", "gen"), ("nin", "gen"), ("nun", "gen"), ("nün", "gen"),
                      ("ya", "dat"), ("yə", "dat"), ("na", "dat"), ("nə", "dat"),
                      ("dakı", "locadj"), ("dəki", "locadj"), ("dır", "pred"), ("dir", "pred"),
                      ("lı", "adj"), ("li", "adj"), ("lu", "adj"), ("lü", "adj"),
                      ("nın", "gen"), ("ın", "gen"), ("ya", "dat")):
    _HYPHEN_SUFFIXES.setdefault(_extra, _case)


@dataclass(frozen=True)
class Reading:
    lemma: str  # lower-cased
    case: str
    suffix: str


def _unalternate(stem: str) -> list[str]:
    out = [stem]
    if len(stem) > 3 and stem.endswith("y") and stem[-2] in VOWELS:
        out.append(stem[:-1] + "k")
    if len(stem) > 3 and stem.endswith("ğ"):
        out.append(stem[:-1] + "q")
    return out


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[Reading, ...]:
    """All plausible (lemma, case) readings of ``word``, nominative first."""
    low = lower(word)
    readings = [Reading(low, "nom", "")]
    if "-" in low or "’" in low or "'" in low:
        for sep in ("-", "’", "'"):
            head, _, tail = low.rpartition(sep)
            if head and tail in _HYPHEN_SUFFIXES:
                readings.append(Reading(head, _HYPHEN_SUFFIXES[tail], tail))
                return tuple(readings)
    for pattern, case, needs in _SUFFIXES:
        n = len(pattern)
        if len(low) <= n + 1:
            continue
        tail, stem = low[-n:], low[:-n]
        if not _match_pattern(pattern, tail, stem):
            continue
        stem_vowel_final = stem[-1] in VOWELS
        if needs == "V" and not stem_vowel_final:
            continue
        if needs == "C" and stem_vowel_final:
            continue
        candidates = _unalternate(stem) if pattern[0] in "AI" else [stem]
        for lemma in candidates:
            if last_vowel(lemma) is None:
                continue
            readings.append(Reading(lemma, case, tail))
    return tuple(readings)


def _match_pattern(pattern: str, tail: str, stem: str) -> bool:
    v = last_vowel(stem)
    if v is None:
        return False
    for p, t in zip(pattern, tail):
        if p == "A":
            if t != _h2(v):
                return False
            v = t
        elif p == "I":
            if t != _h4(v):
                return False
            v = t
        elif p != t:
            return False
    return True
