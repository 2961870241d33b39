"""English names: the gazetteer matched token by token, and names composed
around a head noun.

``GazetteerIndex`` holds every name, alias and label of every gazetteer
entry as tuples of token keys; ``ComposedNames`` (a pass of the sentence
analyser, ``kg.lang.en.ner``) reads a capitalised phrase around a head noun
("... Ministry", "... Forum", "Office on Drugs and Crime", "the 29th session
of the Conference of the Parties (COP29) to ...", "the Azerbaijan-Turkey
joint intergovernmental commission on ..."), gazetteer names inside it
included, stops where another name begins, and notes its owner (a country
adjective or name before it, "of Country" after it).
"""
from __future__ import annotations

from functools import lru_cache

from ...extract.gazetteer import Entry, Gazetteer
from ...extract.state import DocState
from ...extract.units import Sent, Unit
from ...normalize import lookup_key
from .lexicon import Lexicon
from .text import Token, tokenize

_ORDER = {"Country": 0, "Organization": 1, "Event": 2, "Place": 3, "Person": 4}
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "twentieth", "thirtieth", "next"}
_ROMAN = set("IVXLC")


def tok_key(t: Token) -> str:
    return t.text if t.kind == "punct" else "'s" if t.kind == "pos" else lookup_key(t.text)


def is_ordinal(t: Token) -> bool:
    low = t.low
    return (low[:1].isdigit() and (low.isdigit() or low[-2:] in ("st", "nd", "rd", "th"))) or low in ORDINALS or (
        len(t.text) <= 5 and set(t.text) <= _ROMAN and t.text != "I")


class GazetteerIndex:
    """Every name of every gazetteer entry, as tuples of token keys."""

    def __init__(self, gaz: Gazetteer):
        self.index: dict[tuple[str, ...], list[tuple[Entry, str]]] = {}
        self.max_len = 1
        for entry in gaz.entries.values():
            for name in entry.names():
                keys = tuple(tok_key(t) for t in tokenize(name) if t.kind != "punct" or t.text in "&-")
                if keys:
                    self.index.setdefault(keys, []).append((entry, name))
                    self.max_len = max(self.max_len, len(keys))

    def match(self, toks: list[Token], i: int, stop: int | None = None) -> tuple[Entry, int] | None:
        """The longest entry named at token ``i`` (capitalised): (entry, end)."""
        if not (toks[i].is_title or toks[i].is_number):
            return None
        stop = len(toks) if stop is None else stop
        keys: list[str] = []
        j = i
        while j < stop and len(keys) < self.max_len:
            t = toks[j]
            if t.kind == "punct" and t.text not in "&-":
                break
            keys.append(tok_key(t))
            j += 1
        for n in range(len(keys), 0, -1):
            if toks[i + n - 1].kind == "punct":
                continue
            hits = [(e, name) for e, name in self.index.get(tuple(keys[:n]), [])
                    if not _abbreviation(name) or all(toks[x].is_upper or not toks[x].text.isalpha()
                                                      for x in range(i, i + n))]
            if hits:
                return sorted(hits, key=lambda h: _ORDER[h[0].type])[0][0], i + n
        return None


def _abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return " " not in name and 2 <= len(letters) <= 7 and all(c.isupper() for c in letters)


@lru_cache(maxsize=4)
def gazetteer_index(gaz: Gazetteer) -> GazetteerIndex:
    return GazetteerIndex(gaz)




class ComposedNames:
    """The composed-name pass; the analyser provides ``toks``, ``taken``, ``st``, ``lex``
    and the word sets it reads."""

    toks: list[Token]
    taken: list[Unit | None]
    sent: Sent
    lex: Lexicon
    st: DocState

    # -- 2. composed organisations and events --------------------------------
    def _head_type(self, t: Token, k: int) -> str | None:
        low = t.low
        if t.is_title and low in self.event_heads and low not in self.org_heads:
            return "Event"
        if t.is_title and low in self.org_heads:
            return "Organization"
        if low in self.event_heads and k > 0 and is_ordinal(self.toks[k - 1]):
            return "Event"  # "the eighth meeting of ...", "29th session of ..."
        return None

    def _composed(self) -> None:
        toks = self.toks
        k = 0
        while k < len(toks):
            t = toks[k]
            etype = self._head_type(t, k) if t.kind == "word" else None
            if etype is None or (self.taken[k] is not None and self.taken[k].ref == "composed"):
                k += 1
                continue
            i = self._left(k)
            j, nucleus = self._right(k + 1, etype)
            etype = nucleus or etype
            if etype == "Event" and t.low in self.weak_events and j == k + 1 and not is_ordinal(toks[i]) \
                    and not any(toks[x].is_title for x in range(i, k)):
                k += 1
                continue  # "the meeting": a reference, not a name
            inner = [self.taken[x] for x in range(i, j) if self.taken[x] is not None]
            if inner and all(u.i >= i and u.j <= j for u in inner) and len(inner) == 1 and \
                    (inner[0].i, inner[0].j) == (i, j):
                k = j
                continue  # the gazetteer name itself
            if any(u.i < i or u.j > j for u in inner):
                k += 1
                continue
            self._name(i, j, etype)
            k = j

    def _left(self, k: int) -> int:
        toks, i = self.toks, k
        if self.taken[k] is not None:
            i = self.taken[k].i  # the head ends a gazetteer name: "6th | Global Baku Forum"
        lower_head = not toks[k].is_title
        while i > 0:
            p = toks[i - 1]
            taken = self.taken[i - 1]
            if taken is not None and taken.kind == "ent" and taken.etype in ("Country", "Place", "Organization"):
                i = taken.i
                continue
            if p.kind == "word" and (p.is_title or p.is_number) and p.low not in self.not_names \
                    and p.low not in self.title_words and taken is None:
                i -= 1
                continue
            if p.kind == "word" and (is_ordinal(p) or lower_head and p.low in self.modifiers) and taken is None:
                i -= 1
                continue
            if p.kind == "pos" and taken is None:
                n = self._title_ending(i - 1)
                if n:
                    i -= 1 + n  # "Prosecutor General's Office"
                    continue
                break
            if lower_head and p.text == "-" and i - 2 >= 0 and toks[i - 2].low in self.modifiers:
                i -= 1
                continue
            if (p.text in ("-", "&") or p.low == "and" and i - 2 >= 0 and toks[i - 2].is_title) and taken is None \
                    and i - 2 >= 0 and self.taken[i - 2] is None:
                if i - 2 >= 0 and (toks[i - 2].is_title or self.taken[i - 2] is not None):
                    i -= 1
                    continue
            break
        while i < k and (toks[i].text in ("-", "&") or toks[i].low == "and"):
            i += 1
        return i

    def _title_ending(self, k: int) -> int:
        """The number of words of a title that ends just before token ``k``."""
        for t in self.lex.titles:
            n = len(t.words)
            if k - n >= 0 and tuple(x.low for x in self.toks[k - n:k]) == t.words and self._free(k - n, k):
                return n
        return 0

    def _right(self, j: int, etype: str) -> tuple[int, str | None]:
        """The end of the name that starts before token ``j``: "of/for/on/to
        [the] Capitalised ...", a parenthesised abbreviation, more heads."""
        toks, end, nucleus = self.toks, j, None
        while end < len(toks):
            t = toks[end]
            if t.text == "(" and end + 2 < len(toks) and toks[end + 2].text == ")" and toks[end + 1].is_upper:
                end += 3
                continue
            if t.kind == "word" and t.low in ("of", "for", "on", "to", "with", "and", "&") or t.text == "&":
                n = end + 1
                while n < len(toks) and toks[n].low == "the":
                    n += 1
                if n >= len(toks) or not (toks[n].is_title or toks[n].is_number) or toks[n].low in self.not_names \
                        or toks[n].low in self.title_words and self.taken[n] is None:
                    break
                if t.low in ("of", "for", "on", "to") and nucleus is None:
                    nucleus = self._nucleus(end)
                if self._pair_at(n):
                    end = self._pair_body(n)
                    continue
                if t.low == "and" and (n > end + 1 or self.taken[n] is not None and self.taken[n].kind == "ent"
                                       or self._head_ahead(n) and nucleus is not None):
                    break  # "the Ministry of X and (the) Ministry of Y", "... and Baku Expo Center": two names
                end = n
                continue
            if t.kind == "word" and (t.is_title or t.is_number) and t.low not in self.not_names and (
                    t.low not in self.title_words or self.taken[end] is not None or self._head_ahead(end)):
                u = self.taken[end]
                if u is not None and u.etype == "Person":
                    break  # "Milli Majlis | Sahiba Gafarova"
                if u is None and end >= j and toks[end - 1].low not in self.joiners and not self._head_ahead(end):
                    break  # "Baku State University | Elchin Babayev": a name, then another
                if end > j and self.taken[end - 1] is not None and self.taken[end - 1].etype in ("Country", "Place") \
                        and u is None:
                    break  # "Presidency of Bosnia and Herzegovina | Mladen Ivanic"
                end = u.j if u is not None and u.j > end else end + 1
                continue
            if t.text == "-" and end + 1 < len(toks) and toks[end + 1].is_title:
                end += 1
                continue
            break
        while end > j and toks[end - 1].kind != "word" and toks[end - 1].text != ")":
            end -= 1
        return end, nucleus

    def _head_ahead(self, n: int) -> bool:
        """A head noun within the next capitalised words: "Asian Ombudsman | Association"."""
        toks = self.toks
        for x in range(n, min(len(toks), n + 4)):
            t = toks[x]
            if not t.is_title or self.taken[x] is not None and x > n:
                return False
            if x > n and (t.low in self.org_heads or t.low in self.event_heads):
                return True
            if x == n and t.low in self.org_heads | self.event_heads:
                return True
        return False

    def _pair_at(self, n: int) -> bool:
        """Two countries joined by a hyphen: "Azerbaijan-Turkey"."""
        toks, tk = self.toks, self.taken
        return n + 2 < len(toks) and toks[n + 1].text in ("-", "–") and tk[n] is not None and tk[n].etype == "Country" \
            and tk[n + 2] is not None and tk[n + 2].etype == "Country"

    def _pair_body(self, n: int) -> int:
        """The body two countries share: "Azerbaijan-Turkey joint intergovernmental
        commission on economic cooperation" (lower case); the end of the words read."""
        toks = self.toks
        m = self.taken[n + 2].j
        head = None
        x = m
        while x < len(toks) and x < m + 5 and toks[x].kind == "word" and not toks[x].is_title:
            if toks[x].low in self.lower_org_heads:
                head = x
                break
            x += 1
        if head is None:
            return m
        end = head + 1
        if end + 1 < len(toks) and toks[end].low in ("on", "for"):
            y = end + 1
            while y < len(toks) and y < end + 4 and toks[y].kind == "word" and not toks[y].is_title and \
                    toks[y].low not in self.joiners and toks[y].low not in ("between", "among", "at", "was", "is",
                                                                            "kicked", "has", "will", "held"):
                y += 1
            if y > end + 1:
                end = y
        name = self.sent.text[toks[n].start - self.sent.start:toks[end - 1].end - self.sent.start]
        key = self.st.entity("Organization", name)
        self._take(self.unit(n, end, "ent", key=key, etype="Organization", ref="composed"))
        return end

    def _nucleus(self, k: int) -> str | None:
        """The type of a name by its last head before "of": "Session of the Council" is an event."""
        for x in range(k - 1, -1, -1):
            t = self.toks[x]
            if t.low in self.event_heads and t.low not in self.org_heads:
                return "Event"
            if t.low in self.org_heads:
                return "Organization"
            if t.low in self.joiners:
                break
        return None

    def _name(self, i: int, j: int, etype: str) -> None:
        toks = self.toks
        while i < j and toks[i].low == "the":
            i += 1
        parts, aliases, abbr = [], [], None
        x = i
        while x < j:
            if toks[x].text == "(" and x + 2 < j and toks[x + 2].text == ")":
                abbr = toks[x + 1].text
                x += 3
                continue
            parts.append((toks[x], x))
            x += 1
        text = self.sent.text
        name = "".join(t.text + (" " if y + 1 < j and toks[y + 1].start > t.end else "") for t, y in parts).strip()
        full = text[toks[i].start - self.sent.start:toks[j - 1].end - self.sent.start]
        if full != name:
            aliases.append(full)
        owner = self._owner(i, j)
        entry = self.st.gaz.find(name, etype) or (self._ministry(parts, owner) if owner else None) or (
            self.st.gaz.find(abbr, etype) if abbr else None)
        key = self.st.from_entry(entry) if entry else self.st.entity(etype, name, aliases)
        if abbr and etype == "Organization" or abbr and etype == "Event":
            self.st.add_aliases(key, [abbr])
            self.st.abbreviations[lookup_key(abbr)] = key
        self._take(self.unit(i, j, "ent", key=key, etype=etype, ref="composed", owner=owner))

    def _ministry(self, parts, owner: str) -> Entry | None:
        """A ministry named by its domain ("Azerbaijani Foreign Ministry", "Georgia's
        Ministry of Energy"): the gazetteer's body of that country, if it has one."""
        words = tuple(t.low for t, _ in parts if t.low not in ("ministry", "of", "the") and
                      (t.low,) not in self.lex.demonyms and self.taken[_] is None)
        domain = self.lex.domains.get(words)
        if domain is None or not any(t.low == "ministry" for t, _ in parts):
            return None
        c = self.st.entities[owner]
        names = [self.lex.minister["body"].format(domain=domain[0], country=n) for n in c.all_labels()]
        names.append(self.lex.minister["body_az"].format(domain=domain[1], country=c.labels.get("az", c.name)))
        return next((e for e in (self.st.gaz.find(n, "Organization") for n in names) if e is not None), None)

    def _owner(self, i: int, j: int) -> str | None:
        """The country a composed body belongs to: "Azerbaijani State Committee",
        "Ministry of Energy of Georgia"."""
        first = self.taken[i]
        if first is not None and first.etype in ("Country", "Organization") and first.j < j:
            return first.key  # "UN Office on Drugs and Crime"
        adj = self.lex.demonyms.get((self.toks[i].low,))
        if adj and adj in self.st.gaz.entries:
            return self.st.from_entry(self.st.gaz.entries[adj])
        last = self.taken[j - 1]
        if last is not None and last.etype == "Country" and last.i > i and self.toks[last.i - 1].low in ("of", "the"):
            return last.key
        return None
