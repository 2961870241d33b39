"""Cue words, titles and head nouns, read from ``data/patterns/*.yaml``."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import yaml

# libyaml's parser when PyYAML has it (every wheel does): ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from ..config import PATTERN_DIR
from ..errors import ConfigError
from .normalize import lower


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    role: str  # heads | memberOf | none
    owner: str  # country | org | any
    default: str  # home_country | none | a gazetteer id
    confidence: float
    body: str | None = None
    body_is_country: bool = False


@dataclass
class Lexicon:
    titles: list[Title]
    minister: dict
    ranks: set[str]
    particles: set[str]
    nouns: dict[str, list[str]]
    cues: dict[str, list[str]]
    titles_by_last: dict[str, list[Title]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in sorted(self.titles, key=lambda t: -len(t.words)):
            self.titles_by_last.setdefault(t.words[-1], []).append(t)

    def is_rank(self, word: str) -> bool:
        """A rank or honorific that may stand between a title and a name:
        "general-polkovnik", "polis general-polkovniki", "briqada generalı", "Dr."."""
        from .morph import analyse
        low = lower(word)
        return low in self.ranks or any(r.lemma in self.ranks for r in analyse(word)[1:])

    def words(self, name: str) -> set[str]:
        return set(self.nouns.get(name, [])) | set(self.cues.get(name, []))

    def phrases(self, name: str) -> list[tuple[str, ...]]:
        items = self.nouns.get(name) or self.cues.get(name) or []
        return sorted((tuple(lower(x).split()) for x in items), key=len, reverse=True)


def _read(name: str) -> dict:
    path = PATTERN_DIR / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"cannot read {path}: {str(err).splitlines()[0]}") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping")
    return data


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    titles_data = _read("titles.yaml")
    titles = [
        Title(
            words=tuple(lower(w) for w in t["words"]), role=t["role"], owner=t.get("owner", "any"),
            default=t.get("default", "none"), confidence=float(t.get("confidence", 0.7)),
            body=t.get("body"), body_is_country=bool(t.get("body_is_country", False)),
        )
        for t in titles_data["titles"]
    ]
    nouns = {k: [lower(str(x)) for x in v] for k, v in _read("nouns.yaml").items() if isinstance(v, list)}
    cues = {k: [lower(str(x)) for x in v] for k, v in _read("cues.yaml").items() if isinstance(v, list)}
    return Lexicon(
        titles=titles,
        minister=titles_data["minister"],
        ranks={lower(r) for r in titles_data.get("ranks", [])},
        particles={lower(p) for p in titles_data.get("particles", [])},
        nouns=nouns,
        cues=cues,
    )
