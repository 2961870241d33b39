"""A relation model file and its decision, in pure Python.

The file (``data/models/relations-<code>.json``) holds two logistic
models over the candidate features of ``features``, each a weight per
feature name per predicate (a feature counts under its candidate's
predicate only): ``keep`` scores the facts a rule stated, ``add`` the
pairs no rule stated. A candidate's probability is
``1 / (1 + exp(-Σ weights of its features))`` (the intercept and the
decision threshold are folded into each predicate's ``bias`` weight when
the model is written, so that 0.5 — the extractor's confidence floor —
decides). A predicate missing from ``keep`` keeps the rules' facts as
they are; one missing from ``add`` gets no new fact.

``decide`` turns a document's candidates into its relations: per triple,
the most probable candidate gives the confidence and the evidence
(sentence, both spans); a rule's fact keeps its rule id, a fact only the
model saw is ``model.<predicate>``. The floor itself is applied by
``kg.extract.finish``, as for rules.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ...config import DATA_DIR
from ...errors import ConfigError
from ...models import Relation
from .features import Candidate

FORMAT = "kg-relation-model/1"
MODELS_DIR = DATA_DIR / "models"

Table = dict[str, dict[str, float]]  # predicate -> feature -> weight


def model_path(code: str) -> Path:
    return MODELS_DIR / f"relations-{code}.json"


def _probability(weights: dict[str, float], features: list[str]) -> float:
    get = weights.get
    z = sum([get(f, 0.0) for f in features])
    if z < -60:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@dataclass
class RelationModel:
    keep: Table = field(default_factory=dict)
    add: Table = field(default_factory=dict)
    meta: dict = field(default_factory=dict)

    def adds(self) -> frozenset[str]:
        """The predicates for which the model may state facts no rule stated."""
        return frozenset(self.add)

    def probability(self, c: Candidate) -> float | None:
        """The candidate's probability, or None when the model has no say on it."""
        table = self.keep if c.rules else self.add
        weights = table.get(c.p)
        return None if weights is None else _probability(weights, c.features)

    def decide(self, candidates: list[Candidate], stated: list[Relation]) -> list[Relation]:
        """The document's relations: ``stated`` are the rules' facts as the
        document state kept them (used as they are where ``keep`` has no
        model), ``candidates`` every candidate of every sentence."""
        best: dict[tuple[str, str, str], tuple[float, int, Candidate]] = {}
        for n, c in enumerate(candidates):
            if c.rules and c.p not in self.keep or not c.rules and c.p not in self.add:
                continue
            prob = self.probability(c)
            old = best.get(c.triple)
            if old is None or (prob, bool(c.rules)) > (old[0], bool(old[2].rules)):
                best[c.triple] = (prob, old[1] if old else n, c)
        out = [r for r in stated if r.predicate not in self.keep]
        have = {(r.subject, r.predicate, r.object) for r in out}
        for prob, _, c in sorted(best.values(), key=lambda x: x[1]):
            if c.triple in have:
                continue
            rule = c.best_rule()
            out.append(Relation(c.s, c.p, c.o, c.sentence, c.sspan, c.ospan,
                                rule[0] if rule else f"model.{c.p}", round(prob, 4)))
        return out

    # -- the file ------------------------------------------------------------------
    def to_json(self) -> dict:
        def table(t: Table) -> dict:
            return {p: {f: round(w, 5) for f, w in sorted(ws.items()) if round(w, 5) != 0.0}
                    for p, ws in sorted(t.items())}
        return {"format": FORMAT, "meta": self.meta, "keep": table(self.keep), "add": table(self.add)}

    def save(self, path: Path) -> None:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_json(cls, data: dict, origin: str = "model") -> "RelationModel":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ConfigError(f"{origin}: not a relation model ({FORMAT})")
        try:
            def table(t) -> Table:
                return {str(p): {str(f): float(w) for f, w in ws.items()} for p, ws in (t or {}).items()}
            return cls(keep=table(data.get("keep")), add=table(data.get("add")), meta=dict(data.get("meta") or {}))
        except (TypeError, ValueError, AttributeError) as err:
            raise ConfigError(f"{origin}: malformed relation model ({err})") from err

    @classmethod
    def load(cls, path: Path) -> "RelationModel":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise ConfigError(f"cannot read the relation model {path}: {err}") from err
        return cls.from_json(data, str(path))


def default_model(code: str) -> RelationModel | None:
    """The shipped model of language ``code``, or None when there is none."""
    path = model_path(code)
    return RelationModel.load(path) if path.exists() else None
