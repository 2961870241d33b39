"""Benchmark of the graph page: generation time, file size, browser time.

For 100, 1,000 and 5,000 entities (synthetic articles in kg's RDF model,
written to a fresh on-disk store), measures

* ``build``: reading the store into networkx (kg.analysis.build_graph),
* ``layout``: the layout alone,
* ``page``: the whole of kg.web.page.write_page (build, layout, HTML),
* ``MB``: the page's size,
* ``render``: headless Chromium, from navigation to the page's first
  complete drawing (physics is off, so that is also when it has settled),

and prints a table with the machine's CPU count.

    .venv/bin/python bench/bench_viz.py                 # 100, 1000, 5000
    .venv/bin/python bench/bench_viz.py 100 1000 20000  # other sizes
    .venv/bin/python bench/bench_viz.py --docs docs      # the README screenshots

The synthetic graphs are ``kg.synth.network_extractions``, which the tests use too.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.ids import doc_iri  # noqa: E402
from kg.models import Article  # noqa: E402
from kg.synth import network_extractions, write_extractions  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

def browser_seconds(page_path: str | Path, screenshot: str | Path | None = None, timeout_s: float = 300) -> dict:
    """Open the page in headless Chromium; seconds from navigation to the
    first complete drawing, the node/edge counts vis-network holds,
    console errors and requests other than the page itself."""
    from playwright.sync_api import sync_playwright
    url = Path(page_path).resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            errors, requests = [], []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url) if r.url != url else None)
            started = time.perf_counter()
            page.goto(url, wait_until="load", timeout=timeout_s * 1000)
            page.wait_for_function("window.kgReady === true", timeout=timeout_s * 1000)
            seconds = time.perf_counter() - started
            counts = page.evaluate("window.kg.counts()")
            if screenshot:
                page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    return {"seconds": seconds, **counts, "errors": errors, "requests": requests}

def docs_screenshots(folder: str | Path) -> list[Path]:
    """docs/graph-seed.png (the bundled article's graph, the evidence of
    Kamran Əliyev -met- Ahmed Naser Al-Raisi open) and docs/graph-1000.png
    (1,000 synthetic entities)."""
    from playwright.sync_api import sync_playwright

    from kg.lang import Extractor
    from kg.rdf import extraction_quads
    from kg.store import open_store
    from kg.web.page import write_page

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        seed = ROOT / "data" / "articles" / "az-0001.txt"
        article = Article(id=seed.stem, text=seed.read_text(encoding="utf-8"), lang="az")
        store = open_store(str(Path(tmp) / "seed"))
        store.replace_document(doc_iri(article.id), extraction_quads(Extractor().extract(article)))
        write_page(store, Path(tmp) / "seed.html")
        store.close()
        store = open_store(str(Path(tmp) / "syn"))
        write_extractions(store, network_extractions(1000))
        write_page(store, Path(tmp) / "syn.html")
        store.close()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for page_file, png, show in (("seed.html", "graph-seed.png", True), ("syn.html", "graph-1000.png", False)):
                page = browser.new_page(viewport={"width": 1400, "height": 860})
                page.goto((Path(tmp) / page_file).as_uri())
                page.wait_for_function("window.kgReady === true")
                if show:
                    page.evaluate("""() => { const D = window.kg.data;
                        const i = D.nodes.findIndex(n => n.l === 'Kamran Əliyev');
                        const j = D.nodes.findIndex(n => n.l === 'Ahmed Naser Al-Raisi');
                        const e = D.edges.findIndex(e => (e.f === i && e.t === j) || (e.f === j && e.t === i));
                        if (e >= 0) { window.kg.network.selectEdges([e]); window.kg.showEdge(e); } }""")
                page.wait_for_timeout(300)
                page.screenshot(path=str(folder / png))
                out.append(folder / png)
                page.close()
            browser.close()
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000])
    ap.add_argument("--screenshot", default=None, help="screenshot of the last size's page (PNG)")
    ap.add_argument("--no-browser", action="store_true", help="skip the Chromium measurement")
    ap.add_argument("--keep", default=None, help="folder to keep the pages in")
    ap.add_argument("--docs", default=None, metavar="DIR",
                    help="only write the README screenshots graph-seed.png and graph-1000.png to DIR")
    args = ap.parse_args(argv)
    if args.docs:
        for png in docs_screenshots(args.docs):
            print(f"wrote {png}")
        return 0

    from kg.analysis import build_graph
    from kg.store import open_store
    from kg.web.layout import layout
    from kg.web.page import write_page

    browser = not args.no_browser and os.path.exists(CHROMIUM)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(args.keep or tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            store = open_store(str(Path(tmp) / f"store-{n}"))
            t = time.perf_counter()
            write_extractions(store, network_extractions(n))
            fill = time.perf_counter() - t
            t = time.perf_counter()
            G = build_graph(store)
            build = time.perf_counter() - t
            G.remove_nodes_from([v for v in list(G) if G.degree(v) == 0])
            t = time.perf_counter()
            layout(G)
            lay = time.perf_counter() - t
            page = out_dir / f"graph-{n}.html"
            t = time.perf_counter()
            summary = write_page(store, page, max_nodes=max(n, 10_000))
            gen = time.perf_counter() - t
            store.close()
            row = {"entities": summary.nodes, "relations": summary.edges, "store fill s": fill,
                   "build s": build, "layout s": lay, "page s": gen, "MB": summary.bytes / 1e6}
            if browser:
                shot = args.screenshot if args.screenshot and n == args.sizes[-1] else None
                b = browser_seconds(page, shot)
                row.update({"render s": b["seconds"], "vis nodes": b["nodes"], "vis edges": b["edges"],
                            "errors": len(b["errors"]), "requests": len(b["requests"])})
            rows.append(row)
            print(" ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()),
                  file=sys.stderr)

    import pandas as pd
    df = pd.DataFrame(rows)
    print(f"# kg viz benchmark: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}" + (", Chromium headless" if browser else ""))
    print(df.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    return 0

if __name__ == "__main__":
    sys.exit(main())
