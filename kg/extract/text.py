"""Sentences and tokens, with character offsets into the article text.

Sentence boundaries: line breaks, and [.!?…] followed by space and an
upper-case letter, a digit or an opening quote, except after initials
(K. Əliyev), a few abbreviations (Dr., və s.) and inside a name with an
initial (K.Əliyev is one name). Tokens: words (with inner hyphens,
apostrophes and dots: BMT-nin, Al-Raisi, Metbuat.az-a), initials (``K.``),
numbers, and single punctuation marks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..models import Sentence
from ..normalize import lower

UPPER = "A-ZƏÖÜŞÇĞİÂÎÛА-ЯЁ"
_ABBREVIATIONS = {"dr", "prof", "akad", "cən", "məs", "s", "b", "və s", "i", "e", "mr", "ms", "mrs", "st", "gen"}

_BOUNDARY = regex.compile(
    r"(?<=[.!?…])([\"”»’)]*)(\s+)(?=[\"“«„(]?[\p{Lu}\d])"
)
_TOKEN = regex.compile(
    r"""
    (?P<initial>\p{Lu}\.(?=\s?\p{Lu}))          # K. / K.Əliyev
  | (?P<word>[\p{L}\p{N}]+(?:[-'’./][\p{L}\p{N}]+)*)
  | (?P<punct>\S)
    """,
    regex.VERBOSE,
)


@dataclass
class Token:
    i: int
    text: str
    start: int
    end: int
    kind: str  # word | initial | punct
    low: str = field(init=False)

    def __post_init__(self) -> None:
        self.low = lower(self.text)

    @property
    def is_title(self) -> bool:
        return self.kind != "punct" and self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text.split("-")[0] if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


_TERMINATED = regex.compile(r"[.!?…:;\"”»’)]\s*$")
_SOFT_WRAPS = 3  # unterminated line ends in one paragraph that make it a hard-wrapped one


def logical_lines(text: str) -> list[tuple[int, str]]:
    """The text's lines with hard wraps undone: (offset, line), where a line
    may hold newlines. A line break is a wrap, not a boundary, when the line
    before it does not end a sentence and either the next line starts in
    lower case or the paragraph (lines between blank lines) has several such
    breaks — a paragraph wrapped at a fixed width. A headline without a full
    stop above its story stays its own line."""
    raw = text.split("\n")
    offsets, pos = [], 0
    for line in raw:
        offsets.append(pos)
        pos += len(line) + 1
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(raw):
        j = i
        while j < len(raw) and raw[j].strip():
            j += 1  # raw[i:j] is one paragraph
        open_ends = [k for k in range(i, j - 1) if not _TERMINATED.search(raw[k])]
        wrapped = len(open_ends) >= _SOFT_WRAPS
        start = i
        for k in range(i, j):
            nxt = raw[k + 1] if k + 1 < j else ""
            soft = k + 1 < j and k in open_ends and (wrapped or nxt.lstrip()[:1].islower())
            if not soft:
                out.append((offsets[start], text[offsets[start]:offsets[k] + len(raw[k])]))
                start = k + 1
        if j == i:
            out.append((offsets[i], raw[i]))
            j = i + 1
        i = j
    return out


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for line_start, line in logical_lines(text):
        if not line.strip():
            continue
        start = 0
        for m in _BOUNDARY.finditer(line):
            cut = m.start(2)
            before = line[start:m.start()].rstrip("\"”»’)")
            if _ends_with_abbreviation(before):
                continue
            _add(sentences, line, line_start, start, cut)
            start = m.end()
        _add(sentences, line, line_start, start, len(line))
    return sentences


def _ends_with_abbreviation(chunk: str) -> bool:
    m = regex.search(r"(?:^|[\s(])([\p{L}]+(?: s)?)\.$", chunk)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "S. Babayev"
    return lower(word) in _ABBREVIATIONS


MAX_SENTENCE = 2000  # characters; longer runs without a sentence end are cut at a space


def _add(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:  # a dump with no full stops: bounded work per sentence
        cut = line.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _add(out, line, offset, start, cut)
        start = cut
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = offset + start + lead
    out.append(Sentence(index=len(out), start=s, end=s + len(stripped), text=stripped))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        tok_text = m.group()
        if kind == "word" and tok_text.endswith("."):
            tok_text = tok_text.rstrip(".")
        tokens.append(Token(len(tokens), tok_text, offset + m.start(), offset + m.start() + len(tok_text), kind))
    return tokens
