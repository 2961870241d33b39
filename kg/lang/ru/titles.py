"""Titles in apposition: «[title] [owner] [в X] NAME» -> heads / memberOf.

The body a title implies («генеральный прокурор России» → Генеральная
прокуратура России, partOf Россия; «министр иностранных дел Турции» →
Министерство иностранных дел Турции) is a gazetteer body when the
gazetteer knows the name, else a new one: the core's
``kg.extract.titles.implied_body`` decides, given the owner's genitive as
the text wrote it; ministers' domain words are Russian and handled here. With no owner named, the
title's default applies in an Azerbaijani outlet («Президент Ильхам Алиев»
→ Азербайджан, «генеральный прокурор Кямран Алиев» → the Prosecutor
General's Office); the finishing step drops that guess when the article
says whom the person heads.
"""
from __future__ import annotations

from ...extract.titles import implied_body
from .morph import fold
from .ner import RuUnit


class TitleRules:
    def __init__(self, rules):
        self.r = rules
        self.st = rules.st

    def apply(self, units: list[RuUnit]) -> None:
        for a, t in enumerate(units):
            if t.kind != "title" or t.title is None or t.title.role == "none":
                continue
            owner, person = self._owner(units, a), self._person(units, a)
            if person is None:
                continue
            body, how = self._body(t, owner)
            if body is None:
                continue
            rule = f"{t.title.role}.{how}"
            conf = t.title.confidence - (0.1 if how == "title_default" else 0)
            self.r.rel(person, t.title.role, body, rule, conf)
            self.r.coref.note_role(t.title.words, owner.key if isinstance(owner, RuUnit) else owner, person.key,
                                   t.title.body if t.title.body and "{" not in t.title.body else None)

    def _owner(self, units: list[RuUnit], a: int):
        t = units[a]
        if t.owner:
            return t.owner
        if a + 1 < len(units):
            u = units[a + 1]
            if u.kind == "ent" and u.etype in ("Country", "Organization") and u.key and (
                    u.case == "gent" or u.text.isupper() or u.ref in ("demonym", "home")
                    or self.r._titled_person_after(a + 1)):
                return u
        if a > 0 and units[a - 1].kind == "ent" and units[a - 1].ref == "demonym":
            return units[a - 1]
        return None

    @staticmethod
    def _person(units: list[RuUnit], a: int) -> RuUnit | None:
        if units[a].ref == "title-ref":
            return None
        if a > 1 and units[a - 1].text == "," and units[a - 2].kind == "ent" and units[a - 2].etype == "Person":
            return units[a - 2]  # «Кямран Алиев, генеральный прокурор Азербайджана, …»
        for b in range(a + 1, min(len(units), a + 6)):
            u = units[b]
            if u.kind == "ent" and u.etype == "Person":
                return u
            if u.kind == "ent" and u.etype in ("Country", "Organization", "Place") or fold(u.text) in ("в", "во") \
                    or u.ref in ("rank", "title-tail"):
                continue
            if u.kind == "punct" and u.text in "()":
                continue
            return None
        return None

    def _body(self, t: RuUnit, owner) -> tuple[str | None, str]:
        st = self.st
        title = t.title
        okey = owner.key if isinstance(owner, RuUnit) else owner
        otype = st.etype(okey)
        names = self.r.names
        home_id = st.key_entry[st.home].id if st.home in st.key_entry else None
        if title.body and "{" not in title.body:  # a minister: «Министерство <domain words> [owner]»
            if otype == "Organization":
                return okey, "title"
            if okey is None or okey == st.home:
                entry = names.find(title.body.split(), "Organization")
                if entry is not None and entry.country in (None, home_id):
                    key = st.from_entry(entry)
                elif st.home:
                    key = st.entity("Organization", f"{title.body} {self._genitive(st.home)}")
                    st.country_of.setdefault(key, st.home)
                else:
                    return None, ""
                if okey == st.home:
                    self.r.rel(key, "partOf", okey, "partOf.title_owner", 0.75)
                return key, "minister" if okey else "title_default"
            name = title.body if t.owner else f"{title.body} {self._genitive(okey, owner)}"
            entry = names.find(name.split(), "Organization")
            key = st.from_entry(entry) if entry is not None else st.entity("Organization", name)
            st.country_of.setdefault(key, okey)
            self.r.rel(key, "partOf", okey, "partOf.title_owner", 0.75)
            return key, "minister"
        if okey is not None and title.owner == "org" and otype != "Organization":
            return None, ""
        imp = implied_body(st, title, okey, name_of=lambda key: self._genitive(key, owner),
                           name_forms=lambda key: [self._genitive(key)])
        if imp.part_of is not None:
            self.r.rel(imp.body, "partOf", imp.part_of[0], imp.part_of[1], imp.part_of[2])
        return imp.body, imp.rule

    def _genitive(self, key: str, unit=None) -> str:
        """The owner as the text wrote it (a genitive), else its name in the genitive."""
        if isinstance(unit, RuUnit) and unit.kind == "ent":
            return unit.text
        ent = self.st.entities[key]
        name = ent.labels.get("ru") or ent.name
        from .morph import info
        words = name.split()
        last = info(words[-1]).readings
        form = None
        for r in last:
            if r.case == "nomn" and r.known:
                try:
                    inf = r.parse.inflect({"gent"})
                except (ValueError, KeyError):
                    inf = None
                form = inf.word if inf else None
                break
        if form:
            form = form[:1].upper() + form[1:] if words[-1][:1].isupper() else form
            return " ".join(words[:-1] + [form])
        return name
