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
from functools import lru_cache

from .models import Article
from .extract.gazetteer import Gazetteer, default_gazetteer
from .lang.az.morph import inflect
from .lang.az.ner.forms import capitalize_like

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


@lru_cache(maxsize=None)
def _zipf_weights(n: int, skew: float) -> tuple[float, ...]:
    """Cumulative Zipf weights of ranks 1..n: a few items are hubs."""
    acc, cum = 0.0, []
    for rank in range(n):
        acc += 1.0 / (rank + 1) ** skew
        cum.append(acc)
    return tuple(cum)


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
            self._weights[key] = order
        return self.rng.choices(self._weights[key], cum_weights=_zipf_weights(len(items), skew), k=1)[0]

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


# --- synthetic graphs: extractions without the extractor -------------------------
#
# For benchmarks at millions of quads, articles through the extractor are too
# slow (and their variety is the templates'). ``GraphGenerator`` builds
# ``kg.models.Extraction`` objects directly, as the extractor would return
# them: sentences with exact offsets, entities with their labels, aliases and
# Wikidata items, mentions, and relations with rule, confidence and the spans
# of both mentions. ``kg.rdf.extraction_quads`` turns them into quads, so the
# provenance model is the tool's own. The world is institutional: a
# president, domestic ministers heading ministries, heads of foreign states,
# foreign ministers, heads of international bodies, and a long tail of other
# officials; popularity is Zipf-distributed, so the president, the Foreign
# Ministry and a few others are hubs. Deterministic for a seed and a size.

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
        return _gen(name)
    except (KeyError, IndexError):
        return name


class _Text:
    """An article's text built from pieces, with the offsets of its mentions."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0
        self.sentences: list = []
        self.mentions: list = []
        self._sentence_start = 0
        self._first: dict[tuple[str, int], tuple[int, int]] = {}

    def add(self, piece: str, entity=None) -> None:
        if entity is not None:
            from .models import Mention
            start, end = self.length, self.length + len(piece)
            index = len(self.sentences)
            self.mentions.append(Mention(entity=entity.key, start=start, end=end, text=piece,
                                         sentence=index, rule="gazetteer"))
            self._first.setdefault((entity.key, index), (start, end))
        self.parts.append(piece)
        self.length += len(piece)

    def end_sentence(self) -> int:
        from .models import Sentence
        text = "".join(self.parts)[self._sentence_start:]
        index = len(self.sentences)
        self.sentences.append(Sentence(index=index, start=self._sentence_start, end=self.length, text=text))
        self.add(" " if index % 3 != 2 else "\n\n")
        self._sentence_start = self.length
        return index

    def span(self, key: str, sentence: int):
        return self._first.get((key, sentence))

    def text(self) -> str:
        return "".join(self.parts)


class GraphGenerator:
    """Extractions of a synthetic institutional news corpus of about
    ``articles`` articles (the size sets the length of the long tails)."""

    def __init__(self, seed: int = 0, articles: int = 10_000, gazetteer: Gazetteer | None = None):
        from .ids import entity_key
        from .models import Entity
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

        first = sorted(n for n in gaz.first_names if n.isalpha())
        first = [capitalize_like("A", n[:1]) + n[1:] for n in first] or ["Kamran"]
        used: set[str] = set()

        def person(name: str | None = None) -> Entity:
            while name is None or name in used:
                name = f"{rng.choice(first)} {rng.choice(_SURNAMES)}"
            used.add(name)
            return entity("Person", name)

        # Officials: (person, the body they head or None, their country, title)
        self.president = (person("İlham Əliyev"), self.home, self.home, "Prezidenti")
        self.ministers = [(person(), m, self.home, "naziri" if "Nazirliyi" in m.name else "rəhbəri")
                          for m in self.ministries]
        foreign_ministries = []
        for c in self.countries[1:81]:  # the 80 most covered countries have a foreign ministry
            fm = Entity(key=entity_key("Organization", f"{c.name} Xarici İşlər Nazirliyi"), type="Organization",
                        name=f"{_gen(c.name)} Xarici İşlər Nazirliyi",
                        labels={"az": f"{_gen(c.name)} Xarici İşlər Nazirliyi",
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
        return self.rng.choices(items, cum_weights=_zipf_weights(len(items), skew), k=1)[0]

    @staticmethod
    def _zipf_static(rng: random.Random, items: list, skew: float = 1.0):
        return rng.choices(items, cum_weights=_zipf_weights(len(items), skew), k=1)[0]

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
        from .models import Article, Extraction, Relation
        r = self.rng
        t = _Text()
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
        import datetime
        iso = (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()
        u = r.random()
        date = iso if u < 0.85 else iso[:7] if u < 0.97 else None
        text = t.text()
        first = t.sentences[0].text if t.sentences else text
        article = Article(id=f"synth-{n:07d}", text=text, url=f"https://example.org/news/{n}", date=date,
                          lang="az", title=first[:120], source=f"synth-{n:07d}.txt")
        return Extraction(article=article, sentences=t.sentences, entities=entities, mentions=t.mentions,
                          relations=relations)

    def _event(self, t: _Text, mention, rel, a, b) -> None:
        from .ids import entity_key
        from .models import Entity
        r = self.rng
        if r.random() < 0.3 and self.recurring:
            event = self._zipf(self.recurring, 1.0)
        else:
            topic, noun = r.choice(_TOPICS), r.choice(_EVENT_NOUNS)
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
    from .ids import doc_iri
    from .rdf import extraction_quads
    gen = GraphGenerator(seed, articles=max(1, quads // QUADS_PER_ARTICLE))
    total, n = 0, 0
    while total < quads:
        ex = gen.extraction(n)
        q = list(extraction_quads(ex))
        total += len(q)
        n += 1
        yield doc_iri(ex.article.id), q


# --- a network of a chosen size, for the graph page ----------------------------------------

_TYPES = [("Person", 0.40), ("Organization", 0.35), ("Country", 0.05), ("Place", 0.10), ("Event", 0.10)]
_STEM = {"Person": "Şəxs", "Organization": "Təşkilat", "Country": "Ölkə", "Place": "Şəhər", "Event": "Tədbir"}
_VERB = {"met": "ilə görüşüb", "heads": "rəhbərlik edir", "memberOf": "üzvüdür", "cooperatesWith":
         "ilə əməkdaşlıq edir", "participatedIn": "iştirak edib", "heldIn": "keçirilib", "visited": "səfər edib",
         "partOf": "tərkib hissəsidir", "organizedBy": "təşkil edib", "chairedBy": "sədrlik edib",
         "cochairedBy": "həmsədrlik edib"}


def _predicate(st: str, ot: str, rng: random.Random) -> str:
    if st == "Person" and ot in ("Person", "Organization"):
        return rng.choice(["met", "met", "heads", "memberOf"])
    if st == "Person" and ot in ("Place", "Country"):
        return "visited"
    if st == "Event" and ot in ("Place", "Country"):
        return "heldIn"
    if st in ("Person", "Organization", "Country") and ot == "Event":
        return "participatedIn"
    if st == "Event":
        return rng.choice(["organizedBy", "chairedBy"])
    if st == "Organization" and ot in ("Organization", "Country"):
        return rng.choice(["partOf", "cooperatesWith", "memberOf"])
    return "cooperatesWith"


def network_extractions(n_nodes: int, *, seed: int = 0, per_doc: int = 10) -> list:
    """Articles whose relations form a scale-free-ish network of about
    ``n_nodes`` entities and 1.5 times as many relations (preferential
    attachment: a few hubs, many small actors, like news), with dates over
    ten years, one evidence sentence per relation. For graph and page tests
    and benchmarks at a chosen size, where text realism does not matter."""
    from .ids import entity_key
    from .models import Entity, Extraction, Relation, Sentence
    rng = random.Random(seed)
    names, types = [], []
    for i in range(n_nodes):
        r, acc = rng.random(), 0.0
        for t, p in _TYPES:
            acc += p
            if r <= acc:
                break
        types.append(t)
        names.append(f"{_STEM[t]} {i}")
    edges: list[tuple[int, int]] = []
    targets: list[int] = [0]  # a node once per edge end: picking from it is preferential
    for i in range(1, n_nodes):
        for _ in range(1 if rng.random() < 0.5 else 2):
            j = rng.choice(targets) if rng.random() < 0.8 else rng.randrange(i)
            if j != i and (i, j) not in edges[-4:]:
                edges.append((i, j))
                targets += [i, j]
    rng.shuffle(edges)
    out = []
    for d in range(0, len(edges), per_doc):
        batch = edges[d:d + per_doc]
        doc = f"syn-{d // per_doc:05d}"
        year = 2015 + rng.randrange(10)
        article_text, sentences, relations, entities = "", [], [], {}
        for s, (i, j) in enumerate(batch):
            pred = _predicate(types[i], types[j], rng)
            a, b = names[i], names[j]
            text = f"{a} {b} {_VERB[pred]}."
            start = len(article_text)
            sentences.append(Sentence(index=s, start=start, end=start + len(text), text=text))
            article_text += text + " "
            for k in (i, j):
                key = entity_key(types[k], names[k])
                entities[key] = Entity(key=key, type=types[k], name=names[k], labels={"az": names[k]},
                                       aliases=[f"{names[k]} (alias)"] if k % 7 == 0 else [])
            relations.append(Relation(subject=entity_key(types[i], a), predicate=pred,
                                      object=entity_key(types[j], b), sentence=s,
                                      subject_span=(start, start + len(a)),
                                      object_span=(start + len(a) + 1, start + len(a) + 1 + len(b)),
                                      rule="synthetic", confidence=round(0.5 + 0.5 * rng.random(), 2)))
        article = Article(id=doc, text=article_text.strip(), url=f"https://example.org/news/{doc}",
                          date=f"{year}-{rng.randrange(1, 13):02d}", lang="az", title=f"Synthetic article {doc}")
        out.append(Extraction(article=article, sentences=sentences, entities=entities, relations=relations))
    return out


def write_extractions(store, extractions) -> None:
    """Each extraction as its document's graph in ``store``."""
    from .ids import doc_iri
    from .rdf import extraction_quads
    for ex in extractions:
        store.replace_document(doc_iri(ex.article.id), extraction_quads(ex))
