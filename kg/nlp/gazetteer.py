"""Gazetteers: known countries, places, organisations, events and names.

Entries come from ``data/gazetteers/*.yaml`` and from every ``*.yaml`` in
the folders listed in ``$KG_GAZETTEERS`` (``os.pathsep``-separated), so a
user extends them without touching code; a user's entry with the same id
replaces the bundled one. The matcher finds entries in tokenised text
whatever their case suffix: every name's last word is indexed in all its
inflected forms (``kg.nlp.morph.inflect``), and abbreviations with a
hyphenated suffix (``BMT-nin``) are matched on their stem.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (every wheel does): ten times faster
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

from ..config import GAZETTEER_DIR
from ..errors import ConfigError
from .morph import analyse, inflect
from .normalize import lookup_key, lower
from .text import Token, tokenize

_CYRILLIC = re.compile("[\u0400-\u04ff]")
_TYPES = {"Person", "Organization", "Country", "Place", "Event"}


@dataclass
class Entry:
    id: str
    type: str
    az: str
    en: str | None = None
    ru: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    country: str | None = None
    part_of: str | None = None
    capital: str | None = None
    head_titles: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    kind: str | None = None

    def names(self) -> list[str]:
        out = [self.az]
        if self.en:
            out.append(self.en)
        if self.ru:
            out.append(self.ru)
        out.extend(a for a in self.aliases if a)
        return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token index
    end: int  # token index, exclusive
    case: str
    name: str  # the gazetteer name that matched


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
        self._index: dict[tuple[str, ...], list[tuple[Entry, str, str]]] = {}
        self._max_len = 1
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
            if _CYRILLIC.search(name):
                continue  # Russian names are matched by kg.lang.ru, never by the Azerbaijani matcher
            toks = [t for t in tokenize(name) if t.kind != "punct" or t.text in "&/"]
            if not toks:
                continue
            words = [fold(t.low) for t in toks]
            forms = {"nom": toks[-1].low} if _is_abbreviation(toks[-1].text) else inflect(toks[-1].text)
            for case, form in forms.items():
                self._index.setdefault(tuple(words[:-1] + [fold(form)]), []).append((entry, case, name))
            self._max_len = max(self._max_len, len(words))
        for adj in entry.adjectives:
            self.by_adjective[adj] = entry
        for title in entry.head_titles:
            self.by_head_title.setdefault(title, entry)

    # -- matching ----------------------------------------------------------
    def match_at(self, tokens: list[Token], i: int) -> list[Match]:
        """The longest gazetteer matches starting at token ``i`` (ties: all)."""
        words: list[Token] = []
        j = i
        while j < len(tokens) and len(words) < self._max_len:
            t = tokens[j]
            if t.kind == "punct" and t.text not in "&/":
                break
            words.append(t)
            j += 1
        for n in range(len(words), 0, -1):
            span = words[:n]
            if not span[0].is_title and not span[0].text[:1].isdigit():
                return []
            lows = [fold(t.low) for t in span]
            found = self._lookup(lows, span)
            if found:
                return [Match(e, i, i + n, case, name) for e, case, name in found]
        return []

    def _lookup(self, lows: list[str], span: list[Token]) -> list[tuple[Entry, str, str]]:
        hits = list(self._index.get(tuple(lows), []))
        if not hits:
            for reading in analyse(span[-1].text)[1:]:
                if reading.suffix and any(sep in span[-1].text for sep in "-’'"):
                    for e, case, name in self._index.get(tuple(lows[:-1] + [fold(reading.lemma)]), []):
                        if case == "nom":
                            hits.append((e, reading.case, name))
                    break
        good = []
        for entry, case, name in hits:
            if _is_abbreviation(name) and not _text_is_upper(span):
                continue  # "DİN" matches DİN, never "din"
            good.append((entry, case, name))
        return good

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


_FOLD = str.maketrans({"ı": "i"})


def fold(word: str) -> str:
    """The matching form of a lower-cased word: dotless and dotted i are one
    letter here, so "BRICS" matches "BRİCS" and "Interpol" matches "İnterpol"."""
    return word.translate(_FOLD)


def _is_abbreviation(name: str) -> bool:
    if " " in name.strip():
        return False
    core = name.split("-")[0]
    letters = [c for c in core if c.isalpha()]
    return 2 <= len(letters) <= 7 and all(c.isupper() for c in letters)


def _text_is_upper(span: list[Token]) -> bool:
    core = span[-1].text.split("-")[0].split("’")[0].split("'")[0]
    letters = [c for c in core if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()
