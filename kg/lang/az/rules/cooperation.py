"""cooperatesWith: "A ilə B arasında əməkdaşlıq", "A-B münasibətləri", "A-nın B
ilə əlaqələri", "ölkələrimiz arasında", "qurumlararası əməkdaşlıq".
"""
from __future__ import annotations

from ....extract.units import Unit
from ..morph import analyse
from .base import BODIES, is_arg, starts_with_cue


class CooperationRules:
    # -- cooperatesWith ----------------------------------------------------------------
    def _cooperation(self) -> None:
        units = self.units
        nouns = self.cues["cooperation_nouns"]
        coop_at = [a for a, u in enumerate(units) if u.kind == "word" and starts_with_cue(u.low, nouns)
                   and u.low not in self.cues["not_cooperation"]]  # "ilə əlaqədar": in connection with
        if not coop_at:
            return
        # "A ilə B arasında ... əməkdaşlıq", "A və B arasında"
        for a, u in enumerate(units):
            conflict = any(x.low.startswith(tuple(self.cues["conflict_nouns"])) for x in units[a + 1:a + 4])
            if u.low in ("arasında", "arasındakı") and not conflict and \
                    any(0 < c - a <= 14 or (-4 <= c - a < 0) for c in coop_at):
                pair = self._between_args(a, BODIES + ("Person",))
                pair = [self._body(x) for x in pair]
                pair = [x for x in pair if x is not None]
                if len(pair) == 1 and pair[0].plural:
                    pair = list(pair[0].plural)
                if any(x.ref == "pair" for x in units[max(0, a - 5):a]):
                    self._pair_cooperation("cooperatesWith.our_countries")
                for i, x in enumerate(pair):
                    for y in pair[i + 1:]:
                        self.rel(x, "cooperatesWith", y, "cooperatesWith.between", 0.85)
        # "Azərbaycan-ABŞ ikitərəfli münasibətləri"
        for a, u in enumerate(units):
            if u.kind == "word" and "-" in u.text and u.text[:1].isupper() and any(0 < c - a <= 3 for c in coop_at):
                keys = self._compound(u.text)
                for i, x in enumerate(keys):
                    for y in keys[i + 1:]:
                        self.rel(x, "cooperatesWith", y, "cooperatesWith.compound", 0.8)
        # "A-nın B ilə (ikitərəfli) münasibətləri/əlaqələri"
        for c in coop_at:
            b = c - 1
            while b >= 0 and units[b].kind == "word" and units[b].low in (
                    "ikitərəfli", "qarşılıqlı", "səmərəli", "sıx", "dostluq", "strateji", "faydalı", "işgüzar",
                    "qardaşlıq", "mehriban", "çoxtərəfli", "hərtərəfli", "uzunmüddətli", "yaxın", "daha", "da"):
                b -= 1
            if b >= 1 and units[b].low == "ilə" or (b >= 0 and units[b].kind == "ent" and units[b].case == "com"):
                partner = units[b - 1] if units[b].low == "ilə" else units[b]
                if partner.kind == "ent" and partner.etype in BODIES and partner.key:
                    first = [x for x in units[:units.index(partner)] if is_arg(x, BODIES) and x.case in ("gen", "nom")
                             and x.key != partner.key]
                    if first:
                        self.rel(first[-1] if first[-1].case == "gen" else first[0], "cooperatesWith", partner,
                                 "cooperatesWith.with", 0.75)
        # "A B ilə (... sahəsində) əməkdaşlıq edəcək/edir": the subject cooperates with the partner
        for c in coop_at:
            if c + 1 < len(units) and units[c + 1].low.startswith(("edəcək", "edir", "edib", "edəcəklər", "edirlər")):
                partners = [x for x in units[:c] if is_arg(x, BODIES) and x.case == "com"]
                subject = self._subject(c, BODIES)
                for partner in partners[-1:]:
                    if subject is not None and subject.key != partner.key:
                        self.rel(subject, "cooperatesWith", partner, "cooperatesWith.verb", 0.75)
        # "ölkələrimiz arasında", "iki ölkə arasında"
        for a, u in enumerate(units):
            if u.ref == "pair" and any(0 < c - a <= 8 for c in coop_at):
                self._pair_cooperation("cooperatesWith.our_countries")
        # "qurumlararası əməkdaşlıq", "iki şirkət arasında": the bodies of the two met parties
        low_text = " ".join(self.words)
        if any(cue in low_text for cue in self.cues["interagency"]) and self.meeting_pair:
            a_body = self._headed_body(self.meeting_pair[0])
            b_body = self._headed_body(self.meeting_pair[1])
            if a_body and b_body:
                self.rel(a_body, "cooperatesWith", b_body, "cooperatesWith.interagency", 0.7)
        # "bu (mühüm) təşkilatlarla əməkdaşlıq": the organisations named before in the sentence
        for a, u in enumerate(units):
            if u.low == "bu" and a + 2 < len(units):
                nxt = [x.low for x in units[a + 1:a + 3]]
                if any(w.startswith(("təşkilatlar", "qurumlar")) for w in nxt) and any(0 < c - a <= 4 for c in coop_at):
                    holder = [x for x in units[:a] if is_arg(x, ("Country",)) and x.case == "gen"]
                    orgs = [x for x in units[:a] if is_arg(x, ("Organization",)) and x.case == "gen"]
                    if holder:
                        for o in orgs:
                            self.rel(holder[-1], "cooperatesWith", o, "cooperatesWith.these_orgs", 0.6)
        # a meeting sentence that discusses cooperation: the bodies the two heads lead
        if any(u.low.startswith("görüş") for u in units) and self.meeting_pair and any(
                units[c].low.startswith("əməkdaşlığ") for c in coop_at):
            a_body = self._headed_body(self.meeting_pair[0], orgs_only=True)
            b_body = self._headed_body(self.meeting_pair[1], orgs_only=True)
            if a_body and b_body and a_body != b_body:
                self.rel(a_body, "cooperatesWith", b_body, "cooperatesWith.meeting", 0.55)

    def _pair_cooperation(self, rule: str) -> None:
        home = self.st.home
        foreign = self.coref.foreign_countries()
        if home and foreign:
            self.rel(home, "cooperatesWith", foreign[0], rule, 0.7)

    def _body(self, u: Unit) -> Unit | None:
        if u.etype in BODIES:
            return u
        return None

    def _headed_body(self, person: str, orgs_only: bool = False) -> str | None:
        for r in self.st.relations:
            if r.subject == person and r.predicate == "heads":
                if orgs_only and self.st.etype(r.object) != "Organization":
                    continue
                return r.object
        return None

    def _compound(self, word: str) -> list[str]:
        """The bodies and countries of a hyphenated compound: "Azərbaycan-ABŞ" -> both."""
        keys = []
        for part in word.split("-"):
            entry = self.st.gaz.find(part, "Country") or self.st.gaz.find(part, "Organization")
            if entry is None:
                entry = next((e for r in analyse(part) if (e := self.st.gaz.find(r.lemma, "Country"))), None)
            if entry is not None:
                keys.append(self.st.from_entry(entry))
        return keys if len(keys) == len(word.split("-")) else []

    def _named_partners(self) -> None:
        """"Azərbaycan-Macarıstan Strateji Tərəfdaşlıq Şurası", "Azərbaycan-İordaniya
        Hökumətlərarası Komissiyasının iclası": a body or meeting named after two
        countries is their cooperation."""
        for u in self.units:
            if u.kind != "ent" or u.etype not in ("Event", "Organization") or u.ref == "event-ref":
                continue
            for word in u.text.split()[:2]:
                if "-" in word and word[:1].isupper():
                    keys = [k for k in self._compound(word.rstrip(",;")) if self.st.etype(k) == "Country"]
                    for i, x in enumerate(keys if len(keys) >= 2 else []):
                        for y in keys[i + 1:]:
                            self.rel(x, "cooperatesWith", y, "cooperatesWith.named_pair", 0.75)
