"""Reference in Russian articles: words that point back to what was named.

* a title with no name after it («Генеральный прокурор отметил», «Глава
  государства высоко оценил», «Генеральный секретарь ССТГ поздравил») is
  the person introduced with that title (and owner);
* «Он»/«Она» opening a sentence is the last subject;
* «гость» is the visitor, «коллега» the other side of the meeting;
* «нашей страны» is the outlet's country (done in ``ner``), «наших стран»,
  «двух стран» the two countries of the story (``pair_countries``).
"""
from __future__ import annotations

from ...extract.state import DocState
from .morph import fold
from .ner import RuUnit


class Coreference:
    def __init__(self, state: DocState, lex, persons):
        self.st = state
        self.lex = lex
        self.persons = persons
        self.last_subject: str | None = None
        self.protagonist: str | None = None
        self.visitor: str | None = None
        self.partner: dict[str, str] = {}  # person -> the other side of their meeting
        self.roles: list[tuple[tuple[str, ...], str | None, str, str | None]] = []  # (title words, owner, person, body)
        self.events: list[tuple[str, frozenset]] = []  # named events and their head lemmas, latest last

    def note_role(self, words: tuple[str, ...], owner: str | None, person: str, body: str | None = None) -> None:
        self.roles.append((words, owner, person, body))

    def note_subject(self, key: str | None) -> None:
        if key and self.st.etype(key) == "Person":
            self.last_subject = key
            if self.protagonist is None:
                self.protagonist = key

    def resolve(self, units: list[RuUnit]) -> list[RuUnit]:
        out = []
        for a, u in enumerate(units):
            nxt = units[a + 1] if a + 1 < len(units) else None
            if u.kind == "title" and u.title is not None and u.title.words == ("коллега",) \
                    and not self._named_after(units, a) and self.last_subject in self.partner:
                u.ref, u.key = "title-ref", self.partner[self.last_subject]  # «его коллега»: the other side
            elif u.kind == "title" and u.title is not None and not self._named_after(units, a):
                key = self._by_title(u, nxt)
                if key:
                    u.ref = "title-ref"
                    u.key = key
            elif u.kind == "ent" and u.etype == "Event" and u.key:
                heads = u.lemmas & self.lex.nouns["event_heads"] if u.lemmas else frozenset()
                self.events.append((u.key, heads or self._heads(u)))
            elif u.kind == "word" and u.lemma_in(self.lex.nouns["event_heads"]) and not u.lemma_in(
                    self.lex.nouns["weak_event_heads"]) and not self._other_year(units, a):
                key = next((k for k, heads in reversed(self.events) if u.lemmas & heads), None)
                if key:  # «Форум, организованный …»: the forum named before
                    u = RuUnit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="nomn", key=key,
                               etype="Event", ref="event-ref", lemmas=u.lemmas)
            elif u.kind == "word" and a == 0 and u.lemma_in(self.lex.nouns["pronouns"]) and self.last_subject:
                u = RuUnit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="nomn", key=self.last_subject,
                           etype="Person", ref="pronoun", lemmas=u.lemmas)
            elif u.kind == "word" and u.lemma_in(self.lex.nouns["guest"]) and self.visitor:
                u = RuUnit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="nomn", key=self.visitor,
                           etype="Person", ref="guest", lemmas=u.lemmas)
            elif u.kind == "word" and u.lemma_in(self.lex.nouns["colleague"]) and self.last_subject in self.partner:
                u = RuUnit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="nomn",
                           key=self.partner[self.last_subject], etype="Person", ref="colleague", lemmas=u.lemmas)
            out.append(u)
        return out

    @staticmethod
    def _other_year(units: list[RuUnit], a: int) -> bool:
        """«в 2019 году этот саммит»: another edition of a recurring event, not the one named."""
        for b in range(max(0, a - 5), a):
            if units[b].text.isdigit() and len(units[b].text) == 4 and units[b].text[:2] in ("19", "20"):
                return True
        return False

    def _heads(self, u: RuUnit) -> frozenset:
        from .morph import info
        return frozenset(lem for w in u.text.split() for lem in info(w.strip("«»\"")).lemmas) & self.lex.nouns["event_heads"]

    @staticmethod
    def _named_after(units: list[RuUnit], a: int) -> bool:
        for b in range(a + 1, min(len(units), a + 5)):
            u = units[b]
            if u.kind == "ent" and u.etype == "Person":
                return True
            if u.kind == "ent" and u.etype in ("Country", "Organization") or u.low in ("в", "во"):
                continue
            if u.kind == "punct" and u.text in "«»\"()":
                continue
            return False
        return False

    def _by_title(self, u: RuUnit, nxt: RuUnit | None) -> str | None:
        owner = nxt.key if nxt is not None and nxt.kind == "ent" and nxt.etype in ("Country", "Organization") else None
        words = u.title.words
        if "глава" in words and "государство" in words or words == ("глава",) and owner == self.st.home:
            heads = [r.subject for r in self.st.relations if r.predicate == "heads" and r.object == self.st.home
                     and self.st.etype(r.subject) == "Person"]
            if heads:
                return heads[0]
        body = u.title.body if u.title.body and "{" not in u.title.body else None
        for w, o, person, b in reversed(self.roles):
            if w != words and not (len(words) == 1 and w[-1:] == words):
                continue
            if body is not None and b != body or owner is not None and o != owner:
                continue
            return person
        return None

    def pair_countries(self) -> tuple[str, str] | None:
        """The outlet's country and the foreign country the story names most."""
        if not self.st.home:
            return None
        counts: dict[str, int] = {}
        for m in self.st.mentions:
            if self.st.etype(m.entity) == "Country" and m.entity != self.st.home:
                counts[m.entity] = counts.get(m.entity, 0) + 1
        for key, country in self.st.country_of.items():
            if country != self.st.home and key in counts:
                counts[country] = counts.get(country, 0) + 1
        if not counts:
            return None
        other = max(counts, key=lambda k: counts[k])
        return self.st.home, other

    @staticmethod
    def is_word(u: RuUnit, *words: str) -> bool:
        return u.kind == "word" and fold(u.text) in words
