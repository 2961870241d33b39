"""Events: participatedIn ("A E-də iştirak edib", "E-də çıxış edən A", "C-ni
E-də A təmsil edib"), heldIn ("P-də keçirilən E", "P-də E keçirilib"),
organizedBy / cochairedBy / chairedBy ("A tərəfindən təşkil olunan E",
"A-nın təşkilatçılığı ilə"), partOf between events ("E1 çərçivəsində E2").
"""
from __future__ import annotations

from .base import AGENTS, is_arg


class EventRules:
    # -- participatedIn -------------------------------------------------------
    def _participated(self) -> None:
        units = self.units
        self._taking_part()
        for a, u in enumerate(units):
            if u.kind != "word":
                continue
            low = u.low
            nxt = units[a + 1].low if a + 1 < len(units) else ""
            if low not in ("iştirak", "çıxış", "təmsil", "qatılıb"):
                continue
            if low in ("iştirak", "çıxış", "təmsil") and not nxt.startswith(("ed", "et")):
                continue
            cases = ("loc", "gen", "dat") if low == "qatılıb" else ("loc", "gen")  # "Zirvə görüşünə ... qatılıb"
            events = [x for x in units[:a] if is_arg(x, ("Event",)) and x.case in cases]
            if not events:
                continue
            event = events[-1]
            at = units.index(event)
            coordinated = [x for x in units[:at] if is_arg(x, ("Event",)) and x.case == "nom"
                           and units.index(x) + 1 < at and units[units.index(x) + 1].low == "və"]
            participle = nxt in ("edən", "edənlər")
            purpose = nxt in ("etmək", "etmək")
            trip = purpose and any(x.low in ("edən", "gələn", "olan") for x in units[a + 2:a + 10])
            if participle:
                after = self._list_after(a + 2, AGENTS)
                after = after or [x for x in units[a + 2:a + 10] if is_arg(x, ("Person",))][:1]
                people = after
            elif trip:
                # "E-də iştirak etmək üçün X-ə səfər edən [titles] A": A takes part
                at = next(b for b in range(a + 2, min(len(units), a + 10)) if units[b].low in ("edən", "gələn", "olan"))
                people = [x for x in units[at + 1:at + 12] if is_arg(x, ("Person",))][:1]
            else:
                before = [x for x in units[units.index(event) + 1:a] if is_arg(x, AGENTS) and x.case == "nom"]
                if before:
                    people = before if units[a + 1].low.endswith(("lər", "lar")) else before[-1:]
                else:
                    subj = self._subject(units.index(event), AGENTS)
                    people = [subj] if subj else []
                    if subj is not None and units[a + 1].low.endswith(("lər", "lar")):
                        # "A və xanımı, X-in səfiri B sessiyada iştirak ediblər": every named subject
                        people = [x for x in units[units.index(subj):units.index(event)]
                                  if is_arg(x, ("Person",)) and x.case == "nom"] or people
                if purpose and not people:
                    after = [x for x in units[a + 2:a + 14] if is_arg(x, ("Person",))]
                    people = after[:1]
            rule = {"iştirak": "participatedIn.attend", "çıxış": "participatedIn.speak",
                    "təmsil": "participatedIn.represent"}.get(low, "participatedIn.attend")
            for p in people:
                for ev in [event] + coordinated:
                    self.rel(p, "participatedIn", ev, rule, 0.8)
            if low == "təmsil":
                # "Ölkəmizi tədbirdə X təmsil edib": the country takes part too
                for x in units[:a]:
                    if is_arg(x, ("Country",)) and x.case == "acc":
                        self.rel(x, "participatedIn", event, "participatedIn.represented", 0.8)
            if purpose:
                # "E-də iştirak etmək üçün X-ə səfər edən": the event is held there
                for b in range(a + 2, min(len(units), a + 10)):
                    if units[b].low.startswith("səfər"):
                        case = "loc" if units[b].low == "səfərdə" else "dat"
                        dests = [x for x in units[a + 2:b] if is_arg(x, ("Country", "Place")) and x.case == case]
                        dests = [d for d in dests if d.etype == "Place"][-1:] or dests[:1]
                        for d in dests:
                            for ev in [event] + coordinated:
                                if ev.ref != "event-ref":
                                    self.rel(ev, "heldIn", d, "heldIn.attend_trip", 0.6)
                        break
        # countries named in an event's name take part in it
        for u in units:
            inner = u.inner
            if u.kind == "ent" and u.etype == "Event" and inner:
                countries = [x for x in inner if x.etype == "Country"]
                if len(countries) >= 2:
                    for c in countries:
                        self.rel(c, "participatedIn", u, "participatedIn.named", 0.7)
                    if any(w.endswith(tuple(self.cues["joint_suffixes"])) for w in u.low.split()):
                        # "Türkiyə, Azərbaycan və Gürcüstan parlamentlərarası komissiyası": they cooperate
                        for i, c in enumerate(countries):
                            for d in countries[i + 1:]:
                                self.rel(c, "cooperatesWith", d, "cooperatesWith.joint_body", 0.7)

    def _taking_part(self) -> None:
        """"A-nın E-də iştirakı" and "E-də iştirakı çərçivəsində A ...": the
        nominal form of taking part; the participant is the genitive before
        it, else the subject of the sentence (which may follow)."""
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word" or u.low not in self.cues["participation_nouns"] or a == 0:
                continue
            event = units[a - 1]
            if not (is_arg(event, ("Event",)) and event.case in ("loc", "dat")):
                continue
            gen = [x for x in units[max(0, a - 2):a - 1] if is_arg(x, AGENTS) and x.case == "gen"]
            if gen:
                people = gen[-1:]
            else:
                subject = self._subject(len(units), AGENTS)
                frame = a + 1 < len(units) and units[a + 1].low in ("çərçivəsində", "zamanı")
                people = [subject] if frame and subject is not None else []
            for person in people:
                self.rel(person, "participatedIn", event, "participatedIn.nominal", 0.75)

    # -- heldIn ------------------------------------------------------------------
    def _held(self) -> None:
        units = self.units
        held = self.cues["held_verbs"]
        firsts = {h.split()[0] for h in held}
        for a, u in enumerate(units):
            if u.kind != "word" or u.low not in firsts:
                continue
            phrase = next((h for h in held if self._at(a, h)), None)
            if phrase is None:
                continue
            places = [x for x in units[max(0, a - 6):a] if is_arg(x, ("Place", "Country")) and x.case == "loc"]
            if not places:
                continue
            place = [p for p in places if p.etype == "Place"] or places
            place = place[-1]
            if any(units[k].low.startswith("səfər") for k in range(units.index(place), a)):
                continue
            last = phrase.split()[-1]
            end = a + len(phrase.split())
            participle = last.endswith(("ən", "an", "miş", "mış"))
            event = None
            if participle:
                after = [x for x in units[end:end + 8] if x.kind == "ent" and x.etype == "Event"]
                event = after[0] if after else None
            if event is None:
                before = [x for x in units[:a] if x.kind == "ent" and x.etype == "Event" and x.case in ("nom", "gen")]
                event = before[-1] if before else None
            if event is None:
                continue
            if event.ref == "event-ref" and event.case != "nom":
                continue
            self.rel(event, "heldIn", place, "heldIn.place_verb", 0.8)
            at = units.index(place)
            if place.etype == "Place" and at > 0 and is_arg(units[at - 1], ("Country",)) and units[at - 1].case == "gen":
                self.rel(event, "heldIn", units[at - 1], "heldIn.place_verb", 0.75)  # "İsveçrənin Bazel şəhərində"

    def _held_adjacent(self) -> None:
        units = self.units
        for u in units:
            for place in u.held_in if u.kind == "ent" and u.etype == "Event" else ():
                self.rel(u, "heldIn", place, "heldIn.clause", 0.8)
        for a, u in enumerate(units[:-1]):
            nxt = units[a + 1]
            if is_arg(u, ("Place",)) and u.case == "loc" and nxt.kind == "ent" and nxt.etype == "Event" \
                    and nxt.ref not in ("event-ref",) and nxt.key and nxt.case in ("nom", "gen", "loc", "acc"):
                self.rel(nxt, "heldIn", u, "heldIn.place_event", 0.7)

    # -- organizedBy / cochairedBy / chairedBy ---------------------------------
    def _organized(self) -> None:
        units = self.units
        self._organized_active()
        for a, u in enumerate(units):
            if u.low != "tərəfindən" and not (u.low.startswith(("təşkilatçılığ", "həmsədrliy", "sədrliy"))
                                            and a + 1 < len(units) and units[a + 1].low in ("ilə", "altında")):
                continue
            nxt = " ".join(x.low for x in units[a + 1:a + 3])
            if u.low == "tərəfindən":
                if nxt.startswith("təşkil"):
                    pred, rule = "organizedBy", "organizedBy.terefinden"
                elif nxt.startswith("həmsədrlik"):
                    pred, rule = "cochairedBy", "cochairedBy.terefinden"
                elif nxt.startswith("sədrlik"):
                    pred, rule = "chairedBy", "chairedBy.terefinden"
                elif any(x.low == "birgə" for x in units[a + 1:a + 12]):
                    pred, rule = "organizedBy", "organizedBy.birge"
                else:
                    continue
                agents = self._list_before(a, AGENTS)
            else:
                pred = {"təşkilatçılığ": "organizedBy", "həmsədrliy": "cochairedBy", "sədrliy": "chairedBy"}[
                    next(k for k in ("təşkilatçılığ", "həmsədrliy", "sədrliy") if u.low.startswith(k))]
                rule = f"{pred}.genitive"
                agents = [x for x in units[max(0, a - 3):a] if is_arg(x, AGENTS) and x.case == "gen"][-1:]
                if agents:
                    agents = self._list_before(units.index(agents[-1]) + 1, AGENTS) or agents
            # "A tərəfindən B ilə birgə": B organises too
            for b in range(a + 1, min(len(units), a + 12)):
                if units[b].low == "birgə" and b >= 2 and units[b - 1].low == "ilə":
                    c = b - 2
                    if units[c].text == ")":  # "EPAC/EACN (...) ilə birgə"
                        while c > a and units[c].text != "(":
                            c -= 1
                        c -= 1
                    if c > a and is_arg(units[c], AGENTS):
                        agents.append(units[c])
                    break
            event = None
            for x in units[a + 1:a + 40]:
                if x.kind == "ent" and x.etype == "Event":
                    event = x
                    break
            if event is None:
                before = [x for x in units[:a] if x.kind == "ent" and x.etype == "Event" and x.case == "nom"]
                event = before[-1] if before else None
            if event is None:
                continue
            for ag in agents:
                self.rel(event, pred, ag, rule, 0.85)

    def _organized_active(self) -> None:
        """"E-ni A və B (birgə) təşkil edib", "A E-ni təşkil edib": the subjects organised
        the event in the accusative (or the story's event, referred to)."""
        units = self.units
        verbs = tuple(self.cues["organize_verbs"])
        for a, u in enumerate(units[1:], 1):
            if u.low in ("həmsədrlik", "sədrlik") and a + 1 < len(units) and units[a + 1].low.startswith(verbs):
                # "İclasa A və B həmsədrlik ediblər": the event in the dative or locative
                pred = "cochairedBy" if u.low == "həmsədrlik" else "chairedBy"
                events = [x for x in units[:a] if is_arg(x, ("Event",)) and x.case in ("dat", "loc")]
                agents = [x for x in units[:a] if is_arg(x, AGENTS) and x.case == "nom"]
                for event in events[-1:]:
                    for agent in agents:
                        self.rel(event, pred, agent, f"{pred}.active", 0.8)
                continue
            if u.low not in ("təşkil", "təşkilatçısı") or a + 1 >= len(units) or not units[a + 1].low.startswith(verbs):
                continue
            events = [x for x in units[:a] if is_arg(x, ("Event",)) and x.case in ("acc", "nom")]  # "Konfransı": acc or poss
            agents = [x for x in units[:a] if is_arg(x, ("Person", "Organization", "Country")) and x.case == "nom"]
            for event in events[-1:]:
                for agent in agents:
                    self.rel(event, "organizedBy", agent, "organizedBy.active", 0.8)

    # -- partOf between events ------------------------------------------------------
    def _frames(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.low == "çərçivəsində" and a > 0:
                frame = units[a - 1]
                if not (frame.kind == "ent" and frame.etype == "Event"):
                    continue
                for x in units[a + 1:a + 40]:
                    if x.kind == "ent" and x.etype == "Event" and x.key != frame.key and x.ref != "event-ref":
                        self.rel(x, "partOf", frame, "partOf.frame", 0.8)
                        break
            if u.low in ("hissəsi", "hissəsidir") and a >= 2 and units[a - 1].low == "ayrılmaz":
                frames = [x for x in units[max(0, a - 4):a] if x.kind == "ent" and x.etype == "Event"]
                parts = [x for x in units[:a] if x.kind == "ent" and x.etype == "Event" and x.case in ("nom", "acc")]
                if frames and parts and parts[0].key != frames[-1].key:
                    self.rel(parts[0], "partOf", frames[-1], "partOf.integral", 0.75)

