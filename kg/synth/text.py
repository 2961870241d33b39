"""An article's text built piece by piece, with the exact offsets of its
sentences and mentions."""
from __future__ import annotations

from ..models import Mention, Sentence


class TextBuilder:
    """An article's text built from pieces, with the offsets of its mentions."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list = []
        self.mentions: list = []
        self._sentence_start = 0
        self._first: dict[tuple[str, int], tuple[int, int]] = {}

    def add(self, piece: str, entity=None) -> None:
        if entity is not None:
            start, end = self.length, self.length + len(piece)
            index = len(self.sentences)
            self.mentions.append(Mention(entity=entity.key, start=start, end=end, text=piece,
                                         sentence=index, rule="gazetteer"))
            self._first.setdefault((entity.key, index), (start, end))
        self.parts.append(piece)
        self.length += len(piece)

    def end_sentence(self) -> int:
        text = "".join(self.parts)[self._sentence_start:]
        index = len(self.sentences)
        self.sentences.append(Sentence(index=index, start=self._sentence_start, end=self.length, text=text))
        self.add(" " if index % 3 != 2 else "\n\n")
        self._sentence_start = self.length
        return index

    def span(self, key: str, sentence: int):
        return self._first.get((key, sentence))

    def text(self) -> str:
        return "".join(self.parts)
