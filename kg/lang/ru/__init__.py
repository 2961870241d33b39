"""The Russian plug-in: Russian news -> the same entities and eleven relations.

Owns the Russian side of extraction: morphology over pymorphy3 (``morph``),
gazetteer names in any case (``names``), the analysed sentence
(``units``), mentions (``ner``, ``bodies``, ``persons``), reference
(``coref``), titles and relation constructions (``titles``, ``relations``,
``events``, ``cooperation``, ``shared``), the pipeline (``extractor``), and names across scripts
(``translit``: Azerbaijani Latin <-> Russian Cyrillic). Its world knowledge
is data: ``data/lang/ru/*.yaml`` and the ``ru`` labels of
``data/gazetteers``. May import the ground floor (``kg.models``, ``kg.ids``,
``kg.vocab``, ``kg.config``, ``kg.errors``) and the extraction core
(``kg.extract``); nothing above them.
"""
from .extractor import Extractor

__all__ = ["Extractor"]
