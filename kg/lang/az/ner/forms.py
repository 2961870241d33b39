"""Word forms of Azerbaijani names: case suffixes, possessives, ordinals.

Small functions the recognisers share: a head noun's reading
(``Nazirliyinin`` -> ``nazirliyi``, genitive), a lemma in the capitalisation
of the text, a hyphenated case suffix stripped (``BMT-nin`` -> ``BMT``), a
body's name as written without its case, the genitive forms of a name for
aliases (``Qazaxıstanın``), the ranks that may stand between a title and a
name, and the word tables derived once from the gazetteer.
"""
from __future__ import annotations

import regex

from ....ids import entity_key
from ....normalize import capitalize, lookup_key, lower
from ..morph import VOWELS, analyse, inflect, last_vowel

QUOTES = {"“": "”", '"': '"', "«": "»", "„": "“"}

_ROMAN = regex.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")

_ORDINAL = regex.compile(r"^(?:\d+(?:-?(?:c[ıiuü]|nc[ıiuü]|[ıiuü]nc[ıiuü]))?|\p{Ll}+(?:ıncı|inci|uncu|üncü|ncı|nci|ncu|ncü))$")

OWNER_TYPES = ("Country", "Organization", "Place")


def is_roman(text: str) -> bool:
    return bool(_ROMAN.match(text))


def is_ordinal(text: str) -> bool:
    return bool(_ORDINAL.match(text)) or is_roman(text)


def head_reading(word: str, heads: set[str], plural: bool = False) -> tuple[str, str] | None:
    """(canonical head form, case) when ``word`` is an inflected head noun.

    The canonical form keeps the possessive of an izafet name (Nazirliyi,
    Şurası): ``Nazirliyinin`` -> (``nazirliyi``, ``gen``). With ``plural``, a
    plural head keeps its plural too: ``Günlərinin`` -> (``günləri``, ``gen``)."""
    best: tuple[str, str] | None = None
    for r in analyse(word):
        if plural and r.case.startswith("poss") and r.lemma[-3:] in ("lar", "lər") and r.lemma[:-3] in heads:
            return inflect(r.lemma)["poss"], r.case[5:] if "+" in r.case else "nom"
        if r.lemma in heads:
            if r.case.startswith("poss"):
                case = r.case[5:] if "+" in r.case else "nom"
                return inflect(r.lemma)["poss"], case
            if best is None or r.case == "nom":
                best = (r.lemma, simple_case(r.case))
    return best


def capitalize_like(original: str, lemma: str) -> str:
    """``lemma`` with the capitalisation of ``original`` (Nazirliyinin -> Nazirliyi)."""
    if original[:1].isupper():
        if original.isupper() and len(original) > 1:
            return lemma.upper()
        return capitalize(lemma[:1]) + lemma[1:]
    return lemma


def strip_case(word: str) -> tuple[str, str]:
    """A word without its case suffix, keeping a possessive: (form, case)."""
    readings = analyse(word)
    for r in readings[1:]:
        if "-" in word and r.suffix:
            return word[: len(word) - len(r.suffix) - 1], r.case
    return word, "nom"


def unpossess(name: str, heads: set[str], adjectives: set[str]) -> str:
    """"Ali Məclisi" -> "Ali Məclis": an adjective and a head take no possessive alone."""
    words = name.split()
    if len(words) == 2 and lower(words[0]) in adjectives:
        readings = [r for r in analyse(words[1])[1:] if r.case == "poss"]
        readings.sort(key=lambda r: (r.lemma not in heads, -len(r.lemma)))
        if readings:
            return f"{words[0]} {capitalize_like(words[1], readings[0].lemma)}"
    return name


def body_form(text: str, heads: set[str]) -> str:
    """A body's name as written, without its case suffix but with its
    possessive: "Federasiya Şurasının" -> "Federasiya Şurası"."""
    text = text.strip()
    if not text:
        return text
    words = text.split()
    last = words[-1]
    if "-" in last:
        return " ".join(words[:-1] + [strip_case(last)[0]])
    head = head_reading(last, heads)
    if head is not None:
        return " ".join(words[:-1] + [capitalize_like(last, head[0])])
    return text


def tables(gaz, lex) -> dict:
    """Word sets derived from the gazetteer, computed once per gazetteer."""
    cached = getattr(gaz, "_ner_tables", None)
    if cached is not None:
        return cached
    home_bodies = {lookup_key(n) for e in gaz.entries.values()
                   if e.type == "Organization" and e.country == "azerbaijan" for n in e.names()}
    # words that name what a ministry is for: from the gazetteer's ministries and titles.yaml
    ministry_words = {lower(w) for w in lex.minister.get("domain_words", [])}
    for e in gaz.entries.values():
        if e.type == "Organization" and any("nazirliyi" in lower(n) for n in e.names()):
            for n in e.names():
                low = lower(n)
                if low.endswith("nazirliyi"):
                    ministry_words.update(w.strip(",") for w in low.split()[:-1])
        for t in e.head_titles:
            ministry_words.update(w.strip(",") for w in t.split()[:-1])
    ministry_words -= {"və", ",", "respublikasının", "azərbaycan", "azərbaycanın", "respublikası", "", "baş"}
    ministry_words -= {lower(w) for e in gaz.entries.values() if e.type == "Country" for w in e.az.split()}
    gaz._ner_tables = {"home_bodies": home_bodies, "ministry_words": ministry_words}
    return gaz._ner_tables


def last_vowel_ok(word: str) -> bool:
    return any(c in "aıoueəiöü" for c in lower(word)) and not word.isupper()


def is_abbr(text: str) -> bool:
    letters = [c for c in text.replace(" ", "") if c.isalpha()]
    return 2 <= len(letters) <= 8 and sum(c.isupper() for c in letters) >= len(letters) - 1


def has_case(word: str) -> bool:
    """The word carries a hyphenated case suffix (BMT-nin, COP29-un)."""
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return bool(head) and len(tail) <= 5 and tail == lower(tail) and any(r.suffix for r in analyse(word)[1:])
    return False


def simple_case(case: str) -> str:
    if case.startswith(("poss+", "p3+")):
        return case.split("+", 1)[1]
    if case.startswith("pl+"):
        return case[3:]
    if case in ("poss", "pl"):
        return "nom"
    return case


def genitive_chain(units) -> bool:
    """Lower-case words ending in a genitive: "xarici işlər nazirlərinin"."""
    words = [u for u in units if u.kind == "word"]
    if any(u.kind == "ent" for u in units):
        return False
    if not words:
        return True
    return any(r.case in ("gen", "pl+gen", "poss+gen") for r in analyse(words[-1].text))


def join_words(words: list[str]) -> str:
    out = " ".join(w for w in words if w)
    return out.replace(" ,", ",").replace("( ", "(").replace(" )", ")")


def foreign_key(name: str) -> str:
    return entity_key("Organization", name)


def genitives(state, key: str) -> list[str]:
    """The entity's names in the genitive: "Qazaxıstanın", "Birləşmiş Ərəb Əmirliklərinin", "BƏƏ-nin"."""
    out = []
    for label in state.entities[key].all_labels():
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
        if any(c in VOWELS for c in lower(last)):
            gen = inflect(last).get("gen")
            if gen:
                out.append(" ".join(words[:-1] + [capitalize_like(last, gen)]))
    return list(dict.fromkeys(out))


def is_rank(lex, word: str) -> bool:
    """A rank or honorific that may stand between a title and a name:
    "general-polkovnik", "polis general-polkovniki", "briqada generalı", "Dr."."""
    low = lower(word)
    return low in lex.ranks or any(r.lemma in lex.ranks for r in analyse(word)[1:])
