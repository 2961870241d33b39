"""Parallel ingest: articles per second with 1, 2, ... extraction processes.

    .venv/bin/python bench/bench_ingest.py                     # 10,000 articles, -j 1 and -j 2
    .venv/bin/python bench/bench_ingest.py --articles 2000 --jobs 1,2,4
    .venv/bin/python bench/bench_ingest.py --store sparql+http://127.0.0.1:8890/sparql

Writes ``--articles`` generated articles (``kg.synth.write_articles``) once,
then ingests them into a fresh store (the default on-disk store, or
``--store``, which is cleared of the generated documents first) with each
``-j`` value, as ``kg ingest -j N`` does: N processes extract, this one reads
the files, checks fingerprints and is the only writer. Also measured in the
same run: extraction alone in one process (no store), which is what the
worker processes share out, and writing alone (the store's side), which
no number of extraction processes can shorten.
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.lang import Extractor  # noqa: E402
from kg.ids import doc_iri  # noqa: E402
from kg.pipeline import KnowledgeGraph  # noqa: E402
from kg.rdf import extraction_quads  # noqa: E402
from kg.read import read_article  # noqa: E402
from kg.store import open_store, serialize_document  # noqa: E402
from kg.synth import write_articles  # noqa: E402


def fresh_store(spec: str | None, folder: Path, name: str, paths: list[Path]):
    if spec is None:
        return str(folder / name)
    with open_store(spec) as s:  # a server: drop what an earlier run wrote
        for p in paths:
            s.remove_document(doc_iri(p.stem))
    return spec


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--jobs", default="1,2", help="Comma-separated -j values (default 1,2).")
    ap.add_argument("--store", default=None, help="A store URL (default: fresh on-disk stores).")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-ingest-"))
    try:
        t = time.perf_counter()
        paths = write_articles(work / "articles", args.articles, seed=args.seed)
        print(f"wrote {len(paths):,} articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)

        # the two sides of an ingest, alone
        extractor = Extractor()
        extractor.extract(read_article(paths[0]))  # caches warm
        sample = paths[: min(len(paths), 2000)]
        t = time.perf_counter()
        docs = []
        for p in sample:
            a = read_article(p)
            ex = extractor.extract(a)
            docs.append((doc_iri(a.id), serialize_document(doc_iri(a.id), extraction_quads(ex))))
        extract_rate = len(sample) / (time.perf_counter() - t)
        target = fresh_store(args.store, work, "write-only", sample)
        with open_store(target) as s:
            t = time.perf_counter()
            for g, text in docs:
                s.replace_document_serialized(g, text)
            write_rate = len(docs) / (time.perf_counter() - t)
        del docs

        rows = []
        for jobs in [int(j) for j in args.jobs.split(",")]:
            target = fresh_store(args.store, work, f"store-j{jobs}", paths)
            with KnowledgeGraph(target) as kg:
                t = time.perf_counter()
                report = kg.ingest([work / "articles"], progress=True, jobs=jobs)
                seconds = time.perf_counter() - t
                quads = kg.store.count()
            rows.append((jobs, seconds, len(report.ingested), quads, report.summary()))
            print(f"-j {jobs}: {report.summary()} in {seconds:.1f} s", file=sys.stderr)
        base = rows[0][1]
        print(f"{args.articles:,} generated articles (kg.synth.write_articles), {os.cpu_count()} cores, "
              f"store: {args.store or 'on disk (Oxigraph)'}\n")
        print("| jobs | time | articles/s | speed-up | quads |")
        print("|---|---|---|---|---|")
        for jobs, seconds, n, quads, _ in rows:
            print(f"| {jobs} | {seconds:.1f} s | {n / seconds:.0f} | {base / seconds:.2f}× | {quads:,} |")
        print(f"\nAlone, on {len(sample):,} of them: read + extract + serialize {extract_rate:.0f} articles/s "
              f"(one process); write to the store {write_rate:.0f} articles/s (the single writer's ceiling).")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
