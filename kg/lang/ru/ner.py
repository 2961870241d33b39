"""Russian mentions, one sentence at a time: the units the relation rules read.

A sentence becomes a list of units (``kg.extract.units.Unit`` with the word's
lemmas): entity mentions, titles, words and punctuation.

* gazetteer names in any case (``names.RussianNames``);
* bodies: a capitalised noun phrase whose head is an organisation noun,
  with its genitive complement and owner («Генеральная прокуратура
  Азербайджана», «Координационный совет генеральных прокуроров государств –
  членов СНГ»): a known body when the gazetteer has the whole name, else a
  new one that is ``partOf`` the owner named in it;
* events: an event noun made a name by an ordinal, a genitive complement or
  a quoted title («23-я ежегодная сессия ПА ОБСЕ», «конференция на тему
  «…»»); «двусторонняя встреча» alone is no entity;
* titles (``data/lang/ru/titles.yaml``) with their deputies («заместитель
  генерального прокурора») and ministers («министр иностранных дел»);
* «Азербайджанского государства», «нашей страны», «двух стран»: countries
  named by adjective or by reference;
* person names are found by ``persons.PersonFinder``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...extract.state import DocState
from ...extract.units import Unit
from ...extract.lexicon import Title
from ...extract.text import Token
from .lexicon import RuLexicon
from .morph import WordInfo, fold, info, nominative
from .names import RussianNames

_ROMAN = re.compile(r"^[IVXLC]+(-?[а-я]{1,3})?$")
QUOTES = {"«": "»", "\"": "\"", "“": "”", "„": "“"}
PREPOSITION_CASE = {"с": "ablt", "со": "ablt", "от": "gent", "для": "gent", "у": "gent", "без": "gent",
                    "до": "gent", "из": "gent", "к": "datv", "ко": "datv", "о": "loct", "об": "loct", "при": "loct"}


@dataclass
class RuUnit(Unit):
    lemmas: frozenset = frozenset()
    winfo: WordInfo | None = None
    parts: list = field(default_factory=list)  # (body, owner) named inside this mention
    tail: frozenset = frozenset()  # lemmas of a span's last word («…по экономическому сотрудничеству»)

    def lemma_in(self, words) -> bool:
        return not self.lemmas.isdisjoint(words)


def word_unit(t: Token) -> RuUnit:
    kind = "punct" if t.kind == "punct" else "word"
    wi = info(t.text) if kind == "word" else None
    return RuUnit(kind, t.i, t.i + 1, t.start, t.end, t.text, fold(t.text),
                  lemmas=wi.lemmas if wi else frozenset([t.text]), winfo=wi)


def gen_capable(t: Token) -> bool:
    """May be a genitive: has a genitive reading, or is indeclinable (an abbreviation, a foreign name)."""
    wi = info(t.text)
    return t.text.isupper() or any(r.case == "gent" or "Fixd" in r.tags for r in wi.readings) \
        or not any(r.known and r.pos in ("NOUN", "ADJF") for r in wi.readings)


class SentenceAnalyzer:
    def __init__(self, state: DocState, lex: RuLexicon, names: RussianNames):
        self.st = state
        self.lex = lex
        self.names = names
        self.org_heads = lex.nouns["org_heads"]
        self.event_heads = lex.nouns["event_heads"]
        self.weak_events = lex.nouns["weak_event_heads"]
        self.stops = lex.nouns["name_stops"]
        self.drop = lex.nouns["event_drop"]
        self.compound_events = {e for e in self.event_heads if len(e) > 4 and " " not in e} - self.weak_events

    # ------------------------------------------------------------------
    def analyse(self, toks: list[Token], persons, extra: set | None = None) -> list[RuUnit]:
        self.toks = toks
        units: list[RuUnit] = []
        i = 0
        starts = {s: e for s, e in extra} if extra else {}
        if len(toks) > 1 and toks[0].text.isupper() and len(toks[0].text) > 2 and toks[1].text in "/,(-–—":
            units.append(word_unit(toks[0]))  # a dateline («БАКУ /Trend/ -») is no mention
            i = 1
        while i < len(toks):
            if toks[i].start in starts and toks[i].kind != "punct":
                end = starts[toks[i].start]
                run = [k for k in range(i, len(toks)) if toks[k].end <= end]
                if run and not any(u.kind == "ent" for u in units[-1:]) and self._title(i) is None:
                    hit = self.names.match_at(toks, i)
                    if not hit:
                        units.append(persons._new(self, run, units))
                        i = run[-1] + 1
                        continue
            u = (self._title(i) or self._tail(i, units) or self._event(i) or persons.person_at(self, i, units)
                 or self._body(i) or self._reference(i))
            if u is None:
                u = word_unit(toks[i])
            units.append(u)
            i = max(u.j, i + 1)
        return units

    def _tail(self, i: int, units: list[RuUnit]) -> RuUnit | None:
        """Words between a title and the name: a rank («генерал-полковник»), or the
        title's «по …» phrase after its owner («комиссаром ОБСЕ по делам национальных меньшинств»)."""
        toks = self.toks
        if not units or not (units[-1].kind == "title" or units[-1].ref in ("rank", "title-tail") or
                             len(units) > 1 and units[-2].kind == "title" and units[-1].kind == "ent"):
            return None
        if self.lemmas(i) & self.lex.ranks:
            return RuUnit("word", i, i + 1, toks[i].start, toks[i].end, toks[i].text, fold(toks[i].text),
                          ref="rank", lemmas=self.lemmas(i))
        if fold(toks[i].text) != "по" or i + 1 >= len(toks) or toks[i + 1].text[:1].isupper():
            return None
        j = i + 1
        while j < len(toks) and toks[j].kind != "punct" and not toks[j].text[:1].isupper() and j - i < 6:
            j += 1
        if j >= len(toks) or not toks[j].text[:1].isupper() or toks[j].kind == "punct":
            return None
        return self.span_unit("word", i, j, ref="title-tail")

    def span_unit(self, kind: str, i: int, j: int, **kw) -> RuUnit:
        t0, t1 = self.toks[i], self.toks[j - 1]
        text = self.st.article.text[t0.start:t1.end]
        u = RuUnit(kind, i, j, t0.start, t1.end, text, fold(text), **kw)
        u.tail = self.lemmas(j - 1)
        return u

    def lemmas(self, i: int) -> frozenset:
        return info(self.toks[i].text).lemmas if self.toks[i].kind != "punct" else frozenset([self.toks[i].text])

    # -- titles ------------------------------------------------------------
    def _title_words(self, i: int) -> tuple[Title, int] | None:
        if self.toks[i].kind == "punct":
            return None
        for lem in self.lemmas(i):
            for t in self.lex.titles_by_first.get(lem, []):
                n = len(t.words)
                if i + n <= len(self.toks) and all(t.words[x] in self.lemmas(i + x) for x in range(1, n)):
                    return t, i + n
        return None

    def _title(self, i: int) -> RuUnit | None:
        minister = self.lex.minister["head"]
        deputy = None
        for dw in self.lex.deputy_words:
            n = len(dw)
            if i + n < len(self.toks) and all(dw[x] in self.lemmas(i + x) for x in range(n)):
                inner = self._title_words(i + n) if minister not in self.lemmas(i + n) else None
                if inner is not None and inner[0].role != "none":
                    t, j = inner
                    if t.words in self.lex.country_deputies:  # «заместитель премьер-министра»: of the country
                        deputy = Title(words=dw + t.words, role="memberOf", owner="country", default="home_country",
                                       confidence=0.8)
                    else:
                        deputy = Title(words=dw + t.words, role="memberOf", owner=t.owner, default=t.default,
                                       confidence=0.8, body=t.body, body_is_country=False)
                    return self._title_unit(i, j, deputy, self.toks[i])
                if minister in self.lemmas(i + n):
                    return self._minister(i, i + n, deputy=True)
        if minister in self.lemmas(i) or "замминистра" in self.lemmas(i):
            return self._minister(i, i, deputy="замминистра" in self.lemmas(i))
        found = self._title_words(i)
        if found is None or i and fold(self.toks[i - 1].text) == "во" and "глава" in self.lemmas(i):
            return None  # «во главе с»: led by, not a title
        t, j = found
        return self._title_unit(i, j, t, self.toks[i])

    def _title_unit(self, i: int, j: int, t: Title, head: Token) -> RuUnit:
        cases = info(head.text).cases(("NOUN", "ADJF", "PRTF"))
        noun = next((x for x in self.toks[i:j] if info(x.text).first_pos() == "NOUN"), None)
        if info(head.text).first_pos() != "NOUN" and noun is not None and noun is self.toks[i + 1 if i + 1 < j else i]:
            cases = (cases & info(noun.text).cases(("NOUN",))) or cases  # «генерального секретаря»
        prev = fold(self.toks[i - 1].text) if i else ""
        want = PREPOSITION_CASE.get(prev)
        case = want if want in cases else next((c for c in ("nomn", "ablt", "gent", "datv", "loct", "accs")
                                                 if c in cases), "nomn")
        return self.span_unit("title", i, j, title=t, case=case, lemmas=frozenset(t.words),
                              winfo=info(head.text))

    def _minister(self, i: int, m: int, deputy: bool) -> RuUnit:
        """«министр иностранных дел», «министра Турции по делам Евросоюза»."""
        toks = self.toks
        j = m + 1
        words: list[str] = []
        owner = None
        limit = m + 1 + int(self.lex.minister.get("max_words", 7))
        while j < len(toks) and j < limit:
            t = toks[j]
            low = fold(t.text)
            if t.kind == "punct":
                break
            if low == "по" and j + 1 < len(toks) and not toks[j + 1].text[:1].isupper():
                words.append(t.text)
                j += 1
                continue
            if low == "и" and words and j + 1 < len(toks) and gen_capable(toks[j + 1]) and not toks[j + 1].text[:1].isupper():
                words.append(t.text)
                j += 1
                continue
            if t.text[:1].isupper():
                hits = self.names.match_at(toks, j)
                ctry = next((h for h in hits if h.entry.type == "Country"), None)
                if ctry is not None and owner is None and ctry.j < len(toks) and fold(toks[ctry.j].text) == "по":
                    owner = (ctry.entry, j, ctry.j)  # «министра Турции по делам Евросоюза»
                    words.extend(x.text for x in toks[j:ctry.j])
                    j = ctry.j
                    continue
                if words and words[-1].lower() in ("по", "делам", "вопросам"):
                    org = next((h for h in hits if h.entry.type == "Organization"), None)
                    if org is not None:
                        words.extend(x.text for x in toks[j:org.j])
                        j = org.j
                        continue
                break
            if low in self.stops:
                break
            wi = info(t.text)
            prev_word = fold(words[-1]) if words else ""
            if not any(r.pos in ("NOUN", "ADJF", "PRTF") and (r.case == "gent" or prev_word in ("по", "делам", "вопросам"))
                       for r in wi.readings):
                break
            words.append(t.text)
            j += 1
        while words and fold(words[-1]) in ("по", "и"):
            words.pop()
            j -= 1
        body = None
        if words:
            body = (self.lex.minister["body_head"] + " " + " ".join(words)).strip()
        title = Title(words=("заместитель", "министр") if deputy else ("министр",),
                      role="memberOf" if deputy else "heads", owner="country",
                      default="home_country" if words else "none",
                      confidence=0.8 if deputy else float(self.lex.minister.get("confidence", 0.85)),
                      body=body, body_is_country=False)
        u = self._title_unit(i, j, title, toks[i] if deputy else toks[m])
        if owner is not None:
            entry, a, b = owner
            u.owner = self.st.from_entry(entry)
        return u

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
