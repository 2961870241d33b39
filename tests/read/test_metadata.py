"""kg.read.metadata: front matter, sidecars and the HTML title, validated and merged by priority."""
from __future__ import annotations

import json

import pytest

from kg.models import Article
from kg.read import read_article

from tests.read.samples import AZ, reason, write


# ---------------------------------------------------------------- metadata


def test_defaults(tmp_path):
    article = read_article(write(tmp_path, "sub/dip-06.txt", AZ))
    assert article == Article(id="dip-06", text=AZ, lang="az", source="dip-06.txt")
    assert read_article(tmp_path / "sub/dip-06.txt", default_lang="ru").lang == "ru"


GOLD = {
    "id": "dip-06", "url": "http://yeniavropa.az/index.php?view=article&id=30400&dil=az",
    "date": "2021-02", "lang": "az",
    "entities": [{"id": "bayramov", "type": "Person", "name": "Ceyhun Bayramov"}],
    "triples": [{"s": "bayramov", "p": "met", "o": "x", "evidence": "…", "optional": False}],
}


def test_gold_annotation_sidecar_gives_metadata(tmp_path):
    write(tmp_path, "dip-06.json", json.dumps(GOLD, ensure_ascii=False))
    article = read_article(write(tmp_path, "dip-06.txt", AZ))
    assert (article.id, article.url, article.date, article.lang) == (
        "dip-06", GOLD["url"], "2021-02", "az")


def test_meta_sidecar_overrides_json_sidecar(tmp_path):
    write(tmp_path, "a.json", json.dumps({**GOLD, "title": "Gold"}))
    write(tmp_path, "a.meta.json", json.dumps({"title": "Meta", "lang": "EN", "date": None}))
    article = read_article(write(tmp_path, "a.txt", AZ))
    assert (article.title, article.lang, article.date, article.id) == ("Meta", "en", "2021-02", "dip-06")


FRONT = """---
url: https://example.az/news/1
date: 2024-11-19
lang: AZ
title: "Bayramov Ankarada"
# a comment
source: ignored
---
"""


def test_front_matter_is_read_and_removed(tmp_path):
    article = read_article(write(tmp_path, "a.txt", FRONT + AZ + "\n"))
    assert article.text == AZ
    assert (article.url, article.date, article.lang, article.title, article.id) == (
        "https://example.az/news/1", "2024-11-19", "az", "Bayramov Ankarada", "a")


def test_front_matter_wins_over_a_contradicting_sidecar(tmp_path):
    write(tmp_path, "a.json", json.dumps({"id": "gold-id", "lang": "ru", "url": "https://gold.az/"}))
    path = write(tmp_path, "a.txt", "---\nid: front-id\nlang: az\n---\n" + AZ)
    article = read_article(path)
    assert (article.id, article.lang, article.url) == ("front-id", "az", "https://gold.az/")


def test_front_matter_after_a_bom_and_in_crlf_file(tmp_path):
    data = ("---\r\ndate: 2024\r\n---\r\n" + AZ).encode("utf-8-sig")
    article = read_article(write(tmp_path, "a.txt", data))
    assert (article.date, article.text) == ("2024", AZ)


@pytest.mark.parametrize("text", [
    "---\nBu sadəcə xətt ilə başlayan mətndir.\n---\nDavamı.",
    "---\nurl: https://x.az\n" + "Bağlanmayıb.\n" * 3,
    "--- başlıq ---\nurl: https://x.az\n---\nMətn.",
])
def test_text_that_only_looks_like_front_matter_stays_text(tmp_path, text):
    article = read_article(write(tmp_path, "a.txt", text))
    assert article.text == text.strip() and article.url is None


def test_front_matter_without_text_is_rejected(tmp_path):
    path = write(tmp_path, "a.txt", "---\nurl: https://x.az/1\n---\n\n  \n")
    assert reason(path) == "no article text after the front matter"


def test_null_means_unknown(tmp_path):
    write(tmp_path, "a.json", json.dumps({"date": "2024-01", "url": None, "lang": None}))
    article = read_article(write(tmp_path, "a.txt", "---\ndate: null\ntitle: ~\n---\n" + AZ))
    assert (article.date, article.url, article.lang, article.title) == ("2024-01", None, "az", None)


@pytest.mark.parametrize("content, why", [
    ("{not json", "malformed metadata sidecar a.json: Expecting property name"),
    ("", "malformed metadata sidecar a.json: Expecting value"),
    ("[1, 2]", "malformed metadata sidecar a.json: not a JSON object but an array"),
    ('"text"', "malformed metadata sidecar a.json: not a JSON object but a string"),
    ('{"date": 2024}', 'malformed metadata sidecar a.json: "date" must be a string or null, not a number'),
    ('{"lang": ["az"]}', 'malformed metadata sidecar a.json: "lang" must be a string or null, not an array'),
    ('{"id": true}', 'malformed metadata sidecar a.json: "id" must be a string or null, not a boolean'),
    ("[" * 100_000, "malformed metadata sidecar a.json: "),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "malformed metadata sidecar a.json: "),
], ids=["syntax", "empty", "array", "string", "date-number", "lang-list", "id-bool", "deep", "binary"])
def test_malformed_sidecar_rejects_the_article(tmp_path, content, why):
    write(tmp_path, "a.json", content)
    assert reason(write(tmp_path, "a.txt", AZ)).startswith(why)


def test_malformed_meta_sidecar_is_named(tmp_path):
    write(tmp_path, "a.meta.json", "{'single': 'quotes'}")
    assert reason(write(tmp_path, "a.txt", AZ)).startswith("malformed metadata sidecar a.meta.json: ")


def test_sidecar_other_keys_and_types_are_ignored(tmp_path):
    write(tmp_path, "a.json", json.dumps({"entities": 5, "triples": "x", "extra": [None]}))
    assert read_article(write(tmp_path, "a.txt", AZ)).id == "a"


@pytest.mark.parametrize("value, expected", [
    ("2024", "2024"), ("2024-11", "2024-11"), ("2024-11-19", "2024-11-19"),
    ("2024-11-19T10:30:00+04:00", "2024-11-19"), ("2024-02-29", "2024-02-29"),
    ("2023-02-29", None), ("2024-13", None), ("2024-11-31", None), ("19.11.2024", None),
    ("24-11-19", None), ("2024/11/19", None), ("null", None), ("None", None), ("", None),
    ("noyabr 2024", None), ("٢٠٢٤", None), ("2024-11-19T10:30garbage", None),
    ("2024-11-19 10:30:00", "2024-11-19"), ("2024-11-19T10:30:00Z", "2024-11-19"),
])
def test_dates_must_be_iso(tmp_path, value, expected):
    write(tmp_path, "a.meta.json", json.dumps({"date": value}))
    assert read_article(write(tmp_path, "a.txt", AZ)).date == expected


@pytest.mark.parametrize("value, expected", [
    ("az", "az"), ("AZ", "az"), ("rus", "rus"), ("az-Latn", "az"), ("en_US", "en"),
    ("english", "ru"), ("a", "ru"), ("a1", "ru"), ("", "ru"), ("null", "ru"),
])
def test_lang_is_a_short_code(tmp_path, value, expected):
    path = write(tmp_path, "a.txt", f"---\nlang: {value}\n---\n{AZ}")
    assert read_article(path, default_lang="ru").lang == expected


@pytest.mark.parametrize("value, expected", [
    ("https://example.az/news/1?x=1#y", "https://example.az/news/1?x=1#y"),
    ("HTTP://EXAMPLE.AZ", "HTTP://EXAMPLE.AZ"),
    ("ftp://example.az/file", None), ("javascript:alert(1)", None), ("https://", None),
    ("example.az/news", None), ("https://exa mple.az", None), ("https://[::1", None),
])
def test_url_must_be_http(tmp_path, value, expected):
    write(tmp_path, "a.json", json.dumps({"url": value}))
    assert read_article(write(tmp_path, "a.txt", AZ)).url == expected


@pytest.mark.parametrize("given, expected", [
    ("  dip 06  ", "dip 06"), ("a/b:c?d#ə", "a/b:c?d#ə"), ("", "a"), ("   ", "a"),
    ("line\nbreak", "line break"), ("null", "a"),
])
def test_ids_are_kept_but_trimmed(tmp_path, given, expected):
    write(tmp_path, "a.meta.json", json.dumps({"id": given}))
    assert read_article(write(tmp_path, "a.txt", AZ)).id == expected


def test_odd_stem_is_kept_as_id_and_source_is_the_name(tmp_path):
    article = read_article(write(tmp_path, "deep/er/Xəbər #1 (son).txt", AZ))
    assert (article.id, article.source) == ("Xəbər #1 (son)", "Xəbər #1 (son).txt")


def test_html_title_is_below_sidecar_and_front_matter(tmp_path):
    page = "<!doctype html><title>HTML title</title><p>Mətn burada.</p>"
    assert read_article(write(tmp_path, "a.txt", page)).title == "HTML title"
    write(tmp_path, "a.meta.json", '{"title": "Sidecar title"}')
    assert read_article(tmp_path / "a.txt").title == "Sidecar title"
    write(tmp_path, "a.txt", "---\ntitle: Front title\n---\n" + page)
    article = read_article(tmp_path / "a.txt")
    assert (article.title, article.text) == ("Front title", "Mətn burada.")


def test_a_json_input_is_not_its_own_sidecar(tmp_path):
    path = write(tmp_path, "a.json", '{"id": 5, "text": "Bakı"}')
    assert read_article(path).text == '{"id": 5, "text": "Bakı"}'
