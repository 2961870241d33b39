"""Shared fixtures: where the shared corpus is, and a fresh store per test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("KG_CORPUS", ROOT.parent / "shared" / "corpus"))
DEV = CORPUS / "dev"
SEED = ROOT / "data" / "articles" / "az-0001.txt"


def corpus_available() -> bool:
    return (DEV / "az-0001.json").exists() and (CORPUS / "score.py").exists()


needs_corpus = pytest.mark.skipif(not corpus_available(), reason=f"the shared corpus is not at {CORPUS}")
