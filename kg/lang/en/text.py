"""English sentences and tokens, with character offsets into the article.

Sentence ends: line breaks, and [.!?] before a capital, a digit or a quote,
except after initials ("K. Aliyev"), titles and month abbreviations ("Dr.",
"Nov. 2") and inside dotted abbreviations ("U.N."). Tokens: words (inner
apostrophes and dots kept: "O'Brien", "U.N."), numbers, the possessive
"'s" as a token of its own, hyphens between the parts of a compound
("Azerbaijan-Turkey" is three tokens, so each part can be a name), and
single punctuation marks.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ...models import Sentence

_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs",
                  "etc", "inc", "ltd", "co", "corp", "jr", "sr", "h.e", "u.s", "u.k", "u.n", "e.g", "i.e"}
_BOUNDARY = regex.compile(r"(?<=[.!?])([\"”’)]*)(\s+)(?=[\"“‘(]?[\p{Lu}\d])")
_TOKEN = regex.compile(
    r"""
    (?P<pos>['’]s\b)
  | (?P<word>(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’.](?![sS]\b)[\p{L}\p{N}]+)*)
  | (?P<punct>\S)
    """,
    regex.VERBOSE,
)
MAX_SENTENCE = 2000


@dataclass
class Token:
    i: int
    text: str
    start: int
    end: int
    kind: str  # word | pos | punct
    low: str = ""

    def __post_init__(self) -> None:
        self.low = self.text.lower().replace("’", "'")

    @property
    def is_title(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_number(self) -> bool:
        return self.kind == "word" and self.text[:1].isdigit()


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        start = 0
        for m in _BOUNDARY.finditer(line):
            before = line[start:m.start()].rstrip("\"”’)")
            word = regex.search(r"([\p{L}.]+)\.$", before)
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            _add(out, line, line_start, start, m.start(2))
            start = m.end()
        _add(out, line, line_start, start, len(line))
    return out


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:  # no full stops: bounded work per sentence
        cut = line.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add(out, line, offset, start, cut)
        start = cut
    chunk = line[start:end]
    if not chunk.strip():
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    stripped = chunk.strip()
    out.append(Sentence(index=len(out), start=s, end=s + len(stripped), text=stripped))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        word = m.group()
        if kind == "word" and word.endswith(".") and word.count(".") == 1:
            word = word[:-1]
        tokens.append(Token(len(tokens), word, offset + m.start(), offset + m.start() + len(word), kind))
    return tokens
