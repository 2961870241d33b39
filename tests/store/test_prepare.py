"""kg.store.prepare: the query text a server gets, prefixes predeclared and
bindings as VALUES blocks, without a server.
"""
from __future__ import annotations

import pytest
from rdflib import BNode, URIRef

from kg.errors import QueryError
from kg.store.prepare import prepare_query


def test_prepare_query_predeclares_prefixes_on_the_first_line():
    text, shape, bound = prepare_query("PREFIX kg: <http://other/>\nSELECT ?x WHERE {\n ?x a kg:T }")
    assert shape.form == "SELECT" and bound == []
    first, rest = text.split("\n", 1)
    assert "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>" in first
    assert "PREFIX kg: <https://w3id.org" not in text  # the query's own kg: stands
    assert rest == "SELECT ?x WHERE {\n ?x a kg:T }"


VALUES_KX = ' VALUES (?k ?x) { ("a \\"quoted\\" } value" <http://e/x>) } '

VALUES_K = ' VALUES (?k) { ("a \\"quoted\\" } value") } '  # pushed into a subquery that selects ?k


@pytest.mark.parametrize("query, expected", [
    ("SELECT ?k ?x WHERE { ?x kg:key ?k }", "SELECT ?k ?x WHERE { ?x kg:key ?k @}"),
    ("SELECT * { ?x kg:key ?k } LIMIT 5", "SELECT * { ?x kg:key ?k @} LIMIT 5"),
    ("ASK { ?x kg:key ?k }", "ASK { ?x kg:key ?k @}"),
    ("CONSTRUCT { ?x ?p ?k } WHERE { ?x kg:key ?k }", "CONSTRUCT { ?x ?p ?k } WHERE { ?x kg:key ?k @}"),
    ("CONSTRUCT { ?x ?p ?k } { ?x kg:key ?k }", "CONSTRUCT { ?x ?p ?k } { ?x kg:key ?k @}"),
    ('# a comment { with braces }\nSELECT ?k ("}" AS ?b) (<urn:x}> AS ?i) WHERE { ?x kg:key ?k } # }',
     '# a comment { with braces }\nSELECT ?k ("}" AS ?b) (<urn:x}> AS ?i) WHERE { ?x kg:key ?k @} # }'),
    ("SELECT ?k (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?x kg:key ?k }",
     "SELECT ?k (EXISTS { ?a ?b ?c } AS ?e) WHERE { ?x kg:key ?k @}"),
    ("SELECT ?k WHERE { FILTER (1 < 2) { SELECT ?k WHERE { ?x kg:key ?k } } } ORDER BY ?k",
     "SELECT ?k WHERE { FILTER (1 < 2) { SELECT ?k WHERE { ?x kg:key ?k %} } @} ORDER BY ?k"),
    ("SELECT ?k WHERE { ?x kg:text '''a } b''' ; kg:key ?k }",
     "SELECT ?k WHERE { ?x kg:text '''a } b''' ; kg:key ?k @}"),
])
def test_bindings_become_values_in_the_outermost_group(query, expected):
    text, _, bound = prepare_query(query, {"k": 'a "quoted" } value', "?x": URIRef("http://e/x")})
    assert bound == ["k", "x"]
    assert text.endswith(expected.replace("@", VALUES_KX).replace("%", VALUES_K))


def test_bindings_are_pushed_into_subqueries_that_project_them():
    query = ("SELECT ?k ?x ?n WHERE { { SELECT DISTINCT ?k ?x WHERE { ?x kg:key ?k } } "
             "OPTIONAL { SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x } "
             "{ SELECT (SAMPLE(?y) AS ?k2) WHERE { ?y kg:key ?k } } "
             "{ SELECT ?k WHERE { ?z kg:key ?k } LIMIT 1 } "
             "{ SELECT * WHERE { ?w kg:key ?k } } }")
    text, _, _ = prepare_query(query, {"k": "a", "x": URIRef("http://e/x")})
    assert text.endswith(
        'SELECT ?k ?x ?n WHERE { { SELECT DISTINCT ?k ?x WHERE { ?x kg:key ?k  '
        'VALUES (?k ?x) { ("a" <http://e/x>) } } } '
        'OPTIONAL { SELECT ?x (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?x } '  # aggregates: untouched
        '{ SELECT (SAMPLE(?y) AS ?k2) WHERE { ?y kg:key ?k } } '  # ?k not projected: untouched
        '{ SELECT ?k WHERE { ?z kg:key ?k } LIMIT 1 } '  # LIMIT: untouched
        '{ SELECT * WHERE { ?w kg:key ?k  VALUES (?k) { ("a") } } }  VALUES (?k ?x) { ("a" <http://e/x>) } }')


def test_bindings_refused():
    with pytest.raises(QueryError, match="blank node"):
        prepare_query("SELECT ?x WHERE { ?x ?p ?o }", {"x": BNode()})
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        prepare_query("SELECT ?x WHERE { ?x ?p ?o }", {"x} ; DROP ALL": "a"})
    with pytest.raises(QueryError, match="not a query"):
        prepare_query("DROP ALL")
