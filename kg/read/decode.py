"""Bytes to text: binary sniffing, decoding (byte-order marks, UTF-8, the
legacy code pages, accepted only on a strong guess) and normalisation
(line ends, control characters, NFC). Steps 2 to 4 of ``kg.read``."""
from __future__ import annotations

import re
import unicodedata

import regex

from .reject import Reject

LEGACY_ENCODINGS = ("cp1254", "cp1251", "cp1252", "koi8_r")
MAX_CHAOS = 0.2  # charset-normalizer "mess" above this: reject
MIN_COHERENCE = 0.2  # language fit below this (when there are non-ASCII letters): reject
MAX_MIXED_WORDS = 0.1  # share of non-ASCII words mixing Latin and Cyrillic letters
MAX_ODD_SHARE = 0.05  # control / unassigned / private-use characters in decoded text
UTF8_GOOD_PER_BAD = 50  # damaged UTF-8 accepted only with this many good characters per bad byte


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


def check_binary(data: bytes) -> None:
    kind = _magic_kind(data)
    if kind:
        raise Reject(f"binary file ({kind})")
    wide = any(name != "UTF-8" for _, _, name in _bom(data))
    if b"\x00" in data and not wide:
        raise Reject(_nul_reason(data))


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


def decode(data: bytes) -> str:
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
    raise Reject(f"not valid {boms[0][2]} text despite its byte-order mark")


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
        raise Reject("not valid text in any supported encoding "
                      "(UTF-8, UTF-16, Windows-1251/1252/1254, KOI8-R)")
    codec = best.encoding
    if codec == "cp1252" and _TURKISH_BYTES.search(data):
        codec = "cp1254"
    text = _decode_strict(data, codec)
    if text is None or not _strong_guess(text, best.chaos, best.coherence):
        raise Reject(f"cannot tell the encoding (not UTF-8; {_codec_name(codec)} "
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
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")  # removed from text
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # counted as binary
_ODD = regex.compile(r"[\p{Cn}\p{Co}\p{Cs}\ufffd]")


def normalise(text: str) -> str:
    """``\\n`` line ends, no BOM or control characters (but ``\\t``), NFC."""
    _check_textlike(text)
    text = _NEWLINES.sub("\n", text)
    text = CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


def _check_textlike(text: str) -> None:
    """Reject decoded text that is mostly control or unassigned characters."""
    body = text.rstrip("\x1a")  # a DOS end-of-file mark is not binary
    size = max(len(body), 1)
    controls = len(body) - len(_BINARY_CONTROLS.sub("", body))
    if controls > MAX_ODD_SHARE * size and controls >= 3:
        raise Reject(f"binary file ({_percent(controls, size)} control characters)")
    odd = len(body) - len(_ODD.sub("", body))
    if odd > MAX_ODD_SHARE * size and odd >= 3:
        raise Reject(f"not valid text ({_percent(odd, size)} unassigned, private-use "
                      "or undecodable characters)")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%"


def check_not_blank(text: str) -> None:
    if not text:  # the file was not empty: only a BOM or control characters
        raise Reject("no text (only control characters or a byte-order mark)")
    if not text.strip():
        raise Reject("only whitespace")
