"""A language's words about the world, read from ``data/lang/<code>/*.yaml``.

``titles.yaml``: titles, the role they give (heads / memberOf) and the body
they imply; ``cues.yaml``: cue words and phrases of the constructions;
``nouns.yaml``: head nouns of names, reference words, function words. The
core reads the lists by name; what a list means is up to the language's
constructions. ``home_country`` (a gazetteer id, in ``cues.yaml``) is the
country an outlet writing in the language is assumed to be from, for
"our country" and for titles with no owner.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import yaml

# libyaml's parser when PyYAML has it (every wheel does): ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from ..config import LANG_DATA_DIR
from ..errors import ConfigError
from ..normalize import lower


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
    code: str = "az"
    home_country: str | None = None
    titles_by_last: dict[str, list[Title]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in sorted(self.titles, key=lambda t: -len(t.words)):
            self.titles_by_last.setdefault(t.words[-1], []).append(t)

    def words(self, name: str) -> set[str]:
        return set(self.nouns.get(name, [])) | set(self.cues.get(name, []))

    def phrases(self, name: str) -> list[tuple[str, ...]]:
        items = self.nouns.get(name) or self.cues.get(name) or []
        return sorted((tuple(lower(x).split()) for x in items), key=len, reverse=True)


def _read(code: str, name: str) -> dict:
    path = LANG_DATA_DIR / code / name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"cannot read {path}: {str(err).splitlines()[0]}") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping")
    return data


@lru_cache(maxsize=None)
def lexicon(code: str) -> Lexicon:
    """The lexicon of language ``code`` (``data/lang/<code>/``), read once."""
    titles_data = _read(code, "titles.yaml")
    titles = [
        Title(
            words=tuple(lower(w) for w in t["words"]), role=t["role"], owner=t.get("owner", "any"),
            default=t.get("default", "none"), confidence=float(t.get("confidence", 0.7)),
            body=t.get("body"), body_is_country=bool(t.get("body_is_country", False)),
        )
        for t in titles_data["titles"]
    ]
    nouns = {k: [lower(str(x)) for x in v] for k, v in _read(code, "nouns.yaml").items() if isinstance(v, list)}
    raw_cues = _read(code, "cues.yaml")
    cues = {k: [lower(str(x)) for x in v] for k, v in raw_cues.items() if isinstance(v, list)}
    return Lexicon(
        code=code,
        home_country=raw_cues.get("home_country"),
        titles=titles,
        minister=titles_data.get("minister", {}),
        ranks={lower(r) for r in titles_data.get("ranks", [])},
        particles={lower(p) for p in titles_data.get("particles", [])},
        nouns=nouns,
        cues=cues,
    )
