"""Synthetic Azerbaijani news articles for benchmarks and fault-injection tests.

The articles are built from templates of the constructions the extractor
reads (meetings, visits, events, cooperation), filled with names from the
gazetteers, with skewed frequencies: a few people, ministries and
countries are hubs, most appear rarely, as in real news. Deterministic for
a given seed. Not for measuring extraction quality (the templates are the
rules' own constructions); for load, speed and robustness.
"""
from __future__ import annotations

import random
from collections.abc import Iterator

from .models import Article
from .nlp.gazetteer import Gazetteer, default_gazetteer
from .nlp.morph import inflect
from .nlp.ner import capitalize_like

_SURNAMES = ["Əliyev", "Məmmədov", "Həsənov", "Quliyev", "Hüseynov", "Rəhimov", "Kərimov", "Abbasov",
             "Nəsirov", "Babayev", "Səfərov", "İsmayılov", "Orucov", "Cəfərov", "Mustafayev", "Zeynalov",
             "Petrov", "Kovalenko", "Beridze", "Kapanadze", "Yılmaz", "Demir", "Şahin", "Nazarbayev",
             "Tokayev", "Mirziyoyev", "Smit", "Müller", "Rossi", "Dubua", "Novak", "Horvat"]
_DOMAINS = ["xarici işlər", "daxili işlər", "ədliyyə", "energetika", "təhsil", "səhiyyə", "maliyyə",
            "iqtisadiyyat", "müdafiə", "mədəniyyət", "ekologiya və təbii sərvətlər", "kənd təsərrüfatı"]
_TOPICS = ["Yaşıl enerji və iqlim", "Rəqəmsal transformasiya", "Regional təhlükəsizlik", "Su ehtiyatları",
           "Orta Dəhliz və nəqliyyat", "Korrupsiyaya qarşı mübarizə", "Təhsildə innovasiyalar",
           "Sağlam gələcək", "Miqrasiya və inteqrasiya", "Kibertəhlükəsizlik"]
_EVENT_NOUNS = ["konfrans", "forum", "seminar", "sammit", "vebinar"]


def _gen(word: str) -> str:
    last = word.split()[-1]
    return " ".join(word.split()[:-1] + [capitalize_like(last, inflect(last)["gen"])])


def _case(word: str, case: str) -> str:
    last = word.split()[-1]
    return " ".join(word.split()[:-1] + [capitalize_like(last, inflect(last)[case])])


class ArticleGenerator:
    def __init__(self, seed: int = 0, gazetteer: Gazetteer | None = None):
        self.rng = random.Random(seed)
        self._weights: dict = {}
        gaz = gazetteer or default_gazetteer()
        self.countries = sorted((e for e in gaz.entries.values() if e.type == "Country" and " " not in e.az
                                 and "gen" in inflect(e.az)),
                                key=lambda e: e.id)
        self.cities = sorted((e for e in gaz.entries.values() if e.type == "Place" and e.kind == "city"
                              and " " not in e.az and "-" not in e.az and "loc" in inflect(e.az)), key=lambda e: e.id)
        self.orgs = sorted((e for e in gaz.entries.values() if e.type == "Organization" and e.kind == "international"
                            and len(e.az.split()) <= 3 and not e.az.split()[-1].isupper()
                            and "gen" in inflect(e.az.split()[-1])), key=lambda e: e.id)
        names = sorted(gaz.first_names)
        self.first = [capitalize_like("A", n[:1]) + n[1:] for n in names if n.isalpha()] or ["Kamran"]

    def _pick(self, items, skew: float = 1.1):
        """Zipf-distributed over a fixed shuffled order: a few items are hubs."""
        key = (id(items), len(items))
        if key not in self._weights:
            order = list(items)
            random.Random(len(items)).shuffle(order)
            acc, cum = 0.0, []
            for rank in range(len(order)):
                acc += 1.0 / (rank + 1) ** skew
                cum.append(acc)
            self._weights[key] = (order, cum)
        order, cum = self._weights[key]
        return self.rng.choices(order, cum_weights=cum, k=1)[0]

    def person(self) -> str:
        return f"{self._pick(self.first)} {self._pick(_SURNAMES)}"

    def article(self, n: int) -> Article:
        r = self.rng
        home = "Azərbaycan"
        foreign = self._pick(self.countries).az
        if foreign == home:
            foreign = "Türkiyə"
        p1, p2, p3 = self.person(), self.person(), self.person()
        d1, d2 = r.choice(_DOMAINS), r.choice(_DOMAINS)
        city = self._pick(self.cities).az
        org = self._pick(self.orgs).az if self.orgs else "BMT"
        topic, noun = r.choice(_TOPICS), r.choice(_EVENT_NOUNS)
        sentences = [
            f"{d1.capitalize()} naziri {p1} {_gen(foreign)} {d2} naziri {p2} ilə görüşüb.",
            f"Görüşdə {home} ilə {foreign} arasında əməkdaşlığın genişləndirilməsi müzakirə olunub.",
            f"{_gen(foreign)} {d2} naziri {p2} {_case(home, 'dat')} rəsmi səfərə gəlib.",
            f"{_case(city, 'loc')} “{topic}” mövzusunda {noun} keçirilib.",
            f"{org} tərəfindən təşkil olunan tədbirdə {_gen(org)} nümayəndəsi {p3} çıxış edib.",
        ]
        r.shuffle(sentences[3:])
        k = r.randint(3, len(sentences))
        year, month = r.randint(2015, 2025), r.randint(1, 12)
        return Article(id=f"synth-{n:06d}", text="\n\n".join(sentences[:k]) + "\n",
                       url=f"https://example.org/news/{n}", date=f"{year}-{month:02d}", lang="az",
                       title=sentences[0].rstrip("."))

    def articles(self, count: int, start: int = 0) -> Iterator[Article]:
        for n in range(start, start + count):
            yield self.article(n)


def write_articles(folder, count: int, seed: int = 0, start: int = 0) -> list:
    """Write ``count`` articles as ``.txt`` files with front matter; returns the paths."""
    from pathlib import Path
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in ArticleGenerator(seed).articles(count, start):
        p = folder / f"{a.id}.txt"
        p.write_text(f"---\nurl: {a.url}\ndate: {a.date}\nlang: az\ntitle: {a.title}\n---\n{a.text}",
                     encoding="utf-8")
        paths.append(p)
    return paths
