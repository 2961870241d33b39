"""Commands that ask the store: query, queries, stats, validate."""
from __future__ import annotations

import json

import click

from .common import open_graph


@click.command()
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
    with open_graph(ctx, read_only=True) as kg:
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


@click.command()
@click.pass_context
def queries(ctx):
    """List the named queries and what they answer."""
    from ..query import list_queries
    for name, doc in list_queries():
        click.echo(f"{name:16} {doc}")


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def stats(ctx, fmt):
    """Counts: documents, quads, entities by type, relations by predicate."""
    with open_graph(ctx, read_only=True) as kg:
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


@click.command()
@click.pass_context
def validate(ctx):
    """Check the stored graph against the SHACL shapes (ontology/shapes.ttl)."""
    with open_graph(ctx, read_only=True) as kg:
        report = kg.validate()
    if report.conforms:
        click.echo("conforms")
        return
    for v in report.violations:
        click.echo(v, err=True)
    ctx.exit(1)


COMMANDS = [query, queries, stats, validate]
