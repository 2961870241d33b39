"""kg.synth.network: a network of a chosen size for the page, written as kg writes any document."""
from __future__ import annotations

from kg.store.memory import MemoryStore
from kg.synth import network_extractions, write_extractions


def test_the_size_asked_and_the_same_for_a_seed():
    exs = network_extractions(400, seed=2)
    entities = {k for ex in exs for k in ex.entities}
    relations = sum(len(ex.relations) for ex in exs)
    assert len(entities) == 400
    assert 1.2 * 400 < relations < 1.8 * 400
    assert [ex.article.text for ex in exs] == [ex.article.text for ex in network_extractions(400, seed=2)]
    for ex in exs:
        for r in ex.relations:
            sentence = ex.sentences[r.sentence]
            assert sentence.start <= r.subject_span[0] and r.object_span[1] <= sentence.end
            assert ex.article.text[slice(*r.subject_span)] == ex.entities[r.subject].name
            assert ex.article.text[slice(*r.object_span)] == ex.entities[r.object].name


def test_written_to_a_store_one_graph_per_article():
    exs = network_extractions(100, seed=0)
    with MemoryStore() as store:
        write_extractions(store, exs)
        assert len(store.documents()) == len(exs)
