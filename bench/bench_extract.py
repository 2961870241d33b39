"""Extraction quality and speed on the dev corpus, per language.

    python bench/bench_extract.py [--corpus ../shared/corpus] [--runs 5] [--lang az|en|ru] [--model FILE]
                                  [--no-score] [--ru-ner rules|natasha]

Prints score.py's table for the Azerbaijani dev articles, then the
throughput of extraction alone on one core (median of several runs, caches
warm after a first pass), next to a baseline measured in the same run:
sentence splitting and tokenisation only, the floor any extractor pays.
Extraction is timed with the rules alone and, when a relation model is
shipped (``data/models/relations-<lang>.json``) or given (``--model``),
with the model deciding over the rules. ``--no-score`` skips the table.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extract import to_jsonl  # noqa: E402
from kg.extract.text import split_sentences, tokenize  # noqa: E402
from kg.lang import Extractor  # noqa: E402
from kg.models import Article  # noqa: E402


# Held out from everyone's tuning: never read here (quality or speed).
SEALED = {"law-17", "law-18", "law-19", "law-21", "law-26", "law-27", "intl-28", "en-12", "en-13", "en-16",
          "ru-12", "ru-14", "ru-16"}


def load(corpus: Path, lang: str = "az") -> list[Article]:
    out = []
    for path in sorted((corpus / "dev").glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        if meta.get("lang") == lang and (lang == "az" or path.stem not in SEALED):
            out.append(Article(id=path.stem, text=path.read_text(encoding="utf-8"), lang=lang))
    return out


def timed(fn, articles, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for a in articles:
            fn(a)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--lang", default="az", help="az (all dev articles, as before), en or ru (the unsealed ones)")
    ap.add_argument("--model", type=Path, help="a relation model file to time beside the rules alone")
    ap.add_argument("--no-score", action="store_true", help="time only; no score table")
    ap.add_argument("--ru-ner", default="rules", choices=("rules", "natasha"),
                    help="Russian person names by rules only, or with natasha's NER as well")
    args = ap.parse_args()
    articles = load(args.corpus, args.lang)
    t0 = time.perf_counter()
    if args.lang == "ru" and args.ru_ner != "rules":
        from kg.lang.ru import Extractor as Russian
        extractor = Russian(ner=args.ru_ner)
    else:
        extractor = Extractor(**({"model": args.model} if args.model else {}))
    load_s = time.perf_counter() - t0
    extractor.extract(articles[0])  # the language's plug-in loads on first use
    plugin = extractor.for_language(args.lang) if hasattr(extractor, "for_language") else extractor
    has_model = getattr(plugin, "model", None) is not None
    rules_only = Extractor(model=False) if has_model else None

    if not args.no_score:
        score_table(args.corpus, articles, extractor, args.lang)

    def baseline(a):
        for s in split_sentences(a.text):
            tokenize(s.text, s.start)

    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    base = timed(baseline, articles, args.runs)
    rows = [("baseline: split + tokenize", base)]
    if rules_only is not None:
        rules_only.extract(articles[0])
        rows.append(("extraction, rules alone", timed(rules_only.extract, articles, args.runs)))
        rows.append(("extraction + relation model", timed(extractor.extract, articles, args.runs)))
    else:
        rows.append(("extraction", timed(extractor.extract, articles, args.runs)))
    print()
    print(f"articles: {n} ({chars / n:.0f} characters on average); gazetteers and patterns load once in {load_s:.2f} s")
    print(f"{'':30} {'articles/s':>11} {'ms/article':>11} {'ratio':>7}")
    for name, t in rows:
        print(f"{name:30} {n / t:11.0f} {t / n * 1000:11.2f} {t / base:7.1f}")
    print(f"(median of {args.runs} runs, one process, one core)")
    return 0


def score_table(corpus: Path, articles, extractor, lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "dev.jsonl"
        out.write_text("\n".join(line for a in articles for line in to_jsonl(extractor.extract(a))) + "\n",
                       encoding="utf-8")
        spec = importlib.util.spec_from_file_location("score", corpus / "score.py")
        score = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(score)
        gold = Path(tmp) / "gold"
        gold.mkdir()
        for a in articles:
            for ext in ("txt", "json"):
                (gold / f"{a.id}.{ext}").symlink_to((corpus / "dev" / f"{a.id}.{ext}").resolve())
        res = score.score(gold, out, lang=lang)
    print(f"{'predicate':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
    for p, v in res["per_predicate"].items():
        print(f"{p:16} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:4} {v['fp']:4} {v['fn']:4}")
    for name in ("triples", "entities"):
        v = res[name]
        print(f"{name.upper():16} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:4} {v['fp']:4} {v['fn']:4}")


if __name__ == "__main__":
    sys.exit(main())
