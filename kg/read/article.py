"""One file to one ``Article``: the steps of ``kg.read`` in order."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..models import Article
from .decode import check_binary, check_not_blank, decode, normalise
from .html import html_article, looks_like_html
from .limits import DEFAULT_MAX_BYTES, read_bytes
from .metadata import article_metadata, clean_id, split_front_matter
from .reject import Reject, Rejected, safe_str, show
from .walk import DEFAULT_SUFFIXES, find_inputs


def read_article(
    path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES, default_lang: str = "az"
) -> Article:
    """One file as an ``Article``; ``InputError("PATH: reason")`` if it is not one."""
    path = Path(path)
    try:
        return _read(path, max_bytes, default_lang)
    except Reject as err:
        raise InputError(f"{show(path)}: {err}") from None


def read_articles(
    paths: Iterable[str | os.PathLike],
    *,
    suffixes: Iterable[str] = DEFAULT_SUFFIXES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_lang: str = "az",
) -> Iterator[Article | Rejected]:
    """``find_inputs`` then ``read_article``; bad paths come back as ``Rejected``."""
    files, rejected = find_inputs(paths, suffixes=suffixes)
    yield from rejected
    for path in files:
        try:
            yield _read(path, max_bytes, default_lang)
        except Reject as err:
            yield Rejected(str(path), str(err))


def _read(path: Path, max_bytes: int, default_lang: str) -> Article:
    data = read_bytes(path, max_bytes)
    check_binary(data)
    text = normalise(decode(data))
    check_not_blank(text)
    front, body = split_front_matter(text)
    if not body.strip():
        raise Reject("no article text after the front matter")
    html_title = None
    if looks_like_html(body):
        html_title, body = html_article(body)
        body = normalise(body)
    meta = article_metadata(path, front, html_title, max_bytes)
    return _article(path, body.strip(), meta, default_lang)


def _article(path: Path, text: str, meta: dict, default_lang: str) -> Article:
    stem_id = clean_id(path.stem) or "article"
    return Article(
        id=meta.get("id") or stem_id,
        text=text,
        url=meta.get("url"),
        date=meta.get("date"),
        lang=meta.get("lang") or default_lang,
        title=meta.get("title"),
        source=safe_str(path.name),
    )
