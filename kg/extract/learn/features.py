"""Candidate facts of one sentence and what describes them, in any language.

A candidate is a triple the ontology allows between two entity units of a
sentence (``kg.vocab.signatures``), or a fact a rule stated there (implied
ones included: a title's body, its ``partOf``). Its features are strings,
each prefixed by the predicate: the type pair; the rules that stated it,
their best confidence, rules that stated another predicate of the same
pair; per argument its case (``Unit.case``), how it was found
(``Unit.ref``, split at ``+``), whether it is the sentence's first
nominative; order and distance in units, entities and titles between,
whether another entity of the same type stands closer, whether the two
stand in one coordinated list; which of the language's word lists
(``cues.yaml``, ``nouns.yaml``, by list name) occur before, between and
after the pair; how many persons and events the sentence names. Nothing
here knows a language: it reads units and the lexicon's list names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ...models import Relation
from ...vocab import signatures
from ..lexicon import Lexicon
from ..state import DocState
from ..units import Sent, Unit

# the lists a language's constructions share with the features: ``conjunctions`` joins a list
LIST_JOINERS = "conjunctions"
MIN_STEM = 4  # a list word this long matches as a stem (the word's beginning); shorter ones exactly


@dataclass
class Candidate:
    s: str
    p: str
    o: str  # entity keys; symmetric predicates ordered as the document state orders them
    sentence: int
    sspan: tuple[int, int] | None
    ospan: tuple[int, int] | None
    rules: list[tuple[str, float]] = field(default_factory=list)  # (rule id, confidence) that stated it here
    features: list[str] = field(default_factory=list)  # the model reads them under the predicate: "met|rule"

    @property
    def triple(self) -> tuple[str, str, str]:
        return (self.s, self.p, self.o)

    def best_rule(self) -> tuple[str, float] | None:
        return max(self.rules, key=lambda r: r[1]) if self.rules else None


class CueIndex:
    """The lexicon's word lists by name, ready to find in a sentence's tokens."""

    def __init__(self, lex: Lexicon):
        self.exact: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
        self.stems: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
        lists = {**lex.nouns, **lex.cues}
        for name in sorted(lists):
            for item in lists[name]:
                words = tuple(str(item).split())
                if not words:
                    continue
                first = words[0]
                table = self.stems if len(first) >= MIN_STEM else self.exact
                table.setdefault(first if table is self.exact else first[:MIN_STEM], set()).add((name, words))
        self.joiners = set(lex.nouns.get(LIST_JOINERS, [])) | {","}

    def find(self, lows: list[str]) -> list[tuple[int, str]]:
        """(token index, list name) of every list phrase that begins at a token."""
        out: list[tuple[int, str]] = []
        for k, low in enumerate(lows):
            hits = self.exact.get(low, set()) | self.stems.get(low[:MIN_STEM], set())
            names = set()
            for name, words in hits:
                if name not in names and _matches(lows, k, words):
                    names.add(name)
            out.extend((k, n) for n in sorted(names))
        return out


def _matches(lows: list[str], k: int, words: tuple[str, ...]) -> bool:
    if k + len(words) > len(lows):
        return False
    for x, w in enumerate(words):
        low = lows[k + x]
        if not (low == w or len(w) >= MIN_STEM and low.startswith(w)):
            return False
    return True


def _bucket(n: int, edges=(0, 1, 2, 3, 5, 8, 13)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return f">{edges[-1]}"


def _ref_parts(u: Unit) -> list[str]:
    return [x for x in (u.ref or "none").split("+") if x] or ["none"]


@lru_cache(maxsize=None)
def predicates_between(stype: str, otype: str) -> tuple[str, ...]:
    """The predicates the ontology allows from a ``stype`` to an ``otype``."""
    return tuple(p for p, sig in signatures().items() if sig.allows(stype, otype))


class SentenceFeatures:
    """What is shared by every candidate of one sentence."""

    def __init__(self, st: DocState, sent: Sent, units: list[Unit], index: CueIndex):
        self.st = st
        self.sent = sent
        self.units = units
        self.ents = [(k, u) for k, u in enumerate(units) if u.kind == "ent" and u.key and u.etype]
        unit_of: dict[int, int] = {}
        for k, u in enumerate(units):
            if u.kind in ("word", "title", "punct"):
                for t in range(u.i, u.j):
                    unit_of[t] = k
        tokens = [t for t in sent.tokens if t.i in unit_of]
        self.cues = [(unit_of[tokens[k].i], name) for k, name in index.find([t.low for t in tokens])]
        self.cue_names = sorted({n for _, n in self.cues})
        self.cue_feats = [(k, f"cue:{n}:before", f"cue:{n}:between", f"cue:{n}:after", f"cue:{n}:near_s",
                           f"cue:{n}:near_o") for k, n in self.cues]
        self.joiners = index.joiners
        self.subject = next((k for k, u in self.ents if u.case == "nom"
                             and u.etype in ("Person", "Organization", "Country")), None)
        counts: dict[str, int] = {}
        for _, u in self.ents:
            counts[u.etype] = counts.get(u.etype, 0) + 1
        self.context = ["bias", f"persons={_bucket(counts.get('Person', 0), (0, 1, 2, 3))}",
                        f"events={_bucket(counts.get('Event', 0), (0, 1, 2))}",
                        f"entities={_bucket(len(self.ents), (1, 2, 3, 5, 8))}"]
        if sent.index == 0:
            self.context.append("first_sentence")
        self.titled = self._titled()
        self.said: dict[str, set[str]] = {}  # entity -> predicates the rules gave it so far in the document
        for r in st.relations:
            self.said.setdefault(r.subject, set()).add(r.predicate)
            self.said.setdefault(r.object, set()).add(f"~{r.predicate}")
        self._args: dict[tuple[str, int | None], list[str]] = {}
        self._pairs: dict[tuple[int, int], list[str]] = {}

    def _titled(self) -> dict[int, tuple[str, int]]:
        """Entity unit -> (the role of the title just before it, the unit of that title)."""
        out: dict[int, tuple[str, int]] = {}
        units = self.units
        for k, u in self.ents:
            b = k - 1
            while b >= 0 and k - b <= 3 and units[b].kind != "title" and units[b].kind != "ent":
                b -= 1
            if b >= 0 and units[b].kind == "title" and units[b].title is not None:
                out[k] = (units[b].title.role, b)
        return out

    def locate(self, key: str, span: tuple[int, int] | None) -> int | None:
        """The unit index of the entity ``key`` at ``span`` (any of its units when no span)."""
        for k, u in self.ents:
            if u.key == key and (span is None or u.span == span):
                return k
        if span is not None:
            return self.locate(key, None)
        return None

    def coordinated(self, lo: int, hi: int) -> bool:
        """Only entities and list joiners between the two: "A, B və C"."""
        between = self.units[lo + 1:hi]
        return bool(between) and all(u.kind in ("ent", "abbr") or u.low in self.joiners for u in between) \
            and any(u.low in self.joiners for u in between)

    def argument(self, name: str, k: int | None) -> list[str]:
        """What describes one argument (``s`` or ``o``) standing at unit ``k``."""
        got = self._args.get((name, k))
        if got is not None:
            return got
        if k is None:
            out = [f"{name}:nounit"]
        else:
            units = self.units
            u = units[k]
            out = [f"{name}:case={u.case}"] + [f"{name}:ref={x}" for x in _ref_parts(u)]
            if k == self.subject:
                out.append(f"{name}:subject")
            if k > 0 and units[k - 1].kind == "title":
                out.append(f"{name}:after_title")
            if k + 1 < len(units) and units[k + 1].kind == "title":
                out.append(f"{name}:before_title")
            if k in self.titled:
                out.append(f"{name}:title_role={self.titled[k][0]}")
            out.append(f"{name}:mentions={_bucket(self.st.mention_count.get(u.key, 0), (1, 2, 4))}")
            out += [f"{name}:said={p}" for p in sorted(self.said.get(u.key, ()))]
        self._args[(name, k)] = out
        return out

    def pair(self, a: int | None, b: int | None) -> list[str]:
        """What describes two arguments standing at units ``a`` (s) and ``b`` (o)."""
        got = self._pairs.get((a, b))
        if got is not None:
            return got
        out = self.context + self.argument("s", a) + self.argument("o", b)
        if a is None or b is None:
            out = out + [f"cue:{n}:sent" for n in self.cue_names]
            self._pairs[(a, b)] = out
            return out
        units = self.units
        lo, hi = (a, b) if a < b else (b, a)
        stype, otype = units[a].etype, units[b].etype
        out.append("order=so" if a < b else "order=os")
        out.append(f"dist={_bucket(hi - lo)}")
        ents_between = [u for u in units[lo + 1:hi] if u.kind == "ent" and u.key]
        out.append(f"ents_between={_bucket(len(ents_between), (0, 1, 2, 4))}")
        if any(u.kind == "title" for u in units[lo + 1:hi]):
            out.append("title_between")
        if any(u.etype == otype for u in ents_between):
            out.append("o_type_between")
        if any(u.etype == stype for u in ents_between):
            out.append("s_type_between")
        if any(u.text in ("(", ")") for u in units[lo + 1:hi]):
            out.append("bracket_between")
        if any(u.text == "," for u in units[lo + 1:hi]):
            out.append("comma_between")
        if self.coordinated(lo, hi):
            out.append("coordinated")
        for x, y, name in ((a, b, "s"), (b, a, "o")):
            t = self.titled.get(x)
            if t is not None and y < t[1] and t[1] - y <= 4:
                out.append(f"{'o' if name == 's' else 's'}:owns_{name}_title")
        regions = set()
        for k, before, between, after, near_s, near_o in self.cue_feats:
            regions.add(before if k < lo else after if k > hi else between)
            if -2 <= k - a <= 2:
                regions.add(near_s)
            if -2 <= k - b <= 2:
                regions.add(near_o)
        out += sorted(regions)
        self._pairs[(a, b)] = out
        return out


def sentence_candidates(st: DocState, sent: Sent, units: list[Unit], stated: list[Relation],
                        index: CueIndex, predicates: frozenset[str] | None = None) -> list[Candidate]:
    """Every candidate of one sentence, with its features, in a fixed order:
    the facts the rules stated, then the other pairs of entity units, for
    ``predicates`` (all when None). A symmetric predicate's arguments are
    described in the order they stand in."""
    ctx = SentenceFeatures(st, sent, units, index)
    symmetric = st._symmetric
    found: dict[tuple[str, str, str], Candidate] = {}
    where: dict[tuple[str, str, str], tuple[int | None, int | None]] = {}
    for r in stated:
        t = (r.subject, r.predicate, r.object)
        c = found.get(t)
        if c is None:
            c = found[t] = Candidate(r.subject, r.predicate, r.object, sent.index, r.subject_span, r.object_span)
            a, b = ctx.locate(r.subject, r.subject_span), ctx.locate(r.object, r.object_span)
            if r.predicate in symmetric and a is not None and b is not None and a > b:
                a, b = b, a
            where[t] = (a, b)
        c.rules.append((r.rule, r.confidence))
    ents = ctx.ents
    for x, (a, u) in enumerate(ents):
        for b, v in ents[x + 1:]:
            if u.key == v.key:
                continue
            for i, s, j, o in ((a, u, b, v), (b, v, a, u)):
                for p in predicates_between(s.etype, o.etype):
                    if predicates is not None and p not in predicates:
                        continue
                    if p in symmetric:
                        if i > j:
                            continue  # once per pair, first in the sentence first
                        t = (s.key, p, o.key) if s.key < o.key else (o.key, p, s.key)
                    else:
                        t = (s.key, p, o.key)
                    if t not in found:
                        sk, ss, os_ = (s.key, s.span, o.span) if t[0] == s.key else (o.key, o.span, s.span)
                        found[t] = Candidate(t[0], p, t[2], sent.index, ss, os_)
                        where[t] = (i, j)
    pairs: dict[frozenset, set[str]] = {}
    for (s, p, o), c in found.items():
        if c.rules:
            pairs.setdefault(frozenset((s, o)), set()).add(p)
    out = []
    home = st.home
    for t, c in found.items():
        feats = list(ctx.pair(*where[t]))
        feats.append(f"types={st.etype(c.s)}>{st.etype(c.o)}")
        if c.rules:
            names = sorted({r for r, _ in c.rules})
            best = max(r[1] for r in c.rules)
            feats += ["rule", *(f"rule={r}" for r in names)]
            feats += [f"conf>={x}" for x in (0.6, 0.7, 0.8, 0.9) if best >= x - 1e-9]
            if len(names) > 1:
                feats.append("rules>=2")
        else:
            feats.append("norule")
        if home == c.s:
            feats.append("s_home")
        elif home == c.o:
            feats.append("o_home")
        other = pairs.get(frozenset((c.s, c.o)))
        if other:
            feats += [f"other={p}" for p in sorted(other - {c.p})]
        c.features = feats
        out.append(c)
    return out
