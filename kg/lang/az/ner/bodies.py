"""Organisations composed from head nouns and their owners.

"Qazaxıstanın Daxili İşlər Nazirliyi" is a body owned by Qazaxıstan;
"Milli Məclisin xarici siyasət komitəsi" a unit of the parliament; place
nouns ("Bakı şəhərində") fold into the place.
"""
from __future__ import annotations

from dataclasses import replace

from ....extract.units import Sent, Unit
from ....normalize import capitalize, lookup_key, lower
from ..morph import analyse
from .forms import (
    OWNER_TYPES,
    body_form,
    capitalize_like,
    foreign_key,
    genitives,
    has_case,
    head_reading,
    is_abbr,
    join_words,
    simple_case,
    strip_case,
    unpossess,
)


class BodyMixin:
    def _place_nouns(self, sent: Sent, units: list[Unit]) -> list[Unit]:
        out: list[Unit] = []
        for u in units:
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "ent" and prev.etype == "Place" and prev.case == "nom" \
                    and u.kind == "word":
                noun = next((r for r in analyse(u.text) if r.lemma in ("şəhər", "rayon", "kənd", "qəsəbə", "vilayət",
                                                                        "əyalət", "paytaxt")), None)
                if noun is not None:
                    merged = self._span_unit(sent, prev, u, "ent", key=prev.key, etype="Place",
                                             case=simple_case(noun.case), ref=prev.ref)
                    out[-1] = merged
                    continue
            out.append(u)
        return out

    # -- composed organisations ---------------------------------------------
    def _left_name(self, sent: Sent, k: int, taken) -> int:
        """The first token of a name whose head is token ``k``: capitalised
        words, with joiners (və , üzrə qarşı) between them."""
        toks = sent.tokens
        i = k
        m = k - 1
        while m >= 0 and taken[m] is None:
            w = toks[m]
            if w.kind == "word" and (w.text[:1].isupper() or w.text[:1].isdigit()):
                named_before = m > 0 and (taken[m - 1] is not None or toks[m - 1].is_title)
                if w.low in self.not_names and not (w.low in self.name_words and (i < k or named_before) and m > 0) \
                        or has_case(w.text):
                    break
                if w.low in self.gaz.first_names and m + 1 < k and self._surname_like(toks[m + 1].text):
                    break  # "Abel Məhərrəmova Avrasiya ... Assosiasiyası": a person, then the name
                ev = head_reading(w.text, self.event_heads)
                if ev is not None and ev[0] != lower(w.text):
                    break  # "Parlament Forumu və ...": another name ends here
                inner_head = head_reading(w.text, self.org_heads, plural=True)
                if inner_head is not None and inner_head[1] != "nom":
                    break  # "Federal Məclisi | Federasiya Şurası": the owner's name ends here
                i = m
                m -= 1
                continue
            if w.text == "," and not any(toks[x].low == "və" for x in range(m + 1, k)):
                break
            if w.low in self.joiners:
                look = m
                while look >= 0 and taken[look] is None and toks[look].low in self.joiners and m - look < 3:
                    look -= 1
                if look >= 0 and taken[look] is None and toks[look].kind == "word" and toks[look].text[:1].isupper() \
                        and toks[look].low not in self.not_names:
                    m = look
                    continue
            break
        return i

    def _compose_org(self, sent: Sent, k: int, head: tuple[str, str], taken) -> Unit | None:
        toks = sent.tokens
        i = self._left_name(sent, k, taken)
        i = self._local_body(sent, i, k, taken)
        prev = taken[k - 1] if k > 0 else None
        if i == k and not (prev is not None and prev.kind == "ent" and prev.etype in OWNER_TYPES
                           and prev.case in ("nom", "gen")):
            return None  # a bare head noun ("Komitə sədri") names nothing
        words = [toks[x].text for x in range(i, k)]
        surface = join_words(words + [capitalize_like(toks[k].text, head[0])])
        if any(toks[x].low in self.local_body_nouns and not toks[x].text[:1].isupper() for x in range(i, k)):
            surface = join_words([capitalize(w) if lower(w) in self.local_body_nouns else w for w in words]
                                 + [capitalize_like(toks[k].text, head[0])])
        if any(lower(w) in self.not_bodies for w in words):
            return None  # "Mətbuat və İctimaiyyətlə Əlaqələr İdarəsi": a press office
        name = unpossess(surface, self.all_heads, self.no_izafet)
        entry = self.gaz.find(name, "Organization") or self.gaz.find(surface, "Organization")
        key = self.st.from_entry(entry) if entry else self.st.entity("Organization", name, [surface])
        return self._unit(sent, i, k + 1, "ent", key=key, etype="Organization", case=head[1], ref="composed")

    def _local_body(self, sent: Sent, i: int, k: int, taken) -> int:
        """A local body is named with its place: "Ağcabədi rayon İcra Hakimiyyəti",
        "Bakı Şəhər İcra Hakimiyyəti". When a place stands before "rayon"/"şəhər"
        and the name, the place's tokens join the name (and stop being a place)."""
        toks = sent.tokens
        n = i - 1 if i > 0 and taken[i - 1] is None and toks[i - 1].low in self.local_body_nouns else i
        if n == i and not i < k:
            return i  # "Ağcabədi rayon İcra Hakimiyyəti", "Moskva Dövlət Universiteti": named with the place
        place = taken[n - 1] if n > 0 else None
        if place is None or place.kind != "ent" or place.etype != "Place" or place.case != "nom":
            return i
        for x in range(place.i, place.j):
            taken[x] = None
        return place.i

    # -- owners: "Azərbaycanın Baş Prokurorluğu", "Rusiya ... Federal Məclisi" ----
    def _attach_owners(self, sent: Sent, units: list[Unit]) -> None:
        for a, u in enumerate(units):
            if u.kind != "ent" or u.etype != "Organization" or a == 0 or u.owner:
                continue
            b = a - 1
            if units[b].kind == "abbr" and b > 0:
                b -= 1
            if units[b].text == ")":
                while b > 0 and units[b].text != "(":
                    b -= 1
                b -= 1
            if b < 0:
                continue
            owner = units[b]
            if b >= 1 and owner.low == "cümlədən" and units[b - 1].low == "o":
                # "Moldovanın hüquq-mühafizə orqanları, o cümlədən Daxili İşlər Nazirliyi"
                owner = next((x for x in reversed(units[max(0, b - 8):b - 1]) if x.kind == "ent"
                              and x.etype == "Country" and x.case == "gen"), owner)
            if owner.kind != "ent" or owner.etype not in OWNER_TYPES or owner.case not in ("nom", "gen"):
                continue
            if owner.case == "nom" and owner.etype == "Place":
                continue
            plural = any(r.case.startswith("pl") for r in analyse(u.text.split()[-1]))
            if owner.etype == "Country" and not plural and b >= 2 and units[b - 1].text in ("və", ",") \
                    and units[b - 2].kind == "ent" and units[b - 2].etype == "Country":
                self._joint(sent, units, a, b)  # one body of several countries: no owner
                continue
            entry = self.st.key_entry.get(u.key)
            if entry is not None and entry.kind == "international" and u.ref == "gazetteer":
                continue  # "Komitəsinin ÜGT ... Şurası": an international body belongs to no national one
            original = u.key
            self._own(u, owner)
            if any(r.case.startswith("pl") for r in analyse(u.text.split()[-1])):
                # "Azərbaycan və Qazaxıstan DİN-ləri": one body for each country
                keys = [u.key]
                c = b - 1
                while c >= 1 and units[c].text in ("və", ",") and units[c - 1].kind == "ent" \
                        and units[c - 1].etype == owner.etype:
                    twin = replace(u, key=original, owner=None)
                    self._own(twin, units[c - 1])
                    keys.append(twin.key)
                    c -= 2
                if len(keys) > 1:
                    u.plural = keys

    def _joint(self, sent: Sent, units: list[Unit], a: int, b: int) -> None:
        """"Azərbaycan və İordaniya Hökumətlərarası Komissiyası": a body of both countries."""
        c = b
        while c >= 2 and units[c - 1].text in ("və", ",") and units[c - 2].kind == "ent" and units[c - 2].etype == "Country":
            c -= 2
        u = units[a]
        text = sent.text[units[c].start - sent.start:u.end - sent.start]
        name = body_form(text, self.all_heads)
        key = self.st.entity("Organization", name, [])
        for x in units[c:a]:
            if x.kind == "ent":
                x.ref = (x.ref or "") + "+joint"
        u.key, u.ref = key, "joint"
        u.i, u.start, u.text, u.low = units[c].i, units[c].start, text, lower(text)
        del units[c:a]

    def _own(self, u: Unit, owner: Unit) -> None:
        """Give body ``u`` its owner: the right entity (home body, foreign body,
        unit of an organisation) and the names a reader would use for it."""
        st = self.st
        body = st.entities[u.key]
        entry = st.key_entry.get(u.key)
        owner_ent = st.entities[owner.key]
        if u.ref == "quoted":
            st.add_aliases(u.key, [f"{owner.text} {body.name}"])
            if owner.etype == "Country":
                st.country_of[u.key] = owner.key
            u.owner = owner.key
            owner.ref = (owner.ref or "") + "+owner"
            return
        surface = body_form(u.text, self.all_heads)
        if u.ref == "gazetteer" and entry is not None and is_abbr(strip_case(u.text)[0]):
            surface = body.name  # "DİN-ləri": name the body in full
        canon = body.name if entry is not None and is_abbr(strip_case(u.text)[0]) else unpossess(surface, self.all_heads, self.no_izafet)
        owner_gen = owner.text if owner.case == "gen" else owner_ent.name
        candidates = [f"{owner.text} {surface}"] + [f"{label} {canon}" for label in owner_ent.all_labels()]
        known = next((e for n in candidates if (e := st.gaz.find(n, "Organization")) is not None), None)
        if known is not None and entry is None:
            u.key = st.from_entry(known)  # "Azərbaycan Prezidenti Administrasiyası": a known body, named with its owner
            st.add_aliases(u.key, [f"{owner.text} {surface}"])
            u.owner = owner.key
            owner.ref = (owner.ref or "") + "+owner"
            return
        if owner.etype == "Country":
            home = owner.key == st.home
            mine = entry is not None and (entry.country is None or st.entry_keys.get(entry.country) == owner.key
                                          or (home and entry.country == "azerbaijan"))
            if mine:
                st.add_aliases(u.key, [f"{owner.text} {surface}"] if home else [])
            elif home and entry is None:
                st.add_aliases(u.key, [f"{owner_ent.name} {canon}", f"{owner.text} {surface}"])
            else:
                name = f"{owner_ent.name} {canon}"
                labels = [f"{owner.text} {surface}", f"{owner_gen} {surface}"]
                labels += [f"{g} {surface}" for g in genitives(st, owner.key)]
                if lookup_key(canon) not in self.home_bodies:
                    labels.append(canon)
                u.key = st.entity("Organization", name, labels, key=foreign_key(name))
            st.country_of[u.key] = owner.key
        elif entry is None or lower(entry.az) != lower(canon):
            owner_name = owner_ent.name
            name = f"{owner.text} {surface}" if owner.case == "gen" else f"{owner_name} {canon}"
            labels = [canon, f"{owner_name} {canon}", f"{owner.text} {surface}"]
            labels += [f"{label} {canon}" for label in owner_ent.all_labels() if len(label) < 80]
            u.key = st.entity("Organization", name, labels, key=foreign_key(name))
        u.owner = owner.key
        owner.ref = (owner.ref or "") + "+owner"

    # -- lower-case units: "Milli Məclisin xarici siyasət komitəsi" ----------
    def _lower_units(self, sent: Sent, units: list[Unit]) -> list[Unit]:
        out = list(units)
        a = 0
        while a < len(out):
            u = out[a]
            if u.kind != "word" or u.text[:1].isupper():
                a += 1
                continue
            head = head_reading(u.text, self.unit_heads)
            two = False
            if head is None and a > 0 and out[a - 1].low == "işçi":
                head = head_reading(u.text, {"qrup"})
                two = head is not None
            if head is None:
                a += 1
                continue
            b = a - 1 - (1 if two else 0)
            steps = 0
            while b >= 0 and out[b].kind == "word" and steps < 6:
                b -= 1
                steps += 1
            if steps and (b < 0 or out[b].kind == "punct") and out[b + 1].text[:1].isupper() \
                    and lower(head[0]).startswith(tuple(self.standalone_units)):
                # ", Nanomaterialların kimyəvi fizikası kafedrasının müdiri": a unit named on its own
                body = join_words([sent.text[out[b + 1].start - sent.start:out[a - 1].end - sent.start], head[0]])
                key = self.st.entity("Organization", body, [])
                out[b + 1:a + 1] = [self._span_unit(sent, out[b + 1], u, "ent", key=key, etype="Organization",
                                                    case=head[1], ref="unit")]
                a = b + 2
                continue
            if b < 0 or out[b].kind != "ent" or out[b].etype != "Organization" or out[b].case not in ("gen", "nom") \
                    or steps == 0 or any(w.low in self.not_bodies for w in out[b + 1:a + 1]):
                a += 1
                continue
            owner = out[b]
            inner = sent.text[out[b + 1].start - sent.start:out[a - 1].end - sent.start] if b + 1 <= a - 1 else ""
            head_text = head[0] if not two else f"{head[0]}"
            body = join_words([inner, head_text]).strip()
            owner_name = self.st.entities[owner.key].name
            name = f"{owner.text} {body}" if owner.case == "gen" else f"{owner.text} {body}"
            key = self.st.entity("Organization", name, [body, f"{owner_name} {body}"])
            unit = self._span_unit(sent, out[b + 1], u, "ent", key=key, etype="Organization", case=head[1],
                                   ref="unit")
            unit.owner = owner.key
            owner.ref = (owner.ref or "") + "+owner"
            out[b + 1:a + 1] = [unit]
            a = b + 2
        return out

