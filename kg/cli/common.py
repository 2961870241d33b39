"""What the commands share: the store they open, paths as the user typed them."""
from __future__ import annotations

from pathlib import Path

import click


def open_graph(ctx: click.Context, read_only: bool):
    """The ``KnowledgeGraph`` on the group's ``--store``."""
    from ..pipeline import KnowledgeGraph
    return KnowledgeGraph(ctx.obj["store"], read_only=read_only)


def shown(path: Path) -> str:
    """A path as the user would type it: relative to where they are, when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
