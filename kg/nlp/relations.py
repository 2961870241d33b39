"""Relations from Azerbaijani constructions, one sentence at a time.

Each rule reads the analysed sentence (entity units with their case, the
words between them) and the cue lists of ``data/patterns/cues.yaml``. Rule
ids (``met.comitative``, ``heads.title`` …) go into the provenance of every
fact; confidences are per rule. The rules are general constructions, not
wordings of particular articles:

* titles: "[owner-gen] title [rank] NAME" -> heads / memberOf (+ implied body)
* owners: "[owner-gen] Body" -> partOf
* met: "A B ilə görüşüb", "A B-ni qəbul edib", "A ilə B arasında görüş",
  "B ilə keçirilən görüşdə", "A etimadnaməsini B-yə təqdim edib"
* visited: "A X-ə səfər edib / səfərə gəlib", "X-də səfərdə olan A",
  "A-nın X-ə səfəri", "X-ə səfər çərçivəsində A", "A ... X-də ziyarət edib"
* participatedIn: "A E-də iştirak edib", "E-də çıxış edən A", "C-ni E-də A təmsil edib"
* heldIn: "P-də keçirilən E", "P-də E keçirilib / işinə başlayıb"
* organizedBy / cochairedBy / chairedBy: "A tərəfindən təşkil olunan E",
  "A-nın təşkilatçılığı ilə", "A tərəfindən həmsədrlik edilən E"
* partOf (events): "E1 çərçivəsində E2", "E2 E1 gündəliyinin ayrılmaz hissəsi"
* cooperatesWith: "A ilə B arasında əməkdaşlıq", "A-B münasibətləri",
  "A-nın B ilə əlaqələri", "ölkələrimiz arasında", "qurumlararası əməkdaşlıq"
"""
from __future__ import annotations

from .coref import Coreference
from .doc import DocState, Sent, Unit
from .morph import analyse
from .normalize import lookup_key

AGENTS = ("Person", "Organization", "Country")
_POSTPOSITIONS = {"üzrə", "ilə", "kimi", "qarşı", "görə", "sonra", "əvvəl", "daxil", "tərəfindən", "arasında",
                  "məsələləri", "sahəsində"}
_ADVERBIAL = {"loc", "abl", "dat", "com", "poss+loc", "poss+abl", "poss+dat", "pl+loc", "pl+dat", "pl+abl"}
BODIES = ("Organization", "Country")


def _is_arg(u: Unit, types=AGENTS) -> bool:
    return u.kind == "ent" and u.etype in types and u.key is not None and "+owner" not in (u.ref or "")


def _forms(lemma: str) -> set[str]:
    from .morph import inflect
    forms = inflect(lemma)
    return {forms.get(k, "") for k in ("poss", "poss+gen", "gen", "nom")} - {""}


def _key(x) -> str | None:
    return x.key if isinstance(x, Unit) else x


def _starts(word: str, cues) -> bool:
    """The word begins with a cue's stem (əməkdaşlıq -> əməkdaşlığın: q/ğ, k/y alternate)."""
    for c in cues:
        if word.startswith(c):
            return True
        if c[-1:] in ("q", "k") and word.startswith(c[:-1]) and word[len(c) - 1:len(c)] in ("ğ", "y"):
            return True
    return False


class RelationExtractor:
    def __init__(self, state: DocState, coref: Coreference):
        self.st = state
        self.coref = coref
        cues = state.lex.cues
        self.cues = cues
        self.protagonist: str | None = None
        self.branch_words = {w for b in state.lex.nouns.get("branch_nouns", []) for w in _forms(b)}
        self.meeting_pair: tuple[str, str] | None = None

    # ------------------------------------------------------------------
    def sentence(self, sent: Sent, units: list[Unit]) -> None:
        self.sent = sent
        self.units = units
        self.words = [u.low for u in units]
        self._delegations()
        self._ilə()
        self._titles()
        self._led_by()
        self._owners()
        subject = self._subject(len(units))
        self._hosts()
        self._parties()
        self._met()
        self._visited()
        self._participated()
        self._held()
        self._held_adjacent()
        self._organized()
        self._frames()
        self._cooperation()
        if subject is not None and self.st.etype(subject.key) == "Person":
            self.coref.last_subject = subject.key
            if self.protagonist is None:
                self.protagonist = subject.key
        self.coref.note_units(units)

    # -- helpers ------------------------------------------------------------
    def rel(self, s: Unit | str | None, p: str, o: Unit | str | None, rule: str, conf: float) -> None:
        if s is None or o is None:
            return
        skeys = s.key if isinstance(s, Unit) else s
        okeys = o.key if isinstance(o, Unit) else o
        sspan = s.span if isinstance(s, Unit) else None
        ospan = o.span if isinstance(o, Unit) else None
        if isinstance(s, Unit) and s.ref == "pair" or isinstance(o, Unit) and o.ref == "pair":
            return
        if not self._types_ok(p, skeys, okeys):
            return
        self.st.relate(skeys, p, okeys, self.sent.index, rule, conf, sspan, ospan)

    _DOMAINS = {
        "met": (("Person", "Organization"), ("Person", "Organization")),
        "heads": (("Person",), ("Organization", "Country")),
        "memberOf": (("Person",), ("Organization", "Country")),
        "cooperatesWith": (BODIES, BODIES),
        "organizedBy": (("Event",), AGENTS),
        "chairedBy": (("Event",), AGENTS),
        "cochairedBy": (("Event",), AGENTS),
        "partOf": (("Event", "Organization"), ("Event", "Organization", "Country")),
        "participatedIn": (AGENTS, ("Event",)),
        "heldIn": (("Event",), ("Place", "Country")),
        "visited": (("Person", "Organization"), ("Place", "Country")),
    }

    def _types_ok(self, p: str, s: str | None, o: str | None) -> bool:
        st, ot = self.st.etype(s), self.st.etype(o)
        dom, rng = self._DOMAINS[p]
        if st not in dom or ot not in rng:
            return False
        if p == "partOf" and st == "Event" and ot != "Event":
            return False
        if p == "partOf" and st == "Organization" and ot == "Event":
            return False
        return True

    def _find(self, phrase: tuple[str, ...], start: int = 0, stop: int | None = None) -> int:
        """Index of the first unit where the words of ``phrase`` begin (stems match)."""
        n = len(phrase)
        stop = len(self.units) if stop is None else stop
        first = phrase[0]
        for a in range(start, min(stop, len(self.units)) - n + 1):
            if not self.units[a].low.startswith(first):
                continue
            if all(self.units[a + x].kind in ("word", "title") and self.units[a + x].low.startswith(phrase[x])
                   for x in range(n)):
                return a
        return -1

    def _find_any(self, phrases, start: int = 0, stop: int | None = None) -> tuple[int, tuple[str, ...]]:
        best = (-1, ())
        for ph in phrases:
            ph = tuple(ph.split()) if isinstance(ph, str) else ph
            a = self._find(ph, start, stop)
            if a != -1 and (best[0] == -1 or a < best[0]):
                best = (a, ph)
        return best

    def _subject(self, before: int, types=AGENTS) -> Unit | None:
        for u in self.units[:before]:
            if _is_arg(u, types) and u.case == "nom" and u.ref != "title-owner":
                return u
        return None

    def _list_before(self, a: int, types=AGENTS, case: str | None = None) -> list[Unit]:
        """The coordinated list ending just before unit ``a``: "A, B və C"."""
        out: list[Unit] = []
        b = a - 1
        while b >= 0:
            u = self.units[b]
            if u.kind == "abbr" or u.text in ("(", ")"):
                b -= 1
                continue
            if _is_arg(u, types) and (case is None or u.case == case or not out and u.case == case):
                out.insert(0, u)
                b -= 1
                while b >= 0 and (self.units[b].kind == "title" or self.units[b].kind == "ent" and (
                        "+owner" in (self.units[b].ref or "") or self.units[b].case == "gen" and b + 1 < len(self.units)
                        and self.units[b + 1].kind == "title")):
                    b -= 1  # "BMT-nin | Narkotiklər ... İdarəsi", "İordaniyanın ... naziri | Yarub Qudah"
                if b >= 0 and self.units[b].text in (",", "və", "habelə", "həmçinin") :
                    b -= 1
                    continue
                break
            if out and u.kind == "title":
                b -= 1
                continue
            if out and u.kind == "ent" and "+owner" in (u.ref or ""):
                b -= 1
                continue
            if out and u.kind == "word" and not u.text[:1].isupper() and u.low not in ("ilə",) and len(out) < 8:
                # words of a title between list items: "Çin ... Komitəsinin sədri Leji Jao"
                c = b
                while c >= 0 and self.units[c].kind in ("word", "punct") and self.units[c].text not in (",", "və") and b - c < 6:
                    c -= 1
                if c >= 0 and self.units[c].text in (",", "və"):
                    b = c - 1
                    continue
            break
        return out

    def _list_after(self, a: int, types=AGENTS) -> list[Unit]:
        out: list[Unit] = []
        b = a
        while b < len(self.units):
            u = self.units[b]
            if _is_arg(u, types):
                out.append(u)
                b += 1
                if b < len(self.units) and self.units[b].text in (",", "və"):
                    b += 1
                    continue
                break
            if u.kind in ("title", "abbr") or u.text in ("(", ")") or "+owner" in (u.ref or "") or (
                    u.kind == "ent" and u.case == "gen" and b + 1 < len(self.units) and self.units[b + 1].kind == "title"):
                b += 1
                continue
            break
        return out

    # -- delegations and "ilə" -------------------------------------------------
    def _delegations(self) -> None:
        """"B-nin rəhbərlik etdiyi nümayəndə heyəti" stands for B."""
        units = self.units
        for phrase in self.cues.get("led_by", []):
            ph = tuple(phrase.split())
            a = self._find(ph)
            if a <= 0:
                continue
            leader = units[a - 1]
            if not (leader.kind == "ent" and leader.etype == "Person") and leader.low == "onun":
                # "həmkarını və onun rəhbərlik etdiyi": the person just named, else the last object
                before = [x for x in units[:a - 1] if _is_arg(x, ("Person",))]
                key = before[-1].key if len(before) >= 2 else self.coref.last_object
                leader = None
                if key:
                    leader = Unit("ent", units[a - 1].i, units[a - 1].j, units[a - 1].start, units[a - 1].end,
                                  "onun", "onun", case="gen", key=key, etype="Person", ref="pronoun")
            if leader is None or leader.kind != "ent" or leader.etype != "Person":
                continue
            for b in range(a + len(ph), min(len(units), a + len(ph) + 30)):
                if units[b].low.startswith("heyət") and b > 0 and units[b - 1].low == "nümayəndə" or \
                        units[b].low.startswith("heyət"):
                    case = next((r.case for r in analyse(units[b].text) if r.lemma in ("heyət", "heyəti")), "nom")
                    case = {"poss": "nom", "poss+acc": "acc", "poss+dat": "dat", "poss+gen": "gen",
                            "poss+loc": "loc", "poss+com": "com"}.get(case, case)
                    d = Unit("ent", units[b].i, units[b].j, leader.start, leader.end, leader.text, leader.low,
                             case=case, key=leader.key, etype="Person", ref="delegation")
                    leader.ref = (leader.ref or "") + "+owner"
                    units[b] = d
                    self.coref.delegation = leader.key
                    if b > 0 and units[b - 1].low == "nümayəndə":
                        units[b - 1] = Unit("word", units[b - 1].i, units[b - 1].j, units[b - 1].start,
                                            units[b - 1].end, units[b - 1].text, "nümayəndə(heyəti)")
                    self.coref.visitor = self.coref.visitor or None
                    break

    def _ilə(self) -> None:
        """A unit followed by "ilə" is comitative; "tərəfindən" marks the agent."""
        for a, u in enumerate(self.units[:-1]):
            nxt = self.units[a + 1].low
            if u.kind == "ent" and u.case == "nom":
                if nxt == "ilə":
                    u.case = "com"
                elif nxt == "tərəfindən":
                    u.case = "by"

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
            if "müavin" in t.low or "vitse" in t.low or "köməkçi" in t.low or self.branch:
                role = "memberOf"
            conf = title.confidence if owner_unit is not None else title.confidence - 0.1
            self.rel(person, role, body, f"{role}.{body_rule}", conf)

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
                    self.st.lex.is_rank(u.text):
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
            if u.kind == "ent" and u.etype in ("Country", "Organization", "Event") and u.case in ("gen", "nom"):
                u.ref = (u.ref or "") + "+owner"
                if u.etype == "Event":
                    return None  # "COP29-un baş danışıqçısı": a role at an event, no body
                return u
            if u.kind == "ent" and u.etype == "Country" and u.case == "locadj":
                b -= 1  # "Azərbaycanın Portuqaliyadakı səfiri"
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
            if u.kind == "word" and u.low not in _POSTPOSITIONS and \
                    any(r.case in _ADVERBIAL and len(r.lemma) > 3 for r in analyse(u.text)[1:]):
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
            labels = [f"{g} {title.body}" for g in st.genitives(country)]
            labels += [f"{n} {title.body}" for n in st.entities[country].all_labels() if len(n) < 40]
            key = st.entity("Organization", f"{cname} {title.body}", labels)
            st.country_of.setdefault(key, country)
            self.rel(key, "partOf", country, "partOf.title_owner", 0.75)
            return key, "minister"
        if title.body and owner is not None and owner.etype == "Country" and owner.key != st.home:
            cname = st.entities[owner.key].name
            name = title.body.format(country=cname)
            if title.body_is_country:
                return owner.key, "title"
            labels = [title.body.format(country=g) for g in st.genitives(owner.key)]
            key = st.entity("Organization", name, labels)
            st.country_of.setdefault(key, owner.key)
            self.rel(key, "partOf", owner, "partOf.title_owner", 0.7)
            return key, "title_body"
        if owner is not None and owner.key == st.home and title.default not in ("none", "home_country") \
                and title.default in st.gaz.entries:
            # "Azərbaycanın Baş prokuroru": the home country's body the title implies
            body = st.from_entry(st.gaz.entries[title.default])
            self.rel(body, "partOf", owner, "partOf.title_owner", 0.7)
            return body, "title_body"
        if owner is not None:
            if title.owner == "country" and owner.etype != "Country" and not title.body:
                return None, ""
            if title.words == ("nazir",) and owner.etype == "Organization":
                return owner.key, "title"
            return owner.key, "title"
        if title.words == ("nazir",) or t.ref == "possessed":
            return None, ""  # "İnterpolun prezidenti" with an owner we did not recognise
        default = title.default
        if default == "home_country" and st.home:
            return st.home, "title_default"
        if default not in ("none", "home_country") and default in st.gaz.entries:
            return st.from_entry(st.gaz.entries[default]), "title_default"
        return None, ""

    def _led_by(self) -> None:
        """"Mehriban Əliyevanın rəhbərliyi altında Heydər Əliyev Fondu": she heads it."""
        units = self.units
        for a, u in enumerate(units[:-2]):
            if u.low in ("rəhbərliyi", "başçılığı", "sədrliyi") and units[a + 1].low in ("altında", "ilə") and a > 0:
                leader = units[a - 1]
                org = units[a + 2]
                if _is_arg(leader, ("Person",)) and leader.case == "gen" and _is_arg(org, ("Organization",)):
                    self.rel(leader, "heads", org, "heads.led_by", 0.7)

    # -- owners -> partOf ---------------------------------------------------
    def _owners(self) -> None:
        st = self.st
        inner = [x for u in self.units for x in getattr(u, "inner", None) or []]
        for u in self.units + inner:
            if u.kind == "ent" and u.owner and u.etype == "Organization":
                self.rel(u, "partOf", u.owner, "partOf.owner", 0.8)
            elif u.kind == "ent" and u.etype == "Organization" and u.key in st.key_entry:
                # a known body named with its parent: "BMT-nin Narkotiklər ... İdarəsi"
                entry = st.key_entry[u.key]
                text_key = f" {lookup_key(u.text)} "
                for parent_id in (entry.part_of, entry.country):
                    parent = st.gaz.entries.get(parent_id or "")
                    if parent is None:
                        continue
                    if any(f" {lookup_key(n)} " in text_key or text_key.startswith(f" {lookup_key(n)}")
                           for n in parent.names() if len(lookup_key(n)) > 1):
                        self.rel(u, "partOf", st.from_entry(parent), "partOf.named_parent", 0.75)

    # -- met ------------------------------------------------------------------
    def _met(self) -> None:
        units = self.units
        cues = self.cues
        verb = -1
        for a, u in enumerate(units):
            if u.kind == "word" and u.low in set(cues["meet_verbs"]):
                verb = a
                break
        if verb != -1:
            objects = [u for u in units[:verb] if _is_arg(u, ("Person", "Organization")) and u.case == "com"]
            if objects:
                first = units.index(objects[0])
                delegation = [u for u in units[:first] if u.ref == "delegation" and u.case == "nom"]
                subject = delegation[0] if delegation else self._subject(first, ("Person", "Organization"))
                if subject is not None and not delegation:
                    # "A ... B, C, D ilə görüşüb": the names listed before the last one
                    s_at = units.index(subject)
                    listed = [u for u in units[s_at + 1:first] if _is_arg(u, ("Person",)) and u.case == "nom"
                              and u.key != subject.key]
                    if listed and any(x.text == "," for x in units[s_at + 1:first]):
                        objects = listed + objects
                subject = subject or self._implied_subject()
                for o in objects:
                    if subject is not None and o.key != _key(subject):
                        self.rel(subject, "met", o, "met.comitative", 0.9)
                        self._meeting(subject, o)
                        self.coref.last_object = o.key
            else:
                # "A və B görüşüblər"
                subjects = [u for u in units[:verb] if _is_arg(u, ("Person",)) and u.case == "nom"]
                if len(subjects) >= 2 and units[verb].low.endswith("lər"):
                    for x in subjects[1:]:
                        self.rel(subjects[0], "met", x, "met.coordinated", 0.75)
        # "A B-ni qəbul edib"
        a, ph = self._find_any(cues["receive_verbs"])
        if a != -1:
            objects = [u for u in units[:a] if _is_arg(u, ("Person", "Organization")) and u.case == "acc"]
            if objects:
                subject = self._subject(units.index(objects[0]), ("Person",)) or self._implied_subject()
                for o in objects:
                    if subject is not None and o.key != _key(subject):
                        self.rel(subject, "met", o, "met.receive", 0.85)
                        self._meeting(subject, o)
                        self.coref.last_object = o.key
        # "A etimadnaməsini B-yə təqdim edib"
        c, _ = self._find_any(cues["credentials"])
        if c != -1:
            p, _ = self._find_any(cues["present_verbs"], c)
            if p != -1:
                objects = [u for u in units[c:p] if _is_arg(u, ("Person",)) and u.case == "dat"]
                subject = self._subject(c, ("Person",))
                for o in objects[:1]:
                    self.rel(subject, "met", o, "met.credentials", 0.8)
        # "A ilə B arasında (işçi) görüş keçirilib", "A və B arasında keçirilən görüşdə"
        between, _ = self._find_any(cues["between"])
        if between != -1:
            g = next((x for x in range(between, min(len(units), between + 8)) if units[x].low.startswith("görüş")), -1)
            if g != -1:
                pair = self._between_args(between, ("Person",))
                for x in pair[1:]:
                    self.rel(pair[0], "met", x, "met.between", 0.85)
                    self._meeting(pair[0], x)
        # "B ilə keçirilən/keçirilmiş görüşdə"
        for a, u in enumerate(units):
            if u.low in ("keçirilən", "keçirilmiş", "keçirdiyi") and a + 1 < len(units) and \
                    units[a + 1].low.startswith("görüş") and a >= 1:
                objects = [x for x in units[max(0, a - 3):a] if _is_arg(x, ("Person",)) and x.case == "com"]
                if objects:
                    subject = self._subject(units.index(objects[0]), ("Person",)) or self._implied_subject()
                    if subject is not None and _key(subject) != objects[-1].key:
                        self.rel(subject, "met", objects[-1], "met.meeting_with", 0.8)
                        self._meeting(subject, objects[-1])

    def _hosts(self) -> None:
        """"X-in dəvəti ilə": X hosts; "nümayəndə heyətləri arasında görüş": visitor met host."""
        units = self.units
        for a, u in enumerate(units[:-1]):
            if u.low == "dəvəti" and units[a + 1].low == "ilə" and a > 0 and _is_arg(units[a - 1], ("Person",)):
                self.host = units[a - 1].key
        for a, u in enumerate(units[:-2]):
            if u.low.startswith("heyətləri") and units[a + 1].low in ("arasında", "arasındakı") and \
                    any(x.low.startswith("görüş") for x in units[a + 2:a + 6]):
                visitor = self.coref.delegation or self.coref.visitor
                if visitor and self.host and visitor != self.host:
                    self.rel(visitor, "met", self.host, "met.delegations", 0.75)
                    self._meeting(visitor, Unit("ent", 0, 0, 0, 0, "", "", key=self.host))

    host: str | None = None
    branch: bool = False
    pair: tuple[str, str] | None = None  # the two parties of the story: signatories, co-chairs

    def _parties(self) -> None:
        """"A və B imzalayıblar": the two parties; "tərəflər arasında görüş": they met."""
        units = self.units
        for a, u in enumerate(units):
            if u.kind == "word" and u.low.startswith(("imzalayıb", "imzalamışlar", "imzaladılar")):
                people = [x for x in units[:a] if _is_arg(x, ("Person",)) and x.case == "nom"]
                if len(people) == 2 and any(x.text == "və" for x in units[units.index(people[0]):units.index(people[1])]):
                    self.pair = (people[0].key, people[1].key)
            if u.low == "tərəflər" and a + 1 < len(units) and units[a + 1].low in ("arasında", "arasındakı") and \
                    any(x.low.startswith("görüş") for x in units[a + 2:a + 8]):
                pair = self.pair or self.meeting_pair
                if pair and pair[0] != pair[1]:
                    self.rel(pair[0], "met", pair[1], "met.parties", 0.7)

    def _is_host(self, u: Unit) -> bool:
        """"Tokayevin dəvəti ilə": the one who invites hosts, he does not travel."""
        at = self.units.index(u)
        return at + 1 < len(self.units) and self.units[at + 1].low.startswith("dəvət")

    def _implied_subject(self) -> str | None:
        return self.coref.last_subject or self.protagonist

    def _meeting(self, a: Unit | str, b: Unit) -> None:
        ak = a.key if isinstance(a, Unit) else a
        if self.meeting_pair is None:
            self.meeting_pair = (ak, b.key)

    def _between_args(self, between: int, types) -> list[Unit]:
        """The arguments of "A ilə B arasında", "A və B arasında", "A, B və C arasında"."""
        units = self.units
        items = self._list_before(between, types)
        if len(items) >= 2:
            return items
        # "A ilə B arasında": A is comitative
        b = between - 1
        last = None
        while b >= 0 and b >= between - 12:
            if _is_arg(units[b], types):
                last = units[b]
                break
            b -= 1
        if last is None:
            return []
        c = units.index(last) - 1
        while c >= 0 and c >= units.index(last) - 12:
            u = units[c]
            if _is_arg(u, types) and u.case == "com":
                return [u, last]
            c -= 1
        return [last]

    # -- visited --------------------------------------------------------------
    def _visited(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if not (u.kind == "word" and u.low.startswith("səfər")) and u.low not in ("ziyarət",):
                continue
            nxt = units[a + 1].low if a + 1 < len(units) else ""
            low = u.low
            participle = nxt in ("edən", "gələn", "olan", "gedən") or low in ("səfərdə",) and nxt == "olan"
            if low == "ziyarət":
                if nxt.startswith("ed"):
                    places = [x for x in units[:a] if _is_arg(x, ("Place",)) and x.case == "loc"][-1:]
                    subject = self._subject(a, ("Person",))
                    subject = subject.key if subject else self._implied_subject()
                    for p in places:
                        self.rel(subject, "visited", p, "visited.ziyarət", 0.6)
                continue
            dest_case = "loc" if low in ("səfərdə",) else "dat"
            window = units[max(0, a - 8):a]
            dests = [x for x in window if _is_arg(x, ("Place", "Country")) and x.case == dest_case]
            if dest_case == "loc":
                # the city and its country: "Rusiya Federasiyasının Sankt-Peterburq şəhərində"
                dests += [x for x in window if _is_arg(x, ("Country",)) and x.case == "gen"
                          and any(d.etype == "Place" for d in dests)]
            if not dests:
                dests = [x for x in window if x.kind == "ent" and x.etype in ("Place", "Country")
                         and x.case == dest_case and x.key]
            if not dests:
                continue
            # who travels
            visitor = None
            finite = nxt.startswith(("gedib", "gəlib", "gedir", "gəlir", "yola", "çıxıb", "başlayıb"))
            if (low in ("səfəri", "səfərinə", "səfərindən") and not finite) or (low == "səfər" and nxt == "çərçivəsində"):
                gen = [x for x in units[max(0, a - 10):a] if _is_arg(x, ("Person", "Organization")) and x.case == "gen"
                       and not self._is_host(x)]
                if gen:
                    visitor = gen[-1].key
                elif nxt == "çərçivəsində":
                    after = self._list_after(a + 2, ("Person",))
                    visitor = after[0].key if after else None
            elif participle:
                after = [x for x in units[a + 2:a + 12] if _is_arg(x, ("Person",))]
                visitor = after[0].key if after else None
            else:
                subj = self._subject(a, ("Person", "Organization"))
                visitor = subj.key if subj else self._implied_subject()
            if visitor is None:
                continue
            conf = 0.85 if low != "səfəri" else 0.8
            for d in dests:
                self.rel(visitor, "visited", d, "visited.trip", conf)
            self.coref.visitor = visitor

    # -- participatedIn -------------------------------------------------------
    def _participated(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.kind != "word":
                continue
            low = u.low
            nxt = units[a + 1].low if a + 1 < len(units) else ""
            if low not in ("iştirak", "çıxış", "təmsil", "qatılıb"):
                continue
            if low in ("iştirak", "çıxış", "təmsil") and not nxt.startswith(("ed", "et")):
                continue
            events = [x for x in units[:a] if _is_arg(x, ("Event",)) and x.case in ("loc", "gen")]
            if not events:
                continue
            event = events[-1]
            at = units.index(event)
            coordinated = [x for x in units[:at] if _is_arg(x, ("Event",)) and x.case == "nom"
                           and units.index(x) + 1 < at and units[units.index(x) + 1].low == "və"]
            participle = nxt in ("edən", "edənlər")
            purpose = nxt in ("etmək", "etmək")
            trip = purpose and any(x.low in ("edən", "gələn", "olan") for x in units[a + 2:a + 10])
            if participle:
                after = self._list_after(a + 2, AGENTS)
                after = after or [x for x in units[a + 2:a + 10] if _is_arg(x, ("Person",))][:1]
                people = after
            elif trip:
                # "E-də iştirak etmək üçün X-ə səfər edən [titles] A": A takes part
                at = next(b for b in range(a + 2, min(len(units), a + 10)) if units[b].low in ("edən", "gələn", "olan"))
                people = [x for x in units[at + 1:at + 12] if _is_arg(x, ("Person",))][:1]
            else:
                before = [x for x in units[units.index(event) + 1:a] if _is_arg(x, AGENTS) and x.case == "nom"]
                if before:
                    people = before if units[a + 1].low.endswith(("lər", "lar")) else before[-1:]
                else:
                    subj = self._subject(units.index(event), AGENTS)
                    people = [subj] if subj else []
                if purpose and not people:
                    after = [x for x in units[a + 2:a + 14] if _is_arg(x, ("Person",))]
                    people = after[:1]
            rule = {"iştirak": "participatedIn.attend", "çıxış": "participatedIn.speak",
                    "təmsil": "participatedIn.represent"}.get(low, "participatedIn.attend")
            for p in people:
                for ev in [event] + coordinated:
                    self.rel(p, "participatedIn", ev, rule, 0.8)
            if low == "təmsil":
                # "Ölkəmizi tədbirdə X təmsil edib": the country takes part too
                for x in units[:a]:
                    if _is_arg(x, ("Country",)) and x.case == "acc":
                        self.rel(x, "participatedIn", event, "participatedIn.represented", 0.8)
            if purpose:
                # "E-də iştirak etmək üçün X-ə səfər edən": the event is held there
                for b in range(a + 2, min(len(units), a + 10)):
                    if units[b].low.startswith("səfər"):
                        case = "loc" if units[b].low == "səfərdə" else "dat"
                        dests = [x for x in units[a + 2:b] if _is_arg(x, ("Country", "Place")) and x.case == case]
                        dests = [d for d in dests if d.etype == "Place"][-1:] or dests[:1]
                        for d in dests:
                            for ev in [event] + coordinated:
                                if ev.ref != "event-ref":
                                    self.rel(ev, "heldIn", d, "heldIn.attend_trip", 0.6)
                        break
        # countries named in an event's name take part in it
        for u in units:
            inner = getattr(u, "inner", None)
            if u.kind == "ent" and u.etype == "Event" and inner:
                countries = [x for x in inner if x.etype == "Country"]
                if len(countries) >= 2:
                    for c in countries:
                        self.rel(c, "participatedIn", u, "participatedIn.named", 0.7)

    # -- heldIn ------------------------------------------------------------------
    def _held(self) -> None:
        units = self.units
        held = self.cues["held_verbs"]
        firsts = {h.split()[0] for h in held}
        for a, u in enumerate(units):
            if u.kind != "word" or u.low not in firsts:
                continue
            phrase = next((h for h in held if self._at(a, h)), None)
            if phrase is None:
                continue
            places = [x for x in units[max(0, a - 6):a] if _is_arg(x, ("Place", "Country")) and x.case == "loc"]
            if not places:
                continue
            place = [p for p in places if p.etype == "Place"] or places
            place = place[-1]
            if any(units[k].low.startswith("səfər") for k in range(units.index(place), a)):
                continue
            last = phrase.split()[-1]
            end = a + len(phrase.split())
            participle = last.endswith(("ən", "an", "miş", "mış"))
            event = None
            if participle:
                after = [x for x in units[end:end + 8] if x.kind == "ent" and x.etype == "Event"]
                event = after[0] if after else None
            if event is None:
                before = [x for x in units[:a] if x.kind == "ent" and x.etype == "Event" and x.case in ("nom", "gen")]
                event = before[-1] if before else None
            if event is None:
                continue
            if event.ref == "event-ref" and event.case != "nom":
                continue
            self.rel(event, "heldIn", place, "heldIn.place_verb", 0.8)

    def _held_adjacent(self) -> None:
        units = self.units
        for a, u in enumerate(units[:-1]):
            nxt = units[a + 1]
            if _is_arg(u, ("Place",)) and u.case == "loc" and nxt.kind == "ent" and nxt.etype == "Event" \
                    and nxt.ref not in ("event-ref",) and nxt.key and nxt.case in ("nom", "gen", "loc", "acc"):
                self.rel(nxt, "heldIn", u, "heldIn.place_event", 0.7)

    def _at(self, a: int, phrase: str) -> bool:
        words = phrase.split()
        if a + len(words) > len(self.units):
            return False
        return all(self.units[a + x].low == w for x, w in enumerate(words))

    # -- organizedBy / cochairedBy / chairedBy ---------------------------------
    def _organized(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.low != "tərəfindən" and not (u.low.startswith(("təşkilatçılığ", "həmsədrliy", "sədrliy"))
                                            and a + 1 < len(units) and units[a + 1].low in ("ilə", "altında")):
                continue
            nxt = " ".join(x.low for x in units[a + 1:a + 3])
            if u.low == "tərəfindən":
                if nxt.startswith("təşkil"):
                    pred, rule = "organizedBy", "organizedBy.terefinden"
                elif nxt.startswith("həmsədrlik"):
                    pred, rule = "cochairedBy", "cochairedBy.terefinden"
                elif nxt.startswith("sədrlik"):
                    pred, rule = "chairedBy", "chairedBy.terefinden"
                elif any(x.low == "birgə" for x in units[a + 1:a + 12]):
                    pred, rule = "organizedBy", "organizedBy.birge"
                else:
                    continue
                agents = self._list_before(a, AGENTS)
            else:
                pred = {"təşkilatçılığ": "organizedBy", "həmsədrliy": "cochairedBy", "sədrliy": "chairedBy"}[
                    next(k for k in ("təşkilatçılığ", "həmsədrliy", "sədrliy") if u.low.startswith(k))]
                rule = f"{pred}.genitive"
                agents = [x for x in units[max(0, a - 3):a] if _is_arg(x, AGENTS) and x.case == "gen"][-1:]
                if agents:
                    agents = self._list_before(units.index(agents[-1]) + 1, AGENTS) or agents
            # "A tərəfindən B ilə birgə": B organises too
            for b in range(a + 1, min(len(units), a + 12)):
                if units[b].low == "birgə" and b >= 2 and units[b - 1].low == "ilə":
                    c = b - 2
                    if units[c].text == ")":  # "EPAC/EACN (...) ilə birgə"
                        while c > a and units[c].text != "(":
                            c -= 1
                        c -= 1
                    if c > a and _is_arg(units[c], AGENTS):
                        agents.append(units[c])
                    break
            event = None
            for x in units[a + 1:a + 40]:
                if x.kind == "ent" and x.etype == "Event":
                    event = x
                    break
            if event is None:
                before = [x for x in units[:a] if x.kind == "ent" and x.etype == "Event" and x.case == "nom"]
                event = before[-1] if before else None
            if event is None:
                continue
            for ag in agents:
                self.rel(event, pred, ag, rule, 0.85)

    # -- partOf between events ------------------------------------------------------
    def _frames(self) -> None:
        units = self.units
        for a, u in enumerate(units):
            if u.low == "çərçivəsində" and a > 0:
                frame = units[a - 1]
                if not (frame.kind == "ent" and frame.etype == "Event"):
                    continue
                for x in units[a + 1:a + 40]:
                    if x.kind == "ent" and x.etype == "Event" and x.key != frame.key and x.ref != "event-ref":
                        self.rel(x, "partOf", frame, "partOf.frame", 0.8)
                        break
            if u.low in ("hissəsi", "hissəsidir") and a >= 2 and units[a - 1].low == "ayrılmaz":
                frames = [x for x in units[max(0, a - 4):a] if x.kind == "ent" and x.etype == "Event"]
                parts = [x for x in units[:a] if x.kind == "ent" and x.etype == "Event" and x.case in ("nom", "acc")]
                if frames and parts and parts[0].key != frames[-1].key:
                    self.rel(parts[0], "partOf", frames[-1], "partOf.integral", 0.75)

    # -- cooperatesWith ----------------------------------------------------------------
    def _cooperation(self) -> None:
        units = self.units
        nouns = self.cues["cooperation_nouns"]
        coop_at = [a for a, u in enumerate(units) if u.kind == "word" and _starts(u.low, nouns)]
        if not coop_at:
            return
        # "A ilə B arasında ... əməkdaşlıq", "A və B arasında"
        for a, u in enumerate(units):
            if u.low in ("arasında", "arasındakı") and any(0 < c - a <= 14 or (-4 <= c - a < 0) for c in coop_at):
                pair = self._between_args(a, BODIES + ("Person",))
                pair = [self._body(x) for x in pair]
                pair = [x for x in pair if x is not None]
                if len(pair) == 1 and getattr(pair[0], "plural", None):
                    pair = list(pair[0].plural)
                if any(x.ref == "pair" for x in units[max(0, a - 5):a]):
                    self._pair_cooperation("cooperatesWith.our_countries")
                for i, x in enumerate(pair):
                    for y in pair[i + 1:]:
                        self.rel(x, "cooperatesWith", y, "cooperatesWith.between", 0.85)
        # "Azərbaycan-ABŞ ikitərəfli münasibətləri"
        for a, u in enumerate(units):
            if u.kind == "word" and "-" in u.text and u.text[:1].isupper() and any(0 < c - a <= 3 for c in coop_at):
                parts = u.text.split("-")
                keys = []
                for part in parts:
                    base = part
                    entry = self.st.gaz.find(base, "Country") or self.st.gaz.find(base, "Organization")
                    if entry is None:
                        for r in analyse(part):
                            entry = self.st.gaz.find(r.lemma, "Country")
                            if entry:
                                break
                    if entry is not None:
                        keys.append(self.st.from_entry(entry))
                for i, x in enumerate(keys):
                    for y in keys[i + 1:]:
                        self.rel(x, "cooperatesWith", y, "cooperatesWith.compound", 0.8)
        # "A-nın B ilə (ikitərəfli) münasibətləri/əlaqələri"
        for c in coop_at:
            b = c - 1
            while b >= 0 and units[b].kind == "word" and units[b].low in (
                    "ikitərəfli", "qarşılıqlı", "səmərəli", "sıx", "dostluq", "strateji", "faydalı", "işgüzar",
                    "qardaşlıq", "mehriban", "çoxtərəfli", "hərtərəfli", "uzunmüddətli", "yaxın", "daha", "da"):
                b -= 1
            if b >= 1 and units[b].low == "ilə" or (b >= 0 and units[b].kind == "ent" and units[b].case == "com"):
                partner = units[b - 1] if units[b].low == "ilə" else units[b]
                if partner.kind == "ent" and partner.etype in BODIES and partner.key:
                    first = [x for x in units[:units.index(partner)] if _is_arg(x, BODIES) and x.case in ("gen", "nom")
                             and x.key != partner.key]
                    if first:
                        self.rel(first[-1] if first[-1].case == "gen" else first[0], "cooperatesWith", partner,
                                 "cooperatesWith.with", 0.75)
        # "ölkələrimiz arasında", "iki ölkə arasında"
        for a, u in enumerate(units):
            if u.ref == "pair" and any(0 < c - a <= 8 for c in coop_at):
                self._pair_cooperation("cooperatesWith.our_countries")
        # "qurumlararası əməkdaşlıq", "iki şirkət arasında": the bodies of the two met parties
        low_text = " ".join(self.words)
        if any(cue in low_text for cue in self.cues["interagency"]) and self.meeting_pair:
            a_body = self._headed_body(self.meeting_pair[0])
            b_body = self._headed_body(self.meeting_pair[1])
            if a_body and b_body:
                self.rel(a_body, "cooperatesWith", b_body, "cooperatesWith.interagency", 0.7)
        # "bu (mühüm) təşkilatlarla əməkdaşlıq": the organisations named before in the sentence
        for a, u in enumerate(units):
            if u.low == "bu" and a + 2 < len(units):
                nxt = [x.low for x in units[a + 1:a + 3]]
                if any(w.startswith(("təşkilatlar", "qurumlar")) for w in nxt) and any(0 < c - a <= 4 for c in coop_at):
                    holder = [x for x in units[:a] if _is_arg(x, ("Country",)) and x.case == "gen"]
                    orgs = [x for x in units[:a] if _is_arg(x, ("Organization",)) and x.case == "gen"]
                    if holder:
                        for o in orgs:
                            self.rel(holder[-1], "cooperatesWith", o, "cooperatesWith.these_orgs", 0.6)
        # a meeting sentence that discusses cooperation: the bodies the two heads lead
        if any(u.low.startswith("görüş") for u in units) and self.meeting_pair and any(
                units[c].low.startswith("əməkdaşlığ") for c in coop_at):
            a_body = self._headed_body(self.meeting_pair[0], orgs_only=True)
            b_body = self._headed_body(self.meeting_pair[1], orgs_only=True)
            if a_body and b_body and a_body != b_body:
                self.rel(a_body, "cooperatesWith", b_body, "cooperatesWith.meeting", 0.55)

    def _pair_cooperation(self, rule: str) -> None:
        home = self.st.home
        foreign = self.coref.foreign_countries()
        if home and foreign:
            self.rel(home, "cooperatesWith", foreign[0], rule, 0.7)

    def _body(self, u: Unit) -> Unit | None:
        if u.etype in BODIES:
            return u
        return None

    def _headed_body(self, person: str, orgs_only: bool = False) -> str | None:
        for r in self.st.relations:
            if r.subject == person and r.predicate == "heads":
                if orgs_only and self.st.etype(r.object) != "Organization":
                    continue
                return r.object
        return None
