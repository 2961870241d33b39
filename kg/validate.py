"""SHACL validation of the graphs kg writes (shapes in ``ontology/shapes.ttl``).

``validate_graph`` checks an rdflib graph (one document graph, or the union
of several); ``validate_quads`` checks quads as ``kg.rdf`` yields them, the
graph names ignored. Warnings (for example an empty rule) are reported but
do not make a graph non-conforming.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import BNode, ConjunctiveGraph, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery

from .config import PREFIXES, SHAPES_FILE
from .errors import ConfigError


@dataclass
class ValidationReport:
    conforms: bool
    text: str
    violations: list[str] = field(default_factory=list)  # "focus path: message"
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def shapes() -> Graph:
    g = Graph()
    try:
        g.parse(SHAPES_FILE, format="turtle")
    except (OSError, SyntaxError, ValueError) as err:
        raise ConfigError(f"cannot read the SHACL shapes {SHAPES_FILE}: {err}") from err
    return g


def _short(term, results: Graph) -> str:
    if term is None:
        return "-"
    if isinstance(term, URIRef):
        iri = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and prefix != "sh":
                return f"{prefix}:{iri[len(ns):]}"
        return f"<{iri}>"
    if isinstance(term, BNode):  # a complex path
        inverse = results.value(term, SH.inversePath)
        if inverse is not None:
            return "^" + _short(inverse, results)
        return "[path]"
    if isinstance(term, Literal):
        return repr(str(term))[:60]
    return str(term)


def _from_lexical(term):
    """The literal as a store holds it: rebuilt from its lexical form.

    rdflib keeps the Python value a literal was made from, so
    ``Literal(0.9, datatype=XSD.decimal)`` carries a float, and pyshacl
    checks the Python type. RDF is the lexical form; validate that.
    """
    if isinstance(term, Literal) and term.datatype is not None:
        return Literal(str(term), datatype=term.datatype)
    return term


@lru_cache(maxsize=128)
def _prepared(query: str):
    return prepareQuery(query)


class _Graph(Graph):
    """A graph that parses each SPARQL text once: pyshacl runs a shape's
    SPARQL constraint once per focus node, and parsing dominates."""

    def query(self, query_object, *args, **kwargs):
        if isinstance(query_object, str):
            query_object = _prepared(query_object)
        return super().query(query_object, *args, **kwargs)


def _data_graph(statements: Iterable[tuple]) -> _Graph:
    """What pyshacl validates: literals from their lexical form, SPARQL parsed once."""
    data = _Graph()
    for s, p, o, *_ in statements:
        data.add((s, p, _from_lexical(o)))
    return data


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate one graph (a document graph, or a union) against the shapes.

    A Dataset or ConjunctiveGraph is validated as the union of its graphs.
    """
    if isinstance(graph, ConjunctiveGraph):
        return _validate(_data_graph(graph.quads((None, None, None, None))))
    return _validate(_data_graph(graph.triples((None, None, None))))


def validate_quads(quads: Iterable[tuple]) -> ValidationReport:
    """Validate (s, p, o, g) quads as one graph; the graph names are ignored."""
    return _validate(_data_graph(quads))


def _validate(data: Graph) -> ValidationReport:
    from pyshacl import validate  # slow import; only when validating

    conforms, results, text = validate(
        data, shacl_graph=shapes(), inference="none", allow_warnings=True,
        abort_on_first=False,
    )
    if not isinstance(results, Graph):  # pyshacl could not use the shapes
        raise ConfigError(f"invalid SHACL shapes {SHAPES_FILE}: {text}")
    violations: list[str] = []
    warnings: list[str] = []
    for res in results.subjects(RDF.type, SH.ValidationResult):
        focus = _short(results.value(res, SH.focusNode), results)
        path = _short(results.value(res, SH.resultPath), results)
        messages = sorted(str(m) for m in results.objects(res, SH.resultMessage))
        message = messages[0] if messages else _short(
            results.value(res, SH.sourceConstraintComponent), results)
        value = results.value(res, SH.value)
        line = f"{focus} {path}: {message}" if path != "-" else f"{focus}: {message}"
        if value is not None and value != results.value(res, SH.focusNode):
            line += f" (value {_short(value, results)})"
        if results.value(res, SH.resultSeverity) == SH.Violation:
            violations.append(line)
        else:
            warnings.append(line)
    return ValidationReport(bool(conforms), str(text), sorted(violations), sorted(warnings))

