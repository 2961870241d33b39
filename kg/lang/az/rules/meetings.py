"""Meetings: "A B ilə görüşüb", "A B-ni qəbul edib", "A ilə B arasında görüş",
"B ilə keçirilən görüşdə", "A etimadnaməsini B-yə təqdim edib", delegations
("B-nin rəhbərlik etdiyi nümayəndə heyəti" stands for B), hosts and parties.
"""
from __future__ import annotations

from ....extract.units import Unit
from ..morph import analyse
from .base import is_arg, key_of


class MeetingRules:
    host: str | None = None
    waiting_partner: str | None = None  # "B ilə görüş keçirilib": B met whoever the story names next

    branch: bool = False

    pair: tuple[str, str] | None = None  # the two parties of the story: signatories, co-chairs

    # -- delegations and "ilə" -------------------------------------------------
    def _delegations(self) -> None:
        """"B-nin rəhbərlik etdiyi nümayəndə heyəti" stands for B."""
        units = self.units
        for phrase in self.cues.get("led_by", []):
            ph = tuple(phrase.split())
            a = self._find(ph)
            if a <= 0:
                continue
            leader = units[a - 1]
            if not (leader.kind == "ent" and leader.etype == "Person") and leader.low == "onun":
                # "həmkarını və onun rəhbərlik etdiyi": the person just named, else the last object
                before = [x for x in units[:a - 1] if is_arg(x, ("Person",))]
                key = before[-1].key if len(before) >= 2 else self.coref.last_object
                leader = None
                if key:
                    leader = Unit("ent", units[a - 1].i, units[a - 1].j, units[a - 1].start, units[a - 1].end,
                                  "onun", "onun", case="gen", key=key, etype="Person", ref="pronoun")
            if leader is None or leader.kind != "ent" or leader.etype != "Person":
                continue
            for b in range(a + len(ph), min(len(units), a + len(ph) + 30)):
                if units[b].low.startswith("heyət") and b > 0 and units[b - 1].low == "nümayəndə" or \
                        units[b].low.startswith("heyət"):
                    case = next((r.case for r in analyse(units[b].text) if r.lemma in ("heyət", "heyəti")), "nom")
                    case = {"poss": "nom", "poss+acc": "acc", "poss+dat": "dat", "poss+gen": "gen",
                            "poss+loc": "loc", "poss+com": "com"}.get(case, case)
                    d = Unit("ent", units[b].i, units[b].j, leader.start, leader.end, leader.text, leader.low,
                             case=case, key=leader.key, etype="Person", ref="delegation")
                    leader.ref = (leader.ref or "") + "+owner"
                    units[b] = d
                    self.coref.delegation = leader.key
                    if b > 0 and units[b - 1].low == "nümayəndə":
                        units[b - 1] = Unit("word", units[b - 1].i, units[b - 1].j, units[b - 1].start,
                                            units[b - 1].end, units[b - 1].text, "nümayəndə(heyəti)")
                    self.coref.visitor = self.coref.visitor or None
                    break

    def _ilə(self) -> None:
        """A unit followed by "ilə" is comitative; "tərəfindən" marks the agent."""
        for a, u in enumerate(self.units[:-1]):
            after = self._past_brackets(a + 1)  # "Səlcuq Universiteti (SU) ilə"
            nxt = self.units[after].low if after < len(self.units) else ""
            if u.kind == "ent" and u.case == "nom":
                if nxt == "ilə":
                    u.case = "com"
                elif nxt == "tərəfindən":
                    u.case = "by"

    # -- met ------------------------------------------------------------------
    def _met(self) -> None:
        units = self.units
        cues = self.cues
        verb = -1
        for a, u in enumerate(units):
            if u.kind == "word" and u.low in set(cues["meet_verbs"]):
                verb = a
                break
        if verb != -1:
            objects = [u for u in units[:verb] if is_arg(u, ("Person", "Organization")) and u.case == "com"]
            if objects:
                first = units.index(objects[0])
                delegation = [u for u in units[:first] if u.ref == "delegation" and u.case == "nom"]
                subject = delegation[0] if delegation else self._subject(first, ("Person", "Organization"))
                if subject is not None and not delegation:
                    # "A ... B, C, D ilə görüşüb": the names listed before the last one
                    s_at = units.index(subject)
                    listed = [u for u in units[s_at + 1:first] if is_arg(u, ("Person",)) and u.case == "nom"
                              and u.key != subject.key]
                    if listed and any(x.text == "," for x in units[s_at + 1:first]):
                        objects = listed + objects
                subject = subject or self._implied_subject()
                for o in objects:
                    if subject is not None and o.key != key_of(subject):
                        self.rel(subject, "met", o, "met.comitative", 0.9)
                        self._meeting(subject, o)
                        self.coref.last_object = o.key
            else:
                # "A və B görüşüblər"
                subjects = [u for u in units[:verb] if is_arg(u, ("Person",)) and u.case == "nom"]
                if len(subjects) >= 2 and units[verb].low.endswith("lər"):
                    for x in subjects[1:]:
                        self.rel(subjects[0], "met", x, "met.coordinated", 0.75)
        self._meeting_held()
        # "A B-ni qəbul edib"
        a, ph = self._find_any(cues["receive_verbs"])
        if a != -1:
            objects = [u for u in units[:a] if is_arg(u, ("Person", "Organization")) and u.case == "acc"]
            credentials = set(cues["credentials"])  # "A B-nin etimadnaməsini qəbul edib": A received B
            objects += [u for i, u in enumerate(units[:a - 1]) if is_arg(u, ("Person",)) and u.case == "gen"
                        and units[i + 1].low in credentials]
            if objects:
                subject = self._subject(units.index(objects[0]), ("Person",)) or self._implied_subject()
                for o in objects:
                    if subject is not None and o.key != key_of(subject):
                        self.rel(subject, "met", o, "met.receive", 0.85)
                        self._meeting(subject, o)
                        self.coref.last_object = o.key
        # "A etimadnaməsini B-yə təqdim edib"
        c, _ = self._find_any(cues["credentials"])
        if c != -1:
            p, _ = self._find_any(cues["present_verbs"], c)
            if p != -1:
                objects = [u for u in units[c:p] if is_arg(u, ("Person",)) and u.case == "dat"]
                subject = self._subject(c, ("Person",))
                for o in objects[:1]:
                    self.rel(subject, "met", o, "met.credentials", 0.8)
        # "A ilə B arasında (işçi) görüş keçirilib", "A və B arasında keçirilən görüşdə"
        between, _ = self._find_any(cues["between"])
        if between != -1:
            g = next((x for x in range(between, min(len(units), between + 8)) if units[x].low.startswith("görüş")), -1)
            if g != -1:
                pair = self._between_args(between, ("Person",))
                for x in pair[1:]:
                    self.rel(pair[0], "met", x, "met.between", 0.85)
                    self._meeting(pair[0], x)
        # "B ilə keçirilən/keçirilmiş görüşdə"
        for a, u in enumerate(units):
            if u.low in ("keçirilən", "keçirilmiş", "keçirdiyi") and a + 1 < len(units) and \
                    units[a + 1].low.startswith("görüş") and a >= 1:
                objects = [x for x in units[max(0, a - 3):a] if is_arg(x, ("Person",)) and x.case == "com"]
                if objects:
                    subject = self._subject(units.index(objects[0]), ("Person",)) or self._implied_subject()
                    if subject is not None and key_of(subject) != objects[-1].key:
                        self.rel(subject, "met", objects[-1], "met.meeting_with", 0.8)
                        self._meeting(subject, objects[-1])

    def _hosts(self) -> None:
        """"X-in dəvəti ilə": X hosts; "nümayəndə heyətləri arasında görüş": visitor met host."""
        units = self.units
        for a, u in enumerate(units[:-1]):
            if u.low == "dəvəti" and units[a + 1].low == "ilə" and a > 0 and is_arg(units[a - 1], ("Person",)):
                self.host = units[a - 1].key
        for a, u in enumerate(units[:-2]):
            if u.low.startswith("heyətləri") and units[a + 1].low in ("arasında", "arasındakı") and \
                    any(x.low.startswith("görüş") for x in units[a + 2:a + 6]):
                visitor = self.coref.delegation or self.coref.visitor
                if visitor and self.host and visitor != self.host:
                    self.rel(visitor, "met", self.host, "met.delegations", 0.75)
                    self._meeting(visitor, Unit("ent", 0, 0, 0, 0, "", "", key=self.host))

    def _parties(self) -> None:
        """"A və B imzalayıblar": the two parties; "tərəflər arasında görüş": they met."""
        units = self.units
        for a, u in enumerate(units):
            if u.kind == "word" and u.low.startswith(("imzalayıb", "imzalamışlar", "imzaladılar")):
                people = [x for x in units[:a] if is_arg(x, ("Person",)) and x.case == "nom"]
                if len(people) == 2 and any(x.text == "və" for x in units[units.index(people[0]):units.index(people[1])]):
                    self.pair = (people[0].key, people[1].key)
            if u.low == "tərəflər" and a + 1 < len(units) and units[a + 1].low in ("arasında", "arasındakı") and \
                    any(x.low.startswith("görüş") for x in units[a + 2:a + 8]):
                pair = self.pair or self.meeting_pair
                if pair and pair[0] != pair[1]:
                    self.rel(pair[0], "met", pair[1], "met.parties", 0.7)

    def _is_host(self, u: Unit) -> bool:
        """"Tokayevin dəvəti ilə": the one who invites hosts, he does not travel."""
        at = self.units.index(u)
        return at + 1 < len(self.units) and self.units[at + 1].low.startswith("dəvət")

    def _implied_subject(self) -> str | None:
        return self.coref.last_subject or self.protagonist

    def _meeting(self, a: Unit | str, b: Unit) -> None:
        ak = a.key if isinstance(a, Unit) else a
        if self.meeting_pair is None:
            self.meeting_pair = (ak, b.key)

    def _meeting_held(self) -> None:
        """"A və B (Cenevrədə) (zirvə) görüş(ü) keçiriblər": the coordinated
        subjects met, and took part in the meeting when it is a named event."""
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word" or not u.low.startswith("keçirib") or not u.low.endswith(("lər", "lar")) or a == 0:
                continue
            meeting = units[a - 1]
            is_event = meeting.kind == "ent" and meeting.etype == "Event"
            if not (is_event and "görüş" in meeting.low or meeting.kind == "word" and meeting.low.startswith("görüş")):
                continue
            first = self._subject(a, ("Person",))
            if first is None:
                continue
            at = units.index(first)
            people = [first] + [x for x in units[at + 1:a] if is_arg(x, ("Person",)) and x.case == "nom"]
            if len(people) < 2 or not any(x.low == "və" for x in units[at:a]):
                continue
            for other in people[1:]:
                self.rel(people[0], "met", other, "met.held_meeting", 0.8)
            if is_event:
                for person in people:
                    self.rel(person, "participatedIn", meeting, "participatedIn.held_meeting", 0.75)
        self._meeting_with()

    def _meeting_with(self) -> None:
        """"A B ilə (…) görüş keçirib": A met B; "(Baş Prokurorluqda) B ilə görüş
        keçirilib": B met someone the next sentence names — "Görüşdə Baş
        prokuror A ..." — so the meeting waits for its host."""
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word" or not u.low.startswith("keçir") or a == 0:
                continue
            if not units[a - 1].low.startswith("görüş"):
                continue
            partners = [x for x in units[:a - 1] if is_arg(x, ("Person", "Organization")) and x.case == "com"]
            if not partners:
                continue
            passive = u.low.startswith("keçiril")
            subject = None if passive else self._subject(units.index(partners[0]), ("Person", "Organization"))
            for partner in partners[-1:]:
                if subject is not None and subject.key != partner.key:
                    self.rel(subject, "met", partner, "met.held_with", 0.85)
                    self._meeting(subject, partner)
                elif passive:
                    self.waiting_partner = partner.key
        if self.waiting_partner and units and units[0].low.startswith("görüş") and units[0].kind == "word":
            host = self._subject(len(units), ("Person",))
            if host is not None and host.key != self.waiting_partner:
                self.rel(host, "met", self.waiting_partner, "met.host_named_after", 0.75)
                self.waiting_partner = None
