"""kg.synth.articles: generated article files, the same for a seed, read like any article."""
from __future__ import annotations

from kg.read import read_articles
from kg.synth import write_articles


def test_the_same_seed_writes_the_same_files(tmp_path):
    a = [p.read_bytes() for p in write_articles(tmp_path / "a", 20, seed=7)]
    b = [p.read_bytes() for p in write_articles(tmp_path / "b", 20, seed=7)]
    c = [p.read_bytes() for p in write_articles(tmp_path / "c", 20, seed=8)]
    assert a == b and a != c
    assert len(set(a)) == 20


def test_articles_read_with_their_front_matter(tmp_path):
    paths = write_articles(tmp_path, 10, start=5)
    articles = list(read_articles([tmp_path]))
    assert [a.id for a in articles] == [p.stem for p in paths] == [f"synth-{n:06d}" for n in range(5, 15)]
    for a in articles:
        assert a.lang == "az" and a.url.startswith("https://example.org/news/") and len(a.date) == 7
        assert a.title and a.title in a.text.replace("\n", " ") and "---" not in a.text
