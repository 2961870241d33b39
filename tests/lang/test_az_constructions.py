"""Azerbaijani constructions added for articles from outlets nobody tuned on.

Every sentence is written for these tests (invented people where it
matters); each pins one construction of the language, with the negative
case that must not come out.
"""
from __future__ import annotations

import pytest

from kg.extract.text import split_sentences
from kg.lang import Extractor
from kg.models import Article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    ex = extractor.extract(Article(id="t", text=text))
    out = set()
    for r in ex.relations:
        s, o = ex.entities[r.subject].name, ex.entities[r.object].name
        out.add((s, r.predicate, o))
        if r.predicate in ("met", "cooperatesWith"):
            out.add((o, r.predicate, s))
    return out


def names(extractor: Extractor, text: str, etype: str) -> set[str]:
    ex = extractor.extract(Article(id="t", text=text))
    return {e.name for e in ex.entities.values() if e.type == etype}


# --- text ---------------------------------------------------------------------------

def test_a_paragraph_wrapped_at_a_fixed_width_is_one_text():
    text = ("Azərbaycan Respublikasının xarici işlər naziri Vüqar Nəsibli\n"
            "Gürcüstanın xarici işlər naziri Levan Beridze ilə\n"
            "görüşüb və iki ölkə arasında əməkdaşlıq\n"
            "məsələlərini müzakirə edib.\n\nİkinci abzas.")
    sentences = split_sentences(text)
    assert [s.text.replace("\n", " ") for s in sentences][0].endswith("müzakirə edib.")
    assert len(sentences) == 2 and all(text[s.start:s.end] == s.text for s in sentences)


def test_a_headline_without_a_full_stop_stays_its_own_sentence():
    text = "Nazir Səmərqəndə səfər edib\nNazir Vüqar Nəsibli bu gün Səmərqəndə səfər edib. Səfər iki gün çəkəcək."
    assert [s.text for s in split_sentences(text)][0] == "Nazir Səmərqəndə səfər edib"


# --- titles ----------------------------------------------------------------------------

def test_a_ministers_title_in_title_case_names_the_foreign_ministry(extractor):
    f = facts(extractor, "Gürcüstanın Xarici İşlər naziri Levan Beridze Bakıya gəlib.")
    assert ("Levan Beridze", "heads", "Gürcüstan Xarici İşlər Nazirliyi") in f
    assert ("Levan Beridze", "heads", "Gürcüstan") not in f


def test_an_acting_minister_heads_the_ministry(extractor):
    f = facts(extractor, "Qazaxıstan xarici işlər naziri v.i.e Arman Serikbayev çıxış edib.")
    assert ("Arman Serikbayev", "heads", "Qazaxıstan Xarici İşlər Nazirliyi") in f


def test_a_title_word_inside_a_bodys_name_is_not_a_title(extractor):
    text = "Azərbaycan Prezidenti Administrasiyası şöbəsinin müdiri Rauf Qasımlı çıxış edib."
    assert "Administrasiyası" not in names(extractor, text, "Person")
    assert not any(p == "heads" and o == "Azərbaycan" for _, p, o in facts(extractor, text))


# --- visits ----------------------------------------------------------------------------

def test_the_visitor_of_a_nominal_visit_is_the_genitive_before_it(extractor):
    f = facts(extractor, "Nazir Rauf Qasımlı Prezident İlham Əliyevin Macarıstana işgüzar səfərinin "
                         "nəticələrini şərh edib.")
    assert ("İlham Əliyev", "visited", "Macarıstan") in f
    assert ("Rauf Qasımlı", "visited", "Macarıstan") not in f


def test_arrival_in_a_city_is_a_visit(extractor):
    f = facts(extractor, "Fransanın səfiri Jan Lebrun Şuşa şəhərinə gələrək muzeylə tanış olub.")
    assert ("Jan Lebrun", "visited", "Şuşa") in f


def test_a_stay_in_places_is_a_visit_of_each(extractor):
    f = facts(extractor, "Britaniya parlamentinin üzvü Tom Hardinq Şuşa və Füzuli şəhərlərində olub.")
    assert {("Tom Hardinq", "visited", "Şuşa"), ("Tom Hardinq", "visited", "Füzuli")} <= f


def test_being_in_an_event_is_not_a_visit(extractor):
    f = facts(extractor, "Tom Hardinq görüşdə olub.")
    assert not any(p == "visited" for _, p, _ in f)


# --- event names -----------------------------------------------------------------------

def test_an_event_of_a_body_named_with_its_abbreviation_in_brackets(extractor):
    text = "Oktyabrın 14-də Astanada Müstəqil Dövlətlər Birliyi (MDB) Xarici İşlər Nazirləri Şurasının iclası keçirilib."
    events = names(extractor, text, "Event")
    assert any("Xarici İşlər Nazirləri Şurasının iclası" in e and e.startswith("Müstəqil") for e in events), events
    assert not any(e.startswith("Nazirləri") or e.startswith("Şurasının") for e in events), events


def test_an_event_name_keeps_its_capitalised_words_and_ordinal(extractor):
    text = "Bakıda İSESCO Baş Konfransının XII sessiyası işə başlayıb."
    events = names(extractor, text, "Event")
    assert "İSESCO Baş Konfransının XII sessiyası" in events, events
    assert ("İSESCO Baş Konfransının XII sessiyası", "heldIn", "Bakı") in facts(extractor, text)


def test_an_event_name_with_a_lower_case_genitive_chain_ends_at_its_owner(extractor):
    text = "ATƏT-in 21-ci nazirlər şurasının iclası Vyanada keçirilib."
    assert any(e.startswith("ATƏT") and e.endswith("nazirlər şurasının iclası")
               for e in names(extractor, text, "Event"))
