"""Visits, participation, places, organisers, chairs and frames of events in
Russian (mixed into ``relations.RelationRules``)."""
from __future__ import annotations

from .morph import fold
from .units import RuUnit
from .shared import AGENTS, PLACES, is_ent


class EventRules:
    # -- visited -------------------------------------------------------------------
    def _visitor(self) -> RuUnit | str | None:
        return self.subject if self.subject is not None else self.implied()

    def _visited(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word":
                continue
            if self.has(u, "visit_verbs"):
                place = self.after(a + 1, PLACES, 4)
                if place is not None:
                    self._visit(self._visitor(), place, "visited.verb", 0.85)
            elif self.has(u, "arrive_verbs") or self.has(u, "visit_nouns") and a > 0 and fold(units[a - 1].text) == "с":
                for b in range(a + 1, min(len(units), a + 6)):
                    if fold(units[b].text) in ("в", "во") and b + 1 < len(units) and is_ent(units[b + 1], PLACES):
                        self._visit(self._visitor(), units[b + 1], "visited.arrived", 0.8)
                        break
            elif self.has(u, "visit_nouns"):
                visitor = None
                for b in range(a + 1, min(len(units), a + 7)):
                    x = units[b]
                    if visitor is None and is_ent(x, ("Person",)):
                        visitor = x
                    if fold(x.text) in ("в", "во") and b + 1 < len(units) and is_ent(units[b + 1], PLACES):
                        if visitor is not None:
                            self._visit(visitor, units[b + 1], "visited.visit_of", 0.8)
                        break

    def _visit(self, who, place: RuUnit, rule: str, conf: float) -> None:
        self.rel(who, "visited", place, rule, conf)
        key = who.key if isinstance(who, RuUnit) else who
        if key and self.st.etype(key) == "Person":
            self.coref.visitor = key
        b, e = self.find_phrase("participate_phrases")
        if b != -1 and e < len(self.units) and fold(self.units[e].text) in ("в", "во"):
            event = self.after(e + 1, ("Event",), 3)
            if event is not None:
                self.rel(event, "heldIn", place, "heldIn.trip_to_attend", 0.7)

    # -- participatedIn ------------------------------------------------------------
    def _participated(self) -> None:
        units = self.units
        b, e = self.find_phrase("participate_phrases")
        while b != -1:
            if not (e < len(units) and fold(units[e].text) in ("в", "во")):
                before = next((x for x in reversed(units[:b]) if is_ent(x, ("Event",))), None)
                if before is not None:  # «В работе заседания приняли участие A и B»
                    for s_ in self.listing(e, ("Person", "Organization")):
                        self.rel(s_, "participatedIn", before, "participatedIn.took_part_after", 0.8)
            if e < len(units) and fold(units[e].text) in ("в", "во"):
                event = self.after(e + 1, ("Event",), 4)
                if event is not None:
                    who = self.listing(e + 1 + 3) if False else []
                    subjects = [self.leader] if self.leader is not None else []
                    if not subjects:
                        subjects = self._agents_before(b) or ([self.subject] if self.subject is not None else [])
                    if not subjects and self.implied():
                        subjects = [self.implied()]
                    for s in subjects + who:
                        self.rel(s, "participatedIn", event, "participatedIn.took_part", 0.8)
            b, e = self.find_phrase("participate_phrases", e)
        for a, u in enumerate(units):
            if (self.has(u, "participate_verbs") or self.has(u, "speak_verbs")) and a + 1 < len(units) \
                    and fold(units[a + 1].text) in ("в", "во", "на"):
                event = self.after(a + 2, ("Event",), 3)
                if event is not None:
                    rule = "participatedIn.spoke" if self.has(u, "speak_verbs") else "participatedIn.verb"
                    for s in self._agents_before(a) or ([self.implied()] if self.implied() else []):
                        self.rel(s, "participatedIn", event, rule, 0.8)

    def _agents_before(self, a: int) -> list[RuUnit]:
        for b in range(a):
            if is_ent(self.units[b], ("Person", "Organization")) and self.units[b].case == "nomn" \
                    and not self._is_owner(b):
                return self.listing(b, ("Person", "Organization"))
        return []

    # -- heldIn ----------------------------------------------------------------------
    def _held(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word":
                continue
            if u.lemma_in(self.cues["held_participles"]) and a + 2 < len(units) and fold(units[a + 1].text) in ("в", "во"):
                place = units[a + 2] if is_ent(units[a + 2], PLACES) else None
                event = self.after(a + 3, ("Event",), 4)
                if place is not None and event is not None:
                    self.rel(event, "heldIn", place, "heldIn.participle", 0.85)
            elif self.has(u, "held_verbs"):
                event = None
                for b in range(a - 1, max(-1, a - 13), -1):
                    if is_ent(units[b], ("Event",)):
                        event = units[b]
                        break
                if event is None:
                    event = self.after(a + 1, ("Event",), 4)
                for b in range(max(0, a - 4), min(len(units) - 1, a + 7)):
                    if fold(units[b].text) in ("в", "во") and is_ent(units[b + 1], PLACES):
                        if event is not None:
                            self.rel(event, "heldIn", units[b + 1], "heldIn.verb", 0.8)
                        break

        for a, u in enumerate(units[:-2]):
            if is_ent(u, ("Event",)) and fold(units[a + 1].text) in ("в", "во") and is_ent(units[a + 2], ("Place",)):
                self.rel(u, "heldIn", units[a + 2], "heldIn.adjacent", 0.7)  # «в XIX Конгрессе … в Праге»

    def _frames(self) -> None:
        """«В рамках E1 состоялся E2»: E2 is part of E1."""
        units = self.units
        for a, u in enumerate(units[:-1]):
            if self.has(u, "frame_words") and a > 0 and fold(units[a - 1].text) in ("в", "во") \
                    and is_ent(units[a + 1], ("Event",)):
                inner = next((x for x in units[a + 2:] if is_ent(x, ("Event",)) and x.key != units[a + 1].key), None)
                if inner is not None:
                    self.rel(inner, "partOf", units[a + 1], "partOf.frame", 0.8)

    # -- organizedBy / chairedBy / cochairedBy -----------------------------------------
    def _organized(self) -> None:
        units = self.units
        events = [x for x in units if is_ent(x, ("Event",))]
        if not events:
            return
        for a, u in enumerate(units):
            if u.kind != "word":
                continue
            event = None
            for x in reversed(units[:a]):
                if is_ent(x, ("Event",)):
                    event = x
                    break
                if x.kind == "word" and x.lemma_in(self.lex.nouns["event_heads"]):
                    break  # «этот саммит был организован»: an event the rules did not name
            if event is None:
                continue
            if self.has(u, "chair_words") or self.has(u, "cochair_words"):
                co = self.has(u, "cochair_words")
                agents = self.listing(a + 1)
                for ag in agents:
                    self.rel(event, "cochairedBy" if co else "chairedBy", ag, "chairedBy.under", 0.8)
                if any(self.has(units[b], "organize_words") for b in range(max(0, a - 3), a)):
                    for ag in agents:
                        self.rel(event, "organizedBy", ag, "organizedBy.under_chair", 0.75)
            elif self.has(u, "organize_words") and (u.lemma_in({"организовать", "организованный", "организатор"})
                                                    or a > 0 and fold(units[a - 1].text) == "при"):
                b = a + 1
                while b < len(units) and units[b].kind == "word" and units[b].low in ("совместно", "также"):
                    b += 1
                for ag in self.listing(b, AGENTS)[:4]:
                    if ag.case in ("ablt", "nomn", "gent"):  # «организованная Министерством юстиции и Советом Европы»
                        self.rel(event, "organizedBy", ag, "organizedBy.by", 0.8)
