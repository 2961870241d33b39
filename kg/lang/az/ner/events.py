"""Events composed from head nouns: "...Forumu", "...iclası", "BMT Baş Assambleyasının 74-cü sessiyası"."""
from __future__ import annotations

import regex

from ....extract.units import Sent, Unit
from ....normalize import lower
from ..morph import analyse, inflect
from .forms import (
    capitalize_like,
    genitive_chain,
    has_case,
    head_reading,
    is_ordinal,
    join_words,
    last_vowel_ok,
)


class EventMixin:
    # -- composed events ---------------------------------------------------
    def _events(self, sent: Sent, units: list[Unit]) -> list[Unit]:
        out = list(units)
        a = 0
        while a < len(out):
            u = out[a]
            head = head_reading(u.text, self.event_heads, plural=True) if u.kind == "word" else None
            nxt = out[a + 1] if a + 1 < len(out) else None
            if head is not None and nxt is not None and nxt.kind == "word" and \
                    head_reading(nxt.text, self.event_heads, plural=True) is not None:
                head = None  # "Zirvə toplantısı": the first noun only modifies the head that follows
            if head is None:
                a += 1
                continue
            summit = self._summit(sent, out, a, head)
            if summit is not None:
                out[summit[0]:a + 1] = [summit[1]]
                a = summit[0] + 1
                continue
            first_index, owner_at = self._event_left(out, a)
            own = [x for x in out[first_index:a] if x.kind == "word"]
            owner = out[owner_at] if owner_at is not None else None
            start = owner_at if owner_at is not None else first_index
            # lists of countries as owner: "Türkiyə, Azərbaycan və Gürcüstan parlamentlərarası komissiyasının"
            if owner is None and not any(w.text[:1].isupper() for w in own):
                a += 1
                continue
            if owner is None and head[0] in self.weak_event_heads:
                a += 1
                continue
            if owner is not None and owner.case == "dat" and not any(w.low == "üzv" for w in out[start:a]):
                a += 1
                continue
            first = out[first_index] if first_index < a else u
            # extend over a coordinated list of countries before the owner
            if owner is not None and first_index == owner_at:
                while first_index >= 2 and out[first_index - 1].text in (",", "və") and \
                        out[first_index - 2].kind == "ent" and out[first_index - 2].etype == "Country":
                    first_index -= 2
                first = out[first_index]
            skip = self._clause if self._clause and self._clause[0] > first_index else None
            text = self._name_text(sent, out, first_index, a, skip)
            head_text = capitalize_like(u.text, head[0])
            full = join_words([text, head_text]).strip()
            plain = regex.sub(r"\s*\([^()]{1,12}\)", "", full)
            plain = regex.sub(r"\b(?:növbəti|ilk)\s+", "", plain)  # "the next/first meeting of X" is X's meeting
            aliases = [full] if full != plain else []
            if owner is not None and owner.key and first is owner:
                rest = self._name_text(sent, out, start + 1, a, skip)
                rest = regex.sub(r"^\s*\([^()]{1,12}\)\s*", "", rest)
                rest = regex.sub(r"\bnövbəti\s+", "", join_words([rest, head_text]).strip())
                for n in self.st.entities[owner.key].all_labels():
                    if len(n) <= 60 and not n.isascii() or n.isupper():
                        aliases.append(f"{n} {rest}")
                        last = n.split()[-1]
                        gen = inflect(last).get("gen") if last_vowel_ok(last) else None
                        if gen:
                            aliases.append(f"{' '.join(n.split()[:-1] + [capitalize_like(last, gen)])} {rest}")
            key = self.st.entity("Event", plain, aliases)
            unit = self._span_unit(sent, first, u, "ent", key=key, etype="Event", case=head[1], ref="composed")
            unit.owner = owner.key if owner is not None else None
            unit.inner = [x for x in out[first_index:a] if x.kind == "ent"]
            if skip is not None:  # "Şurasının Düşənbə şəhərində keçirilən iclası": held there
                unit.held_in = [x for x in out[skip[0]:skip[1]] if x.kind == "ent" and x.etype in ("Place", "Country")]
            out[first_index:a + 1] = [unit]
            a = first_index + 1
        return out

    def _event_left(self, out: list[Unit], a: int) -> tuple[int, int | None]:
        """Where the name of the event whose head is unit ``a`` begins, and the
        index of its owner (the body or country it belongs to), if any.

        Going left from the head, a name takes capitalised words (with their
        case: "Baş Konfransının", "Dövlət Başçıları Şurasının"), ordinals and
        modifiers ("34-cü", "XII", "növbəti"), a short lower-case genitive
        chain ("nazirlər şurasının", "Xarici İşlər nazirlərinin"), an
        abbreviation in brackets ("(MDB)"), and ends at its owner: a body,
        country or event named before it ("ATƏT-in", "GUAM",
        "Müstəqil Dövlətlər Birliyi (MDB)")."""
        first, owner, b, lower_run, bare = a, None, a - 1, 0, False
        self._clause = None
        while b >= 0:
            x = out[b]
            if x.kind in ("ent", "abbr") and x.etype in ("Organization", "Country", "Event") \
                    and x.case in ("gen", "nom", "dat") and not (x.etype == "Event" and x.case != "gen"):
                if x.kind == "abbr":  # "Şurasının (DİNŞ) iclası": the owner stands before the bracket
                    e = b - 1
                    while e >= 0 and out[e].text != "(":
                        e -= 1
                    if e > 0 and out[e - 1].kind == "ent":
                        return e - 1, e - 1
                if lower_run and not (bare or genitive_chain(out[b + 1:first])):
                    break
                return self._owners_owner(out, b), b
            if x.text == ")":  # "(MDB)" inside the name
                e = b - 1
                while e >= 0 and out[e].text != "(" and b - e <= 4:
                    e -= 1
                if e < 0 or out[e].text != "(":
                    break
                b = e - 1
                continue
            if x.kind != "word":
                break
            if x.low in self.held_participles and first == a and self._clause is None:
                c = b - 1  # "X-in [Bazel şəhərində] keçirilən iclası": a clause inside the name
                while c >= 0 and (out[c].kind == "ent" and out[c].etype in ("Place", "Country")
                                  and out[c].case in ("loc", "gen") or out[c].text in (",", "və")):
                    c -= 1
                if c < b - 1 and c >= 0 and out[c].kind == "ent" and out[c].etype in ("Organization", "Event") \
                        and out[c].case == "gen":
                    self._clause = (c + 1, b + 1)
                    b = c
                    continue
                break
            if x.text[:1].isupper() and self._named_event_head(x.text):
                break  # "Qazaxıstan Mədəniyyəti Günləri | sərgi": another event's name ends here
            inside = first < a and out[first].text[:1].isupper() and b > 0
            capital = x.text[:1].isupper() and (x.low not in self.not_names or inside)  # "Dövlət Başçıları"
            if x.low in self.event_modifiers or is_ordinal(x.text) or capital and not has_case(x.text):
                first, lower_run = b, 0
            elif capital:
                first, lower_run = b, 0  # "Konfransının", "Şurasının": a word of the name with its case
            elif not x.text[:1].isupper() and b == a - 1 and b > 0 and out[b - 1].kind == "ent" \
                    and out[b - 1].case == "gen" and len(analyse(x.text)) == 1:
                lower_run, bare = lower_run + 1, True  # "ATƏT PA-nın qış sessiyası": one bare modifier
            elif not x.text[:1].isupper() and lower_run < 5 and (lower_run or genitive_chain([x])):
                lower_run += 1  # tentative: kept only if the owner or a capitalised word follows
            else:
                break
            if lower_run == 0:
                first = b
            b -= 1
        return first, owner

    @staticmethod
    def _owners_owner(out: list[Unit], b: int) -> int:
        """The name begins at the owner's own owner when that stands right
        before it: "Müstəqil Dövlətlər Birliyi (MDB) Xarici İşlər Nazirləri
        Şurasının iclası" is one event, named with the whole chain."""
        x = out[b]
        if not x.owner:
            return b
        c = b - 1
        if c >= 0 and out[c].text == ")":
            while c >= 0 and out[c].text != "(" and b - c <= 5:
                c -= 1
            c -= 1
        return c if c >= 0 and out[c].kind == "ent" and out[c].key == x.owner else b

    @staticmethod
    def _name_text(sent: Sent, out: list[Unit], lo: int, hi: int, skip: tuple[int, int] | None) -> str:
        """The text of units ``lo``..``hi``-1, without the units in ``skip``."""
        spans = [(lo, skip[0]), (skip[1], hi)] if skip else [(lo, hi)]
        return " ".join(sent.text[out[x].start - sent.start:out[y - 1].end - sent.start] for x, y in spans if y > x)

    def _summit(self, sent: Sent, out: list[Unit], a: int, head) -> tuple[int, Unit] | None:
        """"(Cenevrədə) zirvə görüşü": a summit is an event even unnamed; named
        after its place when the place stands before it, and held there."""
        if a == 0 or out[a - 1].kind != "word" or (out[a - 1].low, head[0]) not in self.summit_phrases:
            return None
        first, place = a - 1, None
        if a >= 2 and out[a - 2].kind == "ent" and out[a - 2].etype == "Place" and out[a - 2].case == "loc":
            first, place = a - 2, out[a - 2]
        phrase = f"{out[a - 1].low} {head[0]}"
        name = f"{self.st.entities[place.key].name} {phrase}" if place is not None else phrase
        aliases = [phrase] + ([f"{place.text} {phrase}"] if place is not None else [])
        earlier = [k for k, e in self.st.entities.items() if e.type == "Event" and lower(e.name).endswith(phrase)]
        if place is None and len(earlier) == 1:
            key = earlier[0]  # "Zirvə görüşünə ... qatılıb": the summit named before
        else:
            key = self.st.entity("Event", name, aliases)
        unit = self._span_unit(sent, out[first], out[a], "ent", key=key, etype="Event", case=head[1], ref="summit")
        if place is not None:
            unit.held_in = [place]
            unit.inner = [place]
        return first, unit

    def _named_event_head(self, word: str) -> bool:
        """The word ends a name of its own: an event head with the izafet
        possessive, in the nominative ("Günləri", "Forumu"), unlike a bare
        modifier ("Zirvə toplantısı") or a genitive owner ("Konfransının")."""
        for r in analyse(word):
            lemma = r.lemma[:-3] if r.lemma[-3:] in ("lar", "lər") else r.lemma
            if r.case == "poss" and (lemma in self.event_heads or r.lemma in self.event_heads):
                return True
        return False
