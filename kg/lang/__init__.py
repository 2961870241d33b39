"""Language plug-ins: one package per language, ``kg.lang.<code>``.

A plug-in is found by its language code (``kg.lang.en``, ``kg.lang.ru``), so
a new language is a folder of data (``data/lang/<code>/``) and one package
here, with no edit to the core. Each plug-in exposes ``Extractor`` with
``extract(article) -> kg.models.Extraction``. Plug-ins may import the
ground floor (``kg.models``, ``kg.ids``, ``kg.vocab``, ``kg.config``,
``kg.errors``) and the extraction core; never the store, the query layer
or anything above them.
"""
from __future__ import annotations

import importlib
from functools import lru_cache


@lru_cache(maxsize=None)
def plugin(code: str):
    """The plug-in module for language ``code``, or None when kg has none."""
    if not code or not code.isascii() or not code.isalpha():
        return None
    try:
        module = importlib.import_module(f"{__name__}.{code.lower()}")
        return module if hasattr(module, "Extractor") else None  # kg.lang.detect is no language
    except ModuleNotFoundError as err:
        if err.name == f"{__name__}.{code.lower()}":
            return None
        raise


class Extractor:
    """Every language kg reads, behind one ``extract(article)``: the article's
    ``lang`` picks the plug-in (``kg.lang.<code>``). Plug-ins are built on
    first use and share one gazetteer. A language without a plug-in gives
    no facts (``supports`` tells the caller, which reports it)."""

    def __init__(self, gazetteer=None, **options):
        from ..extract.gazetteer import default_gazetteer
        self.gaz = gazetteer or default_gazetteer()
        self.options = options
        self._by_lang: dict = {}

    def for_language(self, lang: str | None):
        """The extractor of language ``lang``, or None when kg has no plug-in for it."""
        lang = (lang or "az").lower()
        if lang not in self._by_lang:
            module = plugin(lang)
            self._by_lang[lang] = module.Extractor(gazetteer=self.gaz, **self.options) if module else None
        return self._by_lang[lang]

    def supports(self, lang: str | None) -> bool:
        return self.for_language(lang) is not None

    def extract(self, article):
        """The article's facts; an article in a language kg has no plug-in for
        gives its sentences and no facts (the Azerbaijani rules are not run on it)."""
        ex = self.for_language(article.lang)
        if ex is None:
            from ..extract.text import split_sentences
            from ..models import Extraction
            return Extraction(article=article, sentences=split_sentences(article.text))
        return ex.extract(article)
