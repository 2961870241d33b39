"""Azerbaijani-aware case folding and lookup keys.

Python's ``str.lower`` maps ``I`` to ``i`` and ``İ`` to ``i̇`` (with a
combining dot); Azerbaijani maps ``I`` to ``ı`` and ``İ`` to ``i``. These
helpers get that right, and ``lookup_key`` gives the form used to compare
names: folded, punctuation dropped, spaces collapsed (the same idea as the
corpus scorer's normalisation).
"""
from __future__ import annotations

import re
import unicodedata

_LOWER_AZ = str.maketrans({"I": "ı", "İ": "i"})
_UPPER_AZ = str.maketrans({"i": "İ", "ı": "I"})
_ASCII_AZ = str.maketrans("əıöüşçğâîû", "eiouscgaiu")
_PUNCT = re.compile(r"[\"'`«»“”„‘’().,;:!?\[\]{}]")
_DASH = re.compile(r"[‐‑‒–—―\-_/]")
_SPACE = re.compile(r"\s+")


def lower(text: str) -> str:
    """Lower-case the Azerbaijani way: I -> ı, İ -> i."""
    return unicodedata.normalize("NFC", text.translate(_LOWER_AZ)).lower()


def upper(text: str) -> str:
    """Upper-case the Azerbaijani way: i -> İ, ı -> I."""
    return text.translate(_UPPER_AZ).upper()


def capitalize(word: str) -> str:
    return upper(word[:1]) + lower(word[1:]) if word else word


def ascii_fold(text: str) -> str:
    """Lower-case and drop Azerbaijani diacritics: Əliyev -> eliyev."""
    return lower(text).translate(_ASCII_AZ)


def lookup_key(label: str) -> str:
    """The key two names share when a reader would call them the same."""
    s = lower(unicodedata.normalize("NFC", label))
    s = _PUNCT.sub(" ", s)
    s = _DASH.sub(" ", s)
    s = _SPACE.sub(" ", s).strip()
    if s.startswith("the "):
        s = s[4:]
    return s.translate(_ASCII_AZ)
