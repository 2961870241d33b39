"""Soak: ingest 10,000 generated articles into a fresh store, in steps.

    python bench/bench_soak.py [--articles 10000] [--steps 1000,5000,10000]

Reports, at each step, the time per article of the ingest so far and of
the last step, the store's size on disk, and the process' peak memory, so
that a curve that does not stay flat shows. The baseline, measured in the
same run, is extraction alone (no store) on the first 1,000 articles.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.lang import Extractor  # noqa: E402
from kg.pipeline import KnowledgeGraph  # noqa: E402
from kg.read import read_article  # noqa: E402
from kg.synth import write_articles  # noqa: E402


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--steps", default="1000,5000,10000")
    args = ap.parse_args()
    steps = [int(s) for s in args.steps.split(",") if int(s) <= args.articles]
    tmp = Path(tempfile.mkdtemp(prefix="kg-soak-"))
    try:
        print(f"generating {args.articles} articles …", flush=True)
        paths = write_articles(tmp / "articles", args.articles, seed=11)
        ex = Extractor()
        sample = [read_article(p) for p in paths[:1000]]
        t = time.perf_counter()
        for a in sample:
            ex.extract(a)
        base = (time.perf_counter() - t) / len(sample)
        print(f"baseline: extraction alone {base * 1000:.2f} ms/article")
        print(f"{'articles':>8} {'ms/article (all)':>17} {'ms/article (step)':>18} {'ratio to baseline':>18} "
              f"{'store MB':>9} {'bytes/article':>14} {'peak RSS MB':>12}")
        done = 0
        total = 0.0
        for step in steps:  # one ingest run per step, as a user adding batches would
            batch = paths[done:step]
            t = time.perf_counter()
            with KnowledgeGraph(tmp / "store") as kg:
                kg._extractor = ex
                report = kg.ingest(batch, progress=False)
            dt = time.perf_counter() - t
            assert not report.rejected, report.rejected[:3]
            total += dt
            done = step
            size = du(tmp / "store")
            print(f"{done:8} {total / done * 1000:17.2f} {dt / len(batch) * 1000:18.2f} "
                      f"{dt / len(batch) / base:18.1f} {size / 1e6:9.1f} {size / done:14.0f} {peak_mb():12.0f}",
                      flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
