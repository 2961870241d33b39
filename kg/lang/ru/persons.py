"""Person names in Russian text, and their Azerbaijani-Latin form.

A name is a run of capitalised words (an initial counts: «К.Алиев») whose
last word is a surname (a dictionary surname, or an unknown word with a
surname ending: -ов, -ева, -оглу, -заде, -швили…), or any capitalised run
right after a title («министр Хакан Фидан»). Its case comes from the
context (the title it stands in apposition to, the preposition before
it) or, failing that, from the first name's readings; the name is put in
the nominative («Петром Городовым» → «Петр Городов»). A surname alone or
with an initial refers back to the last full name it ends («Алиев
отметил», «Жданов поблагодарил»).

Azerbaijani names get their Latin spelling (``translit.to_latin``) as an
alias, and the key an Azerbaijani article would give them when the
spelling is certain (every word a known Azerbaijani name): «Кямран Алиев»
is the same node as "Kamran Əliyev".
"""
from __future__ import annotations

from functools import lru_cache

import yaml

from ...config import GAZETTEER_DIR
from ...ids import entity_key
from ...extract.state import DocState
from ...extract.units import PersonInfo
from .morph import fold, info, person_word_nominative
from .ner import PREPOSITION_CASE, RuUnit
from .translit import skeleton, to_latin


@lru_cache(maxsize=1)
def azerbaijani_first_names() -> dict[str, str]:
    """Skeleton -> spelling of the Azerbaijani first names (data/gazetteers/first_names.yaml);
    skeletons two names share are left out: they would not be certain."""
    try:
        data = yaml.safe_load((GAZETTEER_DIR / "first_names.yaml").read_text(encoding="utf-8")) or {}
    except OSError:
        return {}
    out: dict[str, str | None] = {}
    for name in data.get("azerbaijani", []) or []:
        name = str(name)
        k = skeleton(name)
        out[k] = None if k in out and out[k] != name else name
    return {k: v for k, v in out.items() if v}


_FEMALE = {"nomn": ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая"),
           "gent": ("овой", "евой", "иной", "ской"), "accs": ("ову", "еву", "ину", "скую"),
           "datv": ("овой", "евой", "иной", "ской"), "ablt": ("овой", "евой", "иной", "ской"),
           "loct": ("овой", "евой", "иной", "ской")}
_MALE = {"nomn": ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий"), "gent": ("ова", "ева", "ина", "ского"),
         "accs": ("ова", "ева", "ина", "ского"), "datv": ("ову", "еву", "ину", "скому"),
         "ablt": ("овым", "евым", "иным", "ским"), "loct": ("ове", "еве", "ине", "ском")}


def surname_female(surname: str, case: str) -> bool | None:
    """Whether a Russian-declined surname in ``case`` is a woman's («Гафаровой» yes, «Алиева» in the genitive no)."""
    if surname.endswith(_FEMALE.get(case, ())):
        return True
    if surname.endswith(_MALE.get(case, ())):
        return False
    return None


def _capital_word(text: str) -> bool:
    return text[:1].isupper() and not text.isupper() and not text[:1].isdigit()


class PersonFinder:
    def __init__(self, state: DocState, lex):
        self.st = state
        self.lex = lex
        self.endings = sorted(lex.nouns["surname_endings"], key=len, reverse=True)
        self.not_names = lex.nouns["not_names"]
        self.patronymics = lex.nouns.get("patronymic_words", set())
        self.by_surname: dict[str, str] = {}  # folded nominative surname -> person key
        self.known = azerbaijani_first_names()

    # -- what a surname looks like ---------------------------------------------
    def surname_like(self, text: str) -> bool:
        wi = info(text)
        if wi.tagged("Surn", known=False):
            return True
        if any(r.known and not ({"Geox", "Name"} & r.tags) for r in wi.readings if r.pos == "NOUN") or \
                wi.is_pos("ADJF", "VERB", "PREP", "CONJ", "ADVB") and any(r.known for r in wi.readings):
            return False
        low = fold(text)
        return len(low) > 3 and any(low.endswith(e) or low[:-1].endswith(e) or low[:-2].endswith(e)
                                    for e in self.endings)

    def name_like(self, text: str) -> bool:
        wi = info(text)
        if wi.has(self.not_names):
            return False
        return wi.tagged("Name") or wi.tagged("Surn") or not any(r.known for r in wi.readings)

    # -- finding ----------------------------------------------------------------
    def person_at(self, an, i: int, units: list[RuUnit]) -> RuUnit | None:
        toks = an.toks
        t = toks[i]
        if not (_capital_word(t.text) or t.kind == "initial"):
            return None
        here = an.names.match_at(toks, i)
        if any(h.entry.type in ("Country", "Organization", "Event") for h in here):
            return None  # «Азербайджана Джейхун Байрамов»: the owner, then the name
        after_title = self.after_title(units)
        run = [i]
        k = i + 1
        while k < len(toks) and len(run) < 4 and (_capital_word(toks[k].text) or toks[k].kind == "initial"):
            if toks[k].kind == "word" and an.names.match_at(toks, k) and not info(toks[k].text).tagged("Surn", False):
                break
            run.append(k)
            k += 1
        words = [toks[x].text for x in run]
        while len(words) > 1 and not self.surname_like(words[-1]) and not after_title:
            words.pop()
            run.pop()
        if t.kind == "initial" and len(run) >= 2:
            return self._resolve_short(an, run, units)
        if here and not (len(run) > 1 and self.surname_like(words[-1])):
            return None  # a place, unless a surname follows («Багдада Амреева»)
        if any(r.known and r.pos == "ADJF" for r in info(words[0]).readings) \
                and (len(run) == 1 or not info(words[0]).tagged("Surn", False)):
            return None  # «ректором |Московского государственного университета»
        if len(run) == 1:
            if not self.surname_like(words[0]):
                return None
            return self._resolve_short(an, run, units) if not after_title else self._new(an, run, units)
        if not after_title and not (self.surname_like(words[-1]) and self.name_like(words[0])):
            return None
        if an.names.find(words) is not None:
            return None
        return self._new(an, run, units)

    @staticmethod
    def after_title(units: list[RuUnit]) -> RuUnit | None:
        """The title this name stands in apposition to: «послом США в Азербайджане |Марком Либби»."""
        for b in range(len(units) - 1, max(-1, len(units) - 6), -1):
            u = units[b]
            if u.kind == "title":
                return u
            if not (u.kind == "ent" and u.etype in ("Country", "Organization", "Place") or u.low in ("в", "во")
                    or u.ref in ("rank", "title-tail")):
                return None
        return None

    def _case(self, an, run: list[int], units: list[RuUnit]) -> tuple[str, bool | None]:
        """The case of the name (from its context, else its first name) and whether it is a woman's."""
        toks = an.toks
        first = toks[run[0]].text
        title = self.after_title(units)
        ctx = title.case if title is not None else None
        prev = fold(toks[run[0] - 1].text) if run[0] else ""
        if prev in PREPOSITION_CASE:
            ctx = PREPOSITION_CASE[prev]
        names = [r for r in info(first).readings if r.known and "Name" in r.tags and r.case] if len(run) > 1 else []
        if ctx is None and names:
            last = fold(toks[run[-1]].text)
            scores: dict[tuple[str, str], float] = {}
            for r in names:
                agree = surname_female(last, r.case)  # the surname's form must fit the case too
                weight = 2.0 if agree == (r.gender == "femn") else 0.1 if agree is not None else 0.5
                scores[(r.case, r.gender)] = scores.get((r.case, r.gender), 0) + r.score * weight
            ctx, gender = max(scores, key=scores.get)
        ctx = ctx or "nomn"
        genders = {r.gender for r in names if r.case == ctx or ctx == "accs" and r.case == "gent"}
        if genders in ({"femn"}, {"masc"}):
            return ctx, genders == {"femn"}
        return ctx, surname_female(fold(toks[run[-1]].text), ctx)

    def _new(self, an, run: list[int], units: list[RuUnit]) -> RuUnit:
        toks = an.toks
        case, female = self._case(an, run, units)
        words = [person_word_nominative(toks[x].text, case, female) for x in run]
        if run[-1] + 1 < len(toks) and fold(toks[run[-1] + 1].text) in self.patronymics:
            run = run + [run[-1] + 1]  # «Эльшад Мирбашир оглу»
            words.append(toks[run[-1]].text)
        name = " ".join(words)
        key = self.register(name)
        return an.span_unit("ent", run[0], run[-1] + 1, key=key, etype="Person", case=case, ref="name")

    def register(self, name: str) -> str:
        st = self.st
        entry = st.gaz.find(name, "Person")
        latin, certain = to_latin(name, self.known)
        if entry is not None:
            key = st.from_entry(entry)
        else:
            key = entity_key("Person", latin) if certain else None
            key = st.entity("Person", name, [latin] if latin != name else [], key=key)
            if certain:
                st.entities[key].labels.setdefault("az", latin)
        words = name.split()
        surname = fold(words[-1])
        self.by_surname[surname] = key
        if key not in st.persons:
            st.persons[key] = PersonInfo(key=key, name=name, surname=words[-1], first=words[0])
        return key

    def _resolve_short(self, an, run: list[int], units: list[RuUnit]) -> RuUnit | None:
        toks = an.toks
        text = toks[run[-1]].text
        case, female = self._case(an, run, units)
        for cand in dict.fromkeys([fold(person_word_nominative(text, case, female)), fold(text),
                                   fold(person_word_nominative(text, "gent", False)),
                                   fold(person_word_nominative(text, "ablt", False))]):
            key = self.by_surname.get(cand)
            if key is None:
                continue
            initial = toks[run[0]].text[:1] if toks[run[0]].kind == "initial" else None
            if initial and not self.st.persons[key].first.startswith(initial):
                continue
            return an.span_unit("ent", run[0], run[-1] + 1, key=key, etype="Person", case=case, ref="surname")
        return None
