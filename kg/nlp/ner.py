"""Entity mentions in one sentence: gazetteer names, composed organisation
and event names, quoted event titles, titles, and person names.

The result is the sentence as a list of ``Unit``s. Person names are only
delimited here; their canonical form is decided for the whole document
afterwards (``kg.nlp.persons``), since "Əliyevin" and "Əliyev" must agree.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from .doc import DocState, Sent, Unit
from .gazetteer import Match
from .lexicon import Title
from .morph import analyse, inflect
from .normalize import capitalize, lookup_key, lower

_QUOTES = {"“": "”", '"': '"', "«": "»", "„": "“"}
_ROMAN = regex.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})$")
_ORDINAL = regex.compile(r"^(?:\d+(?:-?(?:c[ıiuü]|nc[ıiuü]|[ıiuü]nc[ıiuü]))?|\p{Ll}+(?:ıncı|inci|uncu|üncü|ncı|nci|ncu|ncü))$")
_ADJ_NO_IZAFET = {"milli", "ali", "federal", "baş", "daimi", "mərkəzi", "beynəlxalq", "müstəqil",
                  "xüsusi", "regional", "ümumi", "birləşmiş", "yeni"}
_JOINERS = {"və", ",", "üzrə", "qarşı", "ilə", "uğrunda", "üçün", "mübarizə", "&"}
_OWNER_TYPES = ("Country", "Organization", "Place")
_HEADS: set[str] = set()  # organisation and unit heads, filled from the lexicon


def is_roman(text: str) -> bool:
    return bool(_ROMAN.match(text))


def is_ordinal(text: str) -> bool:
    return bool(_ORDINAL.match(text)) or is_roman(text)


def head_reading(word: str, heads: set[str]) -> tuple[str, str] | None:
    """(canonical head form, case) when ``word`` is an inflected head noun.

    The canonical form keeps the possessive of an izafet name (Nazirliyi,
    Şurası): ``Nazirliyinin`` -> (``nazirliyi``, ``gen``)."""
    best: tuple[str, str] | None = None
    for r in analyse(word):
        if r.lemma in heads:
            if r.case.startswith("poss"):
                case = r.case[5:] if "+" in r.case else "nom"
                return inflect(r.lemma)["poss"], case
            if best is None or r.case == "nom":
                best = (r.lemma, _simple_case(r.case))
    return best


def capitalize_like(original: str, lemma: str) -> str:
    """``lemma`` with the capitalisation of ``original`` (Nazirliyinin -> Nazirliyi)."""
    if original[:1].isupper():
        if original.isupper() and len(original) > 1:
            return lemma.upper()
        return capitalize(lemma[:1]) + lemma[1:]
    return lemma


def strip_case(word: str) -> tuple[str, str]:
    """A word without its case suffix, keeping a possessive: (form, case)."""
    readings = analyse(word)
    for r in readings[1:]:
        if "-" in word and r.suffix:
            return word[: len(word) - len(r.suffix) - 1], r.case
    return word, "nom"


class SentenceAnalyzer:
    def __init__(self, state: DocState):
        self.st = state
        self.lex = state.lex
        self.gaz = state.gaz
        nouns = self.lex.nouns
        self.org_heads = set(nouns["org_heads"])
        _HEADS.update(self.org_heads | set(nouns["unit_heads"]))
        self.event_heads = set(nouns["event_heads"])
        self.weak_event_heads = set(nouns["weak_event_heads"])
        self.unit_heads = set(nouns["unit_heads"])
        self.event_modifiers = set(nouns["event_modifiers"])
        self.not_names = set(nouns["not_names"])
        self.company_forms = {lower(x) for x in nouns["company_forms"]}
        self.not_bodies = set(nouns.get("not_bodies", []))
        tables = _tables(self.gaz, self.lex)
        self.home_bodies = tables["home_bodies"]
        self.ministry_words = tables["ministry_words"]

    # ------------------------------------------------------------------
    def analyse(self, sent: Sent) -> list[Unit]:
        toks = sent.tokens
        n = len(toks)
        taken: list[Unit | None] = [None] * n

        def place(unit: Unit | None) -> None:
            if unit is None or any(taken[k] is not None for k in range(unit.i, unit.j)):
                return
            for k in range(unit.i, unit.j):
                taken[k] = unit

        for unit in self._quoted(sent):
            place(unit)
        for unit in self._gazetteer(sent, taken):
            place(unit)
        for unit in self._titles(sent, taken):
            place(unit)
        for k in range(n):
            if taken[k] is None and toks[k].kind == "word" and toks[k].is_title:
                head = head_reading(toks[k].text, self.org_heads)
                if head is not None and lower(toks[k].text) in self.org_heads and k + 1 < n \
                        and taken[k + 1] is None and toks[k + 1].is_title:
                    continue  # "Federasiya Şurası": Federasiya only modifies the head that follows
                if head is not None:
                    place(self._compose_org(sent, k, head, taken))
        for unit in self._persons(sent, taken):
            place(unit)
        units: list[Unit] = []
        k = 0
        while k < n:
            if taken[k] is not None:
                units.append(taken[k])
                k = taken[k].j
                continue
            t = toks[k]
            units.append(Unit("punct" if t.kind == "punct" else "word", k, k + 1, t.start, t.end, t.text, t.low))
            k += 1
        units = self._place_nouns(sent, units)
        self._abbreviation_after(units)
        self._abbreviation_mentions(sent, units)
        units = self._lower_units(sent, units)
        self._attach_owners(sent, units)
        units = self._events(sent, units)
        self._abbreviation_after(units)  # "Konfransının 29-cu sessiyası (COP29)"
        return units

    def _unit(self, sent: Sent, i: int, j: int, kind: str, **kw) -> Unit:
        toks = sent.tokens
        start, end = toks[i].start, toks[j - 1].end
        text = sent.text[start - sent.start:end - sent.start]
        return Unit(kind, i, j, start, end, text, lower(text), **kw)

    def _span_unit(self, sent: Sent, first: Unit, last: Unit, kind: str, **kw) -> Unit:
        text = sent.text[first.start - sent.start:last.end - sent.start]
        return Unit(kind, first.i, last.j, first.start, last.end, text, lower(text), **kw)

    # -- quoted titles ---------------------------------------------------
    def _quoted(self, sent: Sent) -> list[Unit]:
        toks = sent.tokens
        out: list[Unit] = []
        k = 0
        while k < len(toks):
            close = _QUOTES.get(toks[k].text)
            if close is None:
                k += 1
                continue
            m = k + 1
            while m < len(toks) and toks[m].text != close and m - k < 40:
                m += 1
            if m >= len(toks) or toks[m].text != close or m == k + 1:
                k += 1
                continue
            inner = toks[k + 1:m]
            title = sent.text[inner[0].start - sent.start:inner[-1].end - sent.start]
            unit = self._quoted_entity(sent, k, m, title)
            if unit is not None:
                out.append(unit)
                k = unit.j
            else:
                k = m + 1
        return out

    def _quoted_entity(self, sent: Sent, q0: int, q1: int, title: str) -> Unit | None:
        toks = sent.tokens
        after = q1 + 1
        case = "nom"
        if after < len(toks) and toks[after].kind == "word" and toks[after].start == toks[q1].end:
            # “X”nin: the suffix after the closing quote
            case = next((_simple_case(r.case) for r in analyse("konqres" + toks[after].low)
                         if r.lemma == "konqres"), "nom")
            after += 1
        if after < len(toks) and (toks[after].low.split("-")[0] in self.company_forms
                                  or toks[after].low in self.company_forms):
            form = toks[after].text.split("-")[0]
            _, c = strip_case(toks[after].text)
            key = self.st.entity("Organization", title, [f"“{title}” {form}", f"{title} {form}"])
            return self._unit(sent, q0, after + 1, "ent", key=key, etype="Organization", case=c, ref="quoted")
        j = after
        if j < len(toks) and toks[j].low in ("mövzusunda", "adlı", "adında", "devizi", "şüarı"):
            j += 1
        while j < len(toks) and (toks[j].low in self.event_modifiers or toks[j].low.endswith("səviyyəli")):
            j += 1
        head = head_reading(toks[j].text, self.event_heads) if j < len(toks) else None
        if head is not None and head[0] not in self.weak_event_heads:
            between = [t.text for t in toks[after:j]]
            head_text = " ".join(between + [capitalize_like(toks[j].text, head[0])])
            key = self.st.entity("Event", title, [f"“{title}” {head_text}", f"{title} {head_text}"])
            return self._unit(sent, q0, j + 1, "ent", key=key, etype="Event", case=head[1], ref="quoted")
        inner_head = head_reading(toks[q1 - 1].text, self.event_heads | {"gün"})
        if inner_head is not None and toks[q1 - 1].is_title and len(title.split()) >= 2:
            key = self.st.entity("Event", title, [f"“{title}”"])
            return self._unit(sent, q0, after, "ent", key=key, etype="Event", case=case, ref="quoted")
        return None

    # -- gazetteer -------------------------------------------------------
    def _gazetteer(self, sent: Sent, taken) -> list[Unit]:
        toks = sent.tokens
        out: list[Unit] = []
        k = 0
        while k < len(toks):
            if taken[k] is not None:
                k += 1
                continue
            matches = [m for m in self.gaz.match_at(toks, k)
                       if not any(taken[x] is not None for x in range(m.start, m.end))]
            if not matches:
                k += 1
                continue
            m = self._choose(matches)
            if m.entry.type in ("Place", "Country") and m.end - m.start == 1 and k > 0 and m.case == "nom" and (
                    toks[k - 1].kind == "initial" or lower(toks[k - 1].text) in self.gaz.first_names):
                k += 1
                continue  # "Rövşən Nəcəf", "R. Nəcəf": a surname, not the city
            key = self.st.from_entry(m.entry)
            out.append(self._unit(sent, m.start, m.end, "ent", key=key, etype=m.entry.type,
                                  case=_simple_case(m.case), ref="gazetteer"))
            k = m.end
        return out

    @staticmethod
    def _choose(matches: list[Match]) -> Match:
        order = {"Country": 0, "Organization": 1, "Event": 2, "Place": 3, "Person": 4}
        def rank(m: Match) -> tuple:
            # a possessive is a name's own form only for izafet names ("Ali Məclisi"), never "Azərbaycanı"
            poss_ok = m.case == "poss" and " " in m.name
            return (m.case != "nom" and not poss_ok, m.case == "poss", m.case.startswith("pl"), order[m.entry.type])
        return sorted(matches, key=rank)[0]

    # -- titles ----------------------------------------------------------
    def _titles(self, sent: Sent, taken) -> list[Unit]:
        toks = sent.tokens
        out: list[Unit] = []
        for k, t in enumerate(toks):
            if taken[k] is not None or t.kind != "word":
                continue
            if t.is_title and k > 0 and taken[k - 1] is None and toks[k - 1].kind == "word" and toks[k - 1].is_title \
                    and k + 1 < len(toks) and head_reading(toks[k + 1].text, self.org_heads) is not None:
                continue  # "Ümumçin Xalq Nümayəndələri Məclisi": part of a name
            found = None
            readings = sorted(analyse(t.text), key=lambda r: not r.case.startswith("poss"))
            for r in readings:
                for title in self.lex.titles_by_last.get(r.lemma, []):
                    n = len(title.words)
                    if k - n + 1 < 0:
                        continue
                    if tuple(x.low for x in toks[k - n + 1:k]) == title.words[:-1] and \
                            all(taken[x] is None for x in range(k - n + 1, k)):
                        if found is None or len(title.words) > len(found[0].words):
                            found = (title, _simple_case(r.case))
            if found is not None and found[0].words[-1] == "nümayəndə" and k + 1 < len(toks) and \
                    toks[k + 1].low.startswith("heyət"):
                found = None  # "nümayəndə heyəti" is a delegation, not a title
            if found is not None and found[0].words == ("üzv",) and k + 1 < len(toks) and \
                    toks[k + 1].kind == "word" and not toks[k + 1].is_title:
                found = None  # "üzv dövlətlər": member states, not a member's title
            minister = self._minister(sent, k, taken)
            if minister is not None and found is not None and minister.title.words == ("nazir",):
                minister = None  # "Baş naziri": the longer title wins over a bare "nazir"
            if found is not None and any(r.case.startswith("pl") and r.lemma == found[0].words[-1]
                                         for r in analyse(t.text)) and not (
                    k + 1 < len(toks) and (toks[k + 1].text in ("-", "–", ":") or
                                           lower(toks[k + 1].text) in self.gaz.first_names)):
                found = None  # "Prezidentlər": a plural title names no one, unless a list follows
            if minister is not None and (found is None or found[0].words[-1] != "müavin"):
                out.append(minister)
            elif found is not None:
                i = k - len(found[0].words) + 1
                possessed = any(r.case.startswith("poss") and r.lemma == found[0].words[-1] for r in analyse(t.text))
                out.append(self._unit(sent, i, k + 1, "title", title=found[0], case=found[1],
                                      ref="possessed" if possessed else None))
        # keep the longest of overlapping titles
        out.sort(key=lambda u: -(u.j - u.i))
        return out

    def _minister(self, sent: Sent, k: int, taken) -> Unit | None:
        """``xarici işlər naziri`` -> a heads-title whose body is the ministry."""
        toks = sent.tokens
        conf = self.lex.minister
        t = toks[k]
        reading = next((r for r in analyse(t.text) if r.lemma == conf["head"] and not r.case.startswith("pl")), None)
        if reading is None:
            return None
        case = _simple_case(reading.case)
        words: list[int] = []
        m = k - 1
        stop = set(conf["stop_words"])
        while m >= 0 and len(words) < conf["max_words"]:
            w = toks[m]
            if taken[m] is not None or w.low in stop:
                break
            if w.kind == "word" and not w.text[:1].isupper() and w.low in self.ministry_words:
                words.insert(0, m)
            elif w.text in conf["joiners"] and words:
                words.insert(0, m)
            elif w.kind == "word" and w.text[:1].isupper() and lower(w.text) in self.ministry_words \
                    and (m == 0 or toks[m - 1].kind == "punct" or taken[m - 1] is not None):
                words.insert(0, m)  # "Energetika naziri" at a sentence start
            else:
                break
            m -= 1
        while words and toks[words[0]].text in conf["joiners"]:
            words.pop(0)
        if not words:
            title = Title(("nazir",), "heads", "country", "none", float(conf["confidence"]))
            return self._unit(sent, k, k + 1, "title", title=title, case=case)
        domain = [toks[x].text if toks[x].text == "," else toks[x].low if toks[x].low == "və"
                  else capitalize(toks[x].low) for x in words]
        body = " ".join(domain).replace(" ,", ",") + " Nazirliyi"
        title = Title(tuple(toks[x].low for x in words) + ("nazir",), "heads", "country", "home_country",
                      float(conf["confidence"]), body=body)
        return self._unit(sent, words[0], k + 1, "title", title=title, case=case)

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
                                             case=_simple_case(noun.case), ref=prev.ref)
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
                if w.low in self.not_names or _has_case(w.text):
                    break
                ev = head_reading(w.text, self.event_heads)
                if ev is not None and ev[0] != lower(w.text):
                    break  # "Parlament Forumu və ...": another name ends here
                if any(r.lemma in self.org_heads and r.case != "nom" for r in analyse(w.text)):
                    break  # "Federal Məclisi | Federasiya Şurası": the owner's name ends here
                i = m
                m -= 1
                continue
            if w.text == "," and not any(toks[x].low == "və" for x in range(m + 1, k)):
                break
            if w.low in _JOINERS:
                look = m
                while look >= 0 and taken[look] is None and toks[look].low in _JOINERS and m - look < 3:
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
        prev = taken[k - 1] if k > 0 else None
        if i == k and not (prev is not None and prev.kind == "ent" and prev.etype in _OWNER_TYPES
                           and prev.case in ("nom", "gen")):
            return None  # a bare head noun ("Komitə sədri") names nothing
        words = [toks[x].text for x in range(i, k)]
        surface = _join(words + [capitalize_like(toks[k].text, head[0])])
        if any(lower(w) in self.not_bodies for w in words):
            return None  # "Mətbuat və İctimaiyyətlə Əlaqələr İdarəsi": a press office
        name = unpossess(surface)
        entry = self.gaz.find(name, "Organization") or self.gaz.find(surface, "Organization")
        key = self.st.from_entry(entry) if entry else self.st.entity("Organization", name, [surface])
        return self._unit(sent, i, k + 1, "ent", key=key, etype="Organization", case=head[1], ref="composed")

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
            if owner.kind != "ent" or owner.etype not in _OWNER_TYPES or owner.case not in ("nom", "gen"):
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
                    u.plural = keys  # type: ignore[attr-defined]

    def _joint(self, sent: Sent, units: list[Unit], a: int, b: int) -> None:
        """"Azərbaycan və İordaniya Hökumətlərarası Komissiyası": a body of both countries."""
        c = b
        while c >= 2 and units[c - 1].text in ("və", ",") and units[c - 2].kind == "ent" and units[c - 2].etype == "Country":
            c -= 2
        u = units[a]
        text = sent.text[units[c].start - sent.start:u.end - sent.start]
        name = body_form(text)
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
        surface = body_form(u.text)
        if u.ref == "gazetteer" and entry is not None and _is_abbr(strip_case(u.text)[0]):
            surface = body.name  # "DİN-ləri": name the body in full
        canon = body.name if entry is not None and _is_abbr(strip_case(u.text)[0]) else unpossess(surface)
        owner_gen = owner.text if owner.case == "gen" else owner_ent.name
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
                labels += [f"{g} {surface}" for g in st.genitives(owner.key)]
                if lookup_key(canon) not in self.home_bodies:
                    labels.append(canon)
                u.key = st.entity("Organization", name, labels, key=_foreign_key(name))
            st.country_of[u.key] = owner.key
        elif entry is None or lower(entry.az) != lower(canon):
            owner_name = owner_ent.name
            name = f"{owner.text} {surface}" if owner.case == "gen" else f"{owner_name} {canon}"
            labels = [canon, f"{owner_name} {canon}", f"{owner.text} {surface}"]
            labels += [f"{label} {canon}" for label in owner_ent.all_labels() if len(label) < 80]
            u.key = st.entity("Organization", name, labels, key=_foreign_key(name))
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
            if b < 0 or out[b].kind != "ent" or out[b].etype != "Organization" or out[b].case not in ("gen", "nom") \
                    or steps == 0 or any(w.low in self.not_bodies for w in out[b + 1:a + 1]):
                a += 1
                continue
            owner = out[b]
            inner = sent.text[out[b + 1].start - sent.start:out[a - 1].end - sent.start] if b + 1 <= a - 1 else ""
            head_text = head[0] if not two else f"{head[0]}"
            body = _join([inner, head_text]).strip()
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
                    or (out[b].text[:1].isupper() and out[b].low not in self.not_names and not _has_case(out[b].text))):
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
                        and cand.case in ("gen", "nom", "dat") and _genitive_chain(out[d + 1:b + 1]):
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
            full = _join([text, head_text]).strip()
            plain = regex.sub(r"\s*\([^()]{1,12}\)", "", full)
            plain = regex.sub(r"\bnövbəti\s+", "", plain)
            aliases = [full] if full != plain else []
            if owner is not None and owner.key and first is owner:
                rest = sent.text[out[start + 1].start - sent.start:out[a - 1].end - sent.start] if a > start + 1 else ""
                rest = regex.sub(r"^\s*\([^()]{1,12}\)\s*", "", rest)
                rest = regex.sub(r"\bnövbəti\s+", "", _join([rest, head_text]).strip())
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

    # -- persons ---------------------------------------------------------------
    def _persons(self, sent: Sent, taken) -> list[Unit]:
        toks = sent.tokens
        out: list[Unit] = []
        k = 0
        while k < len(toks):
            if taken[k] is not None or toks[k].kind == "punct":
                k += 1
                continue
            run = self._name_run(sent, k, taken)
            if not run:
                k += 1
                continue
            for i, j in self._split_run(sent, run, taken):
                out.append(self._unit(sent, i, j, "ent", etype="Person", ref="name"))
            k = run[-1] + 1
        return out

    def _name_run(self, sent: Sent, k: int, taken) -> list[int]:
        toks = sent.tokens
        particles = self.lex.particles
        run: list[int] = []
        j = k
        while j < len(toks) and taken[j] is None and len(run) < 8:
            t = toks[j]
            if run and j + 1 < len(toks) and taken[j + 1] is not None and taken[j + 1].kind == "title" \
                    and t.kind == "word" and len(analyse(t.text)) > 1:
                break  # "Kamran Əliyev İnterpolun prezidenti": İnterpolun owns the title
            if t.kind == "initial":
                run.append(j)
            elif t.kind == "word" and t.text[:1].isupper() and not t.is_upper and not is_ordinal(t.text) \
                    and not t.text[:1].isdigit():
                run.append(j)
            elif t.kind == "word" and t.low in particles and run and j + 1 < len(toks) and \
                    toks[j + 1].text[:1].isupper():
                run.append(j)
            elif t.kind == "word" and is_roman(t.text) and run:
                run.append(j)
            else:
                break
            j += 1
        while run and toks[run[0]].low in self.not_names:
            run.pop(0)
        # a name ends at its surname: "Ceyhun Bayramov | Avropa və Avrasiya ..."
        for x in range(1, len(run) - 1):
            t, nxt = toks[run[x]], toks[run[x + 1]]
            if t.kind == "word" and lower(toks[run[0]].text) in self.gaz.first_names and self._surname_like(t.text) \
                    and not self._surname_like(nxt.text) and nxt.low not in particles \
                    and lower(nxt.text) not in self.gaz.first_names:
                run = run[:x + 1]
                break
        while run and toks[run[-1]].low in particles:
            run.pop()
        return run

    def _split_run(self, sent: Sent, run: list[int], taken):
        """Split a run of capitalised words into names: "Ceyhun Bayramov Erika Olson"."""
        toks = sent.tokens
        names: list[list[int]] = [[]]
        for x in run:
            t = toks[x]
            cur = names[-1]
            real = [y for y in cur if toks[y].kind == "word" and toks[y].low not in self.lex.particles]
            if real and t.kind == "word" and lower(t.text) in self.gaz.first_names and \
                    lower(toks[real[-1]].text) not in self.gaz.first_names and len(real) >= 2:
                names.append([x])
            elif real and t.kind == "initial" and toks[cur[-1]].kind != "initial":
                names.append([x])
            else:
                cur.append(x)
        for name in names:
            if not name:
                continue
            i, j = name[0], name[-1] + 1
            real = [toks[y] for y in name if toks[y].kind == "word" and toks[y].low not in self.lex.particles]
            if not real:
                continue
            titled = self._after_title(sent, i, taken)
            initials = toks[i].kind == "initial"
            first_known = lower(real[0].text) in self.gaz.first_names
            surname_like = self._surname_like(real[-1].text)
            if titled or initials or (len(real) >= 2 and (first_known or surname_like)):
                yield i, j

    def _after_title(self, sent: Sent, i: int, taken) -> bool:
        toks = sent.tokens
        m = i - 1
        while m >= 0 and taken[m] is None and (toks[m].text in (",", ".") or self.lex.is_rank(toks[m].text)):
            m -= 1
        return m >= 0 and taken[m] is not None and taken[m].kind == "title"

    def _surname_like(self, word: str) -> bool:
        for r in analyse(word):
            for suf in self.gaz.surname_suffixes:
                if len(r.lemma) > len(suf) + 1 and r.lemma.endswith(suf):
                    return True
        return False

    # -- abbreviations ---------------------------------------------------------
    def _abbreviation_after(self, units: list[Unit]) -> None:
        """"Dövlət Təhlükəsizliyi Xidmətinin (DTX)": DTX names the same body."""
        for a in range(len(units) - 3):
            u, p, abbr, q = units[a:a + 4]
            if u.kind == "ent" and u.etype in ("Organization", "Country", "Event") and p.text == "(" \
                    and q.text == ")" and abbr.kind in ("word", "ent") and _is_abbr(abbr.text):
                if abbr.kind == "ent" and abbr.key != u.key:
                    if abbr.ref == "gazetteer" and abbr.etype == u.etype and u.ref in ("composed", "quoted"):
                        self.st.add_aliases(abbr.key, [strip_case(u.text)[0]])
                        u.key, u.ref = abbr.key, "composed+abbr"
                        abbr.kind = "abbr"
                    continue
                self.st.abbreviations[lookup_key(abbr.text)] = u.key
                self.st.add_aliases(u.key, [abbr.text])
                abbr.kind, abbr.key, abbr.etype, abbr.ref = "abbr", u.key, u.etype, "abbreviation"

    def _abbreviation_mentions(self, sent: Sent, units: list[Unit]) -> None:
        """Later uses of an abbreviation defined in the article: "DTX-nin"."""
        for u in units:
            if u.kind != "word" or not u.text[:1].isupper():
                continue
            base, case = strip_case(u.text)
            key = self.st.abbreviations.get(lookup_key(base))
            if key is not None:
                u.kind, u.key, u.etype, u.case, u.ref = "ent", key, self.st.etype(key), case, "abbreviation"


def unpossess(name: str) -> str:
    """"Ali Məclisi" -> "Ali Məclis": an adjective and a head take no possessive alone."""
    words = name.split()
    if len(words) == 2 and lower(words[0]) in _ADJ_NO_IZAFET:
        readings = [r for r in analyse(words[1])[1:] if r.case == "poss"]
        readings.sort(key=lambda r: (r.lemma not in _HEADS, -len(r.lemma)))
        if readings:
            return f"{words[0]} {capitalize_like(words[1], readings[0].lemma)}"
    return name


def body_form(text: str) -> str:
    """A body's name as written, without its case suffix but with its
    possessive: "Federasiya Şurasının" -> "Federasiya Şurası"."""
    text = text.strip()
    if not text:
        return text
    words = text.split()
    last = words[-1]
    if "-" in last:
        return " ".join(words[:-1] + [strip_case(last)[0]])
    head = head_reading(last, _HEADS)
    if head is not None:
        return " ".join(words[:-1] + [capitalize_like(last, head[0])])
    return text


def _tables(gaz, lex) -> dict:
    """Word sets derived from the gazetteer, computed once per gazetteer."""
    cached = getattr(gaz, "_ner_tables", None)
    if cached is not None:
        return cached
    home_bodies = {lookup_key(n) for e in gaz.entries.values()
                   if e.type == "Organization" and e.country == "azerbaijan" for n in e.names()}
    # words that name what a ministry is for: from the gazetteer's ministries and titles.yaml
    ministry_words = {lower(w) for w in lex.minister.get("domain_words", [])}
    for e in gaz.entries.values():
        if e.type == "Organization" and any("nazirliyi" in lower(n) for n in e.names()):
            for n in e.names():
                low = lower(n)
                if low.endswith("nazirliyi"):
                    ministry_words.update(w.strip(",") for w in low.split()[:-1])
        for t in e.head_titles:
            ministry_words.update(w.strip(",") for w in t.split()[:-1])
    ministry_words -= {"və", ",", "respublikasının", "azərbaycan", "azərbaycanın", "respublikası", "", "baş"}
    ministry_words -= {lower(w) for e in gaz.entries.values() if e.type == "Country" for w in e.az.split()}
    gaz._ner_tables = {"home_bodies": home_bodies, "ministry_words": ministry_words}
    return gaz._ner_tables


def last_vowel_ok(word: str) -> bool:
    return any(c in "aıoueəiöü" for c in lower(word)) and not word.isupper()


def _foreign_key(name: str) -> str:
    from ..ids import entity_key
    return entity_key("Organization", name)


def _is_abbr(text: str) -> bool:
    letters = [c for c in text.replace(" ", "") if c.isalpha()]
    return 2 <= len(letters) <= 8 and sum(c.isupper() for c in letters) >= len(letters) - 1


def _has_case(word: str) -> bool:
    """The word carries a hyphenated case suffix (BMT-nin, COP29-un)."""
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return bool(head) and len(tail) <= 5 and tail == lower(tail) and any(r.suffix for r in analyse(word)[1:])
    return False


def _simple_case(case: str) -> str:
    if case.startswith(("poss+", "p3+")):
        return case.split("+", 1)[1]
    if case.startswith("pl+"):
        return case[3:]
    if case in ("poss", "pl"):
        return "nom"
    return case


def _genitive_chain(units) -> bool:
    """Lower-case words ending in a genitive: "xarici işlər nazirlərinin"."""
    words = [u for u in units if u.kind == "word"]
    if any(u.kind == "ent" for u in units):
        return False
    if not words:
        return True
    return any(r.case in ("gen", "pl+gen", "poss+gen") for r in analyse(words[-1].text))


def _join(words: list[str]) -> str:
    out = " ".join(w for w in words if w)
    return out.replace(" ,", ",").replace("( ", "(").replace(" )", ")")
