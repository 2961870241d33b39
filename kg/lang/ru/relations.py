"""Relations from Russian constructions, one sentence at a time.

Rule ids go into every fact's provenance; what a relation may link comes
from the ontology (``kg.vocab.signatures``). The constructions:

* titles: «[title] [owner-gen] [в X] NAME» -> heads / memberOf, with the body
  the title implies (``titles``); owners «Body Owner-gen» -> partOf;
* met: «A встретился с B», «A провел встречу/переговоры с B», «A принял B»,
  «на встрече с B A …», «встреча A с B»;
* visited: «A посетил X», «A прибыл (с визитом) в X», «визит A в X»,
  «делегация во главе с A посетила X»;
* participatedIn: «A принял участие в E», «A участвовал в E», «для участия
  в E», «A выступил на E»;
* heldIn: «E состоялся/прошел в X», «E, который состоится … в X»,
  «проведенный в X E», a trip to X «для участия в E»;
* organizedBy / chairedBy / cochairedBy: «организован(ный) A», «под
  председательством A», «под сопредседательством A и B»;
* cooperatesWith: «сотрудничество/отношения между A и B», «азербайджано-
  турецкие отношения», «между нашими странами», «A и B подписали
  меморандум»; lists «A, B и C» give one fact per member.
"""
from __future__ import annotations

from ...extract.state import DocState
from ...vocab import signatures
from .coref import Coreference
from .morph import fold
from .cooperation import CooperationRules
from .events import EventRules
from .shared import AGENTS, is_ent
from .units import RuUnit
from .titles import TitleRules

class RelationRules(EventRules, CooperationRules):
    def __init__(self, state: DocState, lex, coref: Coreference, names):
        self.st = state
        self.names = names
        self.lex = lex
        self.coref = coref
        self.cues = lex.cues
        self.sig = signatures()
        self.titles = TitleRules(self)
        self.pending: list[tuple] = []

    def rel(self, s, p: str, o, rule: str, conf: float) -> None:
        if s is None or o is None:
            return
        sk = s.key if isinstance(s, RuUnit) else s
        ok = o.key if isinstance(o, RuUnit) else o
        if not self.sig[p].allows(self.st.etype(sk), self.st.etype(ok)):
            return
        self.st.relate(sk, p, ok, self.index, rule, conf,
                       s.span if isinstance(s, RuUnit) else None, o.span if isinstance(o, RuUnit) else None)

    # ------------------------------------------------------------------
    def sentence(self, index: int, units: list[RuUnit]) -> None:
        self.index = index
        self.units = units
        self.leader = None
        self.titles.apply(units)
        self._owners()
        self.subject = self._subject()
        self._met()
        self._visited()
        self._participated()
        self._held()
        self._organized()
        self._frames()
        self._cooperation()
        self.coref.note_subject(self.subject.key if self.subject is not None else None)

    # -- helpers ---------------------------------------------------------------
    def has(self, u: RuUnit, name: str) -> bool:
        return u.kind == "word" and u.lemma_in(self.cues[name])

    def find(self, name: str, start: int = 0, stop: int | None = None) -> int:
        stop = len(self.units) if stop is None else stop
        for a in range(start, min(stop, len(self.units))):
            if self.has(self.units[a], name):
                return a
        return -1

    def find_phrase(self, name: str, start: int = 0) -> tuple[int, int]:
        units = self.units
        for a in range(start, len(units)):
            for ph in self.lex.phrases[name]:
                n = len(ph)
                if a + n <= len(units) and all(units[a + x].kind == "word" and ph[x] in units[a + x].lemmas
                                               for x in range(n)):
                    return a, a + n
        return -1, -1

    def clause_end(self, a: int) -> int:
        for b in range(a, len(self.units)):
            u = self.units[b]
            if u.kind == "punct" and u.text in ";:" or u.kind == "word" and fold(u.text) in ("что", "который", "которая", "которое", "которые"):
                return b
        return len(self.units)

    def _subject(self, stop: int | None = None) -> RuUnit | None:
        """The nominative agent of the sentence (a delegation's leader for «Делегация»)."""
        units = self.units
        stop = len(units) if stop is None else stop
        for a, u in enumerate(units[:stop]):
            if u.kind == "word" and u.lemma_in(self.cues["delegation"]):
                b, e = self.find_phrase("led_by", a + 1)
                if b != -1 and b <= a + 3:  # «Парламентская делегация Азербайджана во главе с X»
                    lead = self.after(e, ("Person",))
                    if lead is not None:
                        self.leader = lead
                        return lead
            if u.kind == "word" and fold(u.text) in ("что", "который", "которая"):
                break
            if is_ent(u) and (u.case == "nomn" or u.ref in ("title-ref", "pronoun")) and u.ref not in ("pair",) \
                    and not self._is_owner(a):
                return u
        return None

    def _is_owner(self, a: int) -> bool:
        return a > 0 and self.units[a - 1].kind == "title" and self.units[a].etype in ("Country", "Organization")

    def implied(self) -> str | None:
        if self.subject is not None:
            return self.subject.key
        return self.coref.last_subject or self.coref.protagonist

    def after(self, a: int, types=AGENTS, span: int = 7) -> RuUnit | None:
        """The first entity of ``types`` after unit ``a``, past titles and their owners;
        a delegation is its leader («делегацию во главе с X»)."""
        if a < len(self.units) and self.units[a].kind == "word" and self.units[a].lemma_in(self.cues["delegation"]):
            b, e = self.find_phrase("led_by", a + 1)
            if b == a + 1:
                return self.after(e, ("Person",))
        for b in range(a, min(len(self.units), a + span)):
            u = self.units[b]
            if is_ent(u, types) and not (u.kind == "ent" and "Person" in types and u.etype != "Person"
                                         and self._titled_person_after(b)):
                return u
            if u.kind == "punct" and u.text in ".;":
                return None
        return None

    def _titled_person_after(self, b: int) -> bool:
        """Unit ``b`` is a title's owner with the title holder after it («послом США |Марком Либби»)."""
        for c in range(b + 1, min(len(self.units), b + 4)):
            u = self.units[c]
            if u.kind == "ent" and u.etype == "Person":
                return True
            if not (u.ref in ("rank", "title-tail") or u.low in ("в", "во") or u.kind == "ent"):
                return False
        return False

    def listing(self, a: int, types=AGENTS) -> list[RuUnit]:
        """«A, B и C» from unit ``a`` on (titles and owners between are skipped)."""
        out = []
        b = a
        while b < len(self.units):
            u = self.units[b]
            if is_ent(u, types) and not (u.kind == "ent" and u.etype != "Person" and "Person" in types
                                         and self._titled_person_after(b)):
                out.append(u)
                b += 1
                if b < len(self.units) and (self.units[b].text == "," or fold(self.units[b].text) in ("и", "а", "также")):
                    b += 1
                    continue
                break
            if u.kind == "title" or u.kind == "word" and (u.low in ("в", "во") or u.ref in ("rank", "title-tail")):
                b += 1
                continue
            if u.kind == "word" and b > a and self.units[b - 1].kind == "title" and u.text.islower() \
                    and u.winfo is not None and "gent" in u.winfo.cases(("NOUN",)):
                b += 1  # «президента |ассоциации| Стивена Бойла»
                continue
            if out and u.kind == "word" and (u.low in ("его", "ее", "её", "их") or
                                             any(lem in self.lex.demonyms for lem in u.lemmas)):
                b += 1  # «Байрамов и |его турецкий| коллега Хакан Фидан»
                continue
            if u.kind == "ent" and b > a and self.units[b - 1].kind in ("title", "ent"):
                b += 1  # the owner of a title: «министром обороны | Италии | Гвидо Крозетто»
                continue
            break
        return out

    # -- partOf from owners --------------------------------------------------------
    def _owners(self) -> None:
        for u in self.units:
            if u.kind == "ent" and u.etype == "Organization" and u.owner:
                self.rel(u, "partOf", u.owner, "partOf.genitive", 0.8)
            for body, owner in getattr(u, "parts", []):
                self.rel(body, "partOf", owner, "partOf.genitive", 0.75)

    # -- met ---------------------------------------------------------------------
    def _met(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word":
                continue
            target = None
            rule = ""
            if u.lemma_in({"встретиться", "встречаться", "побеседовать"}):
                if a + 1 < len(units) and fold(units[a + 1].text) in ("с", "со"):
                    target, rule = self.after(a + 2, ("Person", "Organization")), "met.with"
            elif self.has(u, "hold_verbs"):
                n = self.find("met_nouns", a + 1, a + 4)
                if n != -1 and n + 1 < len(units) and fold(units[n + 1].text) in ("с", "со"):
                    target, rule = self.after(n + 2, ("Person", "Organization")), "met.held"
                elif n != -1 or a > 0 and units[a - 1].lemma_in(self.cues["met_nouns"]):
                    self._met_together(a)  # «A и B провели переговоры»
                    continue
            elif u.lemma_in({"обсудить", "обсуждать"}):
                self._met_together(a, 0.7)  # «A и B обсудили сотрудничество»
                continue
            elif self.has(u, "receive_verbs") and not (a + 1 < len(units) and units[a + 1].lemma_in({"участие"})):
                cand = self.after(a + 1, ("Person", "Organization"), 6)
                led = a + 1 < len(units) and units[a + 1].lemma_in(self.cues["delegation"])
                if cand is not None and (cand.case in ("accs", "gent") or cand.ref == "title-ref" or led):
                    target, rule = cand, "met.received"
            elif u.lemma_in({"вручить", "вручать"}) and a + 2 < len(units) and units[a + 1].lemma_in({"верительный"}):
                target, rule = self.after(a + 3, ("Person",), 6), "met.credentials"
            elif self.has(u, "met_with_nouns"):
                w = next((b for b in range(a + 1, min(len(units), a + 7)) if fold(units[b].text) in ("с", "со")), None)
                if w is not None:
                    between = [x for x in units[a + 1:w] if is_ent(x, ("Person",))]
                    if w == a + 1 or between:
                        target, rule = self.after(w + 1, ("Person", "Organization")), "met.meeting_with"
                        if between and target is not None and target.key != between[-1].key:
                            self.rel(between[-1], "met", target, "met.meeting_of", 0.85)  # «встреча A с B»
                            continue
            if target is None:
                if rule or self._met_cue(u, a):
                    self._pending_title(a, units)
                continue
            host = self.subject if self.subject is not None and self.subject.key != target.key else None
            if host is None and rule == "met.meeting_with":
                host = next((x for x in units[a + 2:] if is_ent(x, ("Person",)) and x.key != target.key
                             and x.case == "nomn"), None)
            hkey = host.key if host is not None else self.implied()
            if hkey == target.key:
                continue
            self.rel(host or hkey, "met", target, rule, 0.85 if host is not None else 0.7)
            if hkey and target.key:
                self.coref.partner[hkey] = target.key
                self.coref.partner[target.key] = hkey
                if self.st.country_of.get(target.key, None) != self.st.home:
                    self.coref.visitor = self.coref.visitor or target.key

    def _met_together(self, a: int, conf: float = 0.8) -> None:
        subjects = self._agents_before(a)
        people = [x for x in subjects if x.etype == "Person"]
        for i, x in enumerate(people):
            for y in people[i + 1:]:
                if x.key != y.key:
                    self.rel(x, "met", y, "met.together", conf)

    def _met_cue(self, u: RuUnit, a: int) -> bool:
        nxt = fold(self.units[a + 1].text) if a + 1 < len(self.units) else ""
        return u.lemma_in({"встретиться", "встречаться", "побеседовать"}) and nxt in ("с", "со")

    def _pending_title(self, a: int, units: list[RuUnit]) -> None:
        """«Кямран Алиев встретился с замгенерального прокурора России» (a headline): the
        person comes later in the article, introduced with that title and owner."""
        b = next((x for x in range(a + 1, min(len(units), a + 6)) if units[x].kind == "title"), None)
        if b is None or units[b].ref == "title-ref" or self.implied() is None:
            return
        owner = units[b + 1].key if b + 1 < len(units) and units[b + 1].kind == "ent" else None
        self.pending.append((self.index, self.subject.key if self.subject else self.implied(),
                             units[b].title.role, owner))

    def finish(self) -> None:
        for index, host, role, owner in self.pending:
            for r in self.st.relations:
                if r.predicate == role and r.subject != host and owner is not None and \
                        (r.object == owner or self.st.country_of.get(r.object) == owner):
                    self.index = index
                    self.rel(host, "met", r.subject, "met.title_introduced_later", 0.7)
                    break
