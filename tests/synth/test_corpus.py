"""kg.synth.corpus: extractions of a synthetic corpus, exact as the extractor's, valid as kg writes them."""
from __future__ import annotations

from collections import Counter

from kg.synth import GraphGenerator, graph_documents
from kg.validate import validate_quads


def test_offsets_are_exact_and_relations_point_at_their_mentions():
    gen = GraphGenerator(3, articles=100)
    for n in range(100):
        ex = gen.extraction(n)
        text = ex.article.text
        assert all(text[s.start:s.end] == s.text for s in ex.sentences)
        assert all(text[m.start:m.end] == m.text for m in ex.mentions)
        for r in ex.relations:
            sentence = ex.sentences[r.sentence]
            for key, span in ((r.subject, r.subject_span), (r.object, r.object_span)):
                assert key in ex.entities
                if span is not None:
                    assert sentence.start <= span[0] < span[1] <= sentence.end


def test_the_president_and_the_foreign_ministry_are_hubs():
    gen = GraphGenerator(0, articles=300)
    degree = Counter()
    for ex in gen.extractions(300):
        for r in ex.relations:
            degree[ex.entities[r.subject].name] += 1
            degree[ex.entities[r.object].name] += 1
    top = [name for name, _ in degree.most_common(5)]
    assert "İlham Əliyev" in top and "Azərbaycan" in top


def test_graph_documents_reach_the_size_asked_and_conform_to_the_shapes():
    docs = list(graph_documents(5_000, seed=1))
    total = sum(len(quads) for _, quads in docs)
    assert 5_000 <= total < 5_000 + max(len(q) for _, q in docs)
    assert docs == list(graph_documents(5_000, seed=1))
    for graph, quads in docs[:3]:
        assert {str(q[3]) for q in quads} == {graph}
        report = validate_quads(quads)
        assert report.conforms, report.violations[:3]
