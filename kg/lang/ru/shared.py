"""What the Russian relation rules share: argument types and the entity test."""
from __future__ import annotations

from ...extract.state import DocState
from .units import RuUnit

AGENTS = ("Person", "Organization", "Country")
PLACES = ("Place", "Country")


def is_ent(u: RuUnit, types=AGENTS) -> bool:
    return u.kind in ("ent", "title") and u.key is not None and u.etype in types if u.kind == "ent" else \
        u.kind == "title" and u.key is not None and u.ref == "title-ref" and "Person" in types


def etype(st: DocState, u: RuUnit) -> str | None:
    return "Person" if u.kind == "title" else u.etype
