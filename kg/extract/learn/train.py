"""Fitting a relation model on gold-labelled documents (training time only).

Needs scikit-learn (``pip install 'kg[train]'``), imported here and nowhere
at run time. A document is read once by a language's rules with every
candidate collected (``Reading``); each candidate gets its gold label
(``gold.Gold.label``, against its own sentence: optional triples and facts
stated elsewhere are left out). Two logistic regressions are fitted, each
feature counted under its candidate's predicate (``met|rule=met.comitative``):
``keep`` on the facts the rules stated, ``add`` on the pairs they did not.
Each is written as weights per predicate, its intercept and threshold
folded into the ``bias`` weight (``model.RelationModel``). A predicate with
too few examples of either label in a table stays with the rules there.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ...errors import ConfigError
from . import Reading
from .gold import Gold
from .model import RelationModel, Table


@dataclass
class Doc:
    """One training document: its reading by the rules and its gold."""

    id: str
    group: str  # the fold it belongs to (a genre, an outlet)
    reading: Reading
    gold: Gold
    labels: list[int | None] = field(default_factory=list)  # per candidate

    def __post_init__(self) -> None:
        if not self.labels:
            ents = self.reading.state.entities
            text = {s.index: s.text for s in self.reading.sentences}
            self.labels = [self.gold.label(ents[c.s].all_labels(), c.p, ents[c.o].all_labels(), text[c.sentence])
                           for c in self.reading.candidates]


@dataclass(frozen=True)
class Settings:
    """What a fit may vary; chosen on the folds (``folds``)."""

    c: float = 0.3  # inverse L2 strength
    balanced: bool = False  # weigh the classes inversely to their frequency
    keep: float | None = 0.5  # threshold under which a rule's fact is dropped; None: rules keep all
    add: float | None = 0.5  # threshold over which a new fact is added; None: no new facts
    min_examples: int = 4  # fewer positives or negatives of a predicate in a table: no model for it there
    per_fact: bool = True  # a document's fact weighs 1 however many sentences name it

    def describe(self) -> str:
        return (f"C={self.c} balanced={self.balanced} keep={self.keep} add={self.add} min={self.min_examples} "
                f"per_fact={self.per_fact}")


def _sklearn():
    try:
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise ConfigError("training a relation model needs scikit-learn: pip install 'kg[train]'") from err
    return csr_matrix, LogisticRegression


def fit_table(examples: list[tuple[str, list[str], int, float]], settings: Settings, threshold: float) -> Table:
    """One logistic regression over (predicate, features, label, weight) examples."""
    counts: dict[str, list[int]] = {}
    for p, _, label, _ in examples:
        counts.setdefault(p, [0, 0])[label] += 1
    decided = {p for p, (neg, pos) in counts.items() if min(neg, pos) >= settings.min_examples}
    examples = [e for e in examples if e[0] in decided]
    if not examples:
        return {}
    csr_matrix, LogisticRegression = _sklearn()
    vocab: dict[str, int] = {}
    rows, cols, y, weight = [], [], [], []
    for row, (p, features, label, w) in enumerate(examples):
        for f in sorted(set(features)):
            cols.append(vocab.setdefault(f"{p}|{f}", len(vocab)))
            rows.append(row)
        y.append(label)
        weight.append(w)
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(y), len(vocab)))
    clf = LogisticRegression(C=settings.c, class_weight="balanced" if settings.balanced else None,
                             solver="liblinear", max_iter=1000)
    clf.fit(x, y, sample_weight=weight)
    table: Table = {}
    for name, k in vocab.items():
        p, f = name.split("|", 1)
        table.setdefault(p, {})[f] = float(clf.coef_[0][k])
    shift = float(clf.intercept_[0]) - math.log(threshold / (1 - threshold))
    for weights in table.values():
        weights["bias"] = weights.get("bias", 0.0) + shift
    return table


def fit(docs: list[Doc], settings: Settings = Settings(), meta: dict | None = None) -> RelationModel:
    """A model fitted on every labelled candidate of ``docs``."""
    stated, new = [], []
    for doc in docs:
        seen: dict[tuple, int] = {}
        for c, label in zip(doc.reading.candidates, doc.labels):
            seen[(c.triple, bool(c.rules))] = seen.get((c.triple, bool(c.rules)), 0) + 1
        for c, label in zip(doc.reading.candidates, doc.labels):
            if label is not None:
                w = 1.0 / seen[(c.triple, bool(c.rules))] if settings.per_fact else 1.0
                (stated if c.rules else new).append((c.p, c.features, label, w))
    if not any(label for _, _, label, _ in stated + new):
        raise ConfigError("training needs positive candidates: does the gold match the documents?")
    keep = fit_table(stated, settings, settings.keep) if settings.keep is not None else {}
    add = fit_table(new, settings, settings.add) if settings.add is not None else {}
    info = {"settings": settings.describe(), "documents": sorted(d.id for d in docs),
            "stated": len(stated), "new": len(new), **(meta or {})}
    return RelationModel(keep=keep, add=add, meta=info)
