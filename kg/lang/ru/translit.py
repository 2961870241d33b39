"""Names across scripts: Azerbaijani Latin and Russian Cyrillic.

Russian writes Azerbaijani names by convention, not letter by letter:
*ə* is *а*, or *я*/*е* after *k*, *g* (Gəncə → Гянджа, Xankəndi → Ханкенди);
*h* is *г* at the start (Həsənov → Гасанов, Heydər → Гейдар), else *х*
(İlham → Ильхам); *q* is *г* or *к*
(Qafarova → Гафарова, Qarabağ → Карабах); *ğ* is *г* or, at the end, *х*;
*x* is *х*; *c* is *дж* (Ceyhun → Джейхун); *ç* *ч*, *ş* *ш*, *j* *ж*,
*ı* *ы*, *ö* *ё*, *ü* *ю*/*у*; *y* before a vowel is folded into the
iotated vowel (Əliyev → Алиев, Yevlax → Евлах).

Three functions, for whoever compares names (the Russian extractor here,
identity across documents later):

* ``to_cyrillic(az)``: the conventional Russian spelling of an Azerbaijani name;
* ``to_latin(ru, known=...)``: the Azerbaijani spelling of a Russian-written
  name, exact when each word (or a surname's stem: Алиев → Əli + yev) is a
  known Azerbaijani name, else a letter-by-letter reading;
* ``skeleton(name)``: a coarse key, the same for both spellings of a name
  (vowel classes, velars and *h* merged, *y*/*й* and doubled letters dropped),
  so ``same_name("İlham Əliyev", "Ильхам Алиев")`` holds.
"""
from __future__ import annotations

import re
import unicodedata

_AZ_VOWELS = set("aəeıioöuü")
_RU_VOWELS = set("аяеэёиыоуюй")
_SOFTENING = set("kgq")  # ə after these is я in Russian: Kəmran -> Кямран

_AZ_TO_RU = {
    "a": "а", "b": "б", "c": "дж", "ç": "ч", "d": "д", "e": "е", "ə": "а", "f": "ф", "g": "г", "ğ": "г",
    "h": "г", "x": "х", "ı": "ы", "i": "и", "j": "ж", "k": "к", "q": "г", "l": "л", "m": "м", "n": "н",
    "o": "о", "ö": "ё", "p": "п", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ü": "ю", "v": "в",
    "y": "й", "z": "з", "w": "в",
}
_IOTATED = {"a": "я", "e": "е", "ə": "е", "u": "ю", "ü": "ю", "o": "ё"}

# Russian letter -> the Azerbaijani letters it may stand for (first: the usual one)
_RU_TO_AZ = {
    "а": ("a", "ə"), "б": ("b",), "в": ("v",), "г": ("q", "h", "g", "ğ"), "д": ("d",), "е": ("e", "ə", "ye"),
    "ё": ("ö", "yo"), "ж": ("j",), "з": ("z",), "и": ("i", "ı"), "й": ("y",), "к": ("k", "q"), "л": ("l",),
    "м": ("m",), "н": ("n",), "о": ("o", "ö"), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",),
    "у": ("u", "ü"), "ф": ("f",), "х": ("x", "h"), "ц": ("ts",), "ч": ("ç",), "ш": ("ş",), "щ": ("şç",),
    "ъ": ("",), "ы": ("ı",), "ь": ("",), "э": ("e",), "ю": ("yu", "ü"), "я": ("ya", "ə"),
}

_SKELETON = {
    **{c: "a" for c in "aəeаяеэ"}, **{c: "i" for c in "iıиы"}, **{c: "o" for c in "oöоё"},
    **{c: "u" for c in "uüую"}, **{c: "k" for c in "kgqğhxкгх"}, **{c: "" for c in "yйьъ'’"},
    "c": "j", "j": "j", "ж": "j", "ç": "č", "ч": "č", "ş": "š", "ш": "š", "щ": "š",
    "б": "b", "в": "v", "w": "v", "д": "d", "з": "z", "л": "l", "м": "m", "н": "n", "п": "p", "р": "r",
    "с": "s", "т": "t", "ф": "f", "ц": "ts",
}


def _lower_az(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("I", "ı").replace("İ", "i")).lower()


def _case_like(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def to_cyrillic(name: str) -> str:
    """Əliyev -> Алиев, Ceyhun -> Джейхун, Qarabağ -> Карабах, Xankəndi -> Ханкенди."""
    return re.sub(r"[^\W\d_]+", lambda m: _case_like(m.group(), _word_to_cyrillic(_lower_az(m.group()))), name)


def _word_to_cyrillic(w: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(w):
        c = w[i]
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        if c == "y" and nxt in _IOTATED and (i == 0 or prev in _AZ_VOWELS):
            out.append(_IOTATED[nxt])  # Yevlax -> Евлах, Əliyev -> Алиев
            i += 2
            continue
        if c == "y" and nxt in _IOTATED and prev == "i":
            out.append("е" if nxt in "eə" else _IOTATED[nxt])
            i += 2
            continue
        if c == "ə":
            out.append(("я" if i == 1 else "е") if prev in _SOFTENING else "а")  # Gəncə, Xankəndi
        elif c == "ğ" and (not nxt or nxt not in _AZ_VOWELS):
            out.append("х" if not nxt else "г")  # Qarabağ -> Карабах, Ağdam -> Агдам
        elif c == "q":
            out.append("к" if i == 0 and nxt in ("a", "ı", "o", "u") and w.endswith(("ğ", "ax", "ağ")) else "г")
        elif c == "h":
            out.append("г" if i == 0 else "х")  # Həsən -> Гасан, İlham -> Ильхам, Sahibə -> Сахиба
        elif c == "e" and (i == 0 or prev in _AZ_VOWELS):
            out.append("э")
        else:
            out.append(_AZ_TO_RU.get(c, c))
        if c in ("l", "n", "t", "d") and nxt and nxt not in _AZ_VOWELS and nxt != "y" and c == "l":
            out.append("ь")  # İlham -> Ильхам
        i += 1
    return "".join(out)


def skeleton(name: str) -> str:
    """The coarse key both spellings of a name share."""
    s = _lower_az(name)
    s = s.replace("дж", "j").replace("кс", "ks")
    out: list[str] = []
    for word in re.findall(r"[^\W\d_]+", s):
        key = "".join(_SKELETON.get(c, c) for c in word)
        key = re.sub(r"(.)\1+", r"\1", key)
        out.append(key)
    return " ".join(out)


def same_name(a: str, b: str) -> bool:
    """True when two spellings (any of Latin and Cyrillic) are the same name."""
    return bool(skeleton(a)) and skeleton(a) == skeleton(b)


_SURNAME_ENDINGS = (("ева", "yeva"), ("ова", "ova"), ("ев", "yev"), ("ов", "ov"), ("ёв", "yov"))


def to_latin(name: str, known: dict[str, str] | None = None) -> tuple[str, bool]:
    """The Azerbaijani-Latin spelling of a Russian-written name, and whether it
    is certain: every word, or the stem of a surname in -ов/-ев/-ова/-ева, is
    a known Azerbaijani name (``known``: skeleton -> spelling)."""
    known = known or {}
    words = re.findall(r"[^\W\d_]+|\S", name)
    glue = {i for i, w in enumerate(words) if w == "-"}
    out, certain = [], True
    for w in words:
        if not re.match(r"[^\W\d_]", w):
            out.append(w)
            continue
        hit = known.get(skeleton(w))
        if hit:
            out.append(_case_like(w, hit))
            continue
        low = w.lower()
        for ru_end, az_end in _SURNAME_ENDINGS:
            stem = low[: -len(ru_end)]
            if low.endswith(ru_end) and len(stem) >= 2:
                base = known.get(skeleton(stem))
                if base:
                    end = az_end if base[-1] in _AZ_VOWELS else az_end.lstrip("y")
                    out.append(_case_like(w, base + end))
                    break
        else:
            out.append(_case_like(w, _letters_to_latin(low)))
            certain = False
    text = ""
    for i, w in enumerate(out):
        text += w if i == 0 or i in glue or i - 1 in glue or w == "." or out[i - 1] == "." else " " + w
    return text, certain


def _letters_to_latin(w: str) -> str:
    out = []
    for i, c in enumerate(w):
        opts = _RU_TO_AZ.get(c, (c,))
        choice = opts[0]
        if c in "ея" and (i == 0 or w[i - 1] in _RU_VOWELS or w[i - 1] in "ьъ"):
            choice = "ye" if c == "е" else "ya"
        elif c == "е":
            choice = "e"
        elif c == "я":
            choice = "ya" if i == 0 else "ə"
        elif c == "г":
            choice = "q" if i == 0 else "g"
        out.append(choice)
    return "".join(out)
