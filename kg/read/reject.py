"""How the reader says no: ``Rejected`` (a path and a one-line reason), the
internal ``Reject`` exception that carries a reason up to where the path is
known, and the helpers that keep every message on one printable line."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

import regex


@dataclass
class Rejected:
    """A path that did not become an article, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{show(self.path)}: {self.reason}"


class Reject(Exception):
    """Internal: carries a one-line reason; the caller adds the path."""


def os_reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).lower()


def one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def safe_str(text: str) -> str:
    """Lone surrogates (undecodable file-name bytes) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") \
        if regex.search(r"\p{Cs}", text) else text


def show(path: str | os.PathLike) -> str:
    """A path fit for a one-line message: control characters and surrogates escaped."""
    text = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], text)
