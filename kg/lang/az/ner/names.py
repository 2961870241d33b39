"""Names in one sentence: quoted titles, gazetteer names, person names, abbreviations.

Person names are only delimited here; their canonical form is decided for
the whole document afterwards (``kg.lang.az.persons``), since "Əliyevin" and
"Əliyev" must agree.
"""
from __future__ import annotations

from ....extract.units import Sent, Unit
from ....normalize import lookup_key, lower, upper
from ..match import Match
from ..morph import analyse
from .forms import (
    QUOTES,
    capitalize_like,
    head_reading,
    is_abbr,
    is_ordinal,
    is_rank,
    is_roman,
    simple_case,
    strip_case,
)


class NameMixin:
    # -- quoted titles ---------------------------------------------------
    def _quoted(self, sent: Sent) -> list[Unit]:
        toks = sent.tokens
        out: list[Unit] = []
        k = 0
        while k < len(toks):
            close = QUOTES.get(toks[k].text)
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
            case = next((simple_case(r.case) for r in analyse("konqres" + toks[after].low)
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
            matches = [m for m in self.matcher.match_at(toks, k)
                       if not any(taken[x] is not None for x in range(m.start, m.end))]
            if not matches:
                k += 1
                continue
            m = self._choose(matches)
            if m.entry.type in ("Place", "Country") and m.end - m.start == 1 and k > 0 and m.case == "nom" and (
                    toks[k - 1].kind == "initial" or lower(toks[k - 1].text) in self.gaz.first_names):
                k += 1
                continue  # "Rövşən Nəcəf", "R. Nəcəf": a surname, not the city
            key = self._acronym_of_named(toks[k].text, m.entry.type) if m.end - m.start == 1 else None
            key = key or self.st.from_entry(m.entry)
            out.append(self._unit(sent, m.start, m.end, "ent", key=key, etype=m.entry.type,
                                  case=simple_case(m.case), ref="gazetteer"))
            k = m.end
        return out

    def _acronym_of_named(self, word: str, etype: str) -> str | None:
        """An acronym stands for the body of those initials the article named
        before, rather than the gazetteer's: after "Moskva Dövlət Universiteti",
        "MDU-nun rektoru" is its rector, not Mingəçevir's."""
        acronym = strip_case(word)[0]
        if not is_abbr(acronym) or not acronym.isupper():
            return None
        found = [k for k, e in self.st.entities.items() if e.type == etype and len(e.name.split()) == len(acronym)
                 and "".join(w[:1] for w in e.name.split()).upper() == upper(acronym)]
        return found[-1] if len(found) == 1 and lower(self.st.entities[found[-1]].name) != lower(acronym) else None

    @staticmethod
    def _choose(matches: list[Match]) -> Match:
        order = {"Country": 0, "Organization": 1, "Event": 2, "Place": 3, "Person": 4}
        def rank(m: Match) -> tuple:
            # a possessive is a name's own form only for izafet names ("Ali Məclisi"), never "Azərbaycanı"
            poss_ok = m.case == "poss" and " " in m.name
            return (m.case != "nom" and not poss_ok, m.case == "poss", m.case.startswith("pl"), order[m.entry.type])
        return sorted(matches, key=rank)[0]

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
            elif t.kind == "word" and run and "-" in t.text and t.low.split("-")[0] in particles \
                    and t.text.split("-", 1)[1][:1].isupper():
                run.append(j)  # "Əbdüləziz Osman əl-Tuveycri"
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
        while m >= 0 and taken[m] is None and (toks[m].text in (",", ".") or is_rank(self.lex, toks[m].text)):
            m -= 1
        # a title in the genitive owns what follows ("Başçısının İctimai-siyasi ... müavini"), it names no one
        return m >= 0 and taken[m] is not None and taken[m].kind == "title" and taken[m].case != "gen"

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
                    and q.text == ")" and abbr.kind in ("word", "ent") and is_abbr(abbr.text):
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

