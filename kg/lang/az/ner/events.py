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
            # the name's own words: capitalised, ordinals, modifiers (Qlobal, IV, növbəti, Zirvə)
            b = a - 1
            while b >= 0 and out[b].kind == "word" and (
                    out[b].low in self.event_modifiers or is_ordinal(out[b].text)
                    or (out[b].text[:1].isupper() and out[b].low not in self.not_names and not has_case(out[b].text))):
                b -= 1
            own = out[b + 1:a]
            # a lower-case genitive chain: "üzv dövlətlərin informasiya nazirlərinin"
            c = b
            while c >= 0 and out[c].kind == "word" and b - c < 5 and not out[c].text[:1].isupper():
                c -= 1
            if c >= 0 and out[c].text == ")":  # "Şurasının (DİNŞ) növbəti iclası"
                e = c
                while e >= 0 and out[e].text != "(":
                    e -= 1
                c = e - 1 if e > 0 else c
            owner = None
            for d in range(c, b + 1):
                cand = out[d] if d >= 0 else None
                if cand is not None and cand.kind in ("ent", "abbr") and cand.etype in ("Organization", "Country", "Event") \
                        and cand.case in ("gen", "nom", "dat") and genitive_chain(out[d + 1:b + 1]):
                    owner = cand
                    start = d
                    if cand.kind == "abbr":  # "Şurasının (DİNŞ) növbəti iclası": the owner is before "("
                        e = d - 1
                        while e >= 0 and out[e].text != "(":
                            e -= 1
                        if e > 0 and out[e - 1].kind == "ent":
                            owner, start = out[e - 1], e - 1
                    break
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
            first = owner if owner is not None else (own[0] if own else u)
            first_index = start if owner is not None else b + 1
            # extend over a coordinated list of countries before the owner
            if owner is not None:
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

