"""Entity mentions in one Azerbaijani sentence.

The result is the sentence as a list of ``Unit``s: quoted titles, gazetteer
names, titles, composed organisations, person names (``names``, ``titles``,
``bodies``, ``events``), in that order of precedence; the word forms they
share are in ``forms``.
"""
from __future__ import annotations

from ....extract.state import DocState
from ....extract.units import Sent, Unit
from ....normalize import lower
from ..match import matcher
from .bodies import BodyMixin
from .events import EventMixin
from .forms import head_reading, tables
from .names import NameMixin
from .titles import TitleMixin


class SentenceAnalyzer(NameMixin, TitleMixin, BodyMixin, EventMixin):
    def __init__(self, state: DocState):
        self.st = state
        self.lex = state.lex
        self.gaz = state.gaz
        nouns = self.lex.nouns
        self.org_heads = set(nouns["org_heads"])
        self.event_heads = set(nouns["event_heads"])
        self.weak_event_heads = set(nouns["weak_event_heads"])
        self.unit_heads = set(nouns["unit_heads"])
        self.event_modifiers = set(nouns["event_modifiers"])
        self.not_names = set(nouns["not_names"])
        self.company_forms = {lower(x) for x in nouns["company_forms"]}
        self.not_bodies = set(nouns.get("not_bodies", []))
        self.all_heads = self.org_heads | self.unit_heads
        self.joiners = set(nouns["name_joiners"])
        self.no_izafet = set(nouns["adjectives_without_izafet"])
        self.name_words = set(nouns["name_words"])
        self.local_body_nouns = set(nouns["local_body_nouns"])
        self.standalone_units = nouns["standalone_units"]
        self.summit_phrases = {tuple(x.split()) for x in nouns["summit_phrases"]}
        self.held_participles = {c for c in self.lex.cues["held_verbs"] if " " not in c and c.endswith(("ən", "an", "miş", "mış"))}
        self._clause: tuple[int, int] | None = None
        self.matcher = matcher(self.gaz)
        words = tables(self.gaz, self.lex)
        self.home_bodies = words["home_bodies"]
        self.ministry_words = words["ministry_words"]

    # ------------------------------------------------------------------
    def analyse(self, sent: Sent) -> list[Unit]:
        toks = sent.tokens
        n = len(toks)
        taken: list[Unit | None] = [None] * n

        def place(unit: Unit | None) -> None:
            if unit is None or any(taken[k] is not None for k in range(unit.i, unit.j)):
                return
            for k in range(unit.i, unit.j):
                taken[k] = unit

        for unit in self._quoted(sent):
            place(unit)
        for unit in self._gazetteer(sent, taken):
            place(unit)
        for unit in self._titles(sent, taken):
            place(unit)
        for k in range(n):
            if taken[k] is None and toks[k].kind == "word" and toks[k].is_title:
                head = head_reading(toks[k].text, self.org_heads)
                if head is not None and k + 1 < n and taken[k + 1] is None and toks[k + 1].is_title and (
                        lower(toks[k].text) in self.org_heads or head_reading(toks[k + 1].text, self.org_heads)
                        or head_reading(toks[k + 1].text, self.event_heads, plural=True)):
                    continue  # "Federasiya Şurası", "Universitetlər Assosiasiyası": it modifies the head that follows
                if head is not None:
                    place(self._compose_org(sent, k, head, taken))
        for unit in self._persons(sent, taken):
            place(unit)
        units: list[Unit] = []
        k = 0
        while k < n:
            if taken[k] is not None:
                units.append(taken[k])
                k = taken[k].j
                continue
            t = toks[k]
            units.append(Unit("punct" if t.kind == "punct" else "word", k, k + 1, t.start, t.end, t.text, t.low))
            k += 1
        units = self._place_nouns(sent, units)
        self._abbreviation_after(units)
        self._abbreviation_mentions(sent, units)
        units = self._lower_units(sent, units)
        self._attach_owners(sent, units)
        units = self._events(sent, units)
        self._abbreviation_after(units)  # "Konfransının 29-cu sessiyası (COP29)"
        return units

    def _unit(self, sent: Sent, i: int, j: int, kind: str, **kw) -> Unit:
        toks = sent.tokens
        start, end = toks[i].start, toks[j - 1].end
        text = sent.text[start - sent.start:end - sent.start]
        return Unit(kind, i, j, start, end, text, lower(text), **kw)

    def _span_unit(self, sent: Sent, first: Unit, last: Unit, kind: str, **kw) -> Unit:
        text = sent.text[first.start - sent.start:last.end - sent.start]
        return Unit(kind, first.i, last.j, first.start, last.end, text, lower(text), **kw)

