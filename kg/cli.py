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
@click.pass_context
def ingest(ctx, paths, force, no_progress, max_bytes):
    """Read articles (.txt files or folders of them) into the store.

    Metadata (id, url, date, lang, title) comes from a sidecar ID.json /
    ID.meta.json or from front matter. Unchanged documents are skipped;
    a changed one replaces its old facts.

    \b
    Example:  kg ingest data/articles ../more-news/
    """
    with _open(ctx, read_only=False) as kg:
        report = kg.ingest(paths, force=force, progress=not no_progress, max_bytes=max_bytes)
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
    from .extract import Extractor, to_jsonl
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
@click.pass_context
def export(ctx, fmt, output):
    """Write the graph as Turtle, TriG, N-Quads, N-Triples, JSON-LD, GraphML or GEXF.

    \b
    Example:  kg export --format trig -o output/graph.trig
    """
    with _open(ctx, read_only=True) as kg:
        if fmt in ("graphml", "gexf"):
            from .graph import export_network
            target = output or sys.stdout.buffer
            export_network(kg.store, target, fmt)
        elif output is None:
            kg.export(sys.stdout.buffer, fmt)
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            tmp = output.with_name(output.name + ".part")
            with open(tmp, "wb") as fh:
                kg.export(fh, fmt)
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
    from .validate import validate_graph
    with _open(ctx, read_only=True) as kg:
        g = kg.store.construct("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    report = validate_graph(g)
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
        try:
            from .viz import write_page
        except ImportError:
            write_page = None
        if write_page is not None:
            write_page(kg.store, html)
    for r in report.rejected:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    click.echo(report.summary())
    click.echo(f"wrote {ttl}" + (f" and {html}" if write_page is not None else ""))
    if report.rejected:
        ctx.exit(2)


def main(argv=None) -> int:
    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
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


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


if __name__ == "__main__":
    sys.exit(main())
