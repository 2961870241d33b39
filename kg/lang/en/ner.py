"""English entity mentions in one sentence: the sentence as ``Unit``s.

In order, each pass taking only tokens no earlier pass took:

1. gazetteer names (``GazetteerIndex``: every name, alias and label of every
   entry, matched token by token, longest first; short all-capital aliases
   only in capitals);
2. composed names: a capitalised phrase around a head noun ("... Ministry",
   "... Forum", "Office on Drugs and Crime", "the 29th session of the
   Conference of the Parties"), gazetteer names inside it included, its
   owner noted (a country adjective or name before it, "of Country" after it);
3. titles ("Foreign Minister", "Minister of Energy", "Prosecutor General",
   "Deputy Prime Minister"), the ministry a minister's title implies;
4. country adjectives ("Turkish", "Azerbaijani");
5. person names: capitalised words after a title, or with a known first name
   or surname ending, or already named in the article.
"""
from __future__ import annotations

from ...extract.state import DocState
from ...extract.units import PersonInfo, Sent, Unit
from ...ids import entity_key
from ...normalize import lookup_key
from .lexicon import Lexicon, Title
from .names import ComposedNames, GazetteerIndex, gazetteer_index, is_ordinal, tok_key  # noqa: F401
from .text import Token


class SentenceAnalyzer(ComposedNames):
    def __init__(self, state: DocState, lex: Lexicon, index: GazetteerIndex):
        self.st, self.lex, self.gx = state, lex, index
        self.org_heads = lex.words("org_heads")
        self.event_heads = lex.words("event_heads")
        self.weak_events = lex.words("weak_event_heads")
        self.lower_org_heads = lex.words("lower_org_heads")
        self.modifiers = lex.words("event_modifiers")
        self.joiners = lex.words("name_joiners")
        self.particles = lex.words("name_particles")
        self.not_names = lex.words("not_names")
        self.title_words = {t.words[0] for t in lex.titles if len(t.words) == 1} | {"minister", "ministers"}
        self.months = lex.words("months")
        self.not_person = lex.words("not_person_words")
        self.first_names = state.gaz.first_names
        self.suffixes = tuple(s for s in state.gaz.surname_suffixes if len(s) >= 3)

    # ------------------------------------------------------------------
    def analyse(self, sent: Sent) -> list[Unit]:
        toks = sent.tokens
        self.toks = toks
        self.taken: list[Unit | None] = [None] * len(toks)
        self.inner: list[Unit] = []
        self.sent = sent
        self._gazetteer()
        self._composed()
        self._titles()
        self._adjectives()
        self._persons()
        units: list[Unit] = []
        k = 0
        while k < len(toks):
            u = self.taken[k]
            if u is not None:
                units.append(u)
                k = u.j
                continue
            t = toks[k]
            units.append(self.unit(k, k + 1, t.kind if t.kind != "word" else "word"))
            k += 1
        return units

    def unit(self, i: int, j: int, kind: str, **kw) -> Unit:
        toks = self.toks
        text = self.sent.text[toks[i].start - self.sent.start:toks[j - 1].end - self.sent.start]
        return Unit(kind, i, j, toks[i].start, toks[j - 1].end, text, text.lower(), **kw)

    def _take(self, u: Unit) -> None:
        for x in range(u.i, u.j):
            old = self.taken[x]
            if old is not None and old.kind == "ent" and old not in self.inner:
                self.inner.append(old)  # a name inside a longer one: "the Azerbaijan-Turkey commission" in the meeting's
            self.taken[x] = u

    def _free(self, i: int, j: int) -> bool:
        return all(self.taken[x] is None for x in range(i, j))

    # -- 1. gazetteer ------------------------------------------------------
    def _gazetteer(self) -> None:
        toks, k = self.toks, 0
        while k < len(toks):
            m = self.gx.match(toks, k)
            if m is None:
                k += 1
                continue
            entry, end = m
            if end - k == 1 and toks[k].low in self.not_names:
                k += 1
                continue  # an outlet or agency ("AZERTAC", "Trend"): not an entity
            if entry.type in ("Place", "Country") and end - k == 1 and k > 0 and (
                    toks[k - 1].low in self.first_names and toks[k - 1].is_title):
                k += 1
                continue  # "Theresa May", "Salome Georgia": a surname, not the place
            owner = self._prefix_owner(k, end, entry) if entry.type == "Organization" else None
            self._take(self.unit(k, end, "ent", key=self.st.from_entry(entry), etype=entry.type, ref="gazetteer",
                                 owner=owner))
            k = end

    def _prefix_owner(self, i: int, j: int, entry: Entry) -> str | None:
        """The parent a body's own name starts with: "UN Office on Drugs and Crime" -> UN."""
        sub = self.gx.match(self.toks, i, stop=j - 1) if j - i > 1 else None
        if sub is not None and sub[0].type in ("Organization", "Country") and sub[0].id != entry.id and \
                sub[0].id in (entry.part_of, entry.country):
            return self.st.from_entry(sub[0])
        return None

    # -- 3. titles -----------------------------------------------------------
    def _titles(self) -> None:
        toks = self.toks
        for k, t in enumerate(toks):
            if self.taken[k] is not None or t.kind != "word":
                continue
            if t.low in ("minister", "ministers"):
                self._minister(k)
                continue
            for title in self.lex.titles_by_first.get(t.low, []):
                n = len(title.words)
                if tuple(x.low for x in toks[k:k + n]) == title.words and self._free(k, k + n):
                    if any(x.low in ("minister",) for x in toks[k + n:k + n + 1]):
                        break  # "Prime Minister" is longer than "prime"
                    self._take(self.unit(k, k + n, "title", title=title))
                    break

    def _minister(self, k: int) -> None:
        toks, conf = self.toks, self.lex.minister
        i = k
        domain = None
        for n in range(min(5, k), 0, -1):  # "Foreign Minister", "Defence Industry Minister"
            words = tuple(x.low for x in toks[k - n:k])
            if words in self.lex.domains and self._free(k - n, k):
                domain, i = self.lex.domains[words], k - n
                break
        j = k + 1
        if domain is None and j + 1 < len(toks) and toks[j].low in ("of", "for"):
            for n in range(min(8, len(toks) - j - 1), 0, -1):  # "Minister of Science and Education"
                words = tuple(x.low for x in toks[j + 1:j + 1 + n])
                if words in self.lex.domains and self._free(j + 1, j + 1 + n):
                    domain, j = self.lex.domains[words], j + 1 + n
                    break
            else:
                n = j + 1
                while n < len(toks) and toks[n].is_title and self.taken[n] is None and toks[n].low not in self.not_names:
                    n += 1
                if n > j + 1:
                    words = " ".join(x.text for x in toks[j + 1:n])
                    domain, j = (words, None), n
        deputy = False
        while i > 0 and toks[i - 1].low in ("deputy", "vice", "first", "acting") and self.taken[i - 1] is None:
            deputy = deputy or toks[i - 1].low in ("deputy", "vice")
            i -= 1
        role = "memberOf" if deputy else conf["role"]
        confidence = float(conf["deputy_confidence" if deputy else "confidence"])
        if domain is None:
            title = Title(("minister",), role, "country", "none", confidence, deputy=deputy)
        else:
            en, az = domain
            title = Title(("minister",) + tuple(en.lower().split()), role, "country", "home_country", confidence,
                          body=conf["body"].replace("{domain}", en),
                          body_az=conf["body_az"].replace("{domain}", az) if az else None, deputy=deputy)
        self._take(self.unit(i, j, "title", title=title))

    # -- 4. adjectives -------------------------------------------------------
    def _adjectives(self) -> None:
        toks = self.toks
        for k, t in enumerate(toks):
            if self.taken[k] is not None or not t.is_title:
                continue
            for n in (2, 1):
                cid = self.lex.demonyms.get(tuple(x.low for x in toks[k:k + n]))
                if cid and cid in self.st.gaz.entries and self._free(k, k + n):
                    key = self.st.from_entry(self.st.gaz.entries[cid])
                    self._take(self.unit(k, k + n, "adj", key=key, etype="Country", ref="adjective"))
                    break

    # -- 5. persons ----------------------------------------------------------
    def _name_token(self, t: Token, k: int) -> bool:
        if self.taken[k] is not None or t.kind != "word":
            return False
        if t.low in self.particles:
            return True
        return t.is_title and not t.is_upper and t.low not in self.not_names and t.low not in self.title_words \
            and t.low not in self.not_person and t.low not in self.lex.ranks \
            and t.low not in self.org_heads and t.low not in self.event_heads and not t.is_number

    def _persons(self) -> None:
        toks = self.toks
        k = 0
        while k < len(toks):
            if not self._name_token(toks[k], k) or toks[k].low in self.particles:
                k += 1
                continue
            j = k + 1
            while j < len(toks) and j - k < 5:
                if self._name_token(toks[j], j) or toks[j].low in self.months and toks[j].is_title and \
                        not (j + 1 < len(toks) and toks[j + 1].is_number) and self.taken[j] is None:
                    j += 1
                elif toks[j].text == "-" and j + 1 < len(toks) and toks[j].start == toks[j - 1].end \
                        and self._name_token(toks[j + 1], j + 1):
                    j += 2
                else:
                    break
            while j > k + 1 and toks[j - 1].low in self.particles:
                j -= 1
            words = [t for t in toks[k:j] if t.text != "-"]
            after_title = k > 0 and self._title_before(k)
            known = self._known_person(toks, k, j)
            if known or after_title and len(words) <= 4 or len(words) >= 2 and self._looks_like_name(words):
                name = self.sent.text[toks[k].start - self.sent.start:toks[j - 1].end - self.sent.start]
                key = known or self.person(name)
                self._take(self.unit(k, j, "ent", key=key, etype="Person", ref="name"))
            k = j

    def _title_before(self, k: int) -> bool:
        toks, b = self.toks, k - 1
        while b >= 0 and (toks[b].text == "," or toks[b].low in self.lex.ranks or toks[b].text == "."):
            b -= 1
        owner = self.taken[b] if b >= 0 else None
        if owner is not None and owner.kind == "ent" and owner.etype != "Person":
            b = owner.i - 1  # "Vice President of Turkey | Fuat Oktay"
            while b >= 0 and toks[b].low == "the":
                b -= 1
            if b < 0 or toks[b].low != "of":
                return False
            b -= 1
        return b >= 0 and self.taken[b] is not None and self.taken[b].kind == "title"

    def _looks_like_name(self, words: list[Token]) -> bool:
        first, last = words[0].low, words[-1].low
        return first in self.first_names or (len(words) <= 3 and last.endswith(self.suffixes))

    def _known_person(self, toks, k: int, j: int) -> str | None:
        words = [t.text for t in toks[k:j] if t.text != "-"]
        if len(words) == 1:
            cands = [p for p in self.st.persons.values() if lookup_key(p.surname) == lookup_key(words[0])]
            if cands:
                return max(cands, key=lambda p: self.st.mention_count.get(p.key, 0) + (p.key == self.last_person)).key
        return None

    last_person: str | None = None

    def person(self, name: str) -> str:
        entry = self.st.gaz.find(name, "Person")
        if entry is not None:
            return self.st.from_entry(entry)
        key = self.st.entity("Person", name, key=entity_key("Person", name))
        if key not in self.st.persons:
            words = [w for w in name.split() if w.lower() not in self.particles]
            self.st.persons[key] = PersonInfo(key=key, name=name, surname=words[-1] if words else name,
                                              first=words[0] if words else name)
        return key
