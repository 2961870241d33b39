"""Extractions of a synthetic news corpus, without the extractor.

For benchmarks at millions of quads, articles through the extractor are too
slow (and their variety is the templates'). ``GraphGenerator`` builds
``kg.models.Extraction`` objects directly, as the extractor would return
them: sentences with exact offsets, entities with their labels, aliases and
Wikidata items, mentions, and relations with rule, confidence and the spans
of both mentions. ``kg.rdf.extraction_quads`` turns them into quads, so the
provenance model is the tool's own. The world is institutional: a
president, domestic ministers heading ministries, heads of foreign states,
foreign ministers, heads of international bodies, and a long tail of other
officials; popularity is Zipf-distributed, so the president, the Foreign
Ministry and a few others are hubs. Deterministic for a seed and a size.
"""
from __future__ import annotations

import datetime
import random
from collections.abc import Iterator
from functools import lru_cache

from ..ids import doc_iri, entity_key
from ..models import Article, Entity, Extraction, Relation
from ..extract.gazetteer import Gazetteer, default_gazetteer
from ..rdf import extraction_quads
from .text import TextBuilder
from .words import EVENT_NOUNS, SURNAMES, TOPICS, first_names, genitive, zipf_weights

_CORPUS_START = 16436  # 2015-01-01 as days since 1970-01-01
_CORPUS_DAYS = 4018  # to 2025-12-31
_MEET_VERBS = ["ilə görüşüb", "ilə görüş keçirib", "ilə bir araya gəlib", "ilə danışıqlar aparıb"]
_FILLER = ["Tərəflər qarşılıqlı maraq doğuran məsələləri müzakirə ediblər.",
           "Görüşdə regional vəziyyət də müzakirə olunub.",
           "Qeyd olunub ki, əlaqələrin inkişafı üçün yaxşı imkanlar var.",
           "Sonda sənədlər imzalanıb.",
           "Mətbuat üçün bəyanatlar verilib.",
           "Tədbirin sonunda birgə bəyanat qəbul edilib."]
_RULES = {"met": ("met.comitative", 0.9), "heads": ("heads.title", 0.85), "memberOf": ("memberOf.of", 0.7),
          "cooperatesWith": ("cooperatesWith.between", 0.8), "visited": ("visited.trip", 0.75),
          "organizedBy": ("organizedBy.passive", 0.8), "chairedBy": ("chairedBy.chair", 0.75),
          "cochairedBy": ("cochairedBy.cochair", 0.7), "heldIn": ("heldIn.locative", 0.8),
          "participatedIn": ("participatedIn.attend", 0.65), "partOf": ("partOf.of", 0.7)}


@lru_cache(maxsize=None)
def _genitive(name: str) -> str:
    try:
        return genitive(name)
    except (KeyError, IndexError):
        return name


class GraphGenerator:
    """Extractions of a synthetic institutional news corpus of about
    ``articles`` articles (the size sets the length of the long tails)."""

    def __init__(self, seed: int = 0, articles: int = 10_000, gazetteer: Gazetteer | None = None):
        self.seed = seed
        self.rng = random.Random(seed)
        gaz = gazetteer or default_gazetteer()
        rng = random.Random(seed + 1)

        def entity(etype: str, name: str, entry=None) -> Entity:
            labels = {"az": name}
            aliases: list[str] = []
            wikidata = None
            if entry is not None:
                if entry.en:
                    labels["en"] = entry.en
                aliases = list(entry.aliases)
                wikidata = entry.wikidata
            return Entity(key=entity_key(etype, name), type=etype, name=name, labels=labels,
                          aliases=aliases, wikidata=wikidata)

        entries = sorted(gaz.entries.values(), key=lambda e: e.id)
        by_id = {e.id: e for e in entries}
        self.home = entity("Country", by_id["azerbaijan"].az, by_id["azerbaijan"])
        countries = [entity("Country", e.az, e) for e in entries if e.type == "Country" and e.id != "azerbaijan"]
        rng.shuffle(countries)
        self.countries = [self.home] + countries
        country_of = {e.id: e for e in entries if e.type == "Country"}
        cities = [(entity("Place", e.az, e), e.country) for e in entries if e.type == "Place" and e.kind == "city"]
        rng.shuffle(cities)
        self.cities = [c for c, _ in cities]
        self.city_country = {c.key: entity("Country", country_of[cc].az, country_of[cc])
                             for c, cc in cities if cc in country_of}
        orgs = [e for e in entries if e.type == "Organization"]
        domestic = [e for e in orgs if e.country == "azerbaijan" and e.kind in ("ministry", "agency", "government",
                                                                              "prosecutor", "parliament", "court")]
        # the Foreign Ministry and the Presidential Administration first: hubs
        domestic.sort(key=lambda e: (e.id not in ("az_mfa", "az_presidential_administration"), e.id))
        self.ministries = [entity("Organization", e.az, e) for e in domestic]
        rng.shuffle(self.ministries[2:])
        self.bodies = [entity("Organization", e.az, e) for e in orgs if e.kind == "international"]
        rng.shuffle(self.bodies)
        self.companies = [entity("Organization", e.az, e) for e in orgs
                          if e.kind in ("company", "university", "foundation", "other")]
        rng.shuffle(self.companies)
        self.recurring = [entity("Event", e.az, e) for e in entries if e.type == "Event"]
        rng.shuffle(self.recurring)

        first = first_names(gaz)
        used: set[str] = set()

        def person(name: str | None = None) -> Entity:
            while name is None or name in used:
                name = f"{rng.choice(first)} {rng.choice(SURNAMES)}"
            used.add(name)
            return entity("Person", name)

        # Officials: (person, the body they head or None, their country, title)
        self.president = (person("İlham Əliyev"), self.home, self.home, "Prezidenti")
        self.ministers = [(person(), m, self.home, "naziri" if "Nazirliyi" in m.name else "rəhbəri")
                          for m in self.ministries]
        foreign_ministries = []
        for c in self.countries[1:81]:  # the 80 most covered countries have a foreign ministry
            fm = Entity(key=entity_key("Organization", f"{c.name} Xarici İşlər Nazirliyi"), type="Organization",
                        name=f"{genitive(c.name)} Xarici İşlər Nazirliyi",
                        labels={"az": f"{genitive(c.name)} Xarici İşlər Nazirliyi",
                                **({"en": f"Ministry of Foreign Affairs of {c.labels['en']}"}
                                   if "en" in c.labels else {})})
            foreign_ministries.append((c, fm))
        self.heads_of_state = [(person(), c, c, "Prezidenti") for c in self.countries[1:]]
        self.foreign_ministers = [(person(), fm, c, "naziri") for c, fm in foreign_ministries]
        self.body_heads = [(person(), b, None, "rəhbəri") for b in self.bodies]
        tail = 300 + articles // 3
        self.others = []
        for _ in range(tail):
            home = rng.random() < 0.6
            org = self._zipf_static(rng, self.ministries if home else self.bodies + self.companies)
            self.others.append((person(), None, self.home if home else None, "nümayəndəsi", org))
        self.domestic = [self.president] + self.ministers
        self.foreign = self.heads_of_state + self.foreign_ministers + self.body_heads

    # -- picks ------------------------------------------------------------------------

    def _zipf(self, items: list, skew: float = 1.0):
        return self.rng.choices(items, cum_weights=zipf_weights(len(items), skew), k=1)[0]

    @staticmethod
    def _zipf_static(rng: random.Random, items: list, skew: float = 1.0):
        return rng.choices(items, cum_weights=zipf_weights(len(items), skew), k=1)[0]

    def _domestic_official(self):
        return self.president if self.rng.random() < 0.3 else self._zipf(self.ministers, 0.9)

    def _foreign_official(self):
        r = self.rng.random()
        if r < 0.35:
            return self._zipf(self.heads_of_state, 1.0)
        if r < 0.65:
            return self._zipf(self.foreign_ministers, 1.0)
        if r < 0.8:
            return self._zipf(self.body_heads, 1.0)
        return self._zipf(self.others, 0.8)

    # -- one article --------------------------------------------------------------------

    def extraction(self, n: int):
        r = self.rng
        t = TextBuilder()
        entities: dict = {}
        relations: list = []

        def mention(e, surface: str | None = None) -> None:
            entities.setdefault(e.key, e)
            t.add(surface or e.name, e)

        def rel(pred: str, s, o, sentence: int) -> None:
            entities.setdefault(s.key, s)
            entities.setdefault(o.key, o)
            rule, conf = _RULES[pred]
            relations.append(Relation(subject=s.key, predicate=pred, object=o.key, sentence=sentence,
                                      subject_span=t.span(s.key, sentence), object_span=t.span(o.key, sentence),
                                      rule=rule, confidence=round(conf - 0.15 * r.random(), 3)))

        def official(o) -> None:
            """ "Malayziyanın Prezidenti X", "Energetika Nazirliyinin naziri X", "İnterpolun rəhbəri X"."""
            who, body, country, title = o[:4]
            owner = o[4] if len(o) > 4 else body if body is not None else country
            if owner is not None:
                mention(owner, _genitive(owner.name) if title != "Prezidenti" else owner.name)
                t.add(f" {title} ")
            else:
                t.add(f"{title.capitalize()} ")
            mention(who)

        def heads_and_member(o, sentence: int) -> None:
            who, body, country = o[0], o[1], o[2]
            if body is not None:
                rel("heads", who, body, sentence)
            if country is not None and body is not country:
                rel("memberOf", who, country, sentence)
            if len(o) > 4:
                rel("memberOf", who, o[4], sentence)

        a = self._domestic_official()
        b = self._foreign_official()
        stories = ["meeting"] if r.random() < 0.75 else []
        for name, p in (("cooperation", 0.5), ("visit", 0.3), ("event", 0.4), ("place", 0.1)):
            if r.random() < p:
                stories.append(name)
        if not stories:
            stories = ["event"]
        for story in stories:
            if story == "meeting":
                official(a)
                t.add(" ")
                official(b)
                t.add(f" {r.choice(_MEET_VERBS)}.")
                s = t.end_sentence()
                rel("met", a[0], b[0], s)
                heads_and_member(a, s)
                heads_and_member(b, s)
                for _ in range(r.randint(0, 3)):
                    t.add(r.choice(_FILLER))
                    t.end_sentence()
            elif story == "cooperation":
                x = self.home if r.random() < 0.5 else self._zipf(self.ministries, 1.1)
                pool = r.random()
                y = (self._zipf(self.countries[1:], 1.0) if pool < 0.5 else
                     self._zipf(self.bodies, 1.0) if pool < 0.85 else self._zipf(self.companies, 0.9))
                t.add("Görüşdə ")
                mention(x)
                t.add(" ilə ")
                mention(y)
                t.add(" arasında əməkdaşlığın genişləndirilməsi müzakirə olunub.")
                s = t.end_sentence()
                rel("cooperatesWith", x, y, s)
            elif story == "visit":
                who = b if r.random() < 0.6 else a
                where = self.home if who is b else self._zipf(self.countries[1:], 1.0)
                mention(who[0])
                t.add(" ")
                mention(where)
                t.add(" rəsmi səfərə gəlib." if who is b else " rəsmi səfərdədir.")
                s = t.end_sentence()
                rel("visited", who[0], where, s)
            elif story == "event":
                self._event(t, mention, rel, a, b)
            else:
                city = self._zipf(self.cities, 1.0)
                country = self.city_country.get(city.key)
                if country is not None:
                    mention(city)
                    t.add(" ")
                    mention(country)
                    t.add(" ərazisində yerləşən şəhərdir.")
                    s = t.end_sentence()
                    rel("partOf", city, country, s)
        for _ in range(r.randint(1, 4)):
            t.add(r.choice(_FILLER))
            t.end_sentence()
        day = _CORPUS_START + r.randrange(_CORPUS_DAYS)
        iso = (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()
        u = r.random()
        date = iso if u < 0.85 else iso[:7] if u < 0.97 else None
        text = t.text()
        first = t.sentences[0].text if t.sentences else text
        article = Article(id=f"synth-{n:07d}", text=text, url=f"https://example.org/news/{n}", date=date,
                          lang="az", title=first[:120], source=f"synth-{n:07d}.txt")
        return Extraction(article=article, sentences=t.sentences, entities=entities, mentions=t.mentions,
                          relations=relations)

    def _event(self, t: TextBuilder, mention, rel, a, b) -> None:
        r = self.rng
        if r.random() < 0.3 and self.recurring:
            event = self._zipf(self.recurring, 1.0)
        else:
            topic, noun = r.choice(TOPICS), r.choice(EVENT_NOUNS)
            year = 2015 + r.randrange(11)
            name = f"{topic} {noun} {year}-{r.randrange(1000):03d}"
            event = Entity(key=entity_key("Event", name), type="Event", name=name, labels={"az": name})
        city = self.home_city() if r.random() < 0.6 else self._zipf(self.cities, 1.0)
        mention(city)
        t.add(" şəhərində ")
        mention(event)
        t.add(" keçirilib.")
        s = t.end_sentence()
        rel("heldIn", event, city, s)
        org = self._zipf(self.ministries, 1.0) if r.random() < 0.6 else self._zipf(self.bodies, 1.0)
        mention(event)
        t.add(" tədbirini ")
        mention(org)
        t.add(" təşkil edib.")
        s = t.end_sentence()
        rel("organizedBy", event, org, s)
        if r.random() < 0.6:
            t.add("Tədbirə ")
            mention(a[0])
            t.add(" sədrlik edib")
            s = t.end_sentence() if r.random() < 0.5 else None
            if s is None:
                t.add(", həmsədri ")
                mention(b[0])
                t.add(" olub.")
                s = t.end_sentence()
                rel("cochairedBy", event, b[0], s)
            rel("chairedBy", event, a[0], s)
        for _ in range(r.randint(0, 3)):
            p = self._zipf(self.others, 0.8)[0]
            t.add("Tədbirdə ")
            mention(p)
            t.add(" iştirak edib.")
            s = t.end_sentence()
            rel("participatedIn", p, event, s)

    def home_city(self):
        return next((c for c in self.cities if c.name == "Bakı"), self.cities[0])

    def extractions(self, count: int, start: int = 0) -> Iterator:
        for n in range(start, start + count):
            yield self.extraction(n)


QUADS_PER_ARTICLE = 250  # about what a GraphGenerator article makes


def graph_documents(quads: int, seed: int = 0) -> Iterator[tuple[str, list]]:
    """(graph IRI, quads) per synthetic document until about ``quads`` quads:
    the documents of a synthetic graph of that size, deterministic for a seed."""
    gen = GraphGenerator(seed, articles=max(1, quads // QUADS_PER_ARTICLE))
    total, n = 0, 0
    while total < quads:
        ex = gen.extraction(n)
        q = list(extraction_quads(ex))
        total += len(q)
        n += 1
        yield doc_iri(ex.article.id), q
