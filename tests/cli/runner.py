"""The ``kg`` group run in this process, as click runs it."""
from __future__ import annotations

from click.testing import CliRunner


def invoke(store_path, *args):
    from kg.cli import cli
    return CliRunner().invoke(cli, ["--store", str(store_path), *args], catch_exceptions=False)
