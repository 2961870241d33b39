"""Names across scripts: Azerbaijani Latin <-> Russian Cyrillic, and the
same node for the same entity in Azerbaijani and Russian articles."""
from __future__ import annotations

import pytest

from kg.lang.az import Extractor as AzExtractor
from kg.lang import Extractor as AnyLanguage
from kg.lang.ru.persons import azerbaijani_first_names
from kg.lang.ru.translit import same_name, skeleton, to_cyrillic, to_latin
from kg.models import Article

PAIRS = [
    ("Əliyev", "Алиев"), ("Ceyhun", "Джейхун"), ("Həsənov", "Гасанов"), ("Qarabağ", "Карабах"),
    ("Şuşa", "Шуша"), ("Xankəndi", "Ханкенди"), ("İlham Əliyev", "Ильхам Алиев"), ("Gəncə", "Гянджа"),
    ("Heydər Əliyev", "Гейдар Алиев"), ("Ceyhun Bayramov", "Джейхун Байрамов"), ("Yevlax", "Евлах"),
]


@pytest.mark.parametrize("az,ru", PAIRS)
def test_russian_conventions_for_azerbaijani_letters(az, ru):
    assert to_cyrillic(az) == ru
    assert same_name(az, ru)


@pytest.mark.parametrize("az,ru", [("Kamran Əliyev", "Кямран Алиев"), ("Sahibə Qafarova", "Сахиба Гафарова"),
                                   ("Məmmədov", "Мамедов"), ("Hikmət Hacıyev", "Хикмет Гаджиев")])
def test_same_name_whatever_the_vowel_the_russian_spelling_chose(az, ru):
    assert same_name(az, ru)


@pytest.mark.parametrize("a,b", [("Əliyev", "Гасанов"), ("Kamran", "Камила"), ("Şuşa", "Шеки"),
                                 ("İlham Əliyev", "Ильхам Гасанов")])
def test_different_names_stay_different(a, b):
    assert not same_name(a, b)


def test_latin_spelling_is_certain_only_for_known_azerbaijani_names():
    known = azerbaijani_first_names()
    assert to_latin("Ильхам Алиев", known) == ("İlham Əliyev", True)
    assert to_latin("Джейхун Байрамов", known) == ("Ceyhun Bayramov", True)
    latin, certain = to_latin("Юрий Жданов", known)
    assert not certain and latin.startswith("Yuri")
    assert to_latin("Касым-Жомарт Токаев", known)[0].endswith("ım-Jomart Tokayev")  # the hyphen stays
    assert skeleton("") == ""


def test_the_same_person_and_body_get_the_same_node_in_azerbaijani_and_russian():
    az = AzExtractor().extract(Article(id="a", text="Baş prokuror Kamran Əliyev Prezident İlham Əliyev ilə görüşüb.",
                                       lang="az"))
    ru = AnyLanguage().extract(Article(id="r", text="Генеральный прокурор Кямран Алиев встретился с Президентом "
                                                    "Ильхамом Алиевым.", lang="ru"))
    az_keys = {(e.type, k) for k, e in az.entities.items()}
    ru_keys = {(e.type, k) for k, e in ru.entities.items()}
    assert ("Person", "person/ilham-eliyev") in az_keys & ru_keys
    assert ("Person", "person/kamran-eliyev") in az_keys & ru_keys
    assert ("Organization", "org/bas-prokurorluq") in az_keys & ru_keys
    assert ("Country", "country/azerbaycan") in az_keys & ru_keys
    pgo = ru.entities["org/bas-prokurorluq"]
    assert pgo.labels["ru"] == "Генеральная прокуратура Азербайджана" and pgo.labels["az"] == "Baş Prokurorluq"
    person = ru.entities["person/ilham-eliyev"]
    assert person.labels["ru"] == "Ильхам Алиев" and "İlham Əliyev" in person.all_labels()


def test_a_foreign_name_keeps_its_own_key_with_a_latin_alias():
    ru = AnyLanguage().extract(Article(id="r", text="Генеральный прокурор Кямран Алиев встретился с послом "
                                                    "Франции Анной Лоран.", lang="ru"))
    people = {e.labels.get("ru"): e for e in ru.entities.values() if e.type == "Person"}
    assert people["Кямран Алиев"].key == "person/kamran-eliyev"
    assert "Anna Loran" in people["Анна Лоран"].all_labels()
