"""Query text for a SPARQL server: kg's prefixes predeclared, and bound
variables sent as ``VALUES`` blocks (the protocol has no parameter for them).

Bindings go at the end of the query's outermost group, and of every
subquery that projects the variable without aggregating: values are
serialized as RDF terms by pyoxigraph, never pasted as text. (At the end,
not the start: Virtuoso 7.2 drops an OPTIONAL's bindings in ``events.rq``
when the VALUES block comes first.)
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import BNode

from ..config import PREFIXES
from ..errors import QueryError
from .terms import binding_terms, ox_term


# --- a little SPARQL lexing ---------------------------------------------------------
#
# Enough to find, outside strings, IRIs and comments: the query form, the
# declared prefixes, and the brace that opens the outermost group pattern.

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<pname>[A-Za-z][\w.-]*:|:)
  | (?P<word>[A-Za-z_][\w-]*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)

_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_AGGREGATES = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT"}


@dataclass
class _Subquery:
    where: int  # offset of the brace that closes its WHERE group
    projected: set[str]  # the variables it projects as they are (not `expr AS ?v`)
    star: bool  # SELECT *
    limited: bool  # LIMIT or OFFSET: a binding pushed in would change which rows it keeps
    aggregated: bool  # GROUP BY, HAVING or an aggregate in its projection
    mentioned: set[str]  # every variable in its text


@dataclass
class _Shape:
    form: str | None  # SELECT | ASK | CONSTRUCT | DESCRIBE | None (not a query: an update?)
    prefixes: set[str]  # declared prefix names, without the colon
    where: int | None  # offset of the brace that closes the outermost group pattern
    subqueries: list[_Subquery] = field(default_factory=list)

    def pushed(self, sub: _Subquery, names: Iterable[str]) -> list[str]:
        """The bound variables a subquery can take as its own VALUES: those it
        projects as they are, when no LIMIT/OFFSET depends on its rows (joining
        them inside or outside is then the same). Subqueries that aggregate
        are left alone: with a group key bound inside, Virtuoso 7.2 loses the
        graph variable a SAMPLE gives (the event's label in events.rq)."""
        if sub.limited or sub.aggregated:
            return []
        return [n for n in names if n in sub.projected or (sub.star and n in sub.mentioned)]


def _subqueries(sparql: str) -> list[_Subquery]:
    toks = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(sparql)
            if m.lastgroup not in ("ws", "comment")]
    match: dict[int, int] = {}
    stack: list[int] = []
    for i, (_, text, _) in enumerate(toks):
        if text == "{":
            stack.append(i)
        elif text == "}" and stack:
            match[stack.pop()] = i
    out = []
    for i, (_, text, _) in enumerate(toks):
        if text != "{" or i + 1 >= len(toks) or toks[i + 1][1].upper() != "SELECT" or i not in match:
            continue
        end = match[i]
        j, paren, projected, star, aggregates = i + 2, 0, set(), False, False
        while j < end:  # the projection, up to WHERE or the group
            kind, t, _ = toks[j]
            if kind == "word" and t.upper() in _AGGREGATES:
                aggregates = True
            if t == "(":
                paren += 1
            elif t == ")":
                paren -= 1
            elif paren == 0 and (t == "{" or (kind == "word" and t.upper() == "WHERE")):
                break
            elif paren == 0 and kind == "var":
                projected.add(t[1:])
            elif paren == 0 and t == "*":
                star = True
            j += 1
        while j < end and toks[j][1] != "{":
            j += 1
        close = match.get(j)
        if j >= end or close is None or close > end:
            continue
        modifiers = {t.upper() for kind, t, _ in toks[close + 1:end] if kind == "word"}
        out.append(_Subquery(where=toks[close][2], projected=projected, star=star,
                             limited=bool(modifiers & {"LIMIT", "OFFSET"}),
                             aggregated=aggregates or bool(modifiers & {"GROUP", "HAVING"}),
                             mentioned={t[1:] for kind, t, _ in toks[i:end] if kind == "var"}))
    return out


def _shape(sparql: str) -> _Shape:
    form = None
    prefixes: set[str] = set()
    depth = 0
    expect_prefix = False
    where_seen = False
    groups_at_top = 0
    opened = False  # inside the outermost group pattern
    where = None
    for m in _TOKEN.finditer(sparql):
        kind = m.lastgroup
        text = m.group()
        if kind in ("ws", "comment"):
            continue
        if kind == "pname" and expect_prefix:
            prefixes.add(text[:-1])
            expect_prefix = False
            continue
        expect_prefix = False
        if kind == "word" and depth == 0:
            upper = text.upper()
            if form is None and upper == "PREFIX":
                expect_prefix = True
            elif form is None and upper in _FORMS:
                form = upper
            elif upper == "WHERE" and form is not None:
                where_seen = True
        elif kind == "open":
            if text == "{" and depth == 0 and form is not None and not opened:
                groups_at_top += 1
                # CONSTRUCT { template } WHERE? { pattern }: the second group,
                # unless WHERE came first (CONSTRUCT WHERE { ... }).
                if form != "CONSTRUCT" or where_seen or groups_at_top == 2:
                    opened = True
            depth += 1
        elif kind == "close":
            depth = max(0, depth - 1)
            if depth == 0 and opened and where is None and text == "}":
                where = m.start()
    return _Shape(form, prefixes, where, _subqueries(sparql) if form else [])


def _values_block(terms: dict[str, object], names: Iterable[str] | None = None) -> str:
    names = list(terms if names is None else names)
    row = " ".join(str(ox_term(terms[n])) for n in names)
    return f" VALUES ({' '.join(f'?{n}' for n in names)}) {{ ({row}) }} "


def prepare_query(sparql: str, bindings: dict | None = None) -> tuple[str, _Shape, list[str]]:
    """The text to send: kg's prefixes predeclared (on the first line, so
    the server's line numbers stay the user's) and the bindings as a VALUES
    block joined to the outermost group (at its end), and to every subquery
    that projects a bound variable and does not aggregate, as a bound
    variable is in Oxigraph's substitutions (a server's planner then starts
    from the bound value instead of evaluating the subquery for every value:
    Virtuoso answers neighbourhood.rq at 1M quads in ms instead of minutes).
    Returns (text, shape, bound variable names)."""
    terms = binding_terms(bindings)
    for name, value in terms.items():
        if isinstance(value, BNode):
            raise QueryError(f"cannot bind ?{name} to a blank node on a SPARQL server")
    shape = _shape(sparql)
    if shape.form is None:
        raise QueryError("malformed SPARQL: not a query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    text = sparql
    if terms:
        if shape.where is None:
            raise QueryError("cannot bind variables of a query without a WHERE group")
        inserts = [(shape.where, _values_block(terms))]
        for sub in shape.subqueries:
            names = shape.pushed(sub, terms)
            if names:
                inserts.append((sub.where, _values_block(terms, names)))
        for at, block in sorted(inserts, reverse=True):
            text = text[:at] + block + text[at:]
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in shape.prefixes]
    if missing:
        text = " ".join(missing) + " " + text
    return text, shape, list(terms)
