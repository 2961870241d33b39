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

from ...extract.lexicon import Title
from ...extract.state import DocState
from ...extract.text import Token
from .bodies import NameFinder
from .lexicon import RuLexicon
from .morph import fold, info
from .names import RussianNames
from .units import PREPOSITION_CASE, RuUnit, gen_capable, word_unit  # noqa: F401 (PREPOSITION_CASE re-exported)


class SentenceAnalyzer(NameFinder):
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
