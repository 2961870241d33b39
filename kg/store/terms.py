"""Terms and results every backend shares: rdflib terms as pyoxigraph terms
(which validate IRIs and language tags), bound variables, SELECT results as
DataFrames of Python values (the cell rules of ``kg.store.base``), and the
one-line messages of query errors."""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef

from ..config import PREFIXES
from ..errors import QueryError

XSD = PREFIXES["xsd"]
_INTEGER_TYPES = {XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
    "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {XSD + t for t in ("decimal", "double", "float")}
_BOOLEAN = XSD + "boolean"


def one_line(text: object) -> str:
    return " ".join(str(text).split())


def literal_value(lexical: str, datatype: str | None) -> object:
    """A literal's Python value by the rules in the module docstring."""
    try:
        if datatype in _INTEGER_TYPES:
            return int(lexical)
        if datatype in _FLOAT_TYPES:
            return float(lexical)
    except ValueError:  # an ill-typed literal keeps its lexical form
        return lexical
    if datatype == _BOOLEAN:
        return lexical.strip() in ("true", "1")
    return lexical


def frame(columns: list[str], rows: list[list[object]]) -> pd.DataFrame:
    """A DataFrame of Python values; None stays None (no NaN) in its column."""
    df = pd.DataFrame(rows, columns=columns, dtype=object)
    for col in columns:
        if len(df) and not df[col].isna().any():
            df[col] = df[col].infer_objects()
    return df


def binding_terms(bindings: dict | None) -> dict[str, object]:
    """Binding names without ?/$, plain Python values as literals."""
    out: dict[str, object] = {}
    for name, value in (bindings or {}).items():
        name = str(name).lstrip("?$")
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
        if not isinstance(value, (URIRef, Literal, BNode)):
            if not isinstance(value, (str, int, float, bool)):
                raise QueryError(f"cannot bind ?{name} to a {type(value).__name__}")
            value = Literal(value)
        out[name] = value
    return out


def not_projected(name: str) -> QueryError:
    return QueryError(
        f"cannot bind ?{name}: it is not in the query's SELECT clause "
        "(a bound variable must be selected)")


def rdf_graph(data: bytes, fmt: str = "nt") -> Graph:
    g = Graph(bind_namespaces="core")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    if data:
        g.parse(data=data.decode("utf-8"), format=fmt)
    return g


@lru_cache(maxsize=200_000)
def _iri_text(iri: str) -> str:
    return str(ox.NamedNode(iri))  # validates the IRI once, however often it recurs


def term_text(term) -> str:
    """A term in N-Triples syntax, written by pyoxigraph's own serializer."""
    if isinstance(term, URIRef):
        return _iri_text(str(term))
    return str(ox_term(term))


def ox_term(term):
    """An rdflib term as a pyoxigraph term (which validates IRIs and tags)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _ox_value(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value)
    return str(term)  # RDF-star triple


def solutions_frame(solutions: ox.QuerySolutions) -> pd.DataFrame:
    columns = [v.value for v in solutions.variables]
    rows = [[_ox_value(t) for t in solution] for solution in solutions]
    return frame(columns, rows)


def ox_result(result) -> pd.DataFrame | bool | Graph:
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        return solutions_frame(result)
    return rdf_graph(result.serialize(format=ox.RdfFormat.N_TRIPLES))


def query_error(err: Exception) -> QueryError:
    if isinstance(err, SyntaxError):
        text = re.sub(r"error at (\d+):(\d+)", lambda m: f"error at line {m.group(1)}, column {m.group(2)}",
                      one_line(err))
        return QueryError(f"malformed SPARQL: {text}")
    m = re.search(r"does not contains? variable \?(\w+) in its SELECT projection", str(err))
    if m:
        return not_projected(m.group(1))
    return QueryError(f"query failed: {one_line(err)}")
