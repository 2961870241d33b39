"""kg.read.html: HTML saved as text, reduced to its article text."""
from __future__ import annotations

import time

import pytest

from kg.read import read_article
from kg.read.html import html_article

from tests.read.samples import reason, write


# ---------------------------------------------------------------- HTML

PAGE = """<!DOCTYPE html>
<html lang="az">
<head>
  <meta charset="utf-8"><title>Bayramov Ankarada | Xəbər saytı</title>
  <style>p { color: red }</style>
  <script>var tracking = "alert(1)";</script>
</head>
<body>
  <nav><ul><li><a href="/">Ana səhifə</a></li><li><a href="/siyaset">Siyasət</a></li></ul></nav>
  <header><h1>Bayramov  türk   həmkarı ilə görüşüb</h1></header>
  <!-- reklam: <p>Bu gizli mətndir</p> -->
  <article>
    <p>Xarici işlər naziri Ceyhun Bayramov Ankarada türk həmkarı ilə görüşüb.</p>
    <p>Görüşdə <b>iki ölkə</b> arasında əməkdaşlıq &amp; ticarət
       müzakirə olunub.<br>Tərəflər razılığa gəlib.</p>
    <script>document.write("alert(2)")</script>
  </article>
  <aside><p>Digər xəbərlər</p></aside>
  <footer><p>© 2024 Xəbər saytı</p></footer>
</body>
</html>
"""


def test_html_page_gives_article_text_and_title(tmp_path):
    article = read_article(write(tmp_path, "x.txt", PAGE))
    assert article.title == "Bayramov türk həmkarı ilə görüşüb"
    assert article.text == (
        "Xarici işlər naziri Ceyhun Bayramov Ankarada türk həmkarı ilə görüşüb.\n\n"
        "Görüşdə iki ölkə arasında əməkdaşlıq & ticarət müzakirə olunub.\n"
        "Tərəflər razılığa gəlib.")


def test_html_without_article_takes_paragraphs(tmp_path):
    page = ("<html><head><title>Başlıq</title></head><body>"
            "<div class='menu'>Menyu Abunə olun</div>"
            "<p>Birinci abzas.</p><div><p>İkinci&nbsp;abzas.</p></div>"
            "<footer><p>Müəllif hüquqları</p></footer></body></html>")
    article = read_article(write(tmp_path, "x.txt", page))
    assert article.title == "Başlıq"
    assert article.text == "Birinci abzas.\n\nİkinci\u00a0abzas."


def test_html_without_paragraphs_takes_text_blocks(tmp_path):
    page = "<!doctype html><body><div>Birinci blok</div><div>İkinci blok</div></body>"
    assert read_article(write(tmp_path, "x.txt", page)).text == "Birinci blok\n\nİkinci blok"


def test_html_fragment_with_many_tags_is_detected(tmp_path):
    fragment = "<p>Birinci <b>abzas</b>.</p>\n<p>İkinci <i>abzas</i>.</p>\n<p>Üçüncü.</p>"
    assert read_article(write(tmp_path, "x.txt", fragment)).text == (
        "Birinci abzas.\n\nİkinci abzas.\n\nÜçüncü.")


def test_text_mentioning_a_tag_stays_text(tmp_path):
    text = "Proqramçılar <b> teqindən istifadə edir.\nİkinci sətir: 3 < 5."
    assert read_article(write(tmp_path, "x.txt", text)).text == text


@pytest.mark.parametrize("page", [
    "<!doctype html><html><head><title></title></head><body></body></html>",
    "<html><body><script>alert(1)</script><nav>Menyu</nav><!-- şərh --></body></html>",
    "<!doctype html><p><img src=x onerror=alert(1)></p>",
])
def test_html_without_article_text_is_rejected(tmp_path, page):
    assert reason(write(tmp_path, "x.txt", page)) == "HTML page with no article text"


HOSTILE = """<!doctype html><html><body>
<p>Əsl mətn.<script>alert('script1')</script></p>
<img src=x onerror="alert('onerror')">
<p title="<script>alert('attr')</script>" data-x='a>b' class=c>İkinci&#x20;abzas.</p>
<a href="javascript:alert('href')">keçid</a>
<svg><script>alert('svg')</script><text>svgtext</text></svg>
<style>body{background:url("javascript:alert('css')")}</style>
<textarea>alert('textarea')</textarea><template><p>alert('template')</p></template>
<noscript><p>alert('noscript')</p></noscript><iframe src="x">alert('iframe')</iframe>
<SCRIPT type="text/javascript">alert('upper')</SCRIPT >
<p>Son.</p><script>alert('unclosed')
"""


def test_hostile_html_never_yields_script_or_attribute_text(tmp_path):
    article = read_article(write(tmp_path, "x.txt", HOSTILE))
    assert article.text == "Əsl mətn.\n\nİkinci abzas.\n\nSon."
    assert "alert" not in article.text and "svgtext" not in article.text


def test_self_closed_and_misnested_boilerplate_does_not_swallow_the_page(tmp_path):
    page = ("<!doctype html><svg/><nav><p>Menyu</aside></nav>"
            "<p>Birinci.</p><header/><p>İkinci.</p>")
    assert read_article(write(tmp_path, "x.txt", page)).text == "Birinci.\n\nİkinci."


def test_html_entities_are_unescaped_once(tmp_path):
    page = "<!doctype html><p>A &amp;lt; B &copy; &#601; &quot;C&quot; &lt;script&gt;</p>"
    assert read_article(write(tmp_path, "x.txt", page)).text == 'A &lt; B © ə "C" <script>'


@pytest.mark.parametrize("junk", [
    "<a " * 300_000, "<a b='" * 200_000, "<p " * 300_000, "<!--" * 300_000,
    "<!" * 400_000, "<?" * 400_000, "</" * 400_000, "</a " * 300_000,
    "<script>" + "<" * 800_000, "<p>x" * 100_000 + "<nav>" * 100_000 + "</aside>" * 100_000,
], ids=["open-tags", "open-quotes", "open-p", "comments", "decl", "pi", "end", "open-end",
        "script", "misnested"])
def test_malformed_html_takes_linear_time(junk):
    # html.parser on Python 3.11 needs minutes for 60 kB of "<a " (gh-135462)
    started = time.perf_counter()
    try:
        html_article("<!doctype html><p>Mətn.</p>" + junk)
    except Exception as err:  # noqa: BLE001 - only the time matters here
        assert "no article text" in str(err)
    assert time.perf_counter() - started < 5
