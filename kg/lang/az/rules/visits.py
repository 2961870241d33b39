"""Visits: "A X-ə səfər edib / səfərə gəlib", "X-də səfərdə olan A",
"A-nın X-ə səfəri", "X-ə səfər çərçivəsində A", "A ... X-də ziyarət edib".
"""
from __future__ import annotations

from .base import is_arg


class VisitRules:
    # -- visited --------------------------------------------------------------
    def _visited(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if not (u.kind == "word" and u.low.startswith("səfər")) and u.low not in ("ziyarət",):
                continue
            nxt = units[a + 1].low if a + 1 < len(units) else ""
            low = u.low
            participle = nxt in ("edən", "gələn", "olan", "gedən") or low in ("səfərdə",) and nxt == "olan"
            if low == "ziyarət":
                if nxt.startswith("ed"):
                    places = [x for x in units[:a] if is_arg(x, ("Place",)) and x.case == "loc"][-1:]
                    subject = self._subject(a, ("Person",))
                    subject = subject.key if subject else self._implied_subject()
                    for p in places:
                        self.rel(subject, "visited", p, "visited.ziyarət", 0.6)
                continue
            dest_case = "loc" if low in ("səfərdə",) else "dat"
            window = units[max(0, a - 8):a]
            dests = [x for x in window if is_arg(x, ("Place", "Country")) and x.case == dest_case]
            if dest_case == "loc":
                # the city and its country: "Rusiya Federasiyasının Sankt-Peterburq şəhərində"
                dests += [x for x in window if is_arg(x, ("Country",)) and x.case == "gen"
                          and any(d.etype == "Place" for d in dests)]
            if not dests:
                dests = [x for x in window if x.kind == "ent" and x.etype in ("Place", "Country")
                         and x.case == dest_case and x.key]
            if not dests and a > 0 and units[a - 1].low in self.place_nouns:
                dests = self._places_before(a - 1)  # "Ağcabədi, Bərdə, Tərtər rayonlarına səfəri"
            if not dests:
                continue
            # who travels
            visitor = None
            finite = nxt.startswith(("gedib", "gəlib", "gedir", "gəlir", "yola", "çıxıb", "başlayıb"))
            nominal = low.startswith("səfəri") and low != "səfərimiz"  # "A-nın X-ə səfəri/səfərinin/səfərində"
            # "A-nın X-ə səfəri (başlayıb)": the visit is the subject; "A X-ə səfərinə gedib": A goes
            if nominal and not (finite and low != "səfəri") or (low == "səfər" and nxt == "çərçivəsində"):
                gen = [x for x in units[max(0, a - 14):a] if is_arg(x, ("Person", "Organization")) and x.case == "gen"
                       and not self._is_host(x)]
                if gen:
                    visitor = gen[-1].key
                elif nxt == "çərçivəsində":
                    after = self._list_after(a + 2, ("Person",))
                    visitor = after[0].key if after else None
            elif participle:
                after = [x for x in units[a + 2:a + 12] if is_arg(x, ("Person",))]
                visitor = after[0].key if after else None
            else:
                subj = self._subject(a, ("Person", "Organization"))
                visitor = subj.key if subj else self._implied_subject()
            if visitor is None:
                continue
            conf = 0.85 if low != "səfəri" else 0.8
            for d in dests:
                self.rel(visitor, "visited", d, "visited.trip", conf)
            self.coref.visitor = visitor
        self._arrived()

    def _places_before(self, noun: int) -> list:
        """The coordinated places before a place noun that carries their case."""
        out, b = [], noun - 1
        while b >= 0 and (is_arg(self.units[b], ("Place",)) and self.units[b].case == "nom"
                          or self.units[b].text in self.conjunctions):
            if self.units[b].kind == "ent":
                out.insert(0, self.units[b])
            b -= 1
        return out

    def _arrived(self) -> None:
        """"A X-ə gəlib / gələrək", "A X-də olub": a person came to or was in a place.

        The destination stands just before the verb (dative for arrival,
        locative for a stay); the traveller is the sentence's subject, or the
        person the participle ("X-ə gələn A") describes."""
        units = self.units
        arrive, stay = set(self.cues["arrive_verbs"]), set(self.cues["stay_verbs"])
        for a, u in enumerate(units):
            if u.kind != "word" or u.low not in arrive | stay or a == 0:
                continue
            case = "dat" if u.low in arrive else "loc"
            dests, b, noun = [], a - 1, False
            while b >= 0 and (is_arg(units[b], ("Place", "Country")) and (units[b].case == case or noun)
                              or units[b].text in self.conjunctions or units[b].low in self.place_nouns):
                if units[b].kind == "ent":
                    dests.insert(0, units[b])
                noun = noun or units[b].low in self.place_nouns  # "Şuşa və Füzuli şəhərlərində": the noun has the case
                b -= 1
            if not dests:
                continue
            if u.low.endswith(("ən", "an")):  # "Bakıya gələn nümayəndə heyəti", "X-də olan A"
                after = [x for x in units[a + 1:a + 10] if is_arg(x, ("Person",))]
                visitor = after[0].key if after else None
            else:
                subj = self._subject(a, ("Person",))
                visitor = subj.key if subj else self._implied_subject()
            for d in dests:
                self.rel(visitor, "visited", d, "visited.arrive" if case == "dat" else "visited.stay",
                         0.7 if case == "dat" else 0.6)

    def _abroad(self) -> None:
        """"(Nazir) A Brüsseldə B ilə görüşüb": an official of the home country
        who meets or takes part somewhere abroad is visiting that place."""
        st, units = self.st, self.units
        if st.home is None:
            return
        places = [u for u in units if is_arg(u, ("Place",)) and u.case == "loc"
                  and st.country_of.get(u.key) not in (None, st.home)]
        if not places:
            return
        here = [r for r in st.relations if r.sentence == self.sent.index and r.predicate in ("met", "participatedIn")]
        for r in here:
            for person in (r.subject, r.object) if r.predicate == "met" else (r.subject,):
                if st.etype(person) == "Person" and self._home_official(person):
                    for place in places:
                        self.rel(person, "visited", place, "visited.abroad", 0.6)

    def _home_official(self, person: str) -> bool:
        st = self.st
        return any(r.subject == person and r.predicate in ("heads", "memberOf")
                   and (r.object == st.home or st.country_of.get(r.object) == st.home) for r in st.relations)
