"""Russian labels in the gazetteers: loaded, matched in any case by the
Russian matcher, never by the Azerbaijani one, and a user's own ru entries."""
from __future__ import annotations

import subprocess
import sys

from kg.lang.ru import Extractor
from kg.lang.ru.names import RussianNames
from kg.models import Article
from kg.extract.gazetteer import Gazetteer, default_gazetteer
from kg.extract.text import tokenize

from .conftest import ROOT


def test_entries_carry_their_russian_name():
    gaz = default_gazetteer()
    for gid, ru in [("azerbaijan", "Азербайджан"), ("baku", "Баку"), ("un", "Организация Объединенных Наций"),
                    ("az_prosecutor_general", "Генеральная прокуратура Азербайджана"), ("osce", None)]:
        entry = gaz.entries[gid]
        if ru:
            assert entry.ru == ru and ru in entry.names()
        assert entry.ru is None or entry.ru in entry.names()
    assert gaz.find("ОБСЕ", "Organization").id == "osce"  # a Russian abbreviation is an alias


def test_russian_names_match_in_any_case_form():
    names = RussianNames(default_gazetteer())
    for text, gid in [("Генеральной прокуратурой Азербайджана", "az_prosecutor_general"),
                      ("Азербайджанской Республике", "azerbaijan"), ("МИДа Турции", "tr_mfa"),
                      ("Объединенными Арабскими Эмиратами", "united_arab_emirates"), ("в Баку", None)]:
        toks = tokenize(text)
        start = 1 if gid is None else 0
        found = names.match_at(toks, start)
        assert found and found[0].entry.id == (gid or "baku"), (text, found)
    assert not names.match_at(tokenize("мид"), 0)


def test_cyrillic_names_stay_out_of_the_azerbaijani_matcher():
    from kg.lang.az.match import matcher
    az = matcher(default_gazetteer())
    assert not az.match_at(tokenize("Азербайджан"), 0)
    assert az.match_at(tokenize("Azərbaycanın"), 0)


def test_a_users_own_russian_entry(tmp_path, monkeypatch):
    (tmp_path / "mine.yaml").write_text(
        "- id: zangezur_chamber_x\n"
        "  type: Organization\n"
        "  az: Zəngəzur İnkişaf Palatası\n"
        "  en: Zangezur Development Chamber\n"
        "  ru: Палата развития Зангезура\n"
        "  aliases: [ЗИП]\n"
        "  country: azerbaijan\n", encoding="utf-8")
    monkeypatch.setenv("KG_GAZETTEERS", str(tmp_path))
    gaz = Gazetteer()
    ex = Extractor(gazetteer=gaz).extract(Article(
        id="t", text="Председатель Палаты развития Зангезура Эльнур Гулиев выступил в Баку.", lang="ru"))
    body = next(e for e in ex.entities.values() if e.name == "Zəngəzur İnkişaf Palatası")
    assert body.labels["ru"] == "Палата развития Зангезура"
    assert any(r.predicate == "heads" and ex.entities[r.object] is body for r in ex.relations)


def test_the_checker_accepts_ru_and_rejects_a_bad_one(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "- {id: bad_x, type: Place, az: Pis, en: Bad, ru: 12, aliases: [], country: azerbaijan, kind: city}\n",
        encoding="utf-8")
    ok = subprocess.run([sys.executable, str(ROOT / "bench" / "check_gazetteers.py")], capture_output=True,
                        text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run([sys.executable, str(ROOT / "bench" / "check_gazetteers.py"), str(tmp_path)],
                         capture_output=True, text=True)
    assert bad.returncode != 0 and "'ru' must be a non-empty string" in bad.stdout + bad.stderr
