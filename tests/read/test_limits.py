"""kg.read.limits: empty and oversized files, rejected before they are read."""
from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from kg.read import read_article

from tests.read.samples import reason, write


# ---------------------------------------------------------------- empty


def test_empty_file(tmp_path):
    assert reason(write(tmp_path, "x.txt", b"")) == "empty file"


# ---------------------------------------------------------------- size


def test_file_over_the_limit_is_rejected_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: instant, no disk used
    monkeypatch.setattr(Path, "open", lambda *a, **k: pytest.fail("the file was opened"))
    assert reason(path) == "file is 50 MB, over the 20 MB limit (--max-bytes)"


def test_limit_can_be_raised_or_lowered(tmp_path):
    path = write(tmp_path, "x.txt", "ə" * 750)  # 1500 bytes
    assert reason(path, max_bytes=1000) == "file is 1.5 kB, over the 1 kB limit (--max-bytes)"
    assert read_article(path, max_bytes=1500).text == "ə" * 750


def test_a_5mb_single_line_is_fine_and_memory_stays_bounded(tmp_path):
    line = ("Bakı şəhərində görüş keçirilib, " * 160_000).encode()  # ~5.6 MB, no newline
    path = write(tmp_path, "line.txt", line)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        article = read_article(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(article.text) == len(line.decode().strip())
    assert peak < 10 * len(line), f"peak {peak / 1e6:.0f} MB for a {len(line) / 1e6:.0f} MB file"
    assert time.perf_counter() - started < 15
