"""Names in the network: an entity's label in a language, a relation's label
(from the ontology), and the node a name a user types denotes."""
from __future__ import annotations

import networkx as nx

from ..config import ENTITY_NS
from ..errors import InputError
from ..normalize import lookup_key
from ..vocab import relations


def node_label(attrs: dict, lang: str = "az") -> str:
    """The label in ``lang``, falling back to the other language, then to any."""
    labels = attrs.get("labels") or {}
    other = "en" if lang == "az" else "az"
    return (labels.get(lang) or labels.get(other) or attrs.get("label")
            or next(iter(labels.values()), None) or attrs.get("key") or "?")


def predicate_label(predicate: str, lang: str = "az") -> str:
    info = relations().get(predicate)
    if info is None:
        return predicate
    return info.label_az if lang == "az" else info.label_en


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` denotes: an IRI, a key (``person/kamran-eliyev``),
    or a label or alias in any language (compared by ``lookup_key``).
    Raises InputError when nothing or more than one entity matches."""
    name = name.strip()
    if name in G:
        return name
    if ENTITY_NS + name in G:
        return ENTITY_NS + name
    want = lookup_key(name)
    exact, partial = [], []
    for n, a in G.nodes(data=True):
        keys = {lookup_key(x) for x in [*(a.get("labels") or {}).values(), *(a.get("aliases") or []),
                                          a.get("label") or ""] if x}
        if want in keys:
            exact.append(n)
        elif want and any(want in k for k in keys):
            partial.append(n)
    found = exact or partial
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"no entity called {name!r} in the graph")
    found.sort(key=lambda n: (-G.degree(n), n))
    listed = "; ".join(f"{G.nodes[n]['label']} ({G.nodes[n]['key']})" for n in found[:8])
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    raise InputError(f"{name!r} matches {len(found)} entities: {listed}{more}; "
                     "give the key in parentheses instead")
