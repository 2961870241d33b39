"""Cross-validation of the relation model against the rules alone (training time).

Each group of documents (a genre, an article) is held out once: a model is
fitted on the others and decides the held-out documents. The held-out
outputs of all folds together are one system output, scored by the
corpus' own scorer (``score.py``, passed in as ``score``) beside the rules'
output of the same documents: micro precision, recall and F1 over the
folds, and per predicate.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from ..finish import finish
from ..jsonl import to_jsonl
from .model import RelationModel
from .train import Doc, Settings, fit


def rules_lines(doc: Doc) -> list[str]:
    r = doc.reading
    return list(to_jsonl(finish(r.state, r.sentences)))


def model_lines(doc: Doc, model: RelationModel) -> list[str]:
    r = doc.reading
    relations = model.decide(r.candidates, r.state.relations)
    return list(to_jsonl(finish(r.state, r.sentences, relations=relations)))


def held_out(docs: list[Doc], settings: Settings, groups: Iterable[str] | None = None,
             progress: Callable[[str], None] | None = None) -> list[str]:
    """The output of every document, decided by a model that did not see its group."""
    lines: list[str] = []
    for group in sorted(set(groups) if groups is not None else {d.group for d in docs}):
        train = [d for d in docs if d.group != group]
        test = [d for d in docs if d.group == group]
        if not test:
            continue
        model = fit(train, settings)
        for d in test:
            lines.extend(model_lines(d, model))
        if progress:
            progress(group)
    return lines


def scored(lines: list[str], gold_dir: Path, score: Callable, lang: str) -> dict:
    """``score.py``'s result for these output lines over the gold folder."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return score(gold_dir, out, lang=lang)


def compare(docs: list[Doc], settings: Settings, gold_dir: Path, score: Callable, lang: str,
            progress: Callable[[str], None] | None = None) -> dict:
    """Rules alone and rules with a held-out model, on the same documents."""
    rules = scored([line for d in docs for line in rules_lines(d)], gold_dir, score, lang)
    model = scored(held_out(docs, settings, progress=progress), gold_dir, score, lang)
    return {"rules": rules, "model": model}


def table(result: dict) -> list[str]:
    """Per predicate and micro: rules alone beside rules with the model."""
    rules, model = result["rules"], result["model"]
    out = [f"{'predicate':16} {'gold':>5} | {'rules P':>7} {'R':>6} {'F1':>6} | {'+model P':>8} {'R':>6} {'F1':>6}"]
    preds = sorted(set(rules["per_predicate"]) | set(model["per_predicate"]))
    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fn": 0}

    def row(name, a, b):
        gold = a["tp"] + a["fn"]
        return (f"{name:16} {gold:5} | {a['precision']:7.3f} {a['recall']:6.3f} {a['f1']:6.3f} | "
                f"{b['precision']:8.3f} {b['recall']:6.3f} {b['f1']:6.3f}")

    for p in preds:
        out.append(row(p, rules["per_predicate"].get(p, empty), model["per_predicate"].get(p, empty)))
    out.append(row("MICRO", rules["triples"], model["triples"]))
    out.append(row("entities", rules["entities"], model["entities"]))
    return out
