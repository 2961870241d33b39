"""Reference inside an English article: words that point back to what was named.

"our country" is the outlet's country; "the country" the last foreign
country named; "the two countries", "both countries" the two countries of
the story; "he", "she", "his" the last subject; "his counterpart" the other
party of the story; "the guest" the visitor; a title alone ("the minister",
"the Georgian Prosecutor General", "the prime minister of Azerbaijan") the
person introduced with it; "the forum", "the meeting" the story's event;
"the commission" the body named before; an abbreviation given in
parentheses earlier ("IAP"). Each resolved span becomes an entity unit whose
``ref`` names the rule.
"""
from __future__ import annotations

from ...extract.state import DocState
from ...extract.units import Unit
from ...normalize import lookup_key
from .lexicon import Lexicon


class References:
    def __init__(self, state: DocState, lex: Lexicon):
        self.st, self.lex = state, lex
        self.home_refs = lex.phrases("home_refs")
        self.pair_refs = lex.phrases("pair_refs")
        self.this_country = lex.phrases("this_country")
        self.guest = lex.words("guest_refs")
        self.counterpart = lex.words("counterpart_refs")
        self.pronouns = lex.words("pronouns")
        self.event_refs = lex.words("event_refs")
        self.org_heads = lex.words("org_heads")
        self.last_subject: str | None = None
        self.protagonist: str | None = None
        self.visitor: str | None = None
        self.delegation: str | None = None
        self.last_met: str | None = None
        self.last_foreign: str | None = None
        self.events: list[str] = []
        self.orgs: list[str] = []

    def note(self, units: list[Unit]) -> None:
        for u in units:
            if u.kind not in ("ent", "adj") or u.key is None:
                continue
            if u.etype == "Country" and u.key != self.st.home:
                self.last_foreign = u.key
            elif u.etype == "Event" and u.kind == "ent" and u.ref != "event-ref":
                self.events = [k for k in self.events if k != u.key] + [u.key]
            elif u.etype == "Organization" and u.ref != "org-ref":
                self.orgs = [k for k in self.orgs if k != u.key] + [u.key]

    def pair(self) -> tuple[str, str] | None:
        """The two countries of the story: the home country and the foreign one named most."""
        counts: dict[str, int] = {}
        for m in self.st.mentions:
            if self.st.etype(m.entity) == "Country":
                counts[m.entity] = counts.get(m.entity, 0) + 1
        ranked = sorted(counts, key=lambda k: (-(k == self.st.home), -counts[k]))
        return (ranked[0], ranked[1]) if len(ranked) >= 2 else None

    # ------------------------------------------------------------------
    def resolve(self, units: list[Unit]) -> list[Unit]:
        out: list[Unit] = []
        self.here = None  # the last person named in this sentence ("... during his presidency")
        a = 0
        while a < len(units):
            u = units[a]
            if u.kind == "ent" and u.etype == "Person" and self.here is None:
                self.here = u.key
            if u.kind == "word":
                got = self._phrase(units, a) or self._word(units, a)
                if got is not None:
                    unit, used = got
                    out.append(unit)
                    a += used
                    continue
            out.append(u)
            a += 1
        return out

    def _merge(self, units, a: int, n: int, key, etype: str, ref: str) -> Unit:
        first, last = units[a], units[a + n - 1]
        text = " ".join(x.text for x in units[a:a + n])
        return Unit("ent", first.i, last.j, first.start, last.end, text, text.lower(), key=key, etype=etype, ref=ref)

    def _match(self, units, a: int, phrases) -> int:
        for ph in phrases:
            words = units[a:a + len(ph)]
            if len(words) == len(ph) and all(w.kind in ("word", "punct") and w.low == p for w, p in zip(words, ph)):
                return len(ph)
        return 0

    def _phrase(self, units, a: int):
        n = self._match(units, a, self.home_refs)
        if n and self.st.home:
            return self._merge(units, a, n, self.st.home, "Country", "home"), n
        n = self._match(units, a, self.pair_refs)
        if n:
            return self._merge(units, a, n, None, "Country", "pair"), n
        n = self._match(units, a, self.this_country)
        if n and (self.last_foreign or self.st.home):
            return self._merge(units, a, n, self.last_foreign or self.st.home, "Country", "this-country"), n
        return None

    def _word(self, units, a: int):
        u, low = units[a], units[a].low
        prev = units[a - 1].low if a > 0 else ""
        nxt = units[a + 1] if a + 1 < len(units) else None
        if low in ("his", "her") and self.here:
            return self._merge(units, a, 1, self.here, "Person", "pronoun"), 1
        if low in self.pronouns and self.last_subject and (a == 0 or low in ("his", "her") or
                                                           units[a - 1].kind == "punct" or prev in ("and", "that")):
            return self._merge(units, a, 1, self.last_subject, "Person", "pronoun"), 1
        if low in self.counterpart and prev in ("his", "her", "their") or low in self.counterpart and a > 1 and \
                units[a - 1].kind == "adj" and units[a - 2].low in ("his", "her"):
            key = self._counterpart(units[a - 1].key if units[a - 1].kind == "adj" else None)
            if key:
                return self._merge(units, a, 1, key, "Person", "counterpart"), 1
        if low in self.guest and prev in ("the", "our", "distinguished", "high-ranking"):
            key = self.visitor or self.last_met
            if key:
                return self._merge(units, a, 1, key, "Person", "guest"), 1
        if low in ("delegation", "delegation's") and prev in ("the", "this") and self.delegation:
            return self._merge(units, a, 1, self.delegation, "Person", "delegation"), 1
        det = prev in ("the", "this", "that") or a >= 3 and units[a - 2].text == "-" and units[a - 4 if a >= 4 else 0].low \
            in ("the", "this")  # "the three-day forum"
        if low in self.event_refs and det and not (nxt and nxt.low == "of" and low in (
                "meeting", "session")) and self.events:
            key = self._event(low)
            if key:
                return self._merge(units, a, 1, key, "Event", "event-ref"), 1
        if low in self.org_heads and prev in ("the", "this") and self.orgs:
            for key in reversed(self.orgs):
                if low in lookup_key(self.st.entities[key].name).split():
                    return self._merge(units, a, 1, key, "Organization", "org-ref"), 1
        if u.text.isupper() and lookup_key(u.text) in self.st.abbreviations:
            key = self.st.abbreviations[lookup_key(u.text)]
            return self._merge(units, a, 1, key, self.st.etype(key) or "Organization", "abbreviation"), 1
        return None

    def _event(self, noun: str) -> str | None:
        named = [k for k in self.events if noun in lookup_key(self.st.entities[k].name).split()]
        if named:
            return named[-1]
        if noun in ("event", "forum", "summit", "conference", "congress", "session", "meeting"):
            counts = self.st.mention_count
            return max(self.events, key=lambda k: (counts.get(k, 0), self.events.index(k)))
        return None

    def _counterpart(self, country: str | None = None) -> str | None:
        subject = self.here or self.last_subject
        if country is not None:  # "his Uzbek counterpart"
            same = [p.key for p in self.st.persons.values() if p.country == country and p.key != subject]
            return same[-1] if same else None
        if self.last_met and self.last_met != subject:
            return self.last_met
        others = [k for k in self.st.persons if k != subject and self.st.mention_count.get(k)]
        return others[-1] if len(others) == 1 else None
