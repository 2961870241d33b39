"""Relations from English constructions, one sentence at a time.

* met: "A met (with) B", "A held talks with B", "A received B", "a meeting
  between A and B", "during the meeting with B", "a delegation led by B";
* visited: "A visited X", "A arrived in X", "A's (official) visit to X";
* participatedIn: "A took part in / attended / addressed E", "E will be
  attended by A, B and C", "with the participation of A";
* heldIn: "E held in P", "E kicked off in P", "E in P", "P hosts E";
* organizedBy / chairedBy / cochairedBy: "organised by", "hosted by",
  "chaired by", "co-chaired by", "under the chairmanship of";
* cooperatesWith: "cooperation between X and Y", "X-Y relations",
  "between the two countries".

Titles and owners come first (``kg.lang.en.titles``); cue phrases are in
``data/lang/en/cues.yaml``, confidences per rule id there too.
"""
from __future__ import annotations

from ...extract.units import Sent, Unit
from .titles import AGENTS, TitleRules, is_arg

BODIES = ("Organization", "Country")


class Rules(TitleRules):
    def sentence(self, sent: Sent, units: list[Unit]) -> None:
        self.sent, self.u = sent, units
        self._owners()
        self._titles()
        subject = self._subject(len(self.u), ("Person",))
        self._delegations()
        self._met()
        self._visited(subject)
        self._participated()
        self._held()
        self._organized()
        self._cooperation()
        self._offices()
        if subject is not None:
            self.refs.last_subject = subject.key
            self.refs.protagonist = self.refs.protagonist or subject.key
        self.refs.note(self.u)

    def c(self, rule: str) -> float:
        return self.lex.confidence.get(rule, 0.7)

    # -- met -----------------------------------------------------------------
    def _delegations(self) -> None:
        """"a delegation led by B": the delegation is B (for met, visits, the guest)."""
        a, n = self.find(self.cue["led_by"])
        if a > 0 and any(w.low in ("delegation", "delegations") for w in self.u[max(0, a - 3):a]):
            leader = self._first_after(a + n, ("Person",), 6)
            if leader is not None:
                self.refs.delegation = self.refs.visitor = leader.key

    def _met(self) -> None:
        u = self.u
        a, n = self.find(self.cue["meet_verbs"])
        if a != -1 and not (a > 0 and u[a - 1].low in ("the", "a", "this", "during", "at", "first")):
            subjects = self.actors(a)
            objects = self.list_after(a + n, ("Person", "Organization"))
            objects = [o for o in objects if o.etype == "Person"] or objects[:1]
            for s in subjects:
                for o in objects:
                    self.rel(s, "met", o, "met.verb", self.c("met.verb"))
                    self.refs.last_met = o.key if isinstance(o, Unit) else o
            if subjects and not objects and self.refs.delegation:
                for s in subjects:
                    self.rel(s, "met", self.refs.delegation, "met.delegation", self.c("met.delegation"))
        a, n = self.find(self.cue["meet_nouns"])
        if a == -1:
            return
        b, m = self.find(self.cue["between"], a + n, a + n + 3)
        if b != -1:
            pair = self.list_after(b + m, ("Person", "Organization"), 12)
            if len(pair) >= 2:
                self.rel(pair[0], "met", pair[1], "met.noun", self.c("met.noun"))
            return
        if a + n < len(u) and u[a + n].low == "with":
            objects = self.list_after(a + n + 1, ("Person",), 12)
            subj = self._subject(a, ("Person",)) or self.refs.protagonist
            for o in objects:
                self.rel(subj, "met", o, "met.noun", self.c("met.noun"))

    def _offices(self) -> None:
        """"his presidency of the UN General Assembly": he heads it."""
        a, n = self.find(self.cue["office_nouns"])
        if a > 0 and a + n + 1 < len(self.u) and self.u[a + n].low == "of" and is_arg(self.u[a - 1], ("Person",)):
            body = self._first_after(a + n + 1, ("Organization",), 2)
            self.rel(self.u[a - 1], "heads", body, "heads.office", self.c("heads.office"))

    # -- visited ---------------------------------------------------------------
    def _visited(self, subject: Unit | None) -> None:
        u = self.u
        a, n = self.find(self.cue["visit_verbs"])
        if a != -1:
            place = self._first_after(a + n, ("Place", "Country"), 4)
            for s in self.actors(a):
                self.rel(s, "visited", place, "visited.verb", self.c("visited.verb"))
                self.refs.visitor = s.key if isinstance(s, Unit) else s
        a, n = self.find(self.cue["visit_nouns"])
        if a == -1 or a + n >= len(u) or u[a + n].low not in ("to", "in"):
            return
        place = self._first_after(a + n + 1, ("Place", "Country"), 3)
        visitor = None
        for b in range(a - 1, max(-1, a - 4), -1):
            if is_arg(u[b], ("Person", "Organization")):
                visitor = u[b]  # "his official visit", "the delegation's visit"
                break
        if visitor is None and u[a - 1].low in ("official", "working", "state") and a >= 2 and u[a - 2].low in ("an", "a"):
            visitor = subject
        if visitor is None and subject is not None and any(w.low in ("during", "part") for w in u[max(0, a - 4):a]):
            visitor = subject
        self.rel(visitor, "visited", place, "visited.noun", self.c("visited.noun"))

    # -- participatedIn --------------------------------------------------------
    def _participated(self) -> None:
        a, n = self.find(self.cue["participate_verbs"])
        if a != -1:
            event = self._first_after(a + n, ("Event",), 10)
            for s in self.actors(a, protagonist=False):
                self.rel(s, "participatedIn", event, "participatedIn.verb", self.c("participatedIn.verb"))
        a, n = self.find(self.cue["participate_passive"])
        if a != -1:
            event = self._event_before(a) or self._first_after(a + n, ("Event",), 12)
            for o in self.u[a + n:]:
                if is_arg(o, ("Person",)):
                    self.rel(o, "participatedIn", event, "participatedIn.passive", self.c("participatedIn.passive"))

    # -- heldIn ------------------------------------------------------------------
    def _held(self) -> None:
        u = self.u
        a, n = self.find(self.cue["held_verbs"])
        if a != -1:
            event = self._event_before(a)
            place = self._first_after(a + n, ("Place", "Country"), 3)
            self.rel(event, "heldIn", place, "heldIn.verb", self.c("heldIn.verb"))
        for x in range(len(u) - 2):
            if u[x].kind == "ent" and u[x].etype == "Event" and u[x + 1].low == "in" and u[x + 2].kind == "ent":
                self.rel(u[x], "heldIn", u[x + 2], "heldIn.in", self.c("heldIn.in"))
        a, n = self.find(self.cue["host_verbs"])
        if a > 0 and not (a + n < len(u) and u[a + n].low == "by"):
            host = self.list_before(a, ("Place", "Country"))
            event = self._first_after(a + n, ("Event",), 6)
            if host and event is not None:
                self.rel(event, "heldIn", host[-1], "heldIn.host", self.c("heldIn.host"))

    # -- organizedBy, chairedBy, cochairedBy -------------------------------------
    def _organized(self) -> None:
        u = self.u
        a, n = self.find(self.cue["organize_cues"])
        if a != -1:
            event = self._event_before(a)
            for o in self.list_after(a + n, AGENTS, 12):
                self.rel(event, "organizedBy", o, "organizedBy.cue", self.c("organizedBy.cue"))
        a, n = self.find(self.cue["cochair_cues"])
        co = a != -1
        if a == -1:
            a, n = self.find(self.cue["chair_cues"])
        if a == -1:
            return
        event = self._event_before(a)
        rest = self.u[a + n:]
        if not co and any(w.low == "co" for w in rest[:4]):
            co = True  # "chaired by the co-chairs of the commission"
        chairs = [o for o in rest if is_arg(o, ("Person",))] or self.list_after(a + n, AGENTS, 8)
        p = "cochairedBy" if co else "chairedBy"
        for o in chairs:
            self.rel(event, p, o, f"{p}.cue", self.c(f"{p}.cue"))
        of = next((x for x in range(a + n, min(len(u), a + n + 6)) if u[x].low == "of"), None)
        if co and of is not None and of + 1 < len(u):
            body = next((w for w in u[of + 1:of + 3] if w.kind == "ent" and w.etype == "Organization"), None)
            for o in chairs:
                if o.etype == "Person":
                    self.rel(o, "heads", body, "heads.cochairs", self.c("heads.cochairs"))

    # -- cooperatesWith ----------------------------------------------------------
    def _cooperation(self) -> None:
        u = self.u
        nouns = self.cue["cooperation_nouns"]
        a, n = self.find(nouns)
        while a != -1:
            b, m = self.find(self.cue["between"], a + n, a + n + 2)
            if b != -1:
                pair = self.list_after(b + m, BODIES + ("Person",), 10)
                pair = [p for p in pair if p.etype in BODIES]
                if len(pair) >= 2:
                    self.rel(pair[0], "cooperatesWith", pair[1], "cooperatesWith.between",
                             self.c("cooperatesWith.between"))
                elif b + m < len(u) and u[b + m].ref == "pair" or any(w.ref == "pair" for w in u[b + m:b + m + 2]):
                    self._two_countries()
            elif a >= 3 and u[a - 2].text in ("-", "–") and u[a - 1].kind in ("ent", "adj") \
                    and u[a - 3].kind in ("ent", "adj"):
                self.rel(u[a - 3].key, "cooperatesWith", u[a - 1].key, "cooperatesWith.compound",
                         self.c("cooperatesWith.compound"))
            a, n = self.find(nouns, a + n)
        a, n = self.find(self.cue["sign_verbs"])
        if a > 0 and self.find(nouns, a + n, a + n + 4)[0] != -1:
            parties = [p for p in self.list_before(a, BODIES)]
            for x, p in enumerate(parties):
                for q in parties[x + 1:]:
                    self.rel(p, "cooperatesWith", q, "cooperatesWith.signed", self.c("cooperatesWith.signed"))
        for x in range(len(u) - 2):  # "the Azerbaijan-Turkey commission", "Azerbaijan-Georgia relations"
            if u[x + 1].text in ("-", "–") and u[x].kind in ("ent", "adj") and u[x + 2].kind in ("ent", "adj") \
                    and u[x].etype == u[x + 2].etype == "Country" and u[x].end == u[x + 1].start:
                nxt = u[x + 3].low if x + 3 < len(u) else ""
                if any(nxt == p[0] for p in nouns):
                    self.rel(u[x].key, "cooperatesWith", u[x + 2].key, "cooperatesWith.compound",
                             self.c("cooperatesWith.compound"))

    def _two_countries(self) -> None:
        pair = self.refs.pair()
        if pair:
            self.rel(pair[0], "cooperatesWith", pair[1], "cooperatesWith.two_countries",
                     self.c("cooperatesWith.two_countries"))
