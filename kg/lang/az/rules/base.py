"""What every Azerbaijani construction uses: finding cue phrases, the
sentence's subject, coordinated lists ("A, B və C"), the arguments of
"A ilə B arasında", and ``rel``, through which every fact goes to the
document state (which checks the ontology's domains and ranges).
"""
from __future__ import annotations

from ....extract.units import Unit
from ..morph import inflect

AGENTS = ("Person", "Organization", "Country")

ADVERBIAL = {"loc", "abl", "dat", "com", "poss+loc", "poss+abl", "poss+dat", "pl+loc", "pl+dat", "pl+abl"}

BODIES = ("Organization", "Country")

def is_arg(u: Unit, types=AGENTS) -> bool:
    return u.kind == "ent" and u.etype in types and u.key is not None and "+owner" not in (u.ref or "")

def possessive_forms(lemma: str) -> set[str]:
    forms = inflect(lemma)
    return {forms.get(k, "") for k in ("poss", "poss+gen", "gen", "nom")} - {""}

def key_of(x) -> str | None:
    return x.key if isinstance(x, Unit) else x

def starts_with_cue(word: str, cues) -> bool:
    """The word begins with a cue's stem (əməkdaşlıq -> əməkdaşlığın: q/ğ, k/y alternate)."""
    for c in cues:
        if word.startswith(c):
            return True
        if c[-1:] in ("q", "k") and word.startswith(c[:-1]) and word[len(c) - 1:len(c)] in ("ğ", "y"):
            return True
    return False


class RuleBase:
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
        self.st.relate(skeys, p, okeys, self.sent.index, rule, conf, sspan, ospan)

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

    def _at(self, a: int, phrase: str) -> bool:
        words = phrase.split()
        if a + len(words) > len(self.units):
            return False
        return all(self.units[a + x].low == w for x, w in enumerate(words))

    def _subject(self, before: int, types=AGENTS) -> Unit | None:
        for u in self.units[:before]:
            if is_arg(u, types) and u.case == "nom" and u.ref != "title-owner":
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
            if is_arg(u, types) and (case is None or u.case == case or not out and u.case == case):
                out.insert(0, u)
                b -= 1
                while b >= 0 and (self.units[b].kind == "title" or self.units[b].kind == "ent" and (
                        "+owner" in (self.units[b].ref or "") or self.units[b].case == "gen" and b + 1 < len(self.units)
                        and self.units[b + 1].kind == "title")):
                    b -= 1  # "BMT-nin | Narkotiklər ... İdarəsi", "İordaniyanın ... naziri | Yarub Qudah"
                if b >= 0 and self.units[b].text in self.conjunctions :
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
            if is_arg(u, types):
                out.append(u)
                b += 1
                b = self._past_brackets(b)  # "İqor Popov (Rusiya), Stefan Viskonti (Fransa) və ..."
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

    def _past_brackets(self, b: int) -> int:
        """The index after a short bracketed group starting at ``b`` (or ``b``)."""
        if b < len(self.units) and self.units[b].text == "(":
            c = b + 1
            while c < len(self.units) and self.units[c].text != ")" and c - b <= 6:
                c += 1
            if c < len(self.units) and self.units[c].text == ")":
                return c + 1
        return b

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
            if is_arg(units[b], types):
                last = units[b]
                break
            b -= 1
        if last is None:
            return []
        c = units.index(last) - 1
        while c >= 0 and c >= units.index(last) - 12:
            u = units[c]
            if is_arg(u, types) and u.case == "com":
                return [u, last]
            c -= 1
        return [last]

