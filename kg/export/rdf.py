"""The stored graph as an RDF file: any of ``kg.store.EXPORT_FORMATS``, with
kg's meta graph on request, to a stream or to a file that appears only
once it is whole."""
from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

from ..store import Store, write_meta


def export_rdf(store: Store, out: BinaryIO, fmt: str = "turtle", *, with_meta: bool = False) -> None:
    """Write the graph (the documents' graphs) to the binary file ``out``.
    ``with_meta`` (N-Quads or TriG) adds kg's meta graph: the file is then
    a whole store for a SPARQL server's bulk loader."""
    if with_meta and fmt not in ("nquads", "trig"):
        raise ValueError(f"--with-meta needs --format nquads or trig, not {fmt}")
    store.export(out, fmt)
    if with_meta:
        write_meta(out, fmt)


def export_rdf_file(store: Store, path: str | os.PathLike, fmt: str = "turtle", *,
                    with_meta: bool = False) -> Path:
    """``export_rdf`` to ``path`` (its folder made if need be), written as
    ``PATH.part`` and renamed when complete: a failed export leaves no
    half-written file under the name asked for."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "wb") as fh:
        export_rdf(store, fh, fmt, with_meta=with_meta)
    tmp.replace(path)
    return path
