"""The ``kg`` command: a thin layer over ``kg.pipeline`` and friends.

Every command parses its options, calls the library, prints. Errors are
one line on stderr and a non-zero exit status, never a traceback.

Owns the group and its global options (``--store``, ``--version``), the
error handling of ``main``, and one module per command family: ``ingest``
(ingest, extract, remove, build), ``query`` (query, queries, stats,
validate), ``graph`` (viz, analyze, path), ``export``; ``common`` is what
they share. A family module lists its commands in ``COMMANDS``; this
module adds them to the group. May import every layer below it; nothing
imports the command line.
"""
from __future__ import annotations

import click

from .. import __version__
from ..config import store_path
from ..errors import KgError
from . import export, graph, ingest, query


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


for _family in (ingest, query, graph, export):
    for _command in _family.COMMANDS:
        cli.add_command(_command)


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


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())

