"""English cue words, titles, head nouns and adjectives: ``data/lang/en/*.yaml``.

Everything a rule of the English plug-in looks for by word is read here, so
that a construction is data and a fourth language copies the files, not the
code. Phrases are kept as tuples of lower-case words.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ...config import LANG_DATA_DIR
from ...errors import ConfigError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LANG_DIR = LANG_DATA_DIR / "en"


@dataclass(frozen=True)
class Title:
    """A title as in ``data/patterns/titles.yaml``, with the Azerbaijani name
    pattern of its implied body (``body_az``) for a shared key."""

    words: tuple[str, ...]
    role: str  # heads | memberOf | none
    owner: str  # country | org | any
    default: str  # home_country | none | a gazetteer id
    confidence: float
    body: str | None = None
    body_az: str | None = None
    deputy: bool = False


def phrase(text: str) -> tuple[str, ...]:
    """Lower-case words as the tokenizer cuts them: "co-chaired by" -> ("co", "-", "chaired", "by")."""
    return tuple(str(text).lower().replace("’", "'").replace("-", " - ").replace("'s", " 's").split())


@dataclass
class Lexicon:
    titles: list[Title]
    minister: dict
    domains: dict[tuple[str, ...], tuple[str, str]]
    ranks: set[str]
    demonyms: dict[tuple[str, ...], str]
    nouns: dict[str, list[tuple[str, ...]]]
    cues: dict[str, list[tuple[str, ...]]]
    confidence: dict[str, float] = field(default_factory=dict)
    titles_by_first: dict[str, list[Title]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in sorted(self.titles, key=lambda t: -len(t.words)):
            self.titles_by_first.setdefault(t.words[0], []).append(t)

    def words(self, name: str) -> set[str]:
        """A list of one-word entries as a set ("org_heads", "not_names")."""
        return {p[0] for p in self.nouns.get(name, []) + self.cues.get(name, []) if len(p) == 1}

    def phrases(self, name: str) -> list[tuple[str, ...]]:
        """A list's phrases, longest first."""
        return sorted(self.cues.get(name) or self.nouns.get(name) or [], key=len, reverse=True)


def _read(path: Path) -> dict:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"cannot read {path}: {str(err).splitlines()[0]}") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping")
    return data


def load(folder: Path = LANG_DIR) -> Lexicon:
    titles_data = _read(folder / "titles.yaml")
    try:
        titles = [Title(words=phrase(" ".join(t["words"])), role=t["role"], owner=t.get("owner", "any"),
                        default=t.get("default", "none"), confidence=float(t.get("confidence", 0.7)),
                        body=t.get("body"), body_az=t.get("body_az"))
                  for t in titles_data["titles"]]
        minister = titles_data["minister"]
        domains = {phrase(k): (v[0], v[1]) for k, v in minister["domains"].items()}
    except (KeyError, TypeError, IndexError) as err:
        raise ConfigError(f"{folder / 'titles.yaml'}: malformed title ({err})") from err
    demonyms = {phrase(k): str(v) for k, v in _read(folder / "demonyms.yaml")["demonyms"].items()}
    lists = lambda d: {k: [phrase(x) for x in v] for k, v in d.items() if isinstance(v, list)}  # noqa: E731
    cues = _read(folder / "cues.yaml")
    return Lexicon(titles=titles, minister=minister, domains=domains,
                   ranks={str(r).lower() for r in titles_data.get("ranks", [])}, demonyms=demonyms,
                   nouns=lists(_read(folder / "nouns.yaml")), cues=lists(cues),
                   confidence={str(k): float(v) for k, v in (cues.get("confidence") or {}).items()})


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load()
