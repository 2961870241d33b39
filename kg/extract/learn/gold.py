"""Gold annotations as training labels, matched the way the corpus scorer matches.

A gold file (``ID.json``, ``ANNOTATION.md`` of the shared corpus) lists
entities (name, aliases) and triples, some ``optional``. A system entity
matches a gold entity when one of its labels and the gold name or an
alias have the same lookup key (``kg.normalize.lookup_key``: case-folded
the Azerbaijani way, punctuation dropped, diacritics folded — what
``score.py`` compares); symmetric predicates match either way. A
candidate of a sentence is positive when it matches a required triple
whose evidence is that sentence, negative when it matches no triple, and
left out (None) when it matches only an optional one or a required one
stated elsewhere (the pair may be named there without the fact).
"""
from __future__ import annotations

import json
from pathlib import Path

from ...errors import ConfigError
from ...normalize import lookup_key
from ...vocab import relations


class Gold:
    def __init__(self, data: dict, origin: str = "gold"):
        try:
            self.id = str(data["id"])
            self.lang = data.get("lang")
            self.index: dict[str, set[str]] = {}
            for e in data["entities"]:
                for label in [e["name"], *e.get("aliases", [])]:
                    key = lookup_key(label)
                    if key:
                        self.index.setdefault(key, set()).add(e["id"])
            self.required = [(t["s"], t["p"], t["o"]) for t in data["triples"] if not t.get("optional")]
            self.optional = [(t["s"], t["p"], t["o"]) for t in data["triples"] if t.get("optional")]
            self.evidence = [lookup_key(t.get("evidence") or "") for t in data["triples"] if not t.get("optional")]
        except (KeyError, TypeError) as err:
            raise ConfigError(f"{origin}: not a gold annotation ({err})") from err
        self._symmetric = {n for n, info in relations().items() if info.symmetric}

    @classmethod
    def load(cls, path: Path) -> "Gold":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ConfigError(f"cannot read the gold file {path}: {err}") from err
        return cls(data, str(path))

    def ids(self, labels) -> set[str]:
        found: set[str] = set()
        for label in labels:
            found |= self.index.get(lookup_key(label), set())
        return found

    def _hits(self, triples, s_ids, p, o_ids) -> list[int]:
        return [n for n, (s, q, o) in enumerate(triples) if q == p and (
            s in s_ids and o in o_ids or p in self._symmetric and o in s_ids and s in o_ids)]

    def label(self, s_labels, p: str, o_labels, sentence: str | None = None) -> int | None:
        """1: a required triple (stated in ``sentence``, when given); None:
        an optional one, or a required one stated elsewhere; 0: none."""
        s_ids, o_ids = self.ids(s_labels), self.ids(o_labels)
        if not s_ids or not o_ids:
            return 0
        hits = self._hits(self.required, s_ids, p, o_ids)
        if hits:
            if sentence is None or any(self.states(n, sentence) for n in hits):
                return 1
            return None
        if self._hits(self.optional, s_ids, p, o_ids):
            return None
        return 0

    def states(self, n: int, sentence: str) -> bool:
        """Is required triple ``n``'s evidence this sentence (or a part of it, or does it span it)?"""
        ev, s = self.evidence[n], lookup_key(sentence)
        if not ev:
            return True  # no evidence given: every sentence may state it
        return ev in s or s in ev or ev[:40] in s or ev[-40:] in s
