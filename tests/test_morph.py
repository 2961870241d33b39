"""Azerbaijani case folding, suffixes and tokens."""
from __future__ import annotations

import pytest

from kg.extract.text import split_sentences, tokenize
from kg.lang.az.morph import analyse, inflect
from kg.normalize import lookup_key, lower, upper


def test_case_folding_the_azerbaijani_way():
    assert lower("İLHAM") == "ilham" and lower("BAKI") == "bakı"
    assert upper("iştirak ılıq") == "İŞTİRAK ILIQ"
    assert "İ".lower() != "i"  # what Python alone gets wrong
    assert lookup_key("Kamran Əliyev") == lookup_key("KAMRAN ƏLİYEV") == "kamran eliyev"


@pytest.mark.parametrize("lemma,case,form", [
    ("İnterpol", "gen", "interpolun"), ("Bakı", "loc", "bakıda"), ("London", "dat", "londona"),
    ("Nazirlik", "poss", "nazirliyi"), ("Nazirlik", "poss+gen", "nazirliyinin"),
    ("Prokurorluq", "poss", "prokurorluğu"), ("Türkiyə", "dat", "türkiyəyə"), ("Əliyev", "com", "əliyevlə"),
    ("Tbilisi", "gen", "tbilisinin"), ("Şura", "poss+gen", "şurasının"),
])
def test_inflect_generates_case_forms_under_vowel_harmony(lemma, case, form):
    assert inflect(lemma)[case] == form


@pytest.mark.parametrize("word,lemma,case", [
    ("İnterpolun", "interpol", "gen"), ("BMT-nin", "bmt", "gen"), ("COP29-un", "cop29", "gen"),
    ("Prokurorluğu", "prokurorluq", "poss"), ("Nazirliyinin", "nazirlik", "poss+gen"),
    ("Əliyevin", "əliyev", "gen"), ("Əliyevlə", "əliyev", "com"), ("Bakıda", "bakı", "loc"),
    ("Londona", "london", "dat"), ("İƏT-ə", "iət", "dat"), ("DİN-ləri", "din", "pl+acc"),
])
def test_analyse_strips_suffixes(word, lemma, case):
    assert any(r.lemma == lemma and r.case == case for r in analyse(word))


def test_analyse_keeps_the_word_itself_as_a_reading():
    assert analyse("Ankara")[0].lemma == "ankara" and analyse("Ankara")[0].case == "nom"


def test_sentences_respect_initials_and_abbreviations():
    text = "Nazir V. Eyvazov çıxış edib. Dr. Tedros da iştirak edib.\nBaşlıq sətri"
    sents = split_sentences(text)
    assert [s.text for s in sents] == ["Nazir V. Eyvazov çıxış edib.", "Dr. Tedros da iştirak edib.", "Başlıq sətri"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_tokens_keep_suffixed_abbreviations_and_initials():
    toks = [t.text for t in tokenize("K.Əliyev BMT-nin “Özbəkneftqaz” ASC-nin Metbuat.az-a")]
    assert toks == ["K.", "Əliyev", "BMT-nin", "“", "Özbəkneftqaz", "”", "ASC-nin", "Metbuat.az-a"]


def test_a_run_without_sentence_ends_is_cut_into_bounded_sentences():
    from kg.extract.text import MAX_SENTENCE
    text = "Prezident İlham Əliyev Bakıda nazir Hakan Fidan ilə görüşüb, " * 400
    sents = split_sentences(text)
    assert len(sents) > 1 and all(len(s.text) <= MAX_SENTENCE for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
