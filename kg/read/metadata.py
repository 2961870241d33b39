"""An article's metadata: front matter, sidecars (``STEM.json``,
``STEM.meta.json``), the HTML title, each value validated and the sources
merged by priority. Steps 5 and 7 of ``kg.read``."""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import regex

from .decode import CONTROLS
from .limits import human_size
from .reject import Reject, os_reason, one_line, safe_str, show

META_KEYS = ("id", "url", "date", "lang", "title")


_FRONT_KEY = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(.*)")
_MAX_FRONT_LINES = 50


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``({key: value}, rest)``; ``({}, text)`` when the top is not front matter.

    Front matter is a first line ``---``, then only ``key: value``, blank or
    ``#`` comment lines, closed by ``---`` (or ``...``) within 50 lines.
    """
    if not text.startswith("---"):
        return {}, text
    lines = text[: 64 * 1024].split("\n", _MAX_FRONT_LINES + 1)
    if lines[0].rstrip() != "---":
        return {}, text
    found: dict[str, str] = {}
    for number, line in enumerate(lines[1:_MAX_FRONT_LINES + 1], start=1):
        if line.rstrip() in ("---", "..."):
            rest = text.split("\n", number + 1)[number + 1:]
            return found, rest[0] if rest else ""
        if not _front_line(line, found):
            return {}, text
    return {}, text


def _front_line(line: str, found: dict[str, str]) -> bool:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return True
    match = _FRONT_KEY.fullmatch(stripped)
    if not match:
        return False
    value = match.group(2).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    found[match.group(1).lower()] = value
    return True


_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_LANG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_NULLS = {"", "null", "none", "~"}


def article_metadata(path: Path, front: dict[str, str], html_title: str | None, max_bytes: int) -> dict:
    """Validated metadata. Lowest priority first: the HTML title, STEM.json,
    STEM.meta.json, front matter; a later valid value replaces an earlier one."""
    merged: dict[str, str] = {}
    for source in ({"title": html_title}, *_sidecars(path, max_bytes), front):
        for key in META_KEYS:
            value = _clean(key, source.get(key))
            if value is not None:
                merged[key] = value
    return merged


def _sidecars(path: Path, max_bytes: int) -> list[dict]:
    found = []
    for name in (f"{path.stem}.json", f"{path.stem}.meta.json"):
        sidecar = path.with_name(name)
        if sidecar.is_file() and not _same_file(sidecar, path):
            found.append(_read_sidecar(sidecar, max_bytes))
    return found


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _read_sidecar(sidecar: Path, max_bytes: int) -> dict:
    def malformed(why: str) -> Reject:
        return Reject(f"malformed metadata sidecar {show(sidecar.name)}: {one_line(why)}")

    try:
        if sidecar.stat().st_size > max_bytes:
            raise malformed(f"file is {human_size(sidecar.stat().st_size)}, over the limit")
        value = json.loads(sidecar.read_bytes())
    except OSError as err:
        raise Reject(f"cannot read metadata sidecar {show(sidecar.name)} ({os_reason(err)})") from None
    except (ValueError, RecursionError) as err:
        raise malformed(str(err) or type(err).__name__) from None
    if not isinstance(value, dict):
        raise malformed(f"not a JSON object but {_json_type(value)}")
    for key in META_KEYS:
        if key in value and not isinstance(value[key], (str, type(None))):
            raise malformed(f'"{key}" must be a string or null, not {_json_type(value[key])}')
    return value


def _json_type(value) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _clean(key: str, value: str | None) -> str | None:
    """A valid value for ``key``, or None (unknown) for null and invalid values."""
    if value is None or value.strip().lower() in _NULLS:
        return None
    return _CLEANERS[key](value.strip())


def clean_id(value: str) -> str | None:
    """Any characters are kept (``kg.ids.doc_id`` makes IRIs safe), but not
    control characters, and whitespace is stripped and collapsed."""
    return " ".join(safe_str(CONTROLS.sub("", value)).split()) or None


def _clean_url(value: str) -> str | None:
    if regex.search(r"[\s\p{Cc}]", value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    ok = parts.scheme.lower() in ("http", "https") and parts.hostname
    return value if ok else None


def _clean_date(value: str) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (a full ISO timestamp is cut to its date)."""
    if len(value) > 10 and value[10] in "T ":
        value = _iso_timestamp_date(value)
    match = _DATE.fullmatch(value)
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return value


def _iso_timestamp_date(value: str) -> str:
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return ""


def _clean_lang(value: str) -> str | None:
    match = _LANG.fullmatch(value)
    return match.group(1).lower() if match else None


def _clean_title(value: str) -> str | None:
    return one_line(safe_str(CONTROLS.sub("", value))) or None


_CLEANERS = {"id": clean_id, "url": _clean_url, "date": _clean_date,
             "lang": _clean_lang, "title": _clean_title}
