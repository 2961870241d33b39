"""Cooperation in Russian (mixed into ``relations.RelationRules``):
«сотрудничество/отношения между A и B», «отношения A и B», «азербайджано-
турецкие отношения», «между нашими странами», signed agreements."""
from __future__ import annotations

from .morph import fold, info
from .units import RuUnit
from .shared import is_ent


class CooperationRules:
    # -- cooperatesWith ---------------------------------------------------------------
    def _cooperation(self) -> None:
        units = self.units
        bodies = ("Country", "Organization")
        for a, u in enumerate(units):
            if u.kind not in ("word", "ent"):
                continue
            if u.kind == "word" and "-" in u.text and a + 1 < len(units) and any(self.has(units[c], "cooperation_nouns") for c in range(a + 1, min(len(units), a + 3))):
                parts = [self.lex.demonyms.get(fold(p)) or self.lex.demonyms.get(info(p).readings[0].lemma if info(p).readings else "")
                         for p in u.text.split("-")]
                keys = [self.st.from_entry(self.st.gaz.entries[c]) for c in parts if c and c in self.st.gaz.entries]
                if len(keys) == 2:
                    self.rel(keys[0], "cooperatesWith", keys[1], "cooperatesWith.compound", 0.85)
            cue = self.has(u, "cooperation_nouns") or self.has(u, "agreement_nouns") or \
                u.kind == "ent" and not u.tail.isdisjoint(self.cues["cooperation_nouns"])
            if not cue:
                continue
            between = False
            for b in range(a + 1, min(len(units), a + 6)):
                if fold(units[b].text) == "между":
                    between = True
                    pair = self._pair(b + 1, bodies)
                    if pair:
                        self.rel(pair[0], "cooperatesWith", pair[1], "cooperatesWith.between", 0.85)
                    break
                if units[b].kind == "punct":
                    break
            if not between:
                pair = self._pair(a + 1, bodies) if a + 1 < len(units) and units[a + 1].case == "gent" else None
                if pair:  # «развитие отношений Азербайджана и Казахстана»
                    self.rel(pair[0], "cooperatesWith", pair[1], "cooperatesWith.of", 0.8)
            if self.has(u, "agreement_nouns"):
                signed = next((b for b in range(max(0, a - 3), a) if self.has(units[b], "sign_verbs")), None)
                if signed is not None:  # «A и B подписали меморандум»
                    parties = [x for x in self._bodies_before(signed)]
                    if len(parties) >= 2:
                        self.rel(parties[0], "cooperatesWith", parties[1], "cooperatesWith.signed", 0.85)
                for b in range(max(0, a - 8), a):
                    if fold(units[b].text) == "между":
                        pair = self._pair(b + 1, bodies)
                        if pair:  # «между A и B подписан меморандум»
                            self.rel(pair[0], "cooperatesWith", pair[1], "cooperatesWith.agreement", 0.85)
                        break

    def _bodies_before(self, a: int) -> list[RuUnit]:
        for b in range(a):
            if is_ent(self.units[b], ("Country", "Organization")) and self.units[b].case == "nomn":
                return self.listing(b, ("Country", "Organization"))
        return []

    def _pair(self, b: int, types) -> tuple | None:
        units = self.units
        if b < len(units) and units[b].kind == "ent" and units[b].ref == "pair":
            return self.coref.pair_countries()
        items = self.listing(b, types)
        if len(items) >= 2:
            return items[0], items[1]
        return None
