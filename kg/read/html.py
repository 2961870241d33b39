"""HTML saved as text, reduced to its article text: a small linear-time
tokenizer and a collector that keeps ``<article>``, else ``<p>`` text, never
script content or attribute values. Step 6 of ``kg.read``."""
from __future__ import annotations

import html as _html
import itertools
import re
from collections import Counter
from typing import Iterator

from .reject import Reject, one_line


_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,500}?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|h[1-6]|ul|ol|li|table|tr|td|th|body|head|title|meta|link"
    r"|script|style|article|section|nav|header|footer|aside|main|strong|em|b|i|u|blockquote"
    r"|figure|figcaption|iframe|form|input|button|noscript|time)(?=[\s/>])[^<>]{0,500}>", re.I)
_MIN_TAGS = 5


def looks_like_html(text: str) -> bool:
    """Starts like an HTML document, or has at least five HTML tags near the top."""
    head = text[:65536]
    if _HTML_START.match(head[:4096]):
        return True
    first_tags = itertools.islice(_HTML_TAG.finditer(head), _MIN_TAGS)
    return sum(1 for _ in first_tags) >= _MIN_TAGS


def html_article(page: str) -> tuple[str | None, str]:
    """``(title, text)`` of an HTML page; rejects a page with no article text."""
    extractor = _HtmlText()
    for token in _html_tokens(page):
        extractor.feed(*token)
    title, text = extractor.result()
    if not text.strip():
        raise Reject("HTML page with no article text")
    return title, text


# Elements whose content is not markup: the tokenizer finds their end tag.
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>]|$)", re.I) for name in (
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript")}
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_TAG_STOP = re.compile(r"[>=]")
_SPACES = re.compile(r"[ \t\n\r\f]*")


def _html_tokens(page: str) -> Iterator[tuple[str, str, str]]:
    """``(kind, name, text)`` tokens: "start", "end", "text" and "raw".

    A small, linear-time tokenizer following the HTML rules that matter for
    text: comments, declarations and attribute values (quoted or not) are
    never text; raw-text elements (script, style, ...) run to their end tag;
    markup cut off by the end of the file is dropped. The stdlib
    ``html.parser`` is not used: on malformed input (``"<a " * 20000``)
    it takes minutes on Python 3.11 (CPython gh-135462).
    """
    pos, end = 0, len(page)
    while pos < end:
        lt = page.find("<", pos)
        if lt < 0:
            yield "text", "", page[pos:]
            return
        if lt > pos:
            yield "text", "", page[pos:lt]
        pos = yield from _markup(page, lt)
        if pos < 0:
            return


def _markup(page: str, lt: int):
    """Tokens for the markup at ``lt``; returns where to go on, -1 at the end."""
    if page.startswith("<!--", lt):
        close = page.find("-->", lt + 2)
        return -1 if close < 0 else close + 3
    if page.startswith(("<!", "<?"), lt) or (page.startswith("</", lt) and not _TAG_NAME.match(page, lt + 2)):
        close = page.find(">", lt + 2)
        return -1 if close < 0 else close + 1
    closing = page.startswith("</", lt)
    name_at = lt + 2 if closing else lt + 1
    match = _TAG_NAME.match(page, name_at)
    if not match:
        yield "text", "", "<"
        return lt + 1
    close = _tag_end(page, match.end())
    if close < 0:
        return -1
    name = match.group().lower()
    yield ("end" if closing else "start"), name, "/" if page[close - 1] == "/" else ""
    if closing or name not in _RAW_END:
        return close + 1
    return (yield from _raw_text(page, name, close + 1))


def _tag_end(page: str, pos: int) -> int:
    """Index of the ``>`` closing a tag, skipping quoted attribute values."""
    while True:
        stop = _TAG_STOP.search(page, pos)
        if stop is None:
            return -1
        if stop.group() == ">":
            return stop.start()
        pos = _SPACES.match(page, stop.end()).end()
        if pos < len(page) and page[pos] in "\"'":
            quote_end = page.find(page[pos], pos + 1)
            if quote_end < 0:
                return -1
            pos = quote_end + 1


def _raw_text(page: str, name: str, start: int):
    end_tag = _RAW_END[name].search(page, start)
    stop = end_tag.start() if end_tag else len(page)
    yield "raw", name, page[start:stop]
    return stop


_SKIP = frozenset(
    "script style noscript template nav header footer aside form button select textarea "
    "svg math iframe object canvas audio video head dialog".split())
_BLOCK = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre td th tr table ul ol dl dd dt article section "
    "main header footer nav aside figure figcaption caption form hr body html address "
    "details summary".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_WS = re.compile(r"[ \t\n\r\f]+")  # HTML white space: NBSP is kept
_SPACES_NOT_NL = re.compile(r"[ \t\r\f]+")


class _HtmlText:
    """Collects text blocks from HTML tokens, skipping boilerplate elements.

    The body is the blocks inside ``<article>`` when there are any (minus
    its ``<h1>``), else the ``<p>`` paragraphs, else every text block. The
    title is the first ``<h1>`` (even inside ``<header>``), else ``<title>``.
    """

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str, bool]] = []  # (kind, text, inside <article>)
        self.parts: list[str] = []
        self.kind = "other"
        self.skipping: list[str] = []
        self.open_skips: Counter[str] = Counter()
        self.article = self.pre = 0
        self.title: str | None = None
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None

    def feed(self, kind: str, name: str, text: str) -> None:
        if kind == "start":
            self.start(name, self_closing=text == "/")
        elif kind == "end":
            self.end(name)
        elif kind == "text":
            self.text(_html.unescape(text))
        elif kind == "raw" and name == "title" and self.title is None:
            self.title = one_line(_html.unescape(text)) or None

    def start(self, name: str, self_closing: bool = False) -> None:
        if name in _BLOCK:
            self.flush()
            self.kind = name if name == "p" or name in _HEADINGS else "other"
        if name == "br":
            self.parts.append("\n")
        elif name == "article":
            self.article += 1
        elif name == "pre":
            self.pre += 1
        elif name == "h1" and self.h1 is None:
            self.h1_parts = []
        if name in _SKIP and not self_closing:  # <svg/>: nothing to skip
            self.skipping.append(name)
            self.open_skips[name] += 1

    def end(self, name: str) -> None:
        if name in _BLOCK:
            self.flush()
            self.kind = "other"
        if name == "article" and self.article:
            self.article -= 1
        if name == "pre" and self.pre:
            self.pre -= 1
        if name == "h1" and self.h1_parts is not None:
            self.h1 = one_line("".join(self.h1_parts)) or None
            self.h1_parts = None
        if self.open_skips[name]:
            self.close_skip(name)

    def close_skip(self, name: str) -> None:
        """Pop open skip elements up to the last ``name`` (tolerates misnesting)."""
        while self.skipping:
            top = self.skipping.pop()
            self.open_skips[top] -= 1
            if top == name:
                return

    def text(self, text: str) -> None:
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        if not self.skipping:
            self.parts.append(text if self.pre else _WS.sub(" ", text))

    def flush(self) -> None:
        """End the current block: spaces collapsed (but in ``<pre>``), lines trimmed."""
        if not self.parts:
            return
        text = "".join(self.parts)
        self.parts = []
        if not self.pre:
            text = _SPACES_NOT_NL.sub(" ", text)
        lines = (line.strip() for line in text.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append((self.kind, text, self.article > 0))

    def result(self) -> tuple[str | None, str]:
        self.flush()
        return self.h1 or self.title, "\n\n".join(self.body_blocks())

    def body_blocks(self) -> list[str]:
        in_article = [(k, t) for k, t, inside in self.blocks if inside]
        if in_article:
            return [t for k, t in in_article if k != "h1"]
        paragraphs = [t for k, t, _ in self.blocks if k == "p"]
        return paragraphs or [t for k, t, _ in self.blocks if k != "h1"]
