"""Gazetteers: matching names in any case form, and a user's own entries."""
from __future__ import annotations

from kg.extract.gazetteer import Gazetteer, default_gazetteer
from kg.extract.text import tokenize
from kg.lang import Extractor
from kg.lang.az.match import matcher
from kg.models import Article


def test_names_match_in_their_case_forms():
    gaz = default_gazetteer()
    for text, name in [("Bakıda", "Bakı"), ("BMT-nin", "BMT"), ("Azərbaycanın", "Azərbaycan"),
                       ("İnterpolun", "İnterpol"), ("Birləşmiş Ərəb Əmirliklərinin", "Birləşmiş Ərəb Əmirlikləri"),
                       ("BRİCS", "BRICS")]:
        matches = matcher(gaz).match_at(tokenize(text), 0)
        assert matches and name in matches[0].entry.names(), (text, matches)


def test_abbreviations_match_only_in_capitals():
    gaz = default_gazetteer()
    assert matcher(gaz).match_at(tokenize("DİN-in"), 0)
    assert not matcher(gaz).match_at(tokenize("din"), 0)


def test_a_users_own_gazetteer_extends_the_bundled_one(tmp_path, monkeypatch):
    (tmp_path / "mine.yaml").write_text(
        "- id: kontrol_palatasi_x\n"
        "  type: Organization\n"
        "  az: Zəngəzur İnkişaf Palatası\n"
        "  en: Zangezur Development Chamber\n"
        "  aliases: [ZİP]\n"
        "  country: azerbaijan\n"
        "  wikidata: Q4115189\n", encoding="utf-8")
    monkeypatch.setenv("KG_GAZETTEERS", str(tmp_path))
    gaz = Gazetteer()
    assert "kontrol_palatasi_x" in gaz.entries and "azerbaijan" in gaz.entries
    ex = Extractor(gazetteer=gaz).extract(Article(id="t", text="ZİP-in sədri Elnur Quliyev Bakıda çıxış edib."))
    body = next(e for e in ex.entities.values() if e.name == "Zəngəzur İnkişaf Palatası")
    assert body.labels.get("en") == "Zangezur Development Chamber" and body.wikidata == "Q4115189"
    assert any(r.predicate == "heads" and ex.entities[r.object] is body for r in ex.relations)
