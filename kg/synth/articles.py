"""Synthetic article texts: the constructions the extractor reads (meetings,
visits, events, cooperation), for load, speed and fault-injection tests."""
from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from ..models import Article
from ..extract.gazetteer import Gazetteer, default_gazetteer
from ..lang.az.morph import inflect
from .words import DOMAINS, EVENT_NOUNS, SURNAMES, TOPICS, first_names, genitive, in_case, zipf_weights


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
        self.first = first_names(gaz)

    def _pick(self, items, skew: float = 1.1):
        """Zipf-distributed over a fixed shuffled order: a few items are hubs."""
        key = (id(items), len(items))
        if key not in self._weights:
            order = list(items)
            random.Random(len(items)).shuffle(order)
            self._weights[key] = order
        return self.rng.choices(self._weights[key], cum_weights=zipf_weights(len(items), skew), k=1)[0]

    def person(self) -> str:
        return f"{self._pick(self.first)} {self._pick(SURNAMES)}"

    def article(self, n: int) -> Article:
        r = self.rng
        home = "Azərbaycan"
        foreign = self._pick(self.countries).az
        if foreign == home:
            foreign = "Türkiyə"
        p1, p2, p3 = self.person(), self.person(), self.person()
        d1, d2 = r.choice(DOMAINS), r.choice(DOMAINS)
        city = self._pick(self.cities).az
        org = self._pick(self.orgs).az if self.orgs else "BMT"
        topic, noun = r.choice(TOPICS), r.choice(EVENT_NOUNS)
        sentences = [
            f"{d1.capitalize()} naziri {p1} {genitive(foreign)} {d2} naziri {p2} ilə görüşüb.",
            f"Görüşdə {home} ilə {foreign} arasında əməkdaşlığın genişləndirilməsi müzakirə olunub.",
            f"{genitive(foreign)} {d2} naziri {p2} {in_case(home, 'dat')} rəsmi səfərə gəlib.",
            f"{in_case(city, 'loc')} “{topic}” mövzusunda {noun} keçirilib.",
            f"{org} tərəfindən təşkil olunan tədbirdə {genitive(org)} nümayəndəsi {p3} çıxış edib.",
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
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for a in ArticleGenerator(seed).articles(count, start):
        p = folder / f"{a.id}.txt"
        p.write_text(f"---\nurl: {a.url}\ndate: {a.date}\nlang: az\ntitle: {a.title}\n---\n{a.text}",
                     encoding="utf-8")
        paths.append(p)
    return paths
