"""The library API: files in, facts in the store; what the CLI calls.

    from kg.pipeline import KnowledgeGraph
    with KnowledgeGraph("output/store") as kg:
        report = kg.ingest(["data/articles"])
        df = kg.query("met", entity="Kamran Əliyev")

Every step is a plain function of the packages below (kg.read, kg.lang,
kg.rdf, kg.store, kg.query, kg.export); this class only wires them and keeps the store open.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from . import query as queries
from .errors import InputError, KgError
from .lang import Extractor
from .ids import doc_iri
from .rdf import extraction_quads
from .read import Rejected, find_inputs, read_article
from .store import Store, open_store, serialize_document


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
               max_bytes: int | None = None, jobs: int = 1) -> IngestReport:
        """Read, extract and store every article under ``paths``.

        ``jobs`` > 1 extracts in that many worker processes while this one
        reads the files, checks their fingerprints and is the only writer to
        the store; the outcome (what is written, skipped or rejected, in which
        order, and the report) is the same as with one job. Each document is
        still one atomic replacement in the store.
        """
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        report = IngestReport()
        files, rejected = find_inputs(paths)
        report.rejected.extend(rejected)
        seen: dict[str, str] = {}
        kw = {"max_bytes": max_bytes} if max_bytes else {}
        bar = tqdm(total=len(files), unit="file", desc="ingest", disable=not progress or len(files) < 2,
                   leave=False)
        batch = max(16, 8 * jobs)  # files read (and hashes asked) at a time
        with _Extractors(jobs, lambda: self.extractor) as pool:
            pending: list[tuple] = []
            for start in range(0, len(files), batch):
                ready = self._start_batch(files[start:start + batch], seen, kw, force, pool, report)
                self._finish(pending, report, bar)  # the previous batch, while workers extract this one
                pending = ready
            self._finish(pending, report, bar)
        bar.close()
        return report

    def _start_batch(self, files: list, seen: dict, kw: dict, force: bool, pool: _Extractors,
                     report: IngestReport) -> list[tuple]:
        """Read a batch of files (rejections, duplicate ids), ask the store
        for their fingerprints in one query, and hand the changed ones to the
        extractors. Returns the batch's outcomes, in file order."""
        slots: list[tuple] = []
        for path in files:
            try:
                article = read_article(path, **kw)
            except InputError as err:
                slots.append(("rejected", Rejected(str(path), _reason(err, path))))
                continue
            if article.id in seen:
                slots.append(("rejected", Rejected(str(path), f"duplicate document id {article.id!r} "
                                                              f"(already read from {seen[article.id]})")))
                continue
            seen[article.id] = str(path)
            slots.append(("article", path, article))
        known = {} if force else self.store.document_hashes(
            doc_iri(slot[2].id) for slot in slots if slot[0] == "article")
        out = []
        for slot in slots:
            if slot[0] == "article":
                _, path, article = slot
                if known.get(doc_iri(article.id)) == article.sha256:
                    slot = ("unchanged", article.id)
                else:
                    slot = ("extract", path, article, pool.submit(article))
            out.append(slot)
        return out

    def _finish(self, slots: list[tuple], report: IngestReport, bar) -> None:
        """The outcomes of a batch, in file order: write what was extracted."""
        for slot in slots:
            kind = slot[0]
            if kind == "rejected":
                report.rejected.append(slot[1])
            elif kind == "unchanged":
                report.unchanged.append(slot[1])
            else:
                _, path, article, job = slot
                outcome = job.result()  # a KgError raised in extraction stops the ingest here
                if outcome[0] == "failed":  # a bug in a rule must not stop a batch
                    report.rejected.append(Rejected(str(path), f"extraction failed: {outcome[1]}"))
                else:
                    _, payload, serialized, relations, entities = outcome
                    graph = doc_iri(article.id)
                    if serialized:
                        self.store.replace_document_serialized(graph, payload)
                    else:
                        self.store.replace_document(graph, payload)
                    report.ingested.append(article.id)
                    report.relations += relations
                    report.entities += entities
            bar.update(1)

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

    def validate(self):
        """kg's graphs (the documents, as ``export`` sees them, on any backend)
        against the SHACL shapes: a ``kg.validate.ValidationReport``."""
        import io

        from rdflib import Graph

        from .validate import validate_graph
        data = io.BytesIO()
        self.store.export(data, "ntriples")
        return validate_graph(Graph().parse(data=data.getvalue(), format="nt"))

    def export(self, out, fmt: str = "turtle", *, with_meta: bool = False) -> None:
        """Write the graph (the documents' graphs) to the binary file ``out``.
        ``with_meta`` (N-Quads or TriG) adds kg's meta graph: the file is then
        a whole store for a SPARQL server's bulk loader."""
        from .export.rdf import export_rdf  # not at the top: kg.export brings networkx, ingest needs none
        export_rdf(self.store, out, fmt, with_meta=with_meta)

    def close(self) -> None:
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# --- extraction, here or in worker processes ----------------------------------------


def _extract(extractor: Extractor, article, serialize: bool) -> tuple:
    """("ok", quads or their N-Triples, serialized?, relations, entities), or
    ("failed", reason) when the extractor raised something other than a
    KgError (a KgError propagates: it stops the ingest, as it always did)."""
    try:
        ex = extractor.extract(article)
    except KgError:
        raise
    except Exception as err:  # noqa: BLE001 - a bug in a rule must not stop a batch
        return ("failed", f"{type(err).__name__}: {err}")
    graph = doc_iri(article.id)
    payload = serialize_document(graph, extraction_quads(ex)) if serialize else list(extraction_quads(ex))
    return ("ok", payload, serialize, len(ex.relations), len(ex.entities))


_WORKER_EXTRACTOR: Extractor | None = None


def _worker_extract(article) -> tuple:
    """In a worker process: its own Extractor, built once; the document comes
    back as N-Triples text, so that the writer only has to store it."""
    global _WORKER_EXTRACTOR
    if _WORKER_EXTRACTOR is None:
        _WORKER_EXTRACTOR = Extractor()
    return _extract(_WORKER_EXTRACTOR, article, serialize=True)


class _Done:
    """A job run at once, with a Future's ``result()``."""

    def __init__(self, fn, *args):
        try:
            self._value, self._error = fn(*args), None
        except BaseException as err:  # noqa: BLE001 - re-raised by result(), in order
            self._value, self._error = None, err

    def result(self):
        if self._error is not None:
            raise self._error
        return self._value


class _Extractors:
    """One job: extraction in this process. More: a pool of that many worker
    processes (spawned: a fresh interpreter each, nothing inherited from a
    process that holds the store open), fed by ``submit``."""

    def __init__(self, jobs: int, extractor):
        self.jobs = jobs
        self._extractor = extractor
        self._pool = None

    def __enter__(self):
        if self.jobs > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor
            self._pool = ProcessPoolExecutor(max_workers=self.jobs,
                                             mp_context=multiprocessing.get_context("spawn"))
        return self

    def submit(self, article):
        if self._pool is None:
            return _Done(_extract, self._extractor(), article, False)
        return self._pool.submit(_worker_extract, article)

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=exc[0] is None, cancel_futures=True)


def _reason(err: InputError, path) -> str:
    text = str(err)
    prefix = f"{path}: "
    return text[len(prefix):] if text.startswith(prefix) else text
