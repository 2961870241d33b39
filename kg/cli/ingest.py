"""Commands that write the store or read articles: ingest, extract, remove, build."""
from __future__ import annotations

import click

from ..config import ARTICLES_DIR, OUTPUT_DIR
from ..errors import InputError
from ..export import export_rdf_file
from .common import open_graph, shown


@click.command()
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
    with open_graph(ctx, read_only=False) as kg:
        report = kg.ingest(paths, force=force, progress=not no_progress, max_bytes=max_bytes, jobs=jobs)
    for r in report.rejected:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    click.echo(report.summary())
    if report.rejected:
        ctx.exit(2)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "turtle", "table"]), default="jsonl", show_default=True)
@click.pass_context
def extract(ctx, paths, fmt):
    """Extract triples from articles without storing them.

    jsonl is the corpus scorer's format: {"doc", "subject", "predicate", "object", ...}.

    \b
    Example:  kg extract ../shared/corpus/dev/*.txt --format jsonl > out.jsonl
    """
    from ..extract import to_jsonl
    from ..lang import Extractor
    from ..read import find_inputs, read_article
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
            from ..rdf import extraction_quads
            g = Graph()
            for s, p, o, _ in extraction_quads(ex):
                g.add((s, p, o))
            click.echo(g.serialize(format="turtle"))
    for r in failed:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    if failed:
        ctx.exit(2)


@click.command()
@click.argument("docs", nargs=-1, required=True)
@click.pass_context
def remove(ctx, docs):
    """Remove documents (by id) and every fact extracted from them.

    \b
    Example:  kg remove az-0001
    """
    missing = []
    with open_graph(ctx, read_only=False) as kg:
        for d in docs:
            if kg.remove(d):
                click.echo(f"removed {d}")
            else:
                missing.append(d)
    for d in missing:
        click.echo(f"kg: no document {d!r} in the store", err=True)
    if missing:
        ctx.exit(1)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--no-progress", is_flag=True)
@click.pass_context
def build(ctx, paths, no_progress):
    """Ingest (default: the bundled data/articles), then write output/graph.ttl and output/graph.html."""
    paths = paths or (str(ARTICLES_DIR),)
    with open_graph(ctx, read_only=False) as kg:
        report = kg.ingest(paths, progress=not no_progress)
        ttl = export_rdf_file(kg.store, OUTPUT_DIR / "graph.ttl", "turtle")
        html = OUTPUT_DIR / "graph.html"
        from ..web.page import GraphTooLarge, write_page
        try:
            write_page(kg.store, html)
            page_note = f" and {shown(html)}"
        except GraphTooLarge as err:  # the ingest and the Turtle file stand; the page needs a filter
            page_note = f"; no page: {err}"
    for r in report.rejected:
        click.echo(f"rejected {r.path}: {r.reason}", err=True)
    click.echo(report.summary())
    click.echo(f"wrote {shown(ttl)}{page_note}")
    if report.rejected:
        ctx.exit(2)


COMMANDS = [ingest, extract, remove, build]
