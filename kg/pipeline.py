"""The library API: files in, facts in the store; what the CLI calls.

    from kg.pipeline import KnowledgeGraph
    with KnowledgeGraph("output/store") as kg:
        report = kg.ingest(["data/articles"])
        df = kg.query("met", entity="Kamran Əliyev")

Every step is a plain function of the modules below (reader, extract,
rdf, store, query); this class only wires them and keeps the store open.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import query as queries
from .errors import InputError, KgError
from .extract import Extractor
from .ids import doc_iri
from .rdf import extraction_quads
from .reader import Rejected, find_inputs, read_article
from .store import Store, open_store


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    relations: int = 0
    entities: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected

    def summary(self) -> str:
        return (f"{len(self.ingested)} ingested ({self.relations} relations, {self.entities} entities), "
                f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected")


class KnowledgeGraph:
    def __init__(self, store: str | Path | Store | None = None, *, read_only: bool = False):
        self.store = store if isinstance(store, Store) else open_store(store, read_only=read_only)
        self._extractor: Extractor | None = None

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            self._extractor = Extractor()
        return self._extractor

    # -- writing ---------------------------------------------------------------
    def ingest(self, paths: Iterable[str | Path], *, force: bool = False, progress: bool = True,
               max_bytes: int | None = None) -> IngestReport:
        report = IngestReport()
        files, rejected = find_inputs(paths)
        report.rejected.extend(rejected)
        seen: dict[str, str] = {}
        kw = {"max_bytes": max_bytes} if max_bytes else {}
        bar = tqdm(files, unit="file", desc="ingest", disable=not progress or len(files) < 2, leave=False)
        for path in bar:
            try:
                article = read_article(path, **kw)
            except InputError as err:
                report.rejected.append(Rejected(str(path), _reason(err, path)))
                continue
            if article.id in seen:
                report.rejected.append(Rejected(str(path), f"duplicate document id {article.id!r} "
                                                           f"(already read from {seen[article.id]})"))
                continue
            seen[article.id] = str(path)
            graph = doc_iri(article.id)
            if not force and self.store.document_hash(graph) == article.sha256:
                report.unchanged.append(article.id)
                continue
            try:
                ex = self.extractor.extract(article)
            except KgError:
                raise
            except Exception as err:  # a bug in a rule must not stop a batch
                report.rejected.append(Rejected(str(path), f"extraction failed: {type(err).__name__}: {err}"))
                continue
            self.store.replace_document(graph, extraction_quads(ex))
            report.ingested.append(article.id)
            report.relations += len(ex.relations)
            report.entities += len(ex.entities)
        return report

    def remove(self, doc_id: str) -> bool:
        return self.store.remove_document(doc_iri(doc_id))

    # -- reading ------------------------------------------------------------
    def query(self, query: str, *, bindings: dict | None = None, entity: str | None = None,
              timeout: float | None = None):
        """SPARQL text, a ``.rq`` file or a named query; ``entity`` binds ?key."""
        b = dict(bindings or {})
        if entity is not None:
            b.update(queries.entity_bindings(entity))
        return queries.run(self.store, query, b or None, timeout=timeout)

    def stats(self) -> dict:
        return queries.stats(self.store)

    def export(self, out, fmt: str = "turtle") -> None:
        self.store.export(out, fmt)

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _reason(err: InputError, path) -> str:
    text = str(err)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text
