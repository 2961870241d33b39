"""Reading a file's bytes within a size limit: kind and size are checked with
``stat`` before anything is read."""
from __future__ import annotations

import stat
from pathlib import Path

from .reject import Reject, os_reason

DEFAULT_MAX_BYTES = 20_000_000


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; size and kind are checked before anything is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise Reject("not a regular file")
        if info.st_size > max_bytes:
            raise Reject(_too_big(info.st_size, max_bytes))
        if info.st_size == 0:
            raise Reject("empty file")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise Reject("no such file or folder") from None
    except OSError as err:
        raise Reject(f"cannot read file ({os_reason(err)})") from None
    if len(data) > max_bytes:  # grew since stat
        raise Reject(_too_big(len(data), max_bytes))
    if not data:
        raise Reject("empty file")
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {human_size(size)}, over the {human_size(limit)} limit (--max-bytes)"


def human_size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"
