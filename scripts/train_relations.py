#!/usr/bin/env python3
"""Train the relation model of a language on the dev gold, weighed on folds.

    python scripts/train_relations.py [--corpus ../shared/corpus] [--lang az]
        [--cv genre|article|none] [--out data/models/relations-az.json] [--force]

Reads every unsealed dev article of the language with the rules alone,
collecting every candidate fact (``kg.extract.learn``), and labels the
candidates with the gold. With ``--cv genre`` (the default) each setting
of a small grid is weighed by leave-one-genre-out cross-validation (genres
by file prefix: dip, intl, law, gen; the seed az-0001 counts as law),
scored by the corpus' own ``score.py`` beside the rules alone; the best
setting is fitted on every article and written only when it beats the
rules on the folds (F1 up by ``--margin`` or more, precision not down by
more than that), unless ``--force``. ``--cv article`` also prints the
leave-one-article-out figure of the chosen setting. ``--cv none`` fits the
given setting (``--c``, ``--keep``, ``--add``, ``--min-examples``) and writes it. Needs the
``[train]`` extra (scikit-learn). The sealed articles are never read.
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import KgError  # noqa: E402
from kg.extract.learn import folds  # noqa: E402
from kg.extract.learn.gold import Gold  # noqa: E402
from kg.extract.learn.model import model_path  # noqa: E402
from kg.extract.learn.train import Doc, Settings, fit  # noqa: E402
from kg.lang import plugin  # noqa: E402
from kg.models import Article  # noqa: E402

# Articles nobody tunes on (the lead measures them): never read here.
SEALED = {"law-17", "law-18", "law-19", "law-21", "law-26", "law-27", "intl-28",
          "en-12", "en-13", "en-16", "ru-12", "ru-14", "ru-16"}
GENRES = {"dip": "dip", "intl": "intl", "law": "law", "gen": "gen", "az": "law"}
GRID = [Settings(c=c, keep=keep, add=add) for c in (0.3, 1.0, 3.0)
        for keep, add in ((None, 0.5), (None, 0.7), (0.3, None), (0.5, None), (0.3, 0.7))]


def genre(stem: str) -> str:
    prefix = stem.split("-", 1)[0]
    return GENRES.get(prefix, prefix)


def read_docs(gold_dir: Path, lang: str, exclude: set[str], say) -> list[Doc]:
    module = plugin(lang)
    if module is None or not hasattr(module.Extractor(model=False), "read"):
        raise KgError(f"language {lang!r} has no plug-in that reads with candidates (Extractor.read)")
    extractor = module.Extractor(model=False)
    docs = []
    paths = [p for p in sorted(gold_dir.glob("*.json")) if p.with_suffix(".txt").exists() and p.stem not in exclude]
    for path in paths:
        gold = Gold.load(path)
        if (gold.lang or "az") != lang:
            continue
        article = Article(id=gold.id, text=path.with_suffix(".txt").read_text(encoding="utf-8"), lang=lang)
        docs.append(Doc(gold.id, genre(path.stem), extractor.read(article), gold))
    if not docs:
        raise KgError(f"no {lang} gold articles in {gold_dir}")
    say(f"read {len(docs)} {lang} articles ({sum(len(d.reading.candidates) for d in docs)} candidates); "
        f"groups: {', '.join(f'{g} {sum(d.group == g for d in docs)}' for g in sorted({d.group for d in docs}))}")
    return docs


def linked_gold(docs: list[Doc], gold_dir: Path, into: Path) -> Path:
    """A folder with only these documents' gold, for the scorer (it reads a whole folder)."""
    into.mkdir(parents=True, exist_ok=True)
    for d in docs:
        for suffix in (".json", ".txt"):
            (into / f"{d.id}{suffix}").symlink_to((gold_dir / f"{d.id}{suffix}").resolve())
    return into


def load_scorer(path: Path):
    if not path.exists():
        raise KgError(f"cross-validation needs the corpus scorer: {path} not found (--scorer)")
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def f1(result: dict) -> tuple[float, float]:
    t = result["triples"]
    return t["f1"], t["precision"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--gold", type=Path, help="the gold folder (default: CORPUS/dev)")
    ap.add_argument("--scorer", type=Path, help="score.py (default: CORPUS/score.py)")
    ap.add_argument("--lang", default="az")
    ap.add_argument("--cv", choices=("genre", "article", "none"), default="genre")
    ap.add_argument("--out", type=Path, help="the model file (default: data/models/relations-LANG.json)")
    ap.add_argument("--force", action="store_true", help="write the best model even when it does not beat the rules")
    ap.add_argument("--margin", type=float, default=0.005)
    ap.add_argument("--c", type=float, default=1.0, help="with --cv none: inverse L2 strength")
    ap.add_argument("--keep", type=float, default=None, help="with --cv none: threshold for keeping a rule's fact")
    ap.add_argument("--add", type=float, default=0.5, help="with --cv none: threshold for adding a fact")
    ap.add_argument("--min-examples", type=int, default=Settings.min_examples,
                    help="with --cv none: fewest positives and negatives a predicate needs for a model")
    ap.add_argument("--exclude", nargs="*", default=[], help="more article ids to leave out")
    args = ap.parse_args(argv)
    gold_dir = args.gold or args.corpus / "dev"
    out = args.out or model_path(args.lang)
    say = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    started = time.perf_counter()
    try:
        if not gold_dir.is_dir():
            raise KgError(f"no gold folder at {gold_dir} (--corpus or --gold)")
        docs = read_docs(gold_dir, args.lang, SEALED | set(args.exclude), say)
        meta = {"lang": args.lang, "trained_on": f"{len(docs)} unsealed {args.lang} dev articles"}
        if args.cv == "none":
            settings = Settings(c=args.c, keep=args.keep, add=args.add, min_examples=args.min_examples)
        else:
            import tempfile
            score = load_scorer(args.scorer or args.corpus / "score.py")
            with tempfile.TemporaryDirectory() as tmp:
                gold = linked_gold(docs, gold_dir, Path(tmp) / "gold")
                rules = folds.scored([x for d in docs for x in folds.rules_lines(d)], gold, score, args.lang)
                say(f"rules alone: F1 {f1(rules)[0]:.4f} P {f1(rules)[1]:.4f}")
                results = []
                for n, settings in enumerate(GRID, 1):
                    res = folds.scored(folds.held_out(docs, settings), gold, score, args.lang)
                    results.append((f1(res), -n, settings, res))
                    say(f"[{n}/{len(GRID)}] {settings.describe()}: CV F1 {f1(res)[0]:.4f} P {f1(res)[1]:.4f}")
                (best_f1, best_p), _, settings, best = max(results, key=lambda r: (r[0][0], r[1]))
                table = {"rules": rules, "model": best}
                print(f"leave-one-genre-out ({len(docs)} articles), best setting: {settings.describe()}")
                print("\n".join(folds.table(table)))
                meta["cv_genre"] = {"rules": rules["triples"], "model": best["triples"]}
                if args.cv == "article":
                    for d in docs:
                        d.group = d.id
                    loao = folds.scored(folds.held_out(docs, settings), gold, score, args.lang)
                    print(f"leave-one-article-out: rules F1 {f1(rules)[0]:.4f} P {f1(rules)[1]:.4f}; "
                          f"with the model F1 {f1(loao)[0]:.4f} P {f1(loao)[1]:.4f}")
                    meta["cv_article"] = {"rules": rules["triples"], "model": loao["triples"]}
            wins = best_f1 >= f1(rules)[0] + args.margin and best_p >= f1(rules)[1] - args.margin
            if not wins and not args.force:
                print(f"the model does not beat the rules on the folds (F1 {best_f1:.4f} vs {f1(rules)[0]:.4f}): "
                      f"no model written (--force writes it anyway)")
                return 0
        model = fit(docs, settings, meta)
        model.save(out)
        kept, added = sorted(model.keep), sorted(model.add)
        print(f"wrote {out} ({out.stat().st_size // 1024} KB; keep: {', '.join(kept) or '-'}; "
              f"add: {', '.join(added) or '-'}) in {time.perf_counter() - started:.1f} s")
        return 0
    except KgError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
