"""Reference inside a document: words that point back to what was named.

"ölkəmiz" (our country) is the home country of the outlet; "ölkələrimiz",
"iki ölkə" the two countries of the story; "bu ölkə" the last foreign
country; "qonaq" the visitor; "(qazaxıstanlı) həmkarı" the counterpart;
"O," the last subject; a title alone ("Nazir", "Baş prokuror", "Portuqaliya
Prezidenti") the person introduced with it; a bare surname the full name;
"tədbir", "iclas", "vebinar" the event of the story; "Komitə" the last
committee named. Each resolved word becomes an entity unit with
``ref`` naming the rule.
"""
from __future__ import annotations

from ...extract.state import DocState
from ...extract.units import Sent, Unit
from ...normalize import lookup_key, lower
from .morph import analyse
from .ner.forms import head_reading, is_rank, strip_case


class Coreference:
    def __init__(self, state: DocState):
        self.st = state
        nouns = state.lex.nouns
        self.home_refs = set(nouns["home_refs"])
        self.pair_refs = [tuple(p.split()) for p in nouns["pair_refs"]]
        self.this_country = [tuple(p.split()) for p in nouns["this_country"]]
        self.guest_refs = set(nouns["guest_refs"])
        self.colleague_refs = set(nouns["colleague_refs"])
        self.event_refs = set(nouns["event_refs"])
        self.org_heads = set(nouns["org_heads"])
        self._first_words = {p[0] for p in self.pair_refs + self.this_country}
        self.last_subject: str | None = None
        self.visitor: str | None = None
        self.last_foreign: str | None = None
        self.events: list[str] = []  # named events, most recent last
        self.orgs: list[str] = []

    # -- bookkeeping the relation rules call -------------------------------------
    def note_units(self, units: list[Unit]) -> None:
        for u in units:
            if u.kind != "ent" or u.key is None:
                continue
            if u.etype == "Country" and u.key != self.st.home:
                self.last_foreign = u.key
            elif u.etype == "Event" and u.ref not in ("event-ref",):
                if u.key in self.events:
                    self.events.remove(u.key)
                self.events.append(u.key)
            elif u.etype == "Organization" and u.ref not in ("org-ref",):
                if u.key in self.orgs:
                    self.orgs.remove(u.key)
                self.orgs.append(u.key)

    def foreign_countries(self) -> list[str]:
        counts = {}
        for m in self.st.mentions:
            if self.st.etype(m.entity) == "Country" and m.entity != self.st.home:
                counts[m.entity] = counts.get(m.entity, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])

    # -- resolution --------------------------------------------------------------
    def resolve(self, sent: Sent, units: list[Unit]) -> list[Unit]:
        out: list[Unit] = []
        a = 0
        while a < len(units):
            u = units[a]
            if u.kind == "ent" and u.etype == "Country" and u.key and u.key != self.st.home:
                self.last_foreign = u.key  # "Gürcüstanın ... dəvəti ilə bu ölkədə"
            if u.kind == "ent" and u.etype == "Organization" and u.key and u.ref != "org-ref":
                if u.key in self.orgs:
                    self.orgs.remove(u.key)
                self.orgs.append(u.key)  # "... işçi qrupunun rəhbəri ... işçi qrupun üzvləri"
            if u.kind == "word":
                phrase = self._phrase(units, a)
                if phrase is not None:
                    unit, used = phrase
                    out.append(unit)
                    a += used
                    continue
                self._word(sent, u, units, a)
            elif u.kind == "title":
                self._title_alone(units, a)
            out.append(u)
            a += 1
        return out

    def _merge(self, units: list[Unit], a: int, n: int, key: str | None, etype: str, ref: str, case: str) -> Unit:
        first, last = units[a], units[a + n - 1]
        text = first.text if n == 1 else None
        u = Unit("ent", first.i, last.j, first.start, last.end, text or "", "", case=case, key=key, etype=etype, ref=ref)
        if text is None:
            u.text = " ".join(x.text for x in units[a:a + n])
        u.low = lower(u.text)
        return u

    def _phrase(self, units: list[Unit], a: int):
        """Multi-word references: "iki ölkə arasında", "bu ölkənin"."""
        if units[a].low not in self._first_words:
            return None
        for phrase in self.pair_refs + self.this_country:
            n = len(phrase)
            words = units[a:a + n]
            if len(words) < n or any(w.kind != "word" for w in words):
                continue
            if tuple(w.low for w in words[:-1]) != phrase[:-1]:
                continue
            last = words[-1]
            lemmas = {r.lemma for r in analyse(last.text)}
            if phrase[-1] not in lemmas:
                continue
            case = next((r.case for r in analyse(last.text) if r.lemma == phrase[-1]), "nom")
            case = case.replace("poss+", "")
            if phrase in self.pair_refs:
                return self._merge(units, a, n, None, "Country", "pair", case), n
            if self.last_foreign:
                return self._merge(units, a, n, self.last_foreign, "Country", "this-country", case), n
        return None

    def _word(self, sent: Sent, u: Unit, units: list[Unit], a: int) -> None:
        st = self.st
        readings = analyse(u.text)
        low = u.low
        # ölkəmiz, ölkəmizə, ölkəmizin
        for ref in self.home_refs:
            if low.startswith(ref) and st.home:
                case = next((r.case for r in analyse("x" + low[len(ref):] if low != ref else "x")
                             if r.lemma == "x"), "nom") if low != ref else "nom"
                if low[len(ref):] in ("", "in", "ə", "i", "də", "dən", "lə", "dəki"):
                    self._become(u, st.home, "Country", "home", {"": "nom", "in": "gen", "ə": "dat", "i": "acc",
                                                                 "də": "loc", "dən": "abl", "lə": "com",
                                                                 "dəki": "locadj"}[low[len(ref):]])
                    st.home_used = True
                    return
        if low in ("ölkələrimiz", "ölkələrimizin", "ölkələrimiz", "dövlətlərimiz", "dövlətlərimizin"):
            self._become(u, None, "Country", "pair", "gen" if low.endswith("in") else "nom")
            return
        if low == "nümayəndə" and a + 1 < len(units) and units[a + 1].low.startswith("heyət") and self.delegation:
            case = next((r.case for r in analyse(units[a + 1].text) if r.lemma.startswith("heyət")), "nom")
            self._become(u, self.delegation, "Person", "delegation", _plain(case))
            return
        for r in readings:
            if r.lemma in self.guest_refs and r.lemma == "qonaq" or r.lemma in self.colleague_refs:
                case = _plain(r.case)
                if r.lemma in self.colleague_refs:
                    key = self._colleague(units, a)
                    if key:
                        self._become(u, key, "Person", "colleague", case)
                elif self.visitor or self.delegation or self.last_object:
                    self._become(u, self.visitor or self.delegation or self.last_object, "Person", "guest", case)
                return
        # "O," / "O " at the start: the last subject
        if u.text == "O" and a == 0 and self.last_subject:
            self._become(u, self.last_subject, "Person", "pronoun", "nom")
            return
        if low in ("onun",) and self.last_object:
            self._become(u, self.last_object, "Person", "pronoun", "gen")
            return
        # a bare surname of a person introduced before: "Ərdoğan deyib"
        if u.text[:1].isupper():
            base, case = strip_case(u.text)
            for r in readings:
                cands = [p for p in st.persons.values() if lookup_key(p.surname) == lookup_key(r.lemma)]
                if len(cands) == 1:
                    self._become(u, cands[0].key, "Person", "surname", _plain(r.case))
                    return
        # generic event nouns: "tədbirdə", "iclasda", "Vebinarın"
        nxt_event = a > 0 and units[a - 1].low in ("növbəti", "gələcək", "sonrakı", "əvvəlki", "ötən", "keçən") or (
            a > 0 and units[a - 1].kind == "ent" and units[a - 1].etype in ("Organization", "Country")
            and units[a - 1].case == "gen")  # "X-in iclasında": that body's own meeting, not the story's event
        for r in readings:
            if nxt_event:
                break  # "komissiyanın növbəti toplantısı": another event
            if r.lemma in self.event_refs and self.events and r.case in ("loc", "gen", "nom", "dat", "poss+gen", "poss+loc", "poss+dat", "poss"):
                key = self._event_like(r.lemma)
                if key:
                    self._become(u, key, "Event", "event-ref", _plain(r.case))
                    return
        # "Komitə sədri", "Komissiyanın həmsədrləri", "təşkilata üzv"
        head = head_reading(u.text, self.org_heads) if u.text[:1].isupper() else None
        if head is None and a > 0 and units[a - 1].low == "işçi":
            head = head_reading(u.text, {"qrup"})  # "işçi qrupun üzvləri": the working group named before
        if head is not None and self.orgs:
            lemma = next((r.lemma for r in readings if r.lemma in self.org_heads | {"qrup"}), None)
            for key in reversed(self.orgs):
                name = lookup_key(st.entities[key].name)
                if lemma and (lemma in name.split() or any(w.startswith(lemma[:-1]) for w in name.split()[-1:])):
                    self._become(u, key, "Organization", "org-ref", head[1])
                    return

    last_object: str | None = None
    delegation: str | None = None

    def _event_like(self, lemma: str) -> str | None:
        """The story's event a generic noun points to: one whose name has that
        noun, else the event mentioned most often (ties: the latest)."""
        counts = self.st.mention_count
        named = [k for k in self.events if lookup_key(lemma) in lookup_key(self.st.entities[k].name)]
        pool = named or (self.events if lemma in ("tədbir", "iclas", "vebinar", "seminar", "sammit", "forum",
                                                   "konfrans", "sessiya", "toplantı") else [])
        if not pool:
            return None
        order = {k: i for i, k in enumerate(self.events)}
        return max(pool, key=lambda k: (counts.get(k, 0), order[k]))

    def _colleague(self, units: list[Unit], a: int) -> str | None:
        st = self.st
        country = None
        if a > 0 and units[a - 1].kind == "word":
            for entry in [st.gaz.by_adjective.get(units[a - 1].low)]:
                if entry is not None:
                    country = st.from_entry(entry)
        if country:
            from_country = [p for p in st.persons.values() if p.country == country]
            if from_country:
                return from_country[-1].key
        candidates = [p for p in st.persons.values() if p.key != self.last_subject]
        if self.visitor and self.visitor != self.last_subject:
            return self.visitor
        return candidates[-1].key if candidates else None

    def _title_alone(self, units: list[Unit], a: int) -> None:
        """A title with no name after it: the person introduced with that title."""
        u = units[a]
        b = a + 1
        while b < len(units) and (units[b].text == "," or units[b].kind == "title"
                                  or units[b].kind == "word" and is_rank(self.st.lex, units[b].text)):
            b += 1
        nxt = units[b] if b < len(units) else None
        if nxt is not None and nxt.kind == "ent" and nxt.etype == "Person":
            return  # "daxili işlər naziri, general-polkovnik Vilayət Eyvazov": the name follows
        owner = units[a - 1].key if a > 0 and units[a - 1].kind == "ent" and units[a - 1].etype in (
            "Country", "Organization") and units[a - 1].case in ("nom", "gen") else None
        words = u.title.words if u.title else ()
        found = []
        st = self.st
        for p in st.persons.values():
            for role_words, role_owner in p.roles:
                if role_words[-1:] != words[-1:]:
                    continue
                if owner is not None and role_owner != owner:
                    continue
                if owner is None and len(words) > 1 and role_words != words:
                    continue
                found.append((p, role_owner))
        if owner is None and len({p.key for p, _ in found}) > 1:
            # "Baş prokuror" alone in a home outlet: the home country's holder
            home = [(p, o) for p, o in found if o == st.home or st.country_of.get(o or "") == st.home]
            found = home or found
        best = found[-1][0] if found else None
        if best is not None:
            u.kind, u.key, u.etype, u.ref = "ent", best.key, "Person", "title"
            if owner is not None:
                units[a - 1].ref = (units[a - 1].ref or "") + "+owner"

    def _become(self, u: Unit, key: str | None, etype: str, ref: str, case: str) -> None:
        u.kind, u.key, u.etype, u.ref, u.case = "ent", key, etype, ref, case


def _plain(case: str) -> str:
    for prefix in ("poss+", "pl+"):
        if case.startswith(prefix):
            return case[len(prefix):]
    return "nom" if case in ("poss", "pl") else case
