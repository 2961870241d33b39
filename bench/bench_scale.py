"""Scale benchmark: the default store against rdflib in memory, 100k to 5M quads.

    .venv/bin/python bench/bench_scale.py                        # 100k, 1M, 5M
    .venv/bin/python bench/bench_scale.py --sizes 100k,1M --runs 5 --timeout 120
    .venv/bin/python bench/bench_scale.py --virtuoso             # also a private Virtuoso
    .venv/bin/python bench/bench_scale.py --json results.json

For each size, a synthetic institutional corpus (``kg.synth.GraphGenerator``:
extractions built directly, turned into quads by ``kg.rdf.extraction_quads``,
so the provenance model is the tool's own; a president, the Foreign Ministry
and a few others are hubs) is written document by document with
``Store.replace_document``, the path ``kg ingest`` takes, into

* ``oxigraph``: the default store, on disk (``kg.store.oxigraph.OxigraphStore``),
* ``rdflib``: rdflib's in-memory Dataset (``kg.store.memory.MemoryStore``),
* ``virtuoso`` (``--virtuoso``): a private Virtuoso started for the run,
  through ``kg.store.sparql.SparqlStore`` (SPARQL 1.1 Protocol over HTTP).

Each engine runs in its own process (its memory is its own): load time,
the typical questions (median of ``--runs``; the named queries of
``kg/query`` plus the 2-hop question below), the Turtle and N-Quads
exports, peak memory, the store's size on disk. rdflib's queries and
exports run in a forked child that is killed at ``--timeout``; rdflib is
skipped above ``--rdflib-max`` quads (default 1M: at 5M it needs some 6 GB
and minutes per query). The Oxigraph store is also bulk-loaded from an
N-Quads file (``pyoxigraph.Store.bulk_load``), the fast path for big imports.
``--alternatives`` also times rewritten query texts next to the named ones.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The hubs of kg.synth.GraphGenerator, as a user types them.
PRESIDENT = "İlham Əliyev"
MINISTRY = "Xarici İşlər Nazirliyi"

# "Heads of organisations whose heads met X's head": the 2-hop question. Every
# step is a DISTINCT subquery over one relation (a few thousand rows each, however
# many documents repeat an edge), documents are counted before labels are joined,
# and the labels are read in one supporting document (an index lookup).
HEADS_MET = """
PREFIX kg:   <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?key ?head (SAMPLE(?hl) AS ?headLabel) ?org (SAMPLE(?ol) AS ?orgLabel) ?xhead ?documents
WHERE {
  {
    SELECT ?key ?xhead ?head ?org (COUNT(DISTINCT ?doc) AS ?documents) (SAMPLE(?doc) AS ?labelDoc)
    WHERE {
      { SELECT DISTINCT ?key ?x WHERE { ?x kg:key ?key } }
      { SELECT DISTINCT ?xhead ?x WHERE { ?xhead kg:heads ?x } }
      GRAPH ?doc { ?xhead kg:met ?head }
      { SELECT DISTINCT ?head ?org WHERE { ?head kg:heads ?org } }
      FILTER (?org != ?x)
    }
    GROUP BY ?key ?xhead ?head ?org
  }
  FILTER (BOUND(?documents))
  OPTIONAL { GRAPH ?labelDoc { ?head skos:prefLabel ?hl FILTER (LANG(?hl) = "az") } }
  OPTIONAL { { SELECT DISTINCT ?org ?ol WHERE { ?org skos:prefLabel ?ol FILTER (LANG(?ol) = "az") } } }
}
GROUP BY ?key ?head ?org ?xhead ?documents
ORDER BY DESC(?documents) ?headLabel
"""

# Texts as first written (shared patterns outside the UNION, labels joined
# before counting): kept to show what the shapes of kg/query/*.rq buy.
ALTERNATIVES = {
    "met": ("met, naive shape", """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?key ?other ?otherLabel ?sentence ?doc ?date WHERE {
  ?x kg:key ?key .
  GRAPH ?doc {
    { ?a rdf:subject ?x ; rdf:object ?other } UNION { ?a rdf:object ?x ; rdf:subject ?other }
    ?a rdf:predicate kg:met ; kg:sentence ?s .
    ?s kg:text ?sentence .
  }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?other skos:prefLabel ?otherLabel FILTER (LANG(?otherLabel) = "az") }
} ORDER BY DESC(?date)"""),
    "cooperation": ("cooperation, labels before counting", """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?a ?aLabel ?b ?bLabel (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  GRAPH ?doc { ?a kg:cooperatesWith ?b }
  FILTER (STR(?a) < STR(?b))
  OPTIONAL { ?a skos:prefLabel ?aLabel FILTER (LANG(?aLabel) = "az") }
  OPTIONAL { ?b skos:prefLabel ?bLabel FILTER (LANG(?bLabel) = "az") }
} GROUP BY ?a ?aLabel ?b ?bLabel ORDER BY DESC(?documents)"""),
}


def typical_person(size: int, seed: int) -> str:
    """A minister of middling popularity in the synthetic corpus of that size."""
    from kg.synth import QUADS_PER_ARTICLE, GraphGenerator
    gen = GraphGenerator(seed, articles=max(1, size // QUADS_PER_ARTICLE))
    return gen.ministers[len(gen.ministers) // 2][0].name


def questions(size: int, seed: int) -> list[tuple[str, str, dict | None]]:
    """(label, named query or SPARQL text, bindings): the typical questions."""
    from kg.normalize import lookup_key
    president = {"key": lookup_key(PRESIDENT)}
    return [
        ("met: whom did the president meet, with the sentence", "met", president),
        ("met (a typical minister)", "met", {"key": lookup_key(typical_person(size, seed))}),
        ("cooperation: cooperating pairs with document counts", "cooperation", None),
        ("heads_met: heads of bodies whose heads met the Foreign Ministry's head", HEADS_MET,
         {"key": lookup_key(MINISTRY)}),
        ("events: events with organisers, chairs, co-chairs", "events", None),
        ("neighbourhood: the president's depth-2 neighbourhood (CONSTRUCT)", "neighbourhood", president),
        ("timeline: the president's facts by date", "timeline", president),
        ("relations: the president's edges with document counts", "relations", president),
        ("stats: the four queries of kg stats", "stats", None),
    ]


def short(label: str) -> str:
    return label.split(":")[0]


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def human(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k" if n % 1000 == 0 else str(n)


# --- measurements inside a worker ------------------------------------------------


def rss_mb(field: str = "VmRSS", pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def tree_size_mb(path: str | Path) -> float:
    total = 0
    for p in Path(path).rglob("*"):
        try:
            if p.is_file():
                total += p.stat().st_size
        except OSError:
            pass
    return total / 2**20


def emit(**record) -> None:
    print(json.dumps(record, default=str), flush=True)


def run_question(store, text: str, bindings: dict | None, timeout: float | None = None) -> int:
    from kg import query as Q
    if text == "stats":
        return sum(len(df) for df in Q.stats(store, timeout=timeout).values())
    result = Q.run(store, text, bindings, timeout=timeout)
    return 1 if isinstance(result, bool) else len(result)


def forked(fn, timeout: float) -> dict:
    """``fn()`` in a forked child killed after ``timeout`` s: {"seconds", "value"}
    or {"timeout": True} or {"error"}. The child shares the parent's memory
    (copy-on-write), so an in-memory store need not be loaded again."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        try:
            t = time.perf_counter()
            value = fn()
            msg = {"seconds": time.perf_counter() - t, "value": value}
        except BaseException as err:  # noqa: BLE001 - reported to the parent
            msg = {"error": f"{type(err).__name__}: {err}"}
        os.write(w, json.dumps(msg, default=str).encode())
        os._exit(0)
    os.close(w)
    ready, _, _ = select.select([r], [], [], timeout)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
        return {"timeout": True}
    chunks = []
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    os.waitpid(pid, 0)
    try:
        return json.loads(b"".join(chunks))
    except ValueError:
        return {"error": "the child died"}


def timed_runs(engine: str, store, text: str, bindings, runs: int, timeout: float) -> dict:
    """The median of ``runs`` runs, each stopped at ``timeout``. Oxigraph: a first
    run in a child process that kg stops at the timeout (kg's --timeout), then
    the runs in this process; rdflib: every run in a forked child; Virtuoso:
    every run over HTTP with a client-side timeout."""
    times: list[float] = []
    rows = None
    if engine == "rdflib":
        for i in range(runs):
            r = forked(lambda: run_question(store, text, bindings), timeout)
            if "timeout" in r:
                return {"timeout": timeout, "times": times}
            if "error" in r:
                return {"error": r["error"], "times": times}
            times.append(r["seconds"])
            rows = r["value"]
            if r["seconds"] * (runs - i - 1) > 2 * timeout:  # slow: fewer runs
                break
    else:
        from kg.errors import QueryError
        if engine == "oxigraph" and text != "stats":
            from kg import query as Q
            try:
                Q.run(store, text, bindings, timeout=timeout)  # a probe kg can stop
            except QueryError as err:
                if "stopped after" in str(err):
                    return {"timeout": timeout, "times": []}
                return {"error": str(err), "times": []}
        for i in range(runs):
            t = time.perf_counter()
            try:  # a server stops waiting at the timeout; Oxigraph passed its probe
                rows = run_question(store, text, bindings, timeout if engine == "virtuoso" else None)
            except QueryError as err:
                if "stopped after" in str(err):
                    return {"timeout": timeout, "times": times}
                return {"error": str(err), "times": times}
            times.append(time.perf_counter() - t)
            if times[-1] * (runs - i - 1) > 2 * timeout:
                break
    return {"median": statistics.median(times), "times": times, "rows": rows}


def export_time(engine: str, store, fmt: str, folder: Path, timeout: float) -> dict:
    target = folder / f"export.{fmt}"

    def run():
        with open(target, "wb") as fh:
            store.export(fh, fmt)
        return target.stat().st_size

    if engine == "rdflib":
        r = forked(run, timeout)
    else:
        t = time.perf_counter()
        size = run()
        r = {"seconds": time.perf_counter() - t, "value": size}
    target.unlink(missing_ok=True)
    return r


def worker(args) -> int:
    """One engine, one size; JSON lines on stdout. A Virtuoso it started is
    stopped however the worker ends."""
    server: list = []
    try:
        return _worker(args, server)
    finally:
        for s in server:
            s.stop()


def _worker(args, started: list) -> int:
    from kg.synth import graph_documents
    engine, size = args.worker, parse_size(args.size)
    folder = Path(args.workdir)
    folder.mkdir(parents=True, exist_ok=True)
    server = None
    base_rss = rss_mb()
    if engine == "oxigraph":
        from kg.store.oxigraph import OxigraphStore
        path = folder / "store"
        store = OxigraphStore(path)
    elif engine == "rdflib":
        from kg.store.memory import MemoryStore
        store = MemoryStore()
    else:
        from tests.virtuoso import Virtuoso  # the tests' launcher of a private Virtuoso
        from kg.store.sparql import SparqlStore
        server = Virtuoso(folder / "virtuoso", buffers_gb=args.virtuoso_gb,
                          max_query_seconds=int(args.timeout) + 5)
        started.append(server)
        server.start()
        store = SparqlStore(server.endpoint)
    emit(event="start", engine=engine, size=size, pid=os.getpid())
    write = 0.0
    quads = docs = 0
    t0 = time.perf_counter()
    bulk = server is not None and getattr(args, "virtuoso_load", "updates") == "bulk"
    if bulk:  # Virtuoso's loader from an N-Quads file: the way to fill a server
        write = virtuoso_bulk_from_generator(store, server, size, args.seed)
        quads, docs = store.count(), len(store.documents())
    else:
        for graph, q in graph_documents(size, seed=args.seed):
            t = time.perf_counter()
            store.replace_document(graph, q)
            write += time.perf_counter() - t
            quads += len(q)
            docs += 1
    total = time.perf_counter() - t0
    if engine == "oxigraph":
        store.close()
        store = OxigraphStore(path, read_only=True)
    emit(event="load", seconds=write, generate=total - write, quads=quads, docs=docs,
         how="bulk" if bulk else "replace_document per document",
         count=store.count(), rss_mb=rss_mb() - base_rss, peak_mb=rss_mb("VmHWM"),
         server_mb=rss_mb("VmHWM", pid=server.pid) if server else None,
         disk_mb=tree_size_mb(path) if engine == "oxigraph" else
         (server.size_mb() if server else None))
    todo = questions(size, args.seed)
    if args.alternatives:
        from kg.normalize import lookup_key
        todo += [(f"{name} (alt: {desc})", text, None if name == "cooperation" else
                  {"key": lookup_key(PRESIDENT)})
                 for name, (desc, text) in ALTERNATIVES.items()]
    for label, text, bindings in todo:
        r = timed_runs(engine, store, text, bindings, args.runs, args.timeout)
        emit(event="query", name=label, **r)
    for fmt in ("turtle", "nquads"):
        r = export_time(engine, store, fmt, folder, args.timeout)
        emit(event="export", fmt=fmt, **r)
    if server and not bulk:
        virtuoso_bulk_load(store, server)
    emit(event="memory", peak_mb=rss_mb("VmHWM"), rss_mb=rss_mb(),
         server_mb=rss_mb("VmHWM", pid=server.pid) if server else None)
    store.close()
    if engine == "oxigraph":
        emit(event="disk", disk_mb=tree_size_mb(path))
        bulk_load(path, folder, args)
    if server:
        server.stop()
    return 0


def bulk_load(path: Path, folder: Path, args) -> None:
    """The bulk path: export N-Quads, bulk-load them into a fresh store."""
    import pyoxigraph as ox
    from kg.store.oxigraph import OxigraphStore
    nq = folder / "all.nq"
    with OxigraphStore(path, read_only=True) as s, open(nq, "wb") as fh:
        s.export(fh, "nquads")
    fresh = folder / "bulk"
    OxigraphStore(fresh).close()  # a kg store: the meta graph holds the layout version
    db = ox.Store(str(fresh))
    t = time.perf_counter()
    db.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    db.flush()
    seconds = time.perf_counter() - t
    del db
    emit(event="bulk", seconds=seconds, disk_mb=tree_size_mb(fresh), nquads_mb=nq.stat().st_size / 2**20)
    nq.unlink()


def virtuoso_bulk_from_generator(store, server, size: int, seed: int) -> float:
    """Write the generated documents as N-Quads (with kg's meta graph), then
    time Virtuoso's loader on them. Returns the loader's seconds."""
    import pyoxigraph as ox
    from kg.store import write_meta
    from kg.store.terms import ox_term
    from kg.synth import graph_documents
    nq = server.folder / "all.nq"
    with open(nq, "wb") as fh:
        quads = (ox.Quad(*(ox_term(t) for t in quad)) for _, qs in graph_documents(size, seed=seed) for quad in qs)
        ox.serialize(quads, fh, ox.RdfFormat.N_QUADS)
        write_meta(fh, "nquads")
    server.clear()
    t = time.perf_counter()
    server.bulk_load(nq)
    seconds = time.perf_counter() - t
    nq.unlink()
    return seconds


def virtuoso_bulk_load(store, server) -> None:
    """Virtuoso's own bulk path: `kg export --format nquads`, then ld_dir and
    rdf_loader_run (isql) into the emptied server."""
    nq = server.folder / "all.nq"
    with open(nq, "wb") as fh:
        store.export(fh, "nquads")
    quads = store.count()
    server.clear()
    t = time.perf_counter()
    server.bulk_load(nq)
    seconds = time.perf_counter() - t
    emit(event="bulk", seconds=seconds, quads=store.count(), expected=quads,
         disk_mb=server.size_mb(), nquads_mb=nq.stat().st_size / 2**20)
    nq.unlink()


# --- the parent --------------------------------------------------------------------


def run_worker(engine: str, size: int, args, workdir: Path) -> dict:
    cmd = [sys.executable, __file__, "--worker", engine, "--size", str(size), "--workdir", str(workdir),
           "--runs", str(args.runs), "--timeout", str(args.timeout), "--seed", str(args.seed),
           "--virtuoso-gb", str(args.virtuoso_gb), "--virtuoso-load", args.virtuoso_load]
    if args.alternatives:
        cmd.append("--alternatives")
    result: dict = {"engine": engine, "size": size, "queries": {}, "exports": {}}
    print(f"  {engine}: loading {human(size)} quads ...", file=sys.stderr, flush=True)
    # its own process group: killing it also kills a Virtuoso it started
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.time() + args.worker_cap
    try:
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], max(0.0, deadline - time.time()))
            if not ready:
                result["killed"] = f"after {args.worker_cap:.0f} s"
                break
            line = proc.stdout.readline()
            if not line:
                break
            rec = json.loads(line)
            ev = rec.pop("event")
            if ev == "query":
                result["queries"][rec.pop("name")] = rec
                shown = (f"{rec['median']:.3f} s" if "median" in rec else
                         f"> {rec['timeout']:.0f} s" if "timeout" in rec else rec.get("error"))
                print(f"    {engine:9} {rec and shown:>12}  {list(result['queries'])[-1]}", file=sys.stderr,
                      flush=True)
            elif ev == "export":
                result["exports"][rec.pop("fmt")] = rec
            else:
                result[ev] = rec
                if ev == "load":
                    print(f"    {engine:9} loaded {rec['quads']:,} quads ({rec['docs']:,} documents) in "
                          f"{rec['seconds']:.1f} s", file=sys.stderr, flush=True)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the worker, and anything it left behind
        except ProcessLookupError:
            pass
        proc.wait()
    return result


def fmt_s(q: dict | None) -> str:
    if not q:
        return "—"
    if "median" in q:
        m = q["median"]
        return f"{m * 1000:.0f} ms" if m < 1 else f"{m:.2f} s"
    if "timeout" in q:
        return f"> {q['timeout']:.0f} s"
    return "error"


def ratio(a: dict | None, b: dict | None) -> str:
    if not a or "median" not in a or not b:
        return "—"
    if "median" in b:
        return f"{b['median'] / a['median']:.0f}×" if b["median"] / a["median"] >= 10 else \
            f"{b['median'] / a['median']:.1f}×"
    if "timeout" in b:
        return f"> {b['timeout'] / a['median']:.0f}×"
    return "—"


def export_s(r: dict | None) -> str:
    if not r:
        return "—"
    if "seconds" in r:
        return f"{r['seconds']:.1f} s"
    return f"> timeout" if "timeout" in r else "error"


def report(results: list[dict], args) -> str:
    out = [f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
           f"median of {args.runs} runs, timeout {args.timeout:.0f} s per query.", ""]
    sizes = sorted({r["size"] for r in results})
    engines = [e for e in ("oxigraph", "rdflib", "virtuoso") if any(r["engine"] == e for r in results)]
    by = {(r["engine"], r["size"]): r for r in results}
    out += ["| size | engine | documents | load | quads/s | peak memory | on disk | Turtle export | N-Quads export |",
            "|---|---|---|---|---|---|---|---|---|"]
    for size in sizes:
        for e in engines:
            r = by.get((e, size))
            if not r or "load" not in r:
                if r is not None:
                    out.append(f"| {human(size)} | {e} | — | {r.get('killed', 'skipped')} | | | | | |")
                continue
            ld = r["load"]
            mem = r.get("memory", {})
            peak = mem.get("peak_mb", ld["peak_mb"])
            if e == "virtuoso":
                peak_s = f"{(mem.get('server_mb') or ld.get('server_mb') or 0):.0f} MB (server)"
            else:
                peak_s = f"{peak:.0f} MB"
            disk = r.get("disk", {}).get("disk_mb", ld.get("disk_mb"))
            disk_s = f"{disk:.0f} MB" if disk else "—"
            label = f"{e} (rdf_loader_run)" if ld.get("how") == "bulk" else e
            out.append(f"| {human(size)} | {label} | {ld['docs']:,} | {ld['seconds']:.1f} s | "
                       f"{ld['quads'] / ld['seconds']:,.0f} | {peak_s} | {disk_s} | "
                       f"{export_s(r['exports'].get('turtle'))} | {export_s(r['exports'].get('nquads'))} |")
            if "bulk" in r:
                b = r["bulk"]
                how = "bulk_load (N-Quads)" if e == "oxigraph" else "rdf_loader_run (N-Quads)"
                out.append(f"| {human(size)} | {e} {how} | | {b['seconds']:.1f} s | "
                           f"{ld['quads'] / b['seconds']:,.0f} | | {b['disk_mb']:.0f} MB | | |")
    out.append("")
    for size in sizes:
        names: list[str] = []
        for e in engines:
            for n in by.get((e, size), {}).get("queries", {}):
                if n not in names:
                    names.append(n)
        if not names:
            continue
        head = "| query | " + " | ".join(engines) + " | rdflib / oxigraph |"
        out += [f"Queries at {human(size)} quads (median):", "", head,
                "|---|" + "---|" * len(engines) + "---|"]
        for n in names:
            cells = [fmt_s(by.get((e, size), {}).get("queries", {}).get(n)) for e in engines]
            ox_q = by.get(("oxigraph", size), {}).get("queries", {}).get(n)
            rd_q = by.get(("rdflib", size), {}).get("queries", {}).get(n)
            out.append(f"| {n} | " + " | ".join(cells) + f" | {ratio(ox_q, rd_q)} |")
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100k,1M,5M", help="Comma-separated sizes in quads (default 100k,1M,5M).")
    ap.add_argument("--engines", default="oxigraph,rdflib", help="oxigraph,rdflib[,virtuoso].")
    ap.add_argument("--virtuoso", action="store_true", help="Also measure a private Virtuoso (needs virtuoso-t).")
    ap.add_argument("--virtuoso-gb", type=float, default=4.0, help="Virtuoso's buffer memory (GB).")
    ap.add_argument("--virtuoso-load", choices=["updates", "bulk"], default="updates",
                    help="Fill Virtuoso document by document over HTTP (as kg ingest does; default) or with "
                         "its bulk loader from an N-Quads file.")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--timeout", type=float, default=120.0, help="Per query and per export, seconds.")
    ap.add_argument("--rdflib-max", default="1M", help="Skip rdflib above this size.")
    ap.add_argument("--worker-cap", type=float, default=3600.0, help="Kill an engine's worker after this long.")
    ap.add_argument("--alternatives", action="store_true", help="Also time the rewritten query texts.")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", type=Path, default=None, help="Also write the raw results here.")
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--report", type=Path, nargs="+", default=None,
                    help="Only print the tables of earlier runs' --json files.")
    ap.add_argument("--worker", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--size", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args)
    if args.report:
        results = [r for f in args.report for r in json.loads(f.read_text())]
        print(report(results, args))
        return 0
    engines = [e for e in args.engines.split(",") if e]
    if args.virtuoso and "virtuoso" not in engines:
        engines.append("virtuoso")
    if "virtuoso" in engines and not shutil.which("virtuoso-t"):
        print("no virtuoso-t on PATH (apt-get install virtuoso-opensource): Virtuoso skipped", file=sys.stderr)
        engines.remove("virtuoso")
    rdflib_max = parse_size(args.rdflib_max)
    results = []
    base = Path(args.workdir or tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        for size in [parse_size(s) for s in args.sizes.split(",")]:
            print(f"{human(size)} quads", file=sys.stderr, flush=True)
            for engine in engines:
                if engine == "rdflib" and size > rdflib_max:
                    print(f"  rdflib: skipped above {human(rdflib_max)} (--rdflib-max)", file=sys.stderr)
                    continue
                workdir = base / f"{engine}-{human(size)}"
                results.append(run_worker(engine, size, args, workdir))
                shutil.rmtree(workdir, ignore_errors=True)
                if args.json:
                    args.json.write_text(json.dumps(results, indent=1))
    finally:
        if not args.workdir:
            shutil.rmtree(base, ignore_errors=True)
    print(report(results, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
