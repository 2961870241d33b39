"""kg.pipeline, ``kg ingest -j N``: extraction in N processes, one writer, the same outcome.

The same mixed folder is ingested with one job and with two into fresh
stores: the reports (ingested, unchanged, rejected, in order; the summary
line) and the stored quads must be identical; fingerprints still skip
unchanged documents; a failing rule rejects its file and the batch goes
on; a KgError still stops the ingest after the files before it.
"""
from __future__ import annotations

import io
import re

import pytest

from kg.errors import ConfigError
from kg.models import Article
from kg.pipeline import KnowledgeGraph, _Done, _extract
from kg.synth import write_articles

from .conftest import SEED, kg


def mixed_folder(root):
    folder = root / "in"
    write_articles(folder / "synth", 30, seed=7)
    (folder / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    dup = folder / "zz-dup"
    dup.mkdir()
    (dup / "synth-000003.txt").write_text("Prezident İlham Əliyev Bakıda çıxış edib.\n", encoding="utf-8")
    return folder


def nquads(kg: KnowledgeGraph) -> list[bytes]:
    out = io.BytesIO()
    kg.export(out, "nquads")
    return sorted(out.getvalue().splitlines())


def test_two_jobs_give_the_same_outcome_as_one(tmp_path):
    folder = mixed_folder(tmp_path)
    results = {}
    for jobs in (1, 2):
        with KnowledgeGraph(tmp_path / f"store-{jobs}") as kg:
            report = kg.ingest([folder], progress=False, jobs=jobs)
            results[jobs] = (report, nquads(kg))
    (one, quads_one), (two, quads_two) = results[1], results[2]
    assert one.summary() == two.summary()
    assert one.summary().startswith("31 ingested") and one.summary().endswith("3 rejected")
    assert one.ingested == two.ingested and one.unchanged == two.unchanged
    assert [(r.path, r.reason) for r in one.rejected] == [(r.path, r.reason) for r in two.rejected]
    assert any("duplicate document id 'synth-000003'" in r.reason for r in two.rejected)
    assert quads_one == quads_two and len(quads_one) > 1000


def test_unchanged_documents_are_skipped_and_changed_ones_replaced(tmp_path):
    folder = tmp_path / "in"
    paths = write_articles(folder, 20, seed=1)
    store = tmp_path / "store"
    with KnowledgeGraph(store) as kg:
        assert kg.ingest([folder], progress=False, jobs=2).summary().startswith("20 ingested")
        again = kg.ingest([folder], progress=False, jobs=2)
        assert again.ingested == [] and len(again.unchanged) == 20
        paths[5].write_text(paths[5].read_text(encoding="utf-8") + "\nƏlavə cümlə.\n", encoding="utf-8")
        third = kg.ingest([folder], progress=False, jobs=2)
        assert third.ingested == ["synth-000005"] and len(third.unchanged) == 19
        forced = kg.ingest([folder], progress=False, jobs=2, force=True)
        assert len(forced.ingested) == 20
        assert len(kg.store.documents()) == 20


def test_the_cli_option(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 8, seed=2)
    (folder / "empty.txt").write_text("\n", encoding="utf-8")
    outs = []
    for jobs in ("1", "2"):
        proc = kg("ingest", "-j", jobs, "--no-progress", str(folder), store=tmp_path / f"s{jobs}", timeout=300)
        assert proc.returncode == 2, proc.stderr
        outs.append((proc.stdout, proc.stderr))
    assert outs[0] == outs[1]
    assert re.fullmatch(r"8 ingested \(\d+ relations, \d+ entities\), 0 unchanged, 1 rejected", outs[0][0].strip())
    bad = kg("ingest", "-j", "0", str(folder), store=tmp_path / "s3", timeout=60)
    assert bad.returncode != 0


class _Broken:
    def extract(self, article):
        raise IndexError("a rule fell off the end")


class _Misconfigured:
    def extract(self, article):
        raise ConfigError("gazetteer unreadable")


def test_a_failing_rule_rejects_the_file_a_kg_error_stops():
    article = Article(id="x", text="Mətn.")
    assert _extract(_Broken(), article, False) == ("failed", "IndexError: a rule fell off the end")
    job = _Done(_extract, _Misconfigured(), article, True)
    with pytest.raises(ConfigError, match="gazetteer unreadable"):
        job.result()


def test_a_failing_rule_in_an_ingest(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    write_articles(folder, 3, seed=4)
    with KnowledgeGraph(tmp_path / "store") as kg:
        monkeypatch.setattr(kg, "_extractor", _Broken())
        report = kg.ingest([folder], progress=False)
    assert report.summary() == "0 ingested (0 relations, 0 entities), 0 unchanged, 3 rejected"
    assert all("extraction failed: IndexError" in r.reason for r in report.rejected)
    with KnowledgeGraph(tmp_path / "store2") as kg:
        monkeypatch.setattr(kg, "_extractor", _Misconfigured())
        with pytest.raises(ConfigError):
            kg.ingest([folder], progress=False)
