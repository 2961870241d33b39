"""Titles and owners: heads / memberOf, the body a title implies, partOf.

"[owner-gen] title [rank] NAME" -> heads / memberOf (deputies, branch
staff: memberOf), with the implied body ("Serbiyanın energetika naziri" ->
the Serbian energy ministry, partOf Serbia); "[owner-gen] Body" -> partOf;
"X-in rəhbərliyi altında Y" -> heads.
"""
from __future__ import annotations

from ....extract.titles import implied_body
from ....extract.units import Unit
from ....normalize import lookup_key
from ..morph import analyse
from ..ner.forms import genitives, is_rank
from .base import ADVERBIAL, is_arg


class TitleRules:
    # -- titles -------------------------------------------------------------
    def _titles(self) -> None:
        units = self.units
        st = self.st
        for a, t in enumerate(units):
            if t.kind != "title" or t.title is None:
                continue
            if t.case == "gen" and any(x.kind == "title" for x in units[a + 1:a + 4]):
                continue  # "xarici işlər nazirinin müavini": the minister is not the person named
            person = self._title_person(a)
            if person is not None and any(r.case.startswith("pl") for r in analyse(t.text.split()[-1])):
                people = self._list_after(units.index(person), ("Person",))
            else:
                people = [person] if person is not None else []
            chain_owner = self._title_owner(a)
            for extra in people[1:]:
                owner_unit = chain_owner
                if owner_unit is not None and t.title.role != "none":
                    self.rel(extra, t.title.role, owner_unit, f"{t.title.role}.title_list", t.title.confidence)
            owner_unit = chain_owner
            title = t.title
            if person is None:
                continue
            if owner_unit is None and title.owner == "org" and not title.body and self._listed_after(a):
                owner_unit = self.list_owner  # "BDU-nun rektoru A, tədris işləri üzrə prorektor B": the same body
            elif owner_unit is not None:
                self.list_owner = owner_unit
            self.list_end = units.index(person)
            body, body_rule = self._title_body(t, owner_unit)
            info = st.persons.get(person.key)
            if info is not None:
                info.roles.append((title.words, owner_unit.key if owner_unit is not None else body))
                if owner_unit is not None and owner_unit.etype == "Country":
                    info.country = owner_unit.key
                elif body and st.country_of.get(body):
                    info.country = st.country_of.get(body)
                elif owner_unit is not None and st.country_of.get(owner_unit.key):
                    info.country = st.country_of.get(owner_unit.key)
            if title.role == "none" or body is None:
                continue
            role = title.role
            if any(w in t.low for w in self.deputy_words) or self.branch:
                role = "memberOf"
            conf = title.confidence if owner_unit is not None else title.confidence - 0.1
            self.rel(person, role, body, f"{role}.{body_rule}", conf)

    def _listed_after(self, a: int) -> bool:
        """The title at ``a`` continues a list of titled names ("..., prorektor,
        professor B"): only commas, ranks and lower-case words since the last name."""
        if self.list_owner is None or self.list_end is None or self.list_end >= a:
            return False
        between = self.units[self.list_end + 1:a]
        return bool(between) and between[0].text == "," and len(between) <= 6 and all(
            x.kind in ("word", "punct", "title") and not x.text[:1].isupper() for x in between)

    def _title_person(self, a: int) -> Unit | None:
        """The name the title stands before (ranks and further titles may intervene)."""
        units = self.units
        b = a + 1
        while b < len(units) and b - a < 12:
            u = units[b]
            prev = units[b - 1]
            if u.kind == "ent" and u.etype == "Person":
                return u
            if u.kind == "title" or u.text in (",", "-", "–", ":", ".") or u.kind == "word" and \
                    is_rank(self.st.lex, u.text):
                b += 1
                continue
            if u.text == "və" and b + 1 < len(units) and units[b + 1].kind == "title":
                b += 1  # "təsisçisi və rəhbəri"
                continue
            if u.kind == "ent" and u.etype in ("Organization", "Country") and u.case in ("gen", "nom") and \
                    prev.text == "," and b + 1 < len(units) and units[b + 1].kind in ("title", "word", "abbr"):
                b += 1  # the owner of a further title: "..., IDEA İctimai Birliyinin təsisçisi və rəhbəri"
                continue
            if u.kind in ("word", "abbr") and b + 1 < len(units) and not u.text[:1].isupper() and \
                    any(x.kind == "title" for x in units[b + 1:b + 4]):
                b += 1
                continue
            if u.kind == "abbr" or u.text in ("(", ")"):
                b += 1
                continue
            return None
        return None

    def _title_owner(self, a: int) -> Unit | None:
        """The owner of the title at ``a``: the genitive (or compound) entity
        before it; further genitive titles and modifiers may intervene
        ("YUNESKO-nun Baş direktorunun təhsil üzrə müavini")."""
        units = self.units
        b = a - 1
        steps = 0
        self.branch = False
        title = units[a].title
        posted = title is not None and title.words[-1] in self.posted_titles
        while b >= 0 and steps < 6:
            u = units[b]
            if u.text == ")":  # "(BMT İP)": skip the whole parenthesis
                while b > 0 and units[b].text != "(":
                    b -= 1
                b -= 1
                continue
            if u.kind == "abbr" or u.text == "(":
                b -= 1
                continue
            if u.low == "üzrə" and steps == 0:
                c = b - 1  # "... İctimai-siyasi və humanitar məsələlər üzrə müavini": the domain of the deputy
                while c >= 0 and b - c <= 8 and units[c].kind in ("word", "punct") and units[c].text not in (".", ":"):
                    c -= 1
                if c >= 0 and units[c].kind in ("title", "ent"):
                    b = c
                    continue
            if u.kind == "ent" and u.etype == "Person" and u.case == "gen" and units[a].title is not None \
                    and units[a].title.role == "memberOf":
                body = self._headed_body(u.key)  # "Başçısının (= X-in) müavini": a member of the body X heads
                if body is not None:
                    return Unit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="gen", key=body,
                                etype=self.st.etype(body), ref="person-body+owner")
                return None
            if u.kind == "ent" and u.etype in ("Country", "Organization", "Event") and u.case in ("gen", "nom"):
                u.ref = (u.ref or "") + "+owner"
                if u.etype == "Event":
                    return None  # "COP29-un baş danışıqçısı": a role at an event, no body
                return u
            if u.kind == "ent" and u.etype == "Country" and u.case == "locadj":
                b -= 1  # "Azərbaycanın Portuqaliyadakı səfiri"
                while b >= 1 and units[b].text in self.conjunctions and units[b - 1].kind == "ent" \
                        and units[b - 1].etype == "Country" and units[b - 1].case == "nom":
                    b -= 2  # "Azərbaycanın Vatikan və Portuqaliyadakı səfiri": one suffix for both posts
                continue
            if u.kind == "ent" and u.etype in ("Place", "Country") and u.case == "loc" and posted:
                b -= 1  # "Türkiyənin Azərbaycanın Gəncə şəhərində baş konsulu": where the post is
                if b >= 0 and units[b].kind == "ent" and units[b].etype == "Country" and units[b].case == "gen" \
                        and b > 0 and units[b - 1].kind == "ent" and units[b - 1].etype == "Country":
                    b -= 1
                continue
            if u.text == "və" and b > 0 and units[b - 1].kind == "title":
                b -= 2  # "təsisçisi və rəhbəri": one owner for both titles
                continue
            if u.kind == "title" and u.case == "gen":
                if u.title is not None and u.title.body and u.title.words[-1] == "nazir":
                    body, _ = self._title_body(u, self._title_owner(b))
                    if body:  # "... nazirinin müavini": a member of that ministry
                        return Unit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="gen", key=body,
                                    etype="Organization", ref="title-body+owner")
                b -= 1
                steps += 1
                continue
            if u.kind == "word" and u.low not in self.postpositions and \
                    any(r.case in ADVERBIAL and len(r.lemma) > 3 for r in analyse(u.text)[1:]):
                return None  # "Konfransın açılışında | naziri": the title's owner is not before this
            if u.kind == "word" and u.low in self.branch_words:
                self.branch = True  # "Təşkilatının Azərbaycandakı nümayəndəliyinin rəhbəri": a member
                b -= 1
                steps += 1
                continue
            if u.kind == "word" and not u.text[:1].isupper() and u.low not in (",", "və", "ilə") and steps < 4:
                demonym = self.st.gaz.by_adjective.get(u.low)
                if demonym is not None:
                    key = self.st.from_entry(demonym)
                    return Unit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="gen", key=key,
                                etype="Country", ref="demonym+owner")
                if u.low in ("bu", "həmin"):
                    return None
                b -= 1
                steps += 1
                continue
            if u.kind == "word" and u.text[:1].isupper() and steps < 3 and u.low not in self.st.lex.nouns["not_names"]:
                demonym = self.st.gaz.by_adjective.get(u.low)
                if demonym is not None:
                    key = self.st.from_entry(demonym)
                    return Unit("ent", u.i, u.j, u.start, u.end, u.text, u.low, case="gen", key=key,
                                etype="Country", ref="demonym+owner")
                b -= 1
                steps += 1
                continue
            return None
        return None

    def _title_body(self, t: Unit, owner: Unit | None) -> tuple[str | None, str]:
        """The entity the title's holder heads or belongs to."""
        st = self.st
        title = t.title
        if title.body and title.words[-1] == "nazir" and "{" not in title.body:
            # "<domain> naziri": the ministry of the owner country (home by default)
            country = owner.key if owner is not None and owner.etype == "Country" else None
            if owner is not None and owner.etype == "Organization":
                return owner.key, "title"
            home = country is None or country == st.home
            if home and st.home:
                entry = st.gaz.by_head_title.get(" ".join(title.words[:-1]) + " naziri") or \
                    st.gaz.find(title.body, "Organization")
                if entry is not None and entry.country in (None, "azerbaijan"):
                    key = st.from_entry(entry)
                else:
                    home_name = st.entities[st.home].name
                    key = st.entity("Organization", title.body, [f"{home_name} {title.body}",
                                                                 f"{home_name}ın {title.body}"])
                    st.country_of.setdefault(key, st.home)
                if country == st.home:
                    self.rel(key, "partOf", owner, "partOf.title_owner", 0.75)
                return key, "minister"
            cname = st.entities[country].name
            labels = [f"{g} {title.body}" for g in genitives(st, country)]
            labels += [f"{n} {title.body}" for n in st.entities[country].all_labels() if len(n) < 40]
            key = st.entity("Organization", f"{cname} {title.body}", labels)
            st.country_of.setdefault(key, country)
            self.rel(key, "partOf", country, "partOf.title_owner", 0.75)
            return key, "minister"
        if title.words == ("nazir",) and owner is None:
            return None, ""  # a bare "nazir" with no owner: whose minister is not said
        implied = implied_body(st, title, owner.key if owner is not None else None,
                               possessed=t.ref == "possessed", name_forms=lambda key: genitives(st, key))
        if implied.part_of is not None:
            self.rel(implied.body, "partOf", implied.part_of[0], implied.part_of[1], implied.part_of[2])
        return implied.body, implied.rule

    def _bracketed_countries(self) -> None:
        """"İqor Popov (Rusiya)": the person represents, so belongs to, that country."""
        units = self.units
        for a, u in enumerate(units[:-3]):
            if is_arg(u, ("Person",)) and units[a + 1].text == "(" and units[a + 3].text == ")" \
                    and is_arg(units[a + 2], ("Country",)):
                self.rel(u, "memberOf", units[a + 2], "memberOf.bracketed_country", 0.7)

    def _led_by(self) -> None:
        """"Mehriban Əliyevanın rəhbərliyi altında Heydər Əliyev Fondu": she heads it."""
        units = self.units
        for a, u in enumerate(units[:-2]):
            if u.low in ("rəhbərliyi", "başçılığı", "sədrliyi") and units[a + 1].low in ("altında", "ilə") and a > 0:
                leader = units[a - 1]
                org = units[a + 2]
                if is_arg(leader, ("Person",)) and leader.case == "gen" and is_arg(org, ("Organization",)):
                    self.rel(leader, "heads", org, "heads.led_by", 0.7)

    # -- owners -> partOf ---------------------------------------------------
    def document_done(self) -> None:
        """A council whose meeting is an event of the story is no body of its
        own (ANNOTATION.md): its partOf facts go, wherever it was named."""
        councils = self.meeting_councils
        self.st.drop(lambda r: not (r.predicate == "partOf" and r.subject in councils))

    def _council(self, u: Unit) -> bool:
        name = lookup_key(self.st.entities[u.key].name).split() if u.key in self.st.entities else []
        return bool(name) and any(name[-1].startswith(c) for c in self.council_heads)

    def _owners(self) -> None:
        st = self.st
        # bodies inside a name are bodies too, but a council whose meeting the event is is no body of its own
        inner = [x for u in self.units for x in u.inner
                 if u.etype == "Organization" or not self._council(x)]
        self.meeting_councils.update(x.key for u in self.units if u.etype == "Event" for x in u.inner
                                     if self._council(x))
        for u in self.units + inner:
            if u.kind == "ent" and u.owner and u.etype == "Organization":
                self.rel(u, "partOf", u.owner, "partOf.owner", 0.8)
            elif u.kind == "ent" and u.etype == "Organization" and u.key in st.key_entry:
                # a known body named with its parent: "BMT-nin Narkotiklər ... İdarəsi"
                entry = st.key_entry[u.key]
                words = lookup_key(u.text).split()
                for parent_id in (entry.part_of, entry.country):
                    parent = st.gaz.entries.get(parent_id or "")
                    if parent is None:
                        continue
                    # a state company or university is its country's only when named "Azərbaycanın X-i"
                    genitive = parent.type == "Country" and entry.kind in self.genitive_only_kinds
                    if any(_names_in(lookup_key(n).split(), words, genitive) for n in parent.names()
                           if len(lookup_key(n)) > 1):
                        self.rel(u, "partOf", st.from_entry(parent), "partOf.named_parent", 0.75)
                        break  # "Parlamentinin İcmalar Palatası": part of the parliament, not directly of the country


_GENITIVE_ENDINGS = ("in", "ın", "un", "ün", "nin", "nın", "nun", "nün")


def _names_in(name: list[str], words: list[str], genitive: bool = False) -> bool:
    """The words of ``name`` stand in ``words`` (folded), its last word bare or
    with a genitive ending ("Azərbaycanın", "BMT-nin"); ``genitive``: only with it."""
    n = len(name)
    for i in range(len(words) - n + 1):
        if words[i:i + n - 1] != name[:-1]:
            continue
        last, word = name[-1], words[i + n - 1]
        nxt = words[i + n] if i + n < len(words) else ""
        with_suffix = word.startswith(last) and word[len(last):] in _GENITIVE_ENDINGS or (
            word == last and nxt in _GENITIVE_ENDINGS)  # "BMT-nin" folds to "bmt nin"
        if with_suffix or word == last and not genitive:
            return True
    return False
