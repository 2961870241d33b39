"""Gazetteers: known countries, places, organisations, events and names.

Entries come from ``data/gazetteers/*.yaml`` and from every ``*.yaml`` in
the folders listed in ``$KG_GAZETTEERS`` (``os.pathsep``-separated), so a
user extends them without touching code; a user's entry with the same id
replaces the bundled one. Entries carry labels in
Azerbaijani, English and Russian; finding them in text is each language's
matcher (``kg.lang.az.match`` indexes every inflected form), built once per
gazetteer and kept in ``Gazetteer.matchers``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (every wheel does): ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from ..config import GAZETTEER_DIR
from ..errors import ConfigError
from ..normalize import lookup_key, lower

_TYPES = {"Person", "Organization", "Country", "Place", "Event"}


@dataclass
class Entry:
    id: str
    type: str
    az: str
    en: str | None = None
    aliases: list[str] = field(default_factory=list)
    ru: str | None = None
    wikidata: str | None = None
    country: str | None = None
    part_of: str | None = None
    capital: str | None = None
    head_titles: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    kind: str | None = None

    def names(self) -> list[str]:
        out = [self.az]
        out.extend(x for x in (self.en, self.ru) if x)
        out.extend(a for a in self.aliases if a)
        return list(dict.fromkeys(out))

    def labels(self) -> dict[str, str]:
        """Preferred label per language tag: az always, en and ru when known."""
        return {lang: name for lang, name in (("az", self.az), ("en", self.en), ("ru", self.ru)) if name}


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None]


def _entry(raw: dict, source: Path) -> Entry:
    try:
        etype = raw["type"]
        if etype not in _TYPES:
            raise ConfigError(f"{source.name}: entry {raw.get('id')!r} has unknown type {etype!r}")
        adjectives = _as_list(raw.get("adjectives")) + _as_list(raw.get("adjective"))
        return Entry(
            id=str(raw["id"]), type=etype, az=str(raw["az"]), en=raw.get("en"), ru=raw.get("ru"),
            aliases=_as_list(raw.get("aliases")), wikidata=raw.get("wikidata"),
            country=raw.get("country"), part_of=raw.get("part_of"), capital=raw.get("capital"),
            head_titles=[lower(t) for t in _as_list(raw.get("head_titles"))],
            adjectives=[lower(a) for a in adjectives], kind=raw.get("kind"),
        )
    except (KeyError, TypeError) as err:
        raise ConfigError(f"{source.name}: malformed entry {raw!r:.80}: missing {err}") from err


def _folders() -> list[Path]:
    extra = os.environ.get("KG_GAZETTEERS", "")
    return [GAZETTEER_DIR, *(Path(p) for p in extra.split(os.pathsep) if p)]


def _load_yaml(path: Path):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        first = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise ConfigError(f"cannot read gazetteer {path}: {first}") from err


class Gazetteer:
    def __init__(self, folders: list[Path] | None = None):
        self.entries: dict[str, Entry] = {}
        self.first_names: set[str] = set()
        self.surname_suffixes: list[str] = []
        for folder in folders or _folders():
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")):
                self._load_file(path)
        self.matchers: dict[str, object] = {}  # per language: its matcher over these entries (built once)
        self.by_key: dict[str, list[Entry]] = {}
        self.by_adjective: dict[str, Entry] = {}
        self.by_head_title: dict[str, Entry] = {}
        for entry in self.entries.values():
            self._add(entry)

    # -- loading -----------------------------------------------------------
    def _load_file(self, path: Path) -> None:
        data = _load_yaml(path)
        if isinstance(data, dict) and ("azerbaijani" in data or "foreign" in data):
            for k in ("azerbaijani", "foreign"):
                self.first_names.update(lower(n) for n in _as_list(data.get(k)))
            return
        if isinstance(data, dict) and "suffixes" in data:
            self.surname_suffixes.extend(lower(s).lstrip("-") for s in _as_list(data["suffixes"]))
            return
        if data is None:
            return
        if not isinstance(data, list):
            raise ConfigError(f"gazetteer {path.name}: expected a list of entries")
        for raw in data:
            if not isinstance(raw, dict):
                raise ConfigError(f"gazetteer {path.name}: expected mappings, got {raw!r:.60}")
            entry = _entry(raw, path)
            self.entries[entry.id] = entry

    def _add(self, entry: Entry) -> None:
        for name in entry.names():
            key = lookup_key(name)
            if key:
                self.by_key.setdefault(key, [])
                if entry not in self.by_key[key]:
                    self.by_key[key].append(entry)
        for adj in entry.adjectives:
            self.by_adjective[adj] = entry
        for title in entry.head_titles:
            self.by_head_title.setdefault(title, entry)

    # -- lookups -------------------------------------------------------------
    def find(self, name: str, etype: str | None = None) -> Entry | None:
        for entry in self.by_key.get(lookup_key(name), []):
            if etype is None or entry.type == etype:
                return entry
        return None

    def country_of(self, entry: Entry | None) -> Entry | None:
        if entry is None:
            return None
        if entry.type == "Country":
            return entry
        return self.entries.get(entry.country or "")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
