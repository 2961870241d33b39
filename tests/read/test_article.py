"""kg.read.article: one file to one Article or one line saying why not, whatever the bytes."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.models import Article
from kg.read import Rejected, read_article, read_articles

from tests.read.samples import AZ, TR, reason, write
from tests.read.test_decode import png_bytes


def test_read_article_on_a_missing_file(tmp_path):
    assert reason(tmp_path / "gone.txt") == "no such file or folder"


# ---------------------------------------------------------------- read_articles


def test_read_articles_never_raises(tmp_path):
    write(tmp_path, "1-good.txt", AZ)
    write(tmp_path, "2-empty.txt", b"")
    write(tmp_path, "3-image.txt", png_bytes())
    write(tmp_path, "4-meta.txt", AZ)
    write(tmp_path, "4-meta.json", "{oops")
    write(tmp_path, "5-tr.txt", TR.encode("cp1254"))
    results = list(read_articles([tmp_path, tmp_path / "missing"], max_bytes=10_000))
    articles = [r for r in results if isinstance(r, Article)]
    rejected = {Path(r.path).name: r.reason for r in results if isinstance(r, Rejected)}
    assert [a.id for a in articles] == ["1-good", "5-tr"]
    assert rejected == {
        "missing": "no such file or folder",
        "2-empty.txt": "empty file",
        "3-image.txt": "binary file (PNG image)",
        "4-meta.txt": rejected["4-meta.txt"],
    }
    assert rejected["4-meta.txt"].startswith("malformed metadata sidecar 4-meta.json: ")


def test_the_bundled_articles_read_cleanly():
    from kg.config import ARTICLES_DIR

    results = list(read_articles([ARTICLES_DIR]))
    assert results and all(isinstance(r, Article) and r.text for r in results)


def test_rejections_are_one_line_even_for_odd_paths(tmp_path):
    path = write(tmp_path, "bad\nname.txt", b"")
    (result,) = read_articles([path])
    assert result.reason == "empty file" and "\n" not in str(result)
    assert "\n" not in reason_text(path)


def reason_text(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_article(path)
    return str(caught.value)


# ---------------------------------------------------------------- properties

BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"<!doctype html>", b"---\n"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=st.sampled_from(BOMS), data=st.binary(max_size=3000))
def test_random_bytes_give_an_article_or_an_input_error(tmp_path, prefix, data):
    path = tmp_path / "random.txt"
    path.write_bytes(prefix + data)
    try:
        article = read_article(path)
    except InputError as err:
        assert "\n" not in str(err)
        return
    assert isinstance(article.text, str) and article.text
    assert "\x00" not in article.text and "\r" not in article.text
    assert article.text == article.text.strip()
    assert unicodedata.is_normalized("NFC", article.text)


TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
                           blacklist_characters="<\ufeff"),
    min_size=1, max_size=400,
).filter(lambda t: t.strip() and not t.startswith("---"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_utf8_text_round_trips(tmp_path, text):
    path = tmp_path / "text.txt"
    path.write_bytes(text.encode("utf-8"))
    assert read_article(path).text == unicodedata.normalize("NFC", text).strip()
