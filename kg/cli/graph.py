"""Commands over the network: viz (the page), analyze, path."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..config import OUTPUT_DIR
from .common import open_graph


def _cut_options(f):
    """--predicates, --types, --min-sources: shared by viz and analyze."""
    f = click.option("--min-sources", type=click.IntRange(1, None), default=1, show_default=True,
                     help="Keep facts that at least this many articles support.")(f)
    f = click.option("--types", default=None, metavar="T1,T2",
                     help="Entity types to keep, e.g. Person,Organization.")(f)
    f = click.option("--predicates", default=None, metavar="P1,P2",
                     help="Relations to keep, e.g. met,heads.")(f)
    return f


@click.command(name="viz")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="HTML file to write (default: output/graph.html).")
@click.option("--lang", type=click.Choice(["az", "en"]), default="az", show_default=True,
              help="Label language (falls back to the other).")
@click.option("--focus", default=None, metavar="ENTITY", help="Only this entity's network (name, alias or key).")
@click.option("--depth", type=click.IntRange(0, None), default=1, show_default=True, help="Hops around --focus.")
@click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=str), default=None,
              help="A .rq file: the graph of its CONSTRUCT, or of its SELECT's ?s ?p ?o.")
@_cut_options
@click.option("--size-by", type=click.Choice(["degree", "betweenness"]), default="degree", show_default=True,
              help="What node size shows.")
@click.option("--isolated", is_flag=True, help="Also show entities that have no relation.")
@click.option("--max-nodes", type=click.IntRange(1, None), default=None,
              help="Refuse graphs larger than this (default 8000: larger pages get sluggish).")
@click.pass_context
def viz_command(ctx, output, lang, focus, depth, query_file, predicates, types, min_sources, size_by,
                isolated, max_nodes):
    """Write the interactive graph page: one HTML file that works offline.

    \b
    Examples:
      kg viz                                    # output/graph.html
      kg viz --focus "Kamran Əliyev" --depth 2 --lang en -o kamran.html
      kg viz --predicates met,visited --min-sources 2
      kg viz --query my-graph.rq
    """
    from ..web.page import MAX_NODES, write_page
    output = output or OUTPUT_DIR / "graph.html"
    query = Path(query_file).read_text(encoding="utf-8") if query_file else None
    with open_graph(ctx, read_only=True) as kg:
        summary = write_page(kg.store, output, lang=lang, focus=focus, depth=depth, query=query,
                             predicates=predicates, types=types, min_sources=min_sources,
                             max_nodes=max_nodes or MAX_NODES, size_by=size_by, isolated=isolated)
    click.echo(str(summary))


@click.command(name="analyze")
@click.option("--top", type=click.IntRange(1, None), default=20, show_default=True, help="Rows per table.")
@click.option("--method", type=click.Choice(["louvain", "greedy"]), default="louvain", show_default=True,
              help="Community detection: Louvain or greedy modularity.")
@click.option("--lang", type=click.Choice(["az", "en"]), default="az", show_default=True)
@_cut_options
@click.option("--csv", "csv_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write central.csv, communities.csv and bridges.csv (all rows) to this folder.")
@click.pass_context
def analyze_command(ctx, top, method, lang, predicates, types, min_sources, csv_dir):
    """The most central actors, the communities and the bridges between them.

    \b
    Examples:
      kg analyze
      kg analyze --predicates met --top 10 --csv output/analysis
    """
    import pandas as pd

    from ..analysis import analyze, build_graph, community_summary, filter_graph
    with open_graph(ctx, read_only=True) as kg:
        G = build_graph(kg.store)
    if predicates or types or min_sources > 1:
        G = filter_graph(G, predicates=predicates, types=types, min_sources=min_sources)
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    tables = analyze(G, top=None, method=method, lang=lang)
    show = {
        "Most central (degree = distinct neighbours; betweenness = share of shortest paths through it)":
            tables["central"].drop(columns=["key", "iri"]).head(top),
        f"Communities ({tables['communities']['community'].nunique()}, {method})":
            community_summary(tables["communities"], members=4).head(top),
        "Bridges between communities": tables["bridges"].drop(columns=["key", "iri"]).head(top),
    }
    with pd.option_context("display.max_rows", 500, "display.max_columns", 20, "display.width", 200,
                           "display.max_colwidth", 60):
        for title, df in show.items():
            click.echo(f"{title}:")
            click.echo(df.to_string(index=False) if not df.empty else "  (none)")
            click.echo("")
    if csv_dir is not None:
        csv_dir.mkdir(parents=True, exist_ok=True)
        for name in ("central", "communities", "bridges"):
            tables[name].to_csv(csv_dir / f"{name}.csv", index=False)
        click.echo(f"wrote {csv_dir}/central.csv, communities.csv, bridges.csv", err=True)


@click.command(name="path")
@click.argument("a")
@click.argument("b")
@click.option("--max-paths", type=click.IntRange(1, None), default=5, show_default=True)
@click.option("--lang", type=click.Choice(["az", "en"]), default="az", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text", show_default=True)
@click.pass_context
def path_command(ctx, a, b, max_paths, lang, fmt):
    """How entity A is connected to entity B: the shortest paths, with evidence.

    A and B are names, aliases or keys (person/kamran-eliyev).

    \b
    Example:  kg path "Kamran Əliyev" "İnterpol"
    """
    from ..analysis import build_graph, paths_frame, shortest_paths
    with open_graph(ctx, read_only=True) as kg:
        G = build_graph(kg.store)
    paths = shortest_paths(G, a, b, max_paths=max_paths, lang=lang)
    if fmt == "csv":
        click.echo(paths_frame(paths).to_csv(index=False), nl=False)
    elif fmt == "json":
        click.echo(json.dumps(paths, ensure_ascii=False, indent=1, default=str))
    else:
        arrows = {"->": "—[{}]→", "<-": "←[{}]—", "--": "—[{}]—"}
        for i, p in enumerate(paths, 1):
            click.echo(f"Path {i} of {len(paths)} ({len(p)} hop{'s' if len(p) != 1 else ''}):")
            for h in p:
                also = f"  (also: {h['other_predicates']})" if h["other_predicates"] else ""
                click.echo(f"  {h['source']} {arrows[h['direction']].format(h['predicate_label'])} {h['target']}{also}")
                if h["sentence"]:
                    where = ", ".join(str(x) for x in (h["doc"], h["date"]) if x)
                    conf = f", confidence {h['confidence']:.2f}" if h["confidence"] is not None else ""
                    click.echo(f"      “{' '.join(h['sentence'].split())}” ({where}{conf})")
                    if h["url"]:
                        click.echo(f"      {h['url']}")
            click.echo("")
    if not paths:
        click.echo(f"kg: no connection between {a!r} and {b!r}", err=True)
        ctx.exit(1)


COMMANDS = [viz_command, analyze_command, path_command]
