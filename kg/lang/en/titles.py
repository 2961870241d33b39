"""The shared machinery of the English relation rules, and the titles.

``Base`` finds cue phrases, subjects, coordinated lists ("A, B and C") and
hands every fact to ``DocState.relate``, which checks it against the
ontology's domain and range. ``TitleRules`` reads appositions: "[Owner's |
Adjective | Org] Title [,] NAME", "Title of [the] Owner [,] NAME", "NAME,
[the] Title of Owner" -> heads / memberOf the owner or the body the title
implies (a foreign minister heads his country's ministry, which is partOf
the country; a prime minister the government; "President X" with no owner
the home country); a title alone refers to its holder; and bodies with their
owners ("Azerbaijan's Ministry of Defence", "Azerbaijani State Committee ...")
are partOf them.
"""
from __future__ import annotations

from ...ids import entity_key
from ...extract.state import DocState
from ...extract.units import Sent, Unit
from .lexicon import Lexicon, Title
from .refs import References

AGENTS = ("Person", "Organization", "Country")


def is_arg(u: Unit, types=AGENTS) -> bool:
    return u.kind == "ent" and u.etype in types and u.key is not None and u.ref != "pair" and \
        "owner" not in (u.ref or "")


class Base:
    def __init__(self, state: DocState, lex: Lexicon, refs: References):
        self.st, self.lex, self.refs = state, lex, refs
        self.cue = {k: lex.phrases(k) for k in lex.cues}

    sent: Sent
    u: list[Unit]

    def rel(self, s, p: str, o, rule: str, conf: float) -> None:
        if s is None or o is None:
            return
        sk, ok = (s.key if isinstance(s, Unit) else s), (o.key if isinstance(o, Unit) else o)
        self.st.relate(sk, p, ok, self.sent.index, f"en.{rule}", conf,
                       s.span if isinstance(s, Unit) else None, o.span if isinstance(o, Unit) else None)

    # -- finding things --------------------------------------------------
    def find(self, phrases, start: int = 0, stop: int | None = None) -> tuple[int, int]:
        """(first unit, units used) of the earliest cue phrase in units[start:stop]; (-1, 0) if none."""
        stop = len(self.u) if stop is None else min(stop, len(self.u))
        for a in range(start, stop):
            for ph in phrases:
                n = len(ph)
                if a + n <= stop and all(self.u[a + x].kind in ("word", "punct") and self.u[a + x].low == ph[x]
                                         for x in range(n)):
                    return a, n
        return -1, 0

    def _subject(self, before: int, types=AGENTS) -> Unit | None:
        for u in self.u[:before]:
            if is_arg(u, types):
                return u
        return None

    def _relative_subject(self, a: int) -> Unit | None:
        """"Dennis Francis, who arrived in ...": the person before "who"."""
        for b in range(a - 1, max(-1, a - 8), -1):
            if self.u[b].low == "who":
                for c in range(b - 1, -1, -1):
                    if is_arg(self.u[c], ("Person",)):
                        return self.u[c]
                return None
        return None

    def actors(self, a: int, protagonist: bool = True) -> list[Unit]:
        """The agents of the verb at unit ``a``: the list before it, else the sentence's subject."""
        rel = self._relative_subject(a)
        if rel is not None:
            return [rel]
        found = self.list_before(a)
        if found:
            return found
        subj = self._subject(a, ("Person",))
        if subj is None and protagonist and self.refs.protagonist:
            return [self.refs.protagonist]  # type: ignore[list-item]
        return [subj] if subj is not None else []

    def list_before(self, a: int, types=AGENTS) -> list[Unit]:
        """The coordinated list ending just before unit ``a``: "A, B and C" (titles and owners between)."""
        out: list[Unit] = []
        b = a - 1
        while b >= 0:
            u = self.u[b]
            if is_arg(u, types):
                out.insert(0, u)
            elif u.kind in ("title", "adj", "pos") or "owner" in (u.ref or "") or u.low in (",", "and", "the", "of"):
                pass
            elif u.low in ("has", "have", "had", "also", "will", "was", "were", "is", "then", "later", "today",
                           "yesterday", "officially", "personally") and not out:
                pass
            else:
                break
            b -= 1
        return out

    def list_after(self, a: int, types=AGENTS, limit: int = 40) -> list[Unit]:
        """The coordinated list starting after unit ``a`` ("with B", "B, C and D")."""
        out: list[Unit] = []
        b = a
        while b < len(self.u) and b < a + limit:
            u = self.u[b]
            if is_arg(u, types):
                out.append(u)
            elif u.kind in ("title", "adj", "pos") or "owner" in (u.ref or "") or u.low in (
                    ",", "and", "the", "with", "of", "as", "well", "including", "a", "an", "-", "–", "from", "also"):
                pass
            elif u.low in self.lex.ranks or u.low in ("led", "headed", "by", "delegation") and not out:
                pass
            else:
                break
            b += 1
        return out

    def _first_after(self, a: int, types, limit: int = 8) -> Unit | None:
        for u in self.u[a:a + limit]:
            if is_arg(u, types):
                return u
            if u.low in (".", ";") or u.kind == "word" and u.low in ("and", "while", "who", "which"):
                return None
        return None

    def _event_before(self, a: int) -> Unit | None:
        for u in reversed(self.u[:a]):
            if u.kind == "ent" and u.etype == "Event":
                return u
        return None



class TitleRules(Base):
    # -- owners ----------------------------------------------------------------
    def _owners(self) -> None:
        """A body with its owner: "Azerbaijan's Ministry of Defence", a composed
        name's country, a gazetteer name that starts with its parent's name."""
        for x, u in enumerate(self.u):
            if u.kind != "ent" or u.etype != "Organization":
                continue
            if u.owner:
                self.rel(u, "partOf", u.owner, "partOf.owner", 0.8)
            if x >= 2 and self.u[x - 1].kind == "pos" and self.u[x - 2].kind == "ent" and \
                    self.u[x - 2].etype in ("Country", "Organization"):
                self.rel(u, "partOf", self.u[x - 2], "partOf.possessive", 0.8)
                self.u[x - 2].ref = (self.u[x - 2].ref or "") + "+owner"
            elif x >= 1 and self.u[x - 1].kind == "adj":
                self.rel(u, "partOf", self.u[x - 1].key, "partOf.adjective", 0.75)

    def _titles(self) -> None:
        for a, t in enumerate(self.u):
            if t.kind == "title":
                self._title(a, t)

    def _title_owner(self, a: int) -> tuple[Unit | None, int]:
        """The owner of the title at ``a`` and the unit after the title phrase."""
        u = self.u
        after = a + 1
        owner = None
        if a >= 2 and u[a - 1].kind == "pos" and u[a - 2].kind == "ent" and u[a - 2].etype != "Person":
            owner = u[a - 2]
        elif a >= 1 and u[a - 1].kind == "adj":
            owner = u[a - 1]
        elif a >= 1 and u[a - 1].kind == "ent" and u[a - 1].etype in ("Organization", "Country", "Event") \
                and u[a - 1].ref not in ("pair",):
            owner = u[a - 1]
        if after + 1 < len(u) and u[after].low == "of":
            b = after + 1
            while b < len(u) and u[b].low == "the":
                b += 1
            if b < len(u) and u[b].kind == "ent" and u[b].etype in ("Organization", "Country", "Event"):
                owner, after = u[b], b + 1
        if owner is not None and owner.kind == "ent":
            owner.ref = (owner.ref or "") + "+owner"
        return owner, after

    def _title(self, a: int, t: Unit) -> None:
        owner, after = self._title_owner(a)
        holder = None
        b = after
        while b < len(self.u) and (self.u[b].low in (",", "mr", "mrs", "ms", "dr", ".") or self.u[b].low in self.lex.ranks):
            b += 1
        if b < len(self.u) and self.u[b].kind == "ent" and self.u[b].etype == "Person":
            holder = self.u[b]
        elif a >= 2 and self.u[a - 1].low in (",", "the") and is_arg(self.u[a - 2 if self.u[a - 1].low == "," else a - 2], ("Person",)):
            holder = self.u[a - 2]  # "Kamran Aliyev, Prosecutor General of Azerbaijan"
        title: Title = t.title
        if holder is None:
            self._title_ref(a, t, owner, after)
            return
        if owner is None and a >= 2 and self.u[a - 1].low == "and":
            prev = next((p for p in reversed(self.u[:a - 1]) if p.kind == "title"), None)
            owner = getattr(prev, "owner_unit", None)  # "Turkish Prime Minister X and Foreign Minister Y"
        t.owner_unit = owner  # type: ignore[attr-defined]
        info = self.st.persons.get(holder.key)
        owner_key = owner.key if owner is not None else None
        if info is not None:
            info.roles.append((title.words, owner_key))
            if owner is not None and owner.etype == "Country":
                info.country = owner.key
        if title.role == "none":
            return
        body, rule = self._body(title, owner, holder)
        if owner is not None and owner.etype == "Event":
            p = "cochairedBy" if "co" in title.words else "chairedBy"
            if title.role == "heads":
                self.rel(owner, p, holder, f"{p}.title", title.confidence)
            return
        self.rel(holder, title.role, body, rule, title.confidence if rule != "title_default" else title.confidence - 0.1)

    def _title_ref(self, a: int, t: Unit, owner: Unit | None, after: int) -> None:
        """A title alone: its holder named before ("the Georgian Prosecutor General")."""
        words = t.title.words
        cands = []
        for p in self.st.persons.values():
            for w, o in p.roles:
                if w == words and (owner is None or o is None or o == owner.key or p.country == owner.key):
                    cands.append(p.key)
                    break
        if len(set(cands)) != 1:
            return
        key = cands[0]
        first = self.u[a - 1] if owner is not None and owner.kind == "adj" and a >= 1 and self.u[a - 1] is owner else t
        end = self.u[after - 1]
        ref = Unit("ent", first.i, end.j, first.start, end.end, t.text, t.low, key=key, etype="Person", ref="title-ref")
        lo = self.u.index(first)
        self.u[lo:after] = [ref] + [None] * (after - lo - 1)  # type: ignore[list-item]
        self.u[:] = [x for x in self.u if x is not None]

    def _body(self, title: Title, owner: Unit | None, holder: Unit) -> tuple[str | None, str]:
        st = self.st
        entry = st.key_entry.get(holder.key)
        if owner is None and entry is not None and entry.country in st.gaz.entries and (
                title.default == "home_country" or title.body):
            country = st.from_entry(st.gaz.entries[entry.country])  # a known person's own country
            explicit = False
        elif owner is not None and owner.etype == "Country":
            country, explicit = owner.key, True
        elif owner is not None:
            return owner.key, "heads.title" if title.role == "heads" else "memberOf.title"
        else:
            country, explicit = None, False
        rule = f"{title.role}.title"
        if title.body is None:
            if country is not None and (explicit or title.default == "home_country"):
                return country, rule if explicit else f"{title.role}.title_default"
            if title.default == "home_country" and st.home:
                return st.home, f"{title.role}.title_default"
            if title.default in st.gaz.entries:
                return st.from_entry(st.gaz.entries[title.default]), f"{title.role}.title_default"
            return None, ""
        if country is None and not (title.default == "home_country" or title.default in st.gaz.entries):
            return None, ""
        country = country or st.home
        if country is None:
            return None, ""
        body = self._implied(title, country)
        if body is not None and explicit:
            self.rel(body, "partOf", country, "partOf.title_owner", 0.75)
        return body, rule if explicit else f"{title.role}.title_default"

    def _implied(self, title: Title, country: str) -> str | None:
        """The body a title implies in ``country``: the gazetteer's, else a new
        one keyed by its Azerbaijani name (the same node an Azerbaijani article makes)."""
        st = self.st
        if country == st.home and title.default in st.gaz.entries and "{domain}" not in (title.body or ""):
            if not title.words[0] == "minister":
                return st.from_entry(st.gaz.entries[title.default])
        c = st.entities[country]
        en_names = [n for n in c.all_labels() if n.isascii()] or [c.name]
        candidates = [title.body.format(country=n) for n in en_names]
        az_name = title.body_az.format(country=c.labels.get("az", c.name)) if title.body_az else None
        if az_name:
            candidates.append(az_name)
            if country == st.home and title.words[0] == "minister":
                candidates.append(self.lex.minister["home_body_az"].replace(
                    "{domain}", az_name[len(c.labels.get("az", c.name)) + 1:-len(" Nazirliyi")]))
        for name in candidates:
            entry = st.gaz.find(name, "Organization")
            if entry is not None:
                return st.from_entry(entry)
        en = candidates[0]
        key = entity_key("Organization", az_name or en)
        key = st.entity("Organization", en, [a for a in candidates[1:]], key=key)
        if az_name:
            st.entities[key].labels["az"] = az_name
        st.country_of.setdefault(key, country)
        return key
