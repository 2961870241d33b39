"""A network of a chosen size, for the graph page: extractions whose relations
form a scale-free-ish graph, where text realism does not matter."""
from __future__ import annotations

import random

from ..ids import doc_iri, entity_key
from ..models import Article, Entity, Extraction, Relation, Sentence
from ..rdf import extraction_quads

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
    for ex in extractions:
        store.replace_document(doc_iri(ex.article.id), extraction_quads(ex))
