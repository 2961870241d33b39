"""The Russian data: titles, cue words, head nouns, demonyms (``data/lang/ru``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ...config import LANG_DATA_DIR
from ...errors import ConfigError
from ...extract.lexicon import Lexicon, Title, lexicon
from .morph import fold

LANG_DIR = LANG_DATA_DIR / "ru"


def _read(name: str, folder: Path = LANG_DIR) -> dict:
    path = folder / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise ConfigError(f"cannot read {path}: {str(err).splitlines()[0]}") from err
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping")
    return data


def _words(items) -> set[str]:
    return {fold(str(x)) for x in items or []}


@dataclass
class RuLexicon:
    titles: list[Title]
    minister: dict
    deputy_words: list[tuple[str, ...]]
    ranks: set[str]
    cues: dict[str, set[str]]
    phrases: dict[str, list[tuple[str, ...]]]
    nouns: dict[str, set[str]]
    demonyms: dict[str, str]  # adjective lemma (or compound prefix) -> country id
    core: Lexicon | None = None  # the core's view of the same files (titles, home country)
    country_deputies: set = field(default_factory=set)  # title words whose deputies are memberOf the country
    titles_by_first: dict[str, list[Title]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for t in sorted(self.titles, key=lambda t: -len(t.words)):
            self.titles_by_first.setdefault(t.words[0], []).append(t)


@lru_cache(maxsize=1)
def default_lexicon() -> RuLexicon:
    core = lexicon("ru")
    td = _read("titles.yaml")
    titles = [Title(tuple(fold(w) for w in t.words), t.role, t.owner, t.default, t.confidence, t.body,
                    t.body_is_country) for t in core.titles]
    cues_raw = _read("cues.yaml")
    cues = {k: _words(v) for k, v in cues_raw.items() if isinstance(v, list)}
    phrases = {k: sorted((tuple(fold(x).split()) for x in v), key=len, reverse=True)
               for k, v in cues_raw.items() if isinstance(v, list)}
    nouns = {k: _words(v) for k, v in _read("nouns.yaml").items() if isinstance(v, list)}
    demonyms: dict[str, str] = {}
    for country, adjectives in _read("demonyms.yaml").items():
        for adj in adjectives or []:
            adj = fold(adj)
            demonyms.setdefault(adj, country)
            stem = adj[:-2] if adj.endswith(("ий", "ый")) else adj
            demonyms.setdefault(stem + "о", country)  # российско-, турецко-
            if stem.endswith("ск"):
                demonyms.setdefault(stem[:-2] + "о", country)  # азербайджано-, американо-
    return RuLexicon(
        core=core, titles=titles, minister=td["minister"],
        deputy_words=[tuple(fold(w).split()) for w in td.get("deputy_words", [])],
        country_deputies={tuple(fold(w) for w in t) for t in td.get("country_deputies", [])},
        ranks=_words(td.get("ranks")), cues=cues, phrases=phrases, nouns=nouns, demonyms=demonyms,
    )
