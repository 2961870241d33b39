"""Events composed from head nouns: "...Forumu", "...iclası", "BMT Baş Assambleyasının 74-cü sessiyası"."""
from __future__ import annotations

import regex

from ....extract.units import Sent, Unit
from ..morph import inflect
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
            head = head_reading(u.text, self.event_heads) if u.kind == "word" else None
            if head is None:
                a += 1
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
            text = sent.text[first.start - sent.start:out[a - 1].end - sent.start] if a > first_index else ""
            head_text = capitalize_like(u.text, head[0])
            full = join_words([text, head_text]).strip()
            plain = regex.sub(r"\s*\([^()]{1,12}\)", "", full)
            plain = regex.sub(r"\bnövbəti\s+", "", plain)
            aliases = [full] if full != plain else []
            if owner is not None and owner.key and first is owner:
                rest = sent.text[out[start + 1].start - sent.start:out[a - 1].end - sent.start] if a > start + 1 else ""
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
            unit.inner = [x for x in out[first_index:a] if x.kind == "ent"]  # type: ignore[attr-defined]
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
        first, owner, b, lower_run = a, None, a - 1, 0
        while b >= 0:
            x = out[b]
            if x.kind in ("ent", "abbr") and x.etype in ("Organization", "Country", "Event") \
                    and x.case in ("gen", "nom", "dat"):
                if x.kind == "abbr":  # "Şurasının (DİNŞ) iclası": the owner stands before the bracket
                    e = b - 1
                    while e >= 0 and out[e].text != "(":
                        e -= 1
                    if e > 0 and out[e - 1].kind == "ent":
                        return e - 1, e - 1
                if lower_run and not genitive_chain(out[b + 1:first]):
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
            capital = x.text[:1].isupper() and (x.low not in self.not_names or (
                x.low in self.no_izafet and first < a and out[first].text[:1].isupper()))
            if x.low in self.event_modifiers or is_ordinal(x.text) or capital and not has_case(x.text):
                first, lower_run = b, 0
            elif capital:
                first, lower_run = b, 0  # "Konfransının", "Şurasının": a word of the name with its case
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
