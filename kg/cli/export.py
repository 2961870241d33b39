"""The export command: RDF formats, GraphML and GEXF."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..export import export_network, export_rdf_file
from .common import open_graph

FORMATS = ["turtle", "trig", "nquads", "ntriples", "jsonld", "graphml", "gexf"]


@click.command()
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
    with open_graph(ctx, read_only=True) as kg:
        if fmt in ("graphml", "gexf"):
            target = output or sys.stdout.buffer
            export_network(kg.store, target, fmt)
        elif output is None:
            kg.export(sys.stdout.buffer, fmt, with_meta=with_meta)
        else:
            export_rdf_file(kg.store, output, fmt, with_meta=with_meta)
    if output is not None:
        click.echo(f"wrote {output}", err=True)


COMMANDS = [export]
