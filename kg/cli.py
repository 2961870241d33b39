"""The ``kg`` command: a thin layer over ``kg.pipeline`` and friends.

Every command parses its options, calls the library, prints. Errors are
one line on stderr and a non-zero exit status, never a traceback.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .config import ARTICLES_DIR, OUTPUT_DIR, store_path
from .errors import InputError, KgError

FORMATS = ["turtle", "trig", "nquads", "ntriples", "jsonld", "graphml", "gexf"]


def _open(ctx: click.Context, read_only: bool):
    from .pipeline import KnowledgeGraph
    return KnowledgeGraph(ctx.obj["store"], read_only=read_only)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", "store", envvar="KG_STORE", type=click.Path(path_type=str), default=None,
              help="Store location (default: output/store; env KG_STORE).")
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def cli(ctx: click.Context, store: str | None) -> None:
    """Turn news articles into a knowledge graph of institutional relations.

    \b
    Example:
      kg ingest data/articles
      kg query met --entity "Kamran Əliyev"
      kg export --format turtle -o output/graph.ttl
    """
    ctx.ensure_object(dict)
    ctx.obj["store"] = store_path(store)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--force", is_flag=True, help="Re-extract documents even if their text is unchanged.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@click.option("--max-bytes", type=int, default=None, help="Reject files larger than this (default 20 MB).")
@click.option("-j", "--jobs", type=click.IntRange(1, None), default=1, show_default=True,
              help="Extract in this many processes (this one stays the only writer to the store).")
@click.pass_context
def ingest(ctx, paths, force, no_progress, max_bytes, jobs):
    """Read articles (.txt files or folders of them) into the store.

    Metadata (id, url, date, lang, title) comes from a sidecar ID.json /
    ID.meta.json or from front matter. Unchanged documents are skipped;
    a changed one replaces its old facts.

    \b
    Examples:
      kg ingest data/articles ../more-news/
      kg ingest -j 2 ../archive/          # extraction in 2 processes
    """
    with _open(ctx, read_only=False) as kg:
        report = kg.ingest(paths, force=force, progress=not no_progress, max_bytes=max_bytes, jobs=jobs)
    for r in report.rejected:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    click.echo(report.summary())
    if report.rejected:
        ctx.exit(2)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "turtle", "table"]), default="jsonl", show_default=True)
@click.pass_context
def extract(ctx, paths, fmt):
    """Extract triples from articles without storing them.

    jsonl is the corpus scorer's format: {"doc", "subject", "predicate", "object", ...}.

    \b
    Example:  kg extract ../shared/corpus/dev/*.txt --format jsonl > out.jsonl
    """
    from .extract import to_jsonl
    from .lang import Extractor
    from .reader import find_inputs, read_article
    files, rejected = find_inputs(paths)
    extractor = Extractor()
    failed = list(rejected)
    for path in files:
        try:
            article = read_article(path)
        except InputError as err:
            failed.append(type("R", (), {"path": str(path), "reason": str(err)})())
            continue
        ex = extractor.extract(article)
        if fmt == "jsonl":
            for line in to_jsonl(ex):
                click.echo(line)
        elif fmt == "table":
            for r in ex.relations:
                s, o = ex.entities[r.subject], ex.entities[r.object]
                click.echo(f"{article.id}\t{s.name}\t{r.predicate}\t{o.name}\t{r.confidence:.2f}\t{r.rule}")
        else:
            from rdflib import Graph
            from .rdf import extraction_quads
            g = Graph()
            for s, p, o, _ in extraction_quads(ex):
                g.add((s, p, o))
            click.echo(g.serialize(format="turtle"))
    for r in failed:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    if failed:
        ctx.exit(2)


@cli.command()
@click.argument("query")
@click.option("--entity", default=None, help="Bind ?key to this entity name (for the named queries).")
@click.option("--bind", "binds", multiple=True, metavar="VAR=VALUE", help="Bind ?VAR to a literal (repeatable).")
@click.option("--iri", "iris", multiple=True, metavar="VAR=IRI", help="Bind ?VAR to an IRI (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "turtle"]), default="table", show_default=True)
@click.option("--timeout", type=float, default=None, help="Stop the query after this many seconds.")
@click.pass_context
def query(ctx, query, entity, binds, iris, fmt, timeout):
    """Run SPARQL: query text, a .rq file, or a named query (kg queries lists them).

    \b
    Examples:
      kg query met --entity "Kamran Əliyev"
      kg query 'SELECT ?s WHERE { ?s a kg:Person }'
      kg query my-question.rq --format csv
    """
    from rdflib import Literal, URIRef
    bindings = {}
    for b in binds:
        var, _, value = b.partition("=")
        bindings[var.lstrip("?")] = Literal(value)
    for b in iris:
        var, _, value = b.partition("=")
        bindings[var.lstrip("?")] = URIRef(value)
    with _open(ctx, read_only=True) as kg:
        result = kg.query(query, bindings=bindings, entity=entity, timeout=timeout)
    _print_result(result, fmt)


def _print_result(result, fmt: str) -> None:
    import pandas as pd
    if isinstance(result, bool):
        click.echo(json.dumps({"boolean": result}) if fmt == "json" else ("yes" if result else "no"))
    elif isinstance(result, pd.DataFrame):
        if fmt == "csv":
            click.echo(result.to_csv(index=False), nl=False)
        elif fmt == "json":
            click.echo(result.to_json(orient="records", force_ascii=False, indent=1))
        else:
            if result.empty:
                click.echo("(no results)")
            else:
                with pd.option_context("display.max_rows", 500, "display.max_columns", 20,
                                       "display.width", 200, "display.max_colwidth", 80):
                    click.echo(result.to_string(index=False))
    else:  # a graph (CONSTRUCT / DESCRIBE)
        click.echo(result.serialize(format="turtle" if fmt in ("table", "turtle") else "json-ld"))


@cli.command()
@click.pass_context
def queries(ctx):
    """List the named queries and what they answer."""
    from .query import list_queries
    for name, doc in list_queries():
        click.echo(f"{name:16} {doc}")


@cli.command()
@click.argument("docs", nargs=-1, required=True)
@click.pass_context
def remove(ctx, docs):
    """Remove documents (by id) and every fact extracted from them.

    \b
    Example:  kg remove az-0001
    """
    missing = []
    with _open(ctx, read_only=False) as kg:
        for d in docs:
            if kg.remove(d):
                click.echo(f"removed {d}")
            else:
                missing.append(d)
    for d in missing:
        click.echo(f"kg: no document {d!r} in the store", err=True)
    if missing:
        ctx.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="File to write (default: stdout).")
@click.option("--with-meta", is_flag=True,
              help="Add kg's meta graph (layout version): the file is a whole store for a server's bulk loader "
                   "(nquads or trig only).")
@click.pass_context
def export(ctx, fmt, output, with_meta):
    """Write the graph as Turtle, TriG, N-Quads, N-Triples, JSON-LD, GraphML or GEXF.

    \b
    Examples:
      kg export --format trig -o output/graph.trig
      kg export --format nquads --with-meta -o all.nq   # for a SPARQL server's bulk loader
    """
    if with_meta and fmt not in ("nquads", "trig"):
        raise click.UsageError("--with-meta needs --format nquads or trig")
    with _open(ctx, read_only=True) as kg:
        if fmt in ("graphml", "gexf"):
            from .graph import export_network
            target = output or sys.stdout.buffer
            export_network(kg.store, target, fmt)
        elif output is None:
            kg.export(sys.stdout.buffer, fmt, with_meta=with_meta)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            tmp = output.with_name(output.name + ".part")
            with open(tmp, "wb") as fh:
                kg.export(fh, fmt, with_meta=with_meta)
            tmp.replace(output)
    if output is not None:
        click.echo(f"wrote {output}", err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def stats(ctx, fmt):
    """Counts: documents, quads, entities by type, relations by predicate."""
    with _open(ctx, read_only=True) as kg:
        s = kg.stats()
    if fmt == "json":
        click.echo(json.dumps({k: (v.to_dict(orient="records") if hasattr(v, "to_dict") else v)
                               for k, v in s.items()}, ensure_ascii=False, indent=1, default=str))
        return
    for name, value in s.items():
        if hasattr(value, "to_string"):
            click.echo(f"{name}:")
            click.echo(value.to_string(index=False) if not value.empty else "  (none)")
        else:
            click.echo(f"{name}: {value}")


@cli.command()
@click.pass_context
def validate(ctx):
    """Check the stored graph against the SHACL shapes (ontology/shapes.ttl)."""
    with _open(ctx, read_only=True) as kg:
        report = kg.validate()
    if report.conforms:
        click.echo("conforms")
        return
    for v in report.violations:
        click.echo(v, err=True)
    ctx.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--no-progress", is_flag=True)
@click.pass_context
def build(ctx, paths, no_progress):
    """Ingest (default: the bundled data/articles), then write output/graph.ttl and output/graph.html."""
    paths = paths or (str(ARTICLES_DIR),)
    with _open(ctx, read_only=False) as kg:
        report = kg.ingest(paths, progress=not no_progress)
        OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
        ttl = OUTPUT_DIR / "graph.ttl"
        with open(ttl.with_name("graph.ttl.part"), "wb") as fh:
            kg.export(fh, "turtle")
        ttl.with_name("graph.ttl.part").replace(ttl)
        html = OUTPUT_DIR / "graph.html"
        from .viz import GraphTooLarge, write_page
        try:
            write_page(kg.store, html)
            page_note = f" and {_shown(html)}"
        except GraphTooLarge as err:  # the ingest and the Turtle file stand; the page needs a filter
            page_note = f"; no page: {err}"
    for r in report.rejected:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    click.echo(report.summary())
    click.echo(f"wrote {_shown(ttl)}{page_note}")
    if report.rejected:
        ctx.exit(2)


def _cut_options(f):
    """--predicates, --types, --min-sources: shared by viz and analyze."""
    f = click.option("--min-sources", type=click.IntRange(1, None), default=1, show_default=True,
                     help="Keep facts that at least this many articles support.")(f)
    f = click.option("--types", default=None, metavar="T1,T2",
                     help="Entity types to keep, e.g. Person,Organization.")(f)
    f = click.option("--predicates", default=None, metavar="P1,P2",
                     help="Relations to keep, e.g. met,heads.")(f)
    return f


@cli.command(name="viz")
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
    from .viz import MAX_NODES, write_page
    output = output or OUTPUT_DIR / "graph.html"
    query = Path(query_file).read_text(encoding="utf-8") if query_file else None
    with _open(ctx, read_only=True) as kg:
        summary = write_page(kg.store, output, lang=lang, focus=focus, depth=depth, query=query,
                             predicates=predicates, types=types, min_sources=min_sources,
                             max_nodes=max_nodes or MAX_NODES, size_by=size_by, isolated=isolated)
    click.echo(str(summary))


@cli.command(name="analyze")
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

    from .graph import analyze, build_graph, community_summary, filter_graph
    with _open(ctx, read_only=True) as kg:
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


@cli.command(name="path")
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
    from .graph import build_graph, paths_frame, shortest_paths
    with _open(ctx, read_only=True) as kg:
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


def main(argv=None) -> int:
    try:
        rv = cli.main(args=argv, prog_name="kg", standalone_mode=False)
        if isinstance(rv, int):
            return rv  # ctx.exit(code) comes back here when click does not exit itself
    except click.exceptions.Exit as e:
        return e.exit_code
    except click.ClickException as e:
        e.show()
        return e.exit_code
    except click.exceptions.Abort:
        click.echo("kg: aborted", err=True)
        return 130
    except KgError as e:
        click.echo(f"kg: error: {_one_line(e)}", err=True)
        return e.exit_code
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # never a traceback for the user
        click.echo(f"kg: internal error: {type(e).__name__}: {_one_line(e)}", err=True)
        return 70
    return 0


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


if __name__ == "__main__":
    sys.exit(main())
