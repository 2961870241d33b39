"""Deterministic, valid IRIs from names.

The same name always gives the same IRI; any string (quotes, angle
brackets, spaces, emoji, control characters, 10 kB) gives a valid one.
Entity IRIs are ``{ENTITY_NS}{type}/{slug}``; the slug folds the name to
ASCII the Azerbaijani way (``Əliyev`` -> ``eliyev``), keeps other letters
percent-encoded, and ends in a short hash when the name is long.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from .config import DOC_NS, ENTITY_NS

_AZ_ASCII = str.maketrans({
    "ə": "e", "Ə": "e", "ı": "i", "I": "i", "İ": "i", "ö": "o", "Ö": "o",
    "ü": "u", "Ü": "u", "ş": "s", "Ş": "s", "ç": "c", "Ç": "c", "ğ": "g", "Ğ": "g",
})
_MAX_SLUG = 80
_TYPE_SEGMENT = {
    "Person": "person", "Organization": "org", "Country": "country",
    "Place": "place", "Event": "event",
}


def _digest(text: str, n: int = 10) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:n]


def slug(text: str) -> str:
    """A readable, IRI-safe, stable slug for any string."""
    folded = unicodedata.normalize("NFC", text).translate(_AZ_ASCII)
    out: list[str] = []
    for ch in unicodedata.normalize("NFKD", folded):
        if unicodedata.combining(ch):
            continue
        lower = ch.lower()
        if lower.isascii() and lower.isalnum():
            out.append(lower)
        elif unicodedata.category(ch).startswith(("L", "N")):
            out.append(quote(lower, safe="").lower())
        else:
            out.append("-")
    s = re.sub(r"-{2,}", "-", "".join(out)).strip("-")
    if not s:
        return "x-" + _digest(text)
    if len(s) > _MAX_SLUG:
        cut = s[:_MAX_SLUG]
        pct = cut.rfind("%", len(cut) - 2)
        if pct != -1:  # do not split a percent-escape
            cut = cut[:pct]
        s = f"{cut.rstrip('-')}-{_digest(text)}"
    return s


def entity_key(etype: str, name: str) -> str:
    """The identity of an entity of ``etype`` called ``name``: ``org/interpol``."""
    return f"{_TYPE_SEGMENT.get(etype, 'thing')}/{slug(name)}"


def entity_iri(key: str) -> str:
    return ENTITY_NS + key


def doc_id(text: str) -> str:
    """A document id usable in an IRI (file stems are usually fine already)."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", text):
        return text
    return slug(text)


def doc_iri(doc: str) -> str:
    return DOC_NS + doc_id(doc)


def sentence_iri(doc: str, index: int) -> str:
    return f"{doc_iri(doc)}#s{index}"


def mention_iri(doc: str, start: int, end: int) -> str:
    return f"{doc_iri(doc)}#m{start}-{end}"


def assertion_iri(doc: str, subject: str, predicate: str, obj: str, sentence: int) -> str:
    return f"{doc_iri(doc)}#a-{_digest(f'{subject} {predicate} {obj} {sentence}', 16)}"
