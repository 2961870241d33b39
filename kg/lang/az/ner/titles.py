"""Titles before names: "Baş prokuror", "xarici işlər naziri", "səfiri".

A title is a ``title`` unit carrying its lexicon entry (role, implied body);
"<domain words> naziri" composes a ministry title from the gazetteer's
ministries.
"""
from __future__ import annotations

from ....extract.lexicon import Title
from ....extract.units import Sent, Unit
from ....normalize import capitalize, lower
from ..morph import analyse
from .forms import head_reading, simple_case


class TitleMixin:
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
            if t.is_title and k + 1 < len(toks) and taken[k + 1] is None and toks[k + 1].is_title \
                    and head_reading(toks[k + 1].text, self.org_heads) is not None:
                continue  # "Azərbaycan Prezidenti Administrasiyası": the title word names a body
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
                            found = (title, simple_case(r.case))
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
        case = simple_case(reading.case)
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
                    and self._title_case_run(toks, taken, m):
                words.insert(0, m)  # "Energetika naziri" at a sentence start, "Gürcüstanın Xarici İşlər naziri"
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

    def _title_case_run(self, toks, taken, m: int) -> bool:
        """Token ``m`` is in a run of capitalised domain words that begins the
        sentence or follows a punctuation mark or a recognised entity."""
        p = m
        while p >= 0 and taken[p] is None and toks[p].kind == "word" and (
                toks[p].text[:1].isupper() and lower(toks[p].text) in self.ministry_words or toks[p].low == "və"):
            p -= 1
        return p < 0 or toks[p].kind == "punct" or taken[p] is not None
