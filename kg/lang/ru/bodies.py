"""Bodies, events and countries in a Russian sentence (the name-finding half of
``ner.SentenceAnalyzer``): the genitive complement and owner of a name, bodies
known to the gazetteer or composed, events made names by an ordinal, a
complement or a quoted title, countries by adjective or reference."""
from __future__ import annotations

from .morph import fold, info, nominative
from .units import _ROMAN, PREPOSITION_CASE, QUOTES, RuUnit, gen_capable


class NameFinder:
    """Mixed into ``SentenceAnalyzer``: reads ``self.toks``, ``self.st``, ``self.lex``, ``self.names``."""

    # -- bodies and events -----------------------------------------------------
    def _complement(self, j: int, limit: int = 12) -> tuple[int, str | None]:
        """Where the genitive complement after a head ends, and the owner in it
        (the entity key of the last country or body named)."""
        toks = self.toks
        owner = None
        start = j
        self.parts = []
        while j < len(toks) and j - start < limit:
            t = toks[j]
            low = fold(t.text)
            if t.kind == "punct":
                if t.text in "–—-" and j + 1 < len(toks) and fold(toks[j + 1].text).startswith(("член", "участник")):
                    j += 1
                    continue
                break
            if t.text[:1].isupper() and not t.text.isdigit():
                hits = [h for h in self.names.match_at(toks, j) if h.entry.type in ("Country", "Organization")]
                if hits and gen_capable(toks[hits[0].j - 1]):
                    owner = self.st.from_entry(hits[0].entry)
                    self.parts += self._inner_owner(hits[0], owner)
                    j = hits[0].j
                    if j + 1 < len(toks) and fold(toks[j].text) == "по" and not toks[j + 1].text[:1].isupper():
                        continue  # «Комитет Милли Меджлиса по международным отношениям»
                    break
                sub = self._org_np(j) or self._gen_np(j)
                if sub is not None:
                    j = sub[1]
                    owner = sub[2] or owner
                    continue
                break
            if low == "по" and j + 1 < len(toks) and not toks[j + 1].text[:1].isupper() and \
                    not self.lemmas(j + 1) & self.lex.nouns["po_stops"] and (
                    fold(toks[j + 1].text) in ("делам", "вопросам", "правам", "борьбе", "работе", "проблемам")
                    or info(toks[j + 1].text).cases(("ADJF", "NOUN")) & {"datv"}):
                j += 2  # «комиссия по экономическому сотрудничеству», «Министерство по делам …»
                while j < len(toks) and not toks[j].text[:1].isupper() and toks[j].kind == "word" and (
                        fold(toks[j].text) not in self.stops and info(toks[j].text).cases(("ADJF", "NOUN")) & {"datv", "gent"}
                        or fold(toks[j].text) == "и" and j + 1 < len(toks)
                        and info(toks[j + 1].text).cases(("ADJF", "NOUN")) & {"datv"}):
                    j += 1
                continue
            if low == "и" and j > start and j + 1 < len(toks) and not toks[j + 1].text[:1].isupper() \
                    and gen_capable(toks[j + 1]) and info(toks[j + 1].text).is_pos("NOUN", "ADJF"):
                j += 1
                continue
            if low in self.stops:
                break
            wi = info(t.text)
            if not any(r.case == "gent" and r.pos in ("NOUN", "ADJF", "PRTF", "NUMR") for r in wi.readings):
                break
            j += 1
        return j, owner

    def _inner_owner(self, m, key: str) -> list[tuple[str, str]]:
        """«Парламентская ассамблея ОБСЕ» inside a longer name: (the body, its owner)."""
        for x in range(m.j - 1, m.i, -1):
            inner = [h for h in self.names.match_at(self.toks, x) if h.entry.type in ("Country", "Organization")
                     and h.entry.id != m.entry.id and h.j <= m.j]
            if inner and m.entry.type == "Organization":
                return [(key, self.st.from_entry(inner[0].entry))]
        return []

    def _np_start(self, i: int) -> int | None:
        """The head noun of a noun phrase starting at ``i`` (adjectives first)."""
        j = i
        while j < len(self.toks) and j - i < 5:
            t = self.toks[j]
            if t.kind == "punct":
                return None
            wi = info(t.text)
            if wi.first_pos() == "NOUN" or (wi.is_pos("NOUN") and not wi.is_pos("ADJF", "PRTF")):
                return j
            if not (wi.is_pos("ADJF", "PRTF") or t.text[:1].isdigit() or _ROMAN.match(t.text)):
                return None
            j += 1
        return None

    def _gen_np(self, i: int):
        """A capitalised phrase in the genitive inside a longer name («Азиатского форума …»),
        never a person's name."""
        h = self._np_start(i)
        if h is None or info(self.toks[h].text).tagged("Name") or info(self.toks[h].text).tagged("Surn", False) \
                or info(self.toks[h].text).tagged("Geox") or self.names.match_at(self.toks, i):
            return None
        if "gent" not in info(self.toks[h].text).cases(("NOUN",)):
            return None
        j, owner = self._complement(h + 1)
        return h, j, owner

    def _org_np(self, i: int):
        h = self._np_start(i)
        if h is None or not self.lemmas(h) & self.org_heads:
            return None
        j, owner = self._complement(h + 1)
        if not self.toks[i].text[:1].isupper() and (owner is None or i != h or
                                                    not self.lemmas(h) & self.lex.nouns["unit_heads"]):
            return None  # lower case: only a unit of a named body («комитет Милли Меджлиса по …»)
        return h, j, owner

    def _body(self, i: int) -> RuUnit | None:
        toks = self.toks
        hits = self.names.match_at(toks, i)
        np = self._org_np(i)
        if np is not None and (not hits or np[1] > hits[0].j):
            h, j, owner = np
            words = [t.text for t in toks[i:j]]
            entry = self.names.find(words, "Organization")
            case = self._case(h, i)
            if entry is not None:
                return self.span_unit("ent", i, j, key=self.st.from_entry(entry), etype="Organization",
                                      case=case, ref="gazetteer")
            if j - i == 1 and fold(toks[i].text) in self.stops | self.org_heads and not toks[i].text.isupper():
                return None  # a bare head noun («Правительство») is no name
            if any(info(w).has(self.lex.nouns["press_words"]) for w in words):
                return self.span_unit("word", i, j)  # a press service is no entity
            name = nominative(words)
            key = self.st.entity("Organization", name, [" ".join(words)] if name != " ".join(words) else [])
            if owner is not None and owner != key:
                self.st.country_of.setdefault(key, owner)
            return self.span_unit("ent", i, j, key=key, etype="Organization", case=case, ref="body",
                                  owner=owner)
        if hits and hits[0].entry.id in self.lex.nouns["not_entities"]:
            return self.span_unit("word", i, hits[0].j)  # news agencies are no entities
        if hits:
            m = hits[0]
            pick = next((h for h in hits if h.entry.type == "Country"), None) if len(hits) > 1 else None
            entry = (pick or m).entry
            owner = None
            for x in range(i + 1, m.j):  # «Генеральная прокуратура Азербайджана»: the owner named inside
                inner = [h for h in self.names.match_at(toks, x) if h.entry.type in ("Country", "Organization")
                         and h.entry.id != entry.id and h.j <= m.j]
                if inner:
                    owner = self.st.from_entry(inner[0].entry)
            if entry.type == "Organization" and np is not None and np[1] == m.j and np[2] is not None:
                owner = np[2]
            return self.span_unit("ent", i, m.j, key=self.st.from_entry(entry), etype=entry.type,
                                  case=self._case(m.j - 1, i), ref="gazetteer", owner=owner)
        return None

    def _case(self, k: int, start: int | None = None) -> str:
        """The case of the phrase whose head is token ``k`` (its first word ``start``):
        the cases its agreeing words share, narrowed by the preposition before it."""
        start = k if start is None else start
        cases = info(self.toks[k].text).cases()
        for x in range(start, k):
            wi = info(self.toks[x].text)
            if wi.is_pos("ADJF", "PRTF") and not self.toks[x].text[:1].isdigit():
                narrowed = cases & wi.cases(("ADJF", "PRTF"))
                cases = narrowed or cases
        prev = fold(self.toks[start - 1].text) if start else ""
        want = PREPOSITION_CASE.get(prev)
        if want and want in cases:
            return want
        if prev in ("в", "во", "на") and cases & {"loct", "accs"}:
            return "loct" if "loct" in cases else "accs"
        for c in ("nomn", "gent", "ablt", "accs", "datv", "loct"):
            if c in cases:
                return c
        return "nomn"

    def _event(self, i: int) -> RuUnit | None:
        toks = self.toks
        h = self._np_start(i)
        if h is None or not (self.lemmas(h) & self.event_heads or any(
                lem.endswith(e) and len(lem) > len(e) + 2 for lem in self.lemmas(h) for e in self.compound_events)):
            return None  # «медиафорум», «бизнес-форум» end in an event head
        mods = toks[i:h]
        ordinal = any(t.text[:1].isdigit() or _ROMAN.match(t.text) for t in mods)
        j, owner = self._complement(h + 1)
        quoted = None
        k = j
        if k + 2 < len(toks) and fold(toks[k].text) == "на" and fold(toks[k + 1].text) in ("тему", "тема"):
            k += 2
        if k < len(toks) and toks[k].text in QUOTES:
            close = QUOTES[toks[k].text]
            end = next((x for x in range(k + 1, min(len(toks), k + 40)) if toks[x].text == close), None)
            if end is not None and end > k + 1:
                quoted = (k + 1, end)
                j = end + 1
        weak = bool(self.lemmas(h) & self.weak_events)
        sided = any(info(t.text).is_pos("ADJF") and not info(t.text).has(self.drop) for t in mods)
        named = quoted is not None or ordinal or (j > h + 1 and (not weak or sided and j > h + 2)) \
            or (toks[i].text[:1].isupper() and i > 0 and not weak)
        if not named:
            return None
        start = i
        while start < h and info(toks[start].text).has(self.drop):
            start += 1
        if quoted is not None:
            a, b = quoted
            name = self.st.article.text[toks[a].start:toks[b - 1].end]
            aliases = [nominative([t.text for t in toks[start:h + 1]]) + f" «{name}»"]
        else:
            words = [t.text for t in toks[start:j]]
            name = nominative(words)
            aliases = [nominative([t.text for t in toks[i:j]])] if start > i else []
        key = self.st.entity("Event", name, aliases)
        u = self.span_unit("ent", i, j, key=key, etype="Event", case=self._case(h, i), ref="event", owner=owner)
        u.parts = list(self.parts)
        return u

    # -- countries by adjective or reference ---------------------------------------
    def _reference(self, i: int) -> RuUnit | None:
        toks = self.toks
        if i + 1 >= len(toks):
            return None
        nxt = self.lemmas(i + 1)
        if not nxt & self.lex.nouns["country_words"] | ({"республика"} & nxt):
            return None
        here = self.lemmas(i)
        if here & self.lex.nouns["our"] and self.st.home:
            plural = any(r.number == "plur" for r in info(toks[i + 1].text).readings if r.pos == "NOUN") and \
                not any(r.number == "sing" for r in info(toks[i + 1].text).readings if r.pos == "NOUN")
            if plural:
                return self.span_unit("ent", i, i + 2, key=None, etype="Country", ref="pair")
            return self.span_unit("ent", i, i + 2, key=self.st.home, etype="Country", case=self._case(i + 1),
                                  ref="home")
        if here & self.lex.nouns["two"]:
            return self.span_unit("ent", i, i + 2, key=None, etype="Country", ref="pair")
        for lem in here:
            country = self.lex.demonyms.get(lem)
            if country and country in self.st.gaz.entries and info(toks[i].text).is_pos("ADJF"):
                key = self.st.from_entry(self.st.gaz.entries[country])
                return self.span_unit("ent", i, i + 2, key=key, etype="Country", case=self._case(i + 1),
                                      ref="demonym")
        return None
