"""The data that flows through kg: articles in, extractions out.

Plain dataclasses, no behaviour beyond small conveniences. Offsets are
character offsets into ``Article.text`` (Python ``str`` indices, end
exclusive). Nothing here knows about RDF or storage.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Organization", "Country", "Place", "Event")


@dataclass
class Article:
    """One news article, decoded and normalised (Unicode NFC, ``\\n`` line ends)."""

    id: str
    text: str
    url: str | None = None
    date: str | None = None  # ISO 8601 prefix: "2024", "2024-11" or "2024-11-19"
    lang: str = "az"
    title: str | None = None
    source: str | None = None  # file the article was read from (name only)

    @property
    def sha256(self) -> str:
        """Fingerprint of the document as ingested: its text and metadata, and
        the extractor version (``kg.__version__``), so that a changed sidecar
        or a new extractor re-extracts it and nothing else does."""
        from . import __version__
        parts = [__version__, self.text, self.url or "", self.date or "", self.lang or "", self.title or "",
                 self.source or ""]
        return hashlib.sha256("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """A distinct thing an article talks about.

    ``key`` is the stable identity used for IRIs: the same key in two
    articles is the same node. ``name`` is the canonical nominative name in
    ``lang``; ``labels`` maps a language tag to its preferred label (``az``
    always, ``en`` when known); ``aliases`` are other accepted names.
    """

    key: str
    type: str
    name: str
    lang: str = "az"
    labels: dict[str, str] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None

    def all_labels(self) -> list[str]:
        seen: list[str] = []
        for label in [self.name, *self.labels.values(), *self.aliases]:
            if label and label not in seen:
                seen.append(label)
        return seen


@dataclass
class Mention:
    """A span of text that refers to an entity."""

    entity: str  # Entity.key
    start: int
    end: int
    text: str
    sentence: int  # Sentence.index
    rule: str = "gazetteer"


@dataclass
class Relation:
    """One extracted fact with the evidence for it."""

    subject: str  # Entity.key
    predicate: str  # local name of an ontology property, e.g. "met"
    object: str  # Entity.key
    sentence: int  # Sentence.index
    subject_span: tuple[int, int] | None = None
    object_span: tuple[int, int] | None = None
    rule: str = ""
    confidence: float = 0.5


@dataclass
class Extraction:
    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)  # by key
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
