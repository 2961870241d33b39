"""The learned relation decider (kg.extract.learn): candidates and their
features, the model file, the decision over the rules, the training script.

Sentences are written for the tests. The model that decides them is
trained on the shared corpus' unsealed Azerbaijani dev gold (skipped
without the corpus), with every predicate given a say, so that what it
keeps and refuses is the model's own decision and not a fallback to the
rules.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kg.errors import ConfigError
from kg.extract.learn import RelationModel
from kg.extract.learn.gold import Gold
from kg.lang.az import Extractor
from kg.models import Article

from .conftest import DEV, ENV, ROOT, needs_corpus

SCRIPT = ROOT / "scripts" / "train_relations.py"

MEETING = ("Azərbaycanın xarici işlər naziri Ceyhun Bayramov Bakıda Macarıstanın xarici işlər naziri "
           "Peter Siyarto ilə görüşüb.")
UNRELATED = ("Ceyhun Bayramov dünən müsahibə verib. Həmin gün Məhəmməd Səlah Londonda futbol oynayıb, "
             "Rusiya və Fransa isə hava proqnozu açıqlayıb.")


def article(text: str, id: str = "t") -> Article:
    return Article(id=id, text=text, lang="az")


def triples(extraction) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


# -- candidates and features ---------------------------------------------------------


def test_candidates_hold_the_rules_facts_and_every_allowed_pair():
    reading = Extractor(model=False).read(article(MEETING))
    stated = {c.triple: c for c in reading.candidates if c.rules}
    met = stated[("person/ceyhun-bayramov", "met", "person/peter-siyarto")]
    assert [r for r, _ in met.rules] == ["met.comitative"]
    assert "rule=met.comitative" in met.features and "s:case=nom" in met.features
    assert "cue:meet_verbs:after" in met.features  # "görüşüb" follows the pair
    # implied facts are candidates too: the body a title implies, and its partOf
    assert ("org/macaristan-xarici-isler-nazirliyi", "partOf", "country/macaristan") in stated
    # a pair no rule related, for a predicate the ontology allows between their types
    new = {c.triple for c in reading.candidates if not c.rules}
    assert ("person/peter-siyarto", "visited", "place/baki") in new
    assert not any(c.p == "met" and "place/baki" in (c.s, c.o) for c in reading.candidates)  # not allowed


def test_features_are_deterministic():
    def run():
        reading = Extractor(model=False).read(article(MEETING + " " + UNRELATED))
        return [(c.triple, c.sentence, c.sspan, c.ospan, tuple(c.features)) for c in reading.candidates]
    first = run()
    assert first and first == run()


def test_a_model_with_no_say_gives_the_rules_output():
    text = MEETING + " " + UNRELATED
    rules = Extractor(model=False).extract(article(text))
    silent = Extractor(model=RelationModel()).extract(article(text))
    assert triples(silent) == triples(rules) and triples(rules)


# -- the model file --------------------------------------------------------------------


def test_model_file_round_trip(tmp_path):
    model = RelationModel(keep={"met": {"bias": 2.0, "rule": 1.0}}, add={"visited": {"bias": -3.0}},
                          meta={"note": "x"})
    path = tmp_path / "m.json"
    model.save(path)
    back = RelationModel.load(path)
    assert back.keep == model.keep and back.add == model.add and back.meta == model.meta


@pytest.mark.parametrize("content", ["not json", json.dumps({"format": "other"}),
                                     json.dumps({"format": "kg-relation-model/1", "keep": {"met": 3}})])
def test_a_bad_model_file_is_one_clear_error(tmp_path, content):
    path = tmp_path / "m.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Extractor(model=path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


# -- the decision, by a model trained on the dev gold --------------------------------------


@pytest.fixture(scope="module")
def dev_model(tmp_path_factory):
    pytest.importorskip("sklearn")
    out = tmp_path_factory.mktemp("model") / "relations-az.json"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--gold", str(DEV), "--cv", "none", "--out", str(out),
                           "--keep", "0.5", "--add", "0.5", "--min-examples", "1"],
                          capture_output=True, text=True, env=ENV, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return RelationModel.load(out)


@needs_corpus
def test_the_model_keeps_a_clear_rule_fact(dev_model):
    assert "heads" in dev_model.keep  # the model, not the rules, decides heads
    reading = Extractor(model=False).read(article(MEETING))
    heads = next(c for c in reading.candidates if c.rules and c.p == "heads" and c.s == "person/peter-siyarto")
    assert dev_model.probability(heads) >= 0.5
    got = Extractor(model=dev_model).extract(article(MEETING))
    fact = next(r for r in got.relations if r.predicate == "heads" and r.subject == "person/peter-siyarto")
    assert fact.object == "org/macaristan-xarici-isler-nazirliyi"
    assert fact.rule == "heads.minister" and fact.confidence == round(dev_model.probability(heads), 4)
    assert MEETING[fact.subject_span[0]:fact.subject_span[1]] == "Peter Siyarto"  # provenance intact
    assert fact.sentence == 0
    # met has no rule error in the gold to learn from: no keep table, the rule's fact stands
    assert "met" not in dev_model.keep
    assert ("person/ceyhun-bayramov", "met", "person/peter-siyarto") in triples(got)


@needs_corpus
def test_the_model_invents_no_fact_across_unrelated_entities(dev_model):
    assert {"visited", "memberOf", "heads", "cooperatesWith"} <= set(dev_model.add)
    reading = Extractor(model=False).read(article(UNRELATED))
    new = [c for c in reading.candidates if not c.rules]
    assert len(new) >= 6  # Səlah and London, Russia and France: candidates the model weighs
    assert all(dev_model.probability(c) < 0.5 for c in new), [
        (c.triple, dev_model.probability(c)) for c in new if dev_model.probability(c) >= 0.5]
    assert triples(Extractor(model=dev_model).extract(article(UNRELATED))) == set()


# -- training --------------------------------------------------------------------------


def _synthetic_gold(folder):
    """Three articles with their gold, written for the test."""
    docs = {
        "syn-01": ("Azərbaycanın xarici işlər naziri Ceyhun Bayramov Bakıda Macarıstanın xarici işlər naziri "
                   "Peter Siyarto ilə görüşüb. Peter Siyarto Bakıya səfər edib.",
                   [("ceyhun", "met", "siyarto"), ("siyarto", "visited", "baku")]),
        "syn-02": ("Gürcüstanın xarici işlər naziri İlia Darçiaşvili Bakıda Ceyhun Bayramov ilə görüşüb. "
                   "İlia Darçiaşvili Bakıya səfər edib.",
                   [("darchiashvili", "met", "ceyhun"), ("darchiashvili", "visited", "baku")]),
        "syn-03": ("Ceyhun Bayramov Londonda Peter Siyarto ilə görüşüb. Ceyhun Bayramov Londona səfər edib.",
                   [("ceyhun", "met", "siyarto"), ("ceyhun", "visited", "london")]),
    }
    entities = [
        {"id": "ceyhun", "type": "Person", "name": "Ceyhun Bayramov", "aliases": []},
        {"id": "siyarto", "type": "Person", "name": "Peter Siyarto", "aliases": []},
        {"id": "darchiashvili", "type": "Person", "name": "İlia Darçiaşvili", "aliases": []},
        {"id": "baku", "type": "Place", "name": "Bakı", "aliases": []},
        {"id": "london", "type": "Place", "name": "London", "aliases": []},
    ]
    for stem, (text, facts) in docs.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
        gold = {"id": stem, "lang": "az", "entities": entities,
                "triples": [{"s": s, "p": p, "o": o, "evidence": "", "optional": False} for s, p, o in facts]}
        (folder / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def test_the_training_script_writes_a_loadable_model(tmp_path):
    pytest.importorskip("sklearn")
    gold = tmp_path / "gold"
    gold.mkdir()
    _synthetic_gold(gold)
    out = tmp_path / "model.json"
    proc = subprocess.run([sys.executable, str(SCRIPT), "--gold", str(gold), "--cv", "none", "--out", str(out),
                           "--keep", "0.5", "--add", "0.5", "--min-examples", "1"],
                          capture_output=True, text=True, env=ENV, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "read 3 az articles" in proc.stderr and f"wrote {out}" in proc.stdout
    model = RelationModel.load(out)
    assert "visited" in model.add and model.meta["documents"] == ["syn-01", "syn-02", "syn-03"]
    got = Extractor(model=out).extract(article("Ceyhun Bayramov Bakıda Peter Siyarto ilə görüşüb.", "x"))
    assert got.relations and all(r.rule and 0.5 <= r.confidence <= 1 for r in got.relations)


def test_the_training_script_says_what_is_wrong(tmp_path):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--gold", str(tmp_path / "none"), "--cv", "none"],
                          capture_output=True, text=True, env=ENV, timeout=120)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("error: no gold folder")


def test_gold_labels_follow_the_scorer():
    gold = Gold({"id": "g", "entities": [
        {"id": "a", "type": "Person", "name": "Kamran Əliyev", "aliases": ["K.Əliyev"]},
        {"id": "b", "type": "Person", "name": "Ahmed Al-Raisi", "aliases": []},
        {"id": "c", "type": "Place", "name": "Bakı", "aliases": []}],
        "triples": [{"s": "a", "p": "met", "o": "b", "evidence": "Kamran Əliyev Al-Raisi ilə görüşüb"},
                    {"s": "a", "p": "visited", "o": "c", "optional": True}]})
    assert gold.label(["KAMRAN ƏLİYEV"], "met", ["Ahmed Al Raisi"]) == 1  # folded, punctuation dropped
    assert gold.label(["Ahmed Al-Raisi"], "met", ["K.Əliyev"]) == 1  # an alias; symmetric, either way
    assert gold.label(["Ahmed Al-Raisi"], "met", ["Əliyev"]) == 0  # a surname alone is no alias here
    assert gold.label(["Kamran Əliyev"], "met", ["Ahmed Al-Raisi"], "Başqa bir cümlə.") is None  # stated elsewhere
    assert gold.label(["Kamran Əliyev"], "visited", ["Bakı"]) is None  # optional: left out
    assert gold.label(["Kamran Əliyev"], "heads", ["Bakı"]) == 0
