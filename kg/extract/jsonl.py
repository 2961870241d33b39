"""An ``Extraction`` as the corpus scorer's JSON lines (``kg extract --format jsonl``).

One line per relation (all labels of both entities, their types and entity
IRIs, the rule and the confidence), then one line per entity that takes
part in no relation. The IRIs (``subject_id``, ``object_id``, ``id``) let
``xdoc.py`` score identity across documents.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from ..ids import entity_iri
from ..models import Extraction


def to_jsonl(ex: Extraction) -> Iterator[str]:
    doc = ex.article.id
    seen = set()
    for r in ex.relations:
        s, o = ex.entities[r.subject], ex.entities[r.object]
        yield json.dumps({
            "doc": doc, "subject": s.all_labels(), "subject_type": s.type, "subject_id": entity_iri(s.key),
            "predicate": r.predicate,
            "object": o.all_labels(), "object_type": o.type, "object_id": entity_iri(o.key),
            "confidence": round(r.confidence, 3), "rule": r.rule,
        }, ensure_ascii=False)
        seen.update((r.subject, r.object))
    for key, e in ex.entities.items():
        if key not in seen:
            yield json.dumps({"doc": doc, "entity": e.all_labels(), "type": e.type, "id": entity_iri(key)},
                             ensure_ascii=False)
