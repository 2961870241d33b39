"""Files and folders in, ``Article`` objects out; anything else is rejected.

The reader never guesses silently. A file becomes an article only when it
is plainly text; otherwise it is rejected with a one-line reason (see
``Rejected``; ``read_article`` raises ``InputError("PATH: reason")``).

What happens to a file, in order:

1. ``stat`` first: not a regular file, empty, or over ``max_bytes``
   (default 20 MB, the CLI's ``--max-bytes``) is rejected without reading.
2. Binary sniffing: known magic bytes (PNG, JPEG, PDF, ZIP/DOCX, GZIP, ELF,
   ...) are named; any NUL byte outside UTF-16/32-with-BOM is binary.
3. Decoding. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32).
   Otherwise strict UTF-8; a character cut off at the very end is dropped,
   and rare stray bytes in text that is otherwise clearly UTF-8 (at least
   50 good non-ASCII characters per bad byte) become U+FFFD. Anything else
   goes to charset-normalizer, limited to the legacy code pages analysts
   actually meet: Windows-1254 (Turkish, Azerbaijani without ə),
   Windows-1251 and KOI8-R (Russian), Windows-1252 (Western). Its guess is
   accepted only when it is strong (see ``_decode_legacy``): otherwise the
   file is rejected with "cannot tell the encoding" rather than turned into
   mojibake. In practice a legacy-encoded file needs about one sentence
   (~50 characters) of text to be accepted; shorter ones may be rejected.
4. Normalisation: ``\\r\\n`` and ``\\r`` (and the other Unicode line
   breaks) become ``\\n``; BOMs and control characters other than ``\\n``
   and ``\\t`` are removed; Unicode NFC; surrounding whitespace stripped.
   Text in which over 5% (and at least 3) of the characters are control,
   unassigned or private-use ones is rejected as binary; a trailing DOS
   end-of-file mark (Ctrl-Z) does not count.
5. Front matter (``---`` / ``key: value`` lines / ``---`` at the very top)
   is read and removed.
6. HTML saved as text is reduced to its article text (``_html_article``).
7. Metadata, lowest to highest priority: defaults (id = file stem,
   lang = ``default_lang``), ``STEM.json`` (e.g. a gold annotation file;
   only id, url, date, lang, title are read), ``STEM.meta.json``, the HTML
   ``<h1>``/``<title>`` (title only, below the sidecars), front matter.
   When the sources contradict each other, the higher one wins, silently.
   Titles are cut to one line of at most 300 characters.
   Invalid values (a date that is not YYYY[-MM[-DD]], a non-http(s) url, a
   lang that is not a 2-3 letter code) are ignored; a sidecar that is not
   a JSON object with string-or-null values rejects the article.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import itertools
import json
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

import regex

from .errors import InputError
from .models import Article

DEFAULT_MAX_BYTES = 20_000_000
DEFAULT_SUFFIXES = (".txt",)
LEGACY_ENCODINGS = ("cp1254", "cp1251", "cp1252", "koi8_r")
MAX_CHAOS = 0.2  # charset-normalizer "mess" above this: reject
MIN_COHERENCE = 0.2  # language fit below this (when there are non-ASCII letters): reject
MAX_MIXED_WORDS = 0.1  # share of non-ASCII words mixing Latin and Cyrillic letters
MAX_ODD_SHARE = 0.05  # control / unassigned / private-use characters in decoded text
UTF8_GOOD_PER_BAD = 50  # damaged UTF-8 accepted only with this many good characters per bad byte
META_KEYS = ("id", "url", "date", "lang", "title")


@dataclass
class Rejected:
    """A path that did not become an article, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{_show(self.path)}: {self.reason}"


class _Reject(Exception):
    """Internal: carries a one-line reason; the caller adds the path."""


# ---------------------------------------------------------------- finding files


def find_inputs(
    paths: Iterable[str | os.PathLike], *, suffixes: Iterable[str] = DEFAULT_SUFFIXES
) -> tuple[list[Path], list[Rejected]]:
    """Files to read, and the paths that cannot be read, from files and folders.

    A file named directly is taken whatever its suffix. A folder is walked
    recursively, sorted by relative path, taking files whose suffix (any
    case) is in ``suffixes`` and skipping names that start with ".".
    Symbolic links are followed, loops are cut, and a file reached twice
    (by another link or path) is listed once.
    """
    finder = _Finder(suffixes)
    for given in paths:
        finder.add(given)
    return finder.found, finder.rejected


class _Finder:
    def __init__(self, suffixes: Iterable[str]) -> None:
        self.suffixes = tuple("." + s.lower().lstrip(".") for s in suffixes)
        self.found: list[Path] = []
        self.rejected: list[Rejected] = []
        self.seen: set[str] = set()  # real paths of files and folders already taken

    def reject(self, path: str | os.PathLike, reason: str) -> None:
        self.rejected.append(Rejected(str(path), reason))

    def add(self, given: str | os.PathLike) -> None:
        if str(given) == "":
            return self.reject(given, "empty path")
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as err:
            return self.reject(given, _missing_reason(path, err))
        if stat.S_ISDIR(mode):
            self.walk(path)
        elif stat.S_ISREG(mode):
            self.add_file(path)
        else:
            self.reject(given, "not a regular file or folder")

    def add_file(self, path: Path) -> None:
        real = os.path.realpath(path)
        if real in self.seen:
            return
        self.seen.add(real)
        if os.access(path, os.R_OK):
            self.found.append(path)
        else:
            self.reject(path, "cannot read file (permission denied)")

    def walk(self, root: Path) -> None:
        """Depth-first over ``root``; each folder's real path is visited once."""
        files: list[Path] = []
        stack = [root]
        while stack:
            folder = stack.pop()
            real = os.path.realpath(folder)
            if real not in self.seen:  # else a symlink loop or a folder seen before
                self.seen.add(real)
                stack.extend(reversed(self.scan(folder, files)))
        for path in sorted(files, key=lambda p: p.relative_to(root).parts):
            self.add_file(path)

    def scan(self, folder: Path, files: list[Path]) -> list[Path]:
        """Collect ``folder``'s wanted files into ``files``; return its subfolders."""
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as err:
            self.reject(folder, f"cannot read folder ({_os_reason(err)})")
            return []
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind = _entry_kind(entry)
            if kind == "dir":
                subfolders.append(Path(entry.path))
            elif entry.name.lower().endswith(self.suffixes):
                self.take(entry, kind, files)
        return subfolders

    def take(self, entry: os.DirEntry, kind: str, files: list[Path]) -> None:
        if kind == "file":
            files.append(Path(entry.path))
        elif kind == "broken":
            self.reject(entry.path, "broken symbolic link")
        else:
            self.reject(entry.path, "not a regular file")


def _missing_reason(path: Path, err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    return _os_reason(err)


def _entry_kind(entry: os.DirEntry) -> str:
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        return "broken" if entry.is_symlink() and not os.path.exists(entry.path) else "other"
    except OSError:
        return "broken"


def _os_reason(err: OSError) -> str:
    return (err.strerror or type(err).__name__).lower()


# ---------------------------------------------------------------- reading one file


def read_article(
    path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_BYTES, default_lang: str = "az"
) -> Article:
    """One file as an ``Article``; ``InputError("PATH: reason")`` if it is not one."""
    path = Path(path)
    try:
        return _read(path, max_bytes, default_lang)
    except _Reject as err:
        raise InputError(f"{_show(path)}: {err}") from None


def read_articles(
    paths: Iterable[str | os.PathLike],
    *,
    suffixes: Iterable[str] = DEFAULT_SUFFIXES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    default_lang: str = "az",
) -> Iterator[Article | Rejected]:
    """``find_inputs`` then ``read_article``; bad paths come back as ``Rejected``."""
    files, rejected = find_inputs(paths, suffixes=suffixes)
    yield from rejected
    for path in files:
        try:
            yield _read(path, max_bytes, default_lang)
        except _Reject as err:
            yield Rejected(str(path), str(err))


def _read(path: Path, max_bytes: int, default_lang: str) -> Article:
    data = _read_bytes(path, max_bytes)
    _check_binary(data)
    text = _normalise(_decode(data))
    _check_not_blank(text)
    front, body = _split_front_matter(text)
    if not body.strip():
        raise _Reject("no article text after the front matter")
    html_title = None
    if _looks_like_html(body):
        html_title, body = _html_article(body)
        body = _normalise(body)
    meta = _metadata(path, front, html_title, max_bytes)
    return _article(path, body.strip(), meta, default_lang)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; size and kind are checked before anything is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise _Reject("not a regular file")
        if info.st_size > max_bytes:
            raise _Reject(_too_big(info.st_size, max_bytes))
        if info.st_size == 0:
            raise _Reject("empty file")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise _Reject("no such file or folder") from None
    except OSError as err:
        raise _Reject(f"cannot read file ({_os_reason(err)})") from None
    if len(data) > max_bytes:  # grew since stat
        raise _Reject(_too_big(len(data), max_bytes))
    if not data:
        raise _Reject("empty file")
    return data


def _too_big(size: int, limit: int) -> str:
    return f"file is {_size(size)}, over the {_size(limit)} limit (--max-bytes)"


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


# ---------------------------------------------------------------- binary sniffing

_MAGIC = (  # (leading bytes, kind): to name the kind; any NUL byte is binary anyway
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O binary"),
    (b"\xcf\xfa\xed\xfe", "Mach-O binary"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (DOC/XLS/PPT)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"ID3\x03\x00", "MP3 audio"),
    (b"ID3\x04\x00", "MP3 audio"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"{\\rtf", "RTF document"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}
_ZIP_KINDS = (
    (b"word/", "Word document (DOCX)"),
    (b"xl/", "Excel workbook (XLSX)"),
    (b"ppt/", "PowerPoint presentation (PPTX)"),
    (b"application/epub+zip", "EPUB book"),
    (b"application/vnd.oasis.opendocument", "OpenDocument file"),
)


def _check_binary(data: bytes) -> None:
    kind = _magic_kind(data)
    if kind:
        raise _Reject(f"binary file ({kind})")
    wide = any(name != "UTF-8" for _, _, name in _bom(data))
    if b"\x00" in data and not wide:
        raise _Reject(_nul_reason(data))


def _magic_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return _zip_kind(data) if kind == "ZIP archive" else kind
    if data.startswith(b"BZh") and data[4:10] == b"1AY&SY":
        return "BZIP2 archive"
    if data.startswith(b"RIFF") and data[8:12] in _RIFF:
        return _RIFF[data[8:12]]
    if data.startswith(b"MZ") and b"\x00" in data[:64]:
        return "Windows executable"
    return None


def _zip_kind(data: bytes) -> str:
    head = data[:65536]
    for marker, kind in _ZIP_KINDS:
        if marker in head:
            return kind
    return "ZIP archive"


def _nul_reason(data: bytes) -> str:
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if max(odd, even) > len(data) / 4 and min(odd, even) < len(data) / 50:
        return "binary file (contains NUL bytes; UTF-16 without a byte-order mark? save it as UTF-8)"
    return "binary file (contains NUL bytes)"


# ---------------------------------------------------------------- decoding

_BOMS = (  # UTF-32 first: its LE mark starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_TURKISH_BYTES = re.compile(rb"[\xd0\xdd\xde\xf0\xfd\xfe]")  # ĞİŞğış in cp1254, ÐÝÞðýþ in cp1252


def _bom(data: bytes) -> list[tuple[bytes, str, str]]:
    return [b for b in _BOMS if data.startswith(b[0])]


def _decode(data: bytes) -> str:
    boms = _bom(data)
    if boms:
        return _decode_with_bom(data, boms)
    text = _decode_utf8(data)
    return text if text is not None else _decode_legacy(data)


def _decode_with_bom(data: bytes, boms) -> str:
    for mark, codec, name in boms:
        body = data[len(mark):]
        if codec == "utf-8":
            text = _decode_utf8(body)
        else:
            width = 4 if name == "UTF-32" else 2
            text = _decode_strict(body[: len(body) - len(body) % width], codec)
        if text is not None:
            return text
    raise _Reject(f"not valid {boms[0][2]} text despite its byte-order mark")


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_utf8(data: bytes) -> str | None:
    """UTF-8, tolerating a character cut at the end and rare stray bytes."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        cut_short = err.end == len(data) and err.reason == "unexpected end of data"
        head = _decode_strict(data[: err.start], "utf-8") if cut_short else None
        if head is not None and not head.isascii():  # real UTF-8 before the cut
            return head
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if good >= UTF8_GOOD_PER_BAD * bad else None


def _decode_legacy(data: bytes) -> str:
    """Ask charset-normalizer, then accept its answer only when it is strong.

    Rejects when there is no candidate, when charset-normalizer's chaos is
    above ``MAX_CHAOS``, when its coherence (how well the letters fit a
    language) is below ``MIN_COHERENCE`` while the text has non-ASCII
    letters (it is 0 for texts under ~40 characters: too short to tell),
    or when the decoded text looks like mojibake (words mixing Latin and
    Cyrillic, unusual symbols). Windows-1252 and 1254 differ only in six
    letters; when those bytes occur the text is taken as Turkish/Azerbaijani
    (charset-normalizer prefers 1252, giving "Dýþiþleri" for "Dışişleri").
    """
    best = _best_guess(data)
    if best is None:
        raise _Reject("not valid text in any supported encoding "
                      "(UTF-8, UTF-16, Windows-1251/1252/1254, KOI8-R)")
    codec = best.encoding
    if codec == "cp1252" and _TURKISH_BYTES.search(data):
        codec = "cp1254"
    text = _decode_strict(data, codec)
    if text is None or not _strong_guess(text, best.chaos, best.coherence):
        raise _Reject(f"cannot tell the encoding (not UTF-8; {_codec_name(codec)} "
                      "is only a weak guess): save the file as UTF-8")
    return text


def _best_guess(data: bytes):
    from charset_normalizer import from_bytes  # imported late: slow to import

    try:
        return from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    except Exception:  # a third-party detector must not take the reader down
        return None


def _codec_name(codec: str) -> str:
    return {"koi8_r": "KOI8-R"}.get(codec, codec.replace("cp", "Windows-"))


_SAMPLE = 200_000  # characters the mojibake checks look at
_WORD = regex.compile(r"\w+")
_LATIN, _CYRILLIC = regex.compile(r"\p{Latin}"), regex.compile(r"\p{Cyrillic}")
_NON_ASCII_LETTER = regex.compile(r"(?=\p{L})[^\x00-\x7f]")
_ODD_SYMBOL = regex.compile(r"[^\x00-\x7f\p{L}\p{M}\p{N}\p{P}\p{Zs}€£¥№°©®™±×÷§¶•]")


def _strong_guess(text: str, chaos: float, coherence: float) -> bool:
    sample = text[:_SAMPLE]
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    has_letters = _NON_ASCII_LETTER.search(sample) is not None
    return (
        chaos <= MAX_CHAOS
        and (coherence >= MIN_COHERENCE or not has_letters)
        and _mixed_script_share(sample) <= MAX_MIXED_WORDS
        and len(_ODD_SYMBOL.findall(sample)) <= 0.2 * non_ascii
    )


def _mixed_script_share(text: str) -> float:
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    if not words:
        return 0.0
    mixed = sum(1 for w in words if _LATIN.search(w) and _CYRILLIC.search(w))
    return mixed / len(words)


# ---------------------------------------------------------------- normalisation

_NEWLINES = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")  # removed from text
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # counted as binary
_ODD = regex.compile(r"[\p{Cn}\p{Co}\p{Cs}\ufffd]")


def _normalise(text: str) -> str:
    """``\\n`` line ends, no BOM or control characters (but ``\\t``), NFC."""
    _check_textlike(text)
    text = _NEWLINES.sub("\n", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def _check_textlike(text: str) -> None:
    """Reject decoded text that is mostly control or unassigned characters."""
    body = text.rstrip("\x1a")  # a DOS end-of-file mark is not binary
    size = max(len(body), 1)
    controls = len(body) - len(_BINARY_CONTROLS.sub("", body))
    if controls > MAX_ODD_SHARE * size and controls >= 3:
        raise _Reject(f"binary file ({_percent(controls, size)} control characters)")
    odd = len(body) - len(_ODD.sub("", body))
    if odd > MAX_ODD_SHARE * size and odd >= 3:
        raise _Reject(f"not valid text ({_percent(odd, size)} unassigned, private-use "
                      "or undecodable characters)")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%"


def _check_not_blank(text: str) -> None:
    if not text:  # the file was not empty: only a BOM or control characters
        raise _Reject("no text (only control characters or a byte-order mark)")
    if not text.strip():
        raise _Reject("only whitespace")


# ---------------------------------------------------------------- front matter

_FRONT_KEY = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(.*)")
_MAX_FRONT_LINES = 50


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
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


# ---------------------------------------------------------------- HTML

_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,500}?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|img|h[1-6]|ul|ol|li|table|tr|td|th|body|head|title|meta|link"
    r"|script|style|article|section|nav|header|footer|aside|main|strong|em|b|i|u|blockquote"
    r"|figure|figcaption|iframe|form|input|button|noscript|time)(?=[\s/>])[^<>]{0,500}>", re.I)
_MIN_TAGS = 5


def _looks_like_html(text: str) -> bool:
    """Starts like an HTML document, or has at least five HTML tags near the top."""
    head = text[:65536]
    if _HTML_START.match(head[:4096]):
        return True
    first_tags = itertools.islice(_HTML_TAG.finditer(head), _MIN_TAGS)
    return sum(1 for _ in first_tags) >= _MIN_TAGS


def _html_article(page: str) -> tuple[str | None, str]:
    """``(title, text)`` of an HTML page; rejects a page with no article text."""
    extractor = _HtmlText()
    for token in _html_tokens(page):
        extractor.feed(*token)
    title, text = extractor.result()
    if not text.strip():
        raise _Reject("HTML page with no article text")
    return title, text


# Elements whose content is not markup: the tokenizer finds their end tag.
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>]|$)", re.I) for name in (
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript")}
_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
_TAG_STOP = re.compile(r"[>=]")
_SPACES = re.compile(r"[ \t\n\r\f]*")


def _html_tokens(page: str) -> Iterator[tuple[str, str, str]]:
    """``(kind, name, text)`` tokens: "start", "end", "text" and "raw".

    A small, linear-time tokenizer following the HTML rules that matter for
    text: comments, declarations and attribute values (quoted or not) are
    never text; raw-text elements (script, style, ...) run to their end tag;
    markup cut off by the end of the file is dropped. The stdlib
    ``html.parser`` is not used: on malformed input (``"<a " * 20000``)
    it takes minutes on Python 3.11 (CPython gh-135462).
    """
    pos, end = 0, len(page)
    while pos < end:
        lt = page.find("<", pos)
        if lt < 0:
            yield "text", "", page[pos:]
            return
        if lt > pos:
            yield "text", "", page[pos:lt]
        pos = yield from _markup(page, lt)
        if pos < 0:
            return


def _markup(page: str, lt: int):
    """Tokens for the markup at ``lt``; returns where to go on, -1 at the end."""
    if page.startswith("<!--", lt):
        close = page.find("-->", lt + 2)
        return -1 if close < 0 else close + 3
    if page.startswith(("<!", "<?"), lt) or (page.startswith("</", lt) and not _TAG_NAME.match(page, lt + 2)):
        close = page.find(">", lt + 2)
        return -1 if close < 0 else close + 1
    closing = page.startswith("</", lt)
    name_at = lt + 2 if closing else lt + 1
    match = _TAG_NAME.match(page, name_at)
    if not match:
        yield "text", "", "<"
        return lt + 1
    close = _tag_end(page, match.end())
    if close < 0:
        return -1
    name = match.group().lower()
    yield ("end" if closing else "start"), name, "/" if page[close - 1] == "/" else ""
    if closing or name not in _RAW_END:
        return close + 1
    return (yield from _raw_text(page, name, close + 1))


def _tag_end(page: str, pos: int) -> int:
    """Index of the ``>`` closing a tag, skipping quoted attribute values."""
    while True:
        stop = _TAG_STOP.search(page, pos)
        if stop is None:
            return -1
        if stop.group() == ">":
            return stop.start()
        pos = _SPACES.match(page, stop.end()).end()
        if pos < len(page) and page[pos] in "\"'":
            quote_end = page.find(page[pos], pos + 1)
            if quote_end < 0:
                return -1
            pos = quote_end + 1


def _raw_text(page: str, name: str, start: int):
    end_tag = _RAW_END[name].search(page, start)
    stop = end_tag.start() if end_tag else len(page)
    yield "raw", name, page[start:stop]
    return stop


_SKIP = frozenset(
    "script style noscript template nav header footer aside form button select textarea "
    "svg math iframe object canvas audio video head dialog".split())
_BLOCK = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 blockquote pre td th tr table ul ol dl dd dt article section "
    "main header footer nav aside figure figcaption caption form hr body html address "
    "details summary".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_WS = re.compile(r"[ \t\n\r\f]+")  # HTML white space: NBSP is kept
_SPACES_NOT_NL = re.compile(r"[ \t\r\f]+")


class _HtmlText:
    """Collects text blocks from HTML tokens, skipping boilerplate elements.

    The body is the blocks inside ``<article>`` when there are any (minus
    its ``<h1>``), else the ``<p>`` paragraphs, else every text block. The
    title is the first ``<h1>`` (even inside ``<header>``), else ``<title>``.
    """

    def __init__(self) -> None:
        self.blocks: list[tuple[str, str, bool]] = []  # (kind, text, inside <article>)
        self.parts: list[str] = []
        self.kind = "other"
        self.skipping: list[str] = []
        self.open_skips: Counter[str] = Counter()
        self.article = self.pre = 0
        self.title: str | None = None
        self.h1: str | None = None
        self.h1_parts: list[str] | None = None

    def feed(self, kind: str, name: str, text: str) -> None:
        if kind == "start":
            self.start(name, self_closing=text == "/")
        elif kind == "end":
            self.end(name)
        elif kind == "text":
            self.text(_html.unescape(text))
        elif kind == "raw" and name == "title" and self.title is None:
            self.title = _one_line(_html.unescape(text)) or None

    def start(self, name: str, self_closing: bool = False) -> None:
        if name in _BLOCK:
            self.flush()
            self.kind = name if name == "p" or name in _HEADINGS else "other"
        if name == "br":
            self.parts.append("\n")
        elif name == "article":
            self.article += 1
        elif name == "pre":
            self.pre += 1
        elif name == "h1" and self.h1 is None:
            self.h1_parts = []
        if name in _SKIP and not self_closing:  # <svg/>: nothing to skip
            self.skipping.append(name)
            self.open_skips[name] += 1

    def end(self, name: str) -> None:
        if name in _BLOCK:
            self.flush()
            self.kind = "other"
        if name == "article" and self.article:
            self.article -= 1
        if name == "pre" and self.pre:
            self.pre -= 1
        if name == "h1" and self.h1_parts is not None:
            self.h1 = _one_line("".join(self.h1_parts)) or None
            self.h1_parts = None
        if self.open_skips[name]:
            self.close_skip(name)

    def close_skip(self, name: str) -> None:
        """Pop open skip elements up to the last ``name`` (tolerates misnesting)."""
        while self.skipping:
            top = self.skipping.pop()
            self.open_skips[top] -= 1
            if top == name:
                return

    def text(self, text: str) -> None:
        if self.h1_parts is not None:
            self.h1_parts.append(text)
        if not self.skipping:
            self.parts.append(text if self.pre else _WS.sub(" ", text))

    def flush(self) -> None:
        """End the current block: spaces collapsed (but in ``<pre>``), lines trimmed."""
        if not self.parts:
            return
        text = "".join(self.parts)
        self.parts = []
        if not self.pre:
            text = _SPACES_NOT_NL.sub(" ", text)
        lines = (line.strip() for line in text.split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            self.blocks.append((self.kind, text, self.article > 0))

    def result(self) -> tuple[str | None, str]:
        self.flush()
        return self.h1 or self.title, "\n\n".join(self.body_blocks())

    def body_blocks(self) -> list[str]:
        in_article = [(k, t) for k, t, inside in self.blocks if inside]
        if in_article:
            return [t for k, t in in_article if k != "h1"]
        paragraphs = [t for k, t, _ in self.blocks if k == "p"]
        return paragraphs or [t for k, t, _ in self.blocks if k != "h1"]


# ---------------------------------------------------------------- metadata

_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_LANG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_NULLS = {"", "null", "none", "~"}


def _metadata(path: Path, front: dict[str, str], html_title: str | None, max_bytes: int) -> dict:
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
    def malformed(why: str) -> _Reject:
        return _Reject(f"malformed metadata sidecar {_show(sidecar.name)}: {_one_line(why)}")

    try:
        if sidecar.stat().st_size > max_bytes:
            raise malformed(f"file is {_size(sidecar.stat().st_size)}, over the limit")
        value = json.loads(sidecar.read_bytes())
    except OSError as err:
        raise _Reject(f"cannot read metadata sidecar {_show(sidecar.name)} ({_os_reason(err)})") from None
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


def _clean_id(value: str) -> str | None:
    """Any characters are kept (``kg.ids.doc_id`` makes IRIs safe), but not
    control characters, and whitespace is stripped and collapsed."""
    return " ".join(_safe_str(_CONTROLS.sub("", value)).split()) or None


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
    return _one_line(_safe_str(_CONTROLS.sub("", value))) or None


_CLEANERS = {"id": _clean_id, "url": _clean_url, "date": _clean_date,
             "lang": _clean_lang, "title": _clean_title}


def _article(path: Path, text: str, meta: dict, default_lang: str) -> Article:
    stem_id = _clean_id(path.stem) or "article"
    return Article(
        id=meta.get("id") or stem_id,
        text=text,
        url=meta.get("url"),
        date=meta.get("date"),
        lang=meta.get("lang") or default_lang,
        title=meta.get("title"),
        source=_safe_str(path.name),
    )


# ---------------------------------------------------------------- small helpers


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _safe_str(text: str) -> str:
    """Lone surrogates (undecodable file-name bytes) become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace") \
        if regex.search(r"\p{Cs}", text) else text


def _show(path: str | os.PathLike) -> str:
    """A path fit for a one-line message: control characters and surrogates escaped."""
    text = str(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return re.sub(r"[\x00-\x1f\x7f]", lambda m: repr(m.group())[1:-1], text)
