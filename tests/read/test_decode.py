"""kg.read.decode: binary files named, encodings decoded (or rejected, never guessed), text normalised."""
from __future__ import annotations

import gzip
import io
import struct
import unicodedata
import zipfile
import zlib

import pytest

from kg.errors import InputError
from kg.read import read_article

from tests.read.samples import AZ, EN, FR, RU, TR, reason, write


# ---------------------------------------------------------------- real binary files


def png_bytes() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def jpeg_bytes() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def pdf_bytes() -> bytes:  # no NUL byte: only the magic gives it away
    return (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
            b"trailer\n<< /Root 1 0 R >>\n%%EOF\n")


def zip_bytes(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return zip_bytes({
        "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
        "word/document.xml": f"<w:document><w:body><w:p>{AZ}</w:p></w:body></w:document>",
    })


def elf_bytes() -> bytes:
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + struct.pack("<HHI", 2, 62, 1) + b"\x00" * 40


@pytest.mark.parametrize("data, kind", [
    (png_bytes(), "binary file (PNG image)"),
    (jpeg_bytes(), "binary file (JPEG image)"),
    (pdf_bytes(), "binary file (PDF document)"),
    (zip_bytes({"a.txt": AZ}), "binary file (ZIP archive)"),
    (docx_bytes(), "binary file (Word document (DOCX))"),
    (gzip.compress(AZ.encode()), "binary file (GZIP archive)"),
    (elf_bytes(), "binary file (ELF executable)"),
    (b"GIF89a\x01\x00\x01\x00", "binary file (GIF image)"),
    (b"{\\rtf1\\ansi Hello}", "binary file (RTF document)"),
], ids=["png", "jpeg", "pdf", "zip", "docx", "gzip", "elf", "gif", "rtf"])
def test_binary_files_are_rejected_by_kind(tmp_path, data, kind):
    assert reason(write(tmp_path, "x.txt", data)) == kind


def test_nul_bytes_mean_binary(tmp_path):
    path = write(tmp_path, "x.txt", b"hello\x00world " * 20)
    assert reason(path) == "binary file (contains NUL bytes)"


def test_nul_bytes_after_a_utf8_bom_still_mean_binary(tmp_path):
    path = write(tmp_path, "x.txt", b"\xef\xbb\xbf" + AZ.encode() + b"\x00")
    assert reason(path) == "binary file (contains NUL bytes)"


def test_utf16_without_bom_is_rejected_with_a_hint(tmp_path):
    path = write(tmp_path, "x.txt", AZ.encode("utf-16-le"))
    assert "UTF-16 without a byte-order mark" in reason(path)


def test_many_control_characters_mean_binary(tmp_path):
    path = write(tmp_path, "x.txt", bytes(range(1, 9)) * 40 + b"some text")
    assert reason(path).endswith("control characters)")
    assert reason(path).startswith("binary file (")


def test_a_few_control_characters_are_just_removed(tmp_path):
    path = write(tmp_path, "x.txt", "Bakı\x07 şəhəri\x1b və\tGəncə\x1a")
    assert read_article(path).text == "Bakı şəhəri və\tGəncə"


@pytest.mark.parametrize("data", [b" ", b"\n\n\r\n", b" \t \n ", "\u00a0\u2003\n".encode()])
def test_whitespace_only_file(tmp_path, data):
    assert reason(write(tmp_path, "x.txt", data)) == "only whitespace"


def test_bom_only_file(tmp_path):
    assert reason(write(tmp_path, "x.txt", b"\xef\xbb\xbf")).startswith("no text")


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("text, data", [
    (AZ, AZ.encode("utf-8")),
    (AZ, AZ.encode("utf-8-sig")),
    (AZ, b"\xff\xfe" + AZ.encode("utf-16-le")),
    (AZ, b"\xfe\xff" + AZ.encode("utf-16-be")),
    (AZ, b"\xff\xfe\x00\x00" + AZ.encode("utf-32-le")),
    (RU, RU.encode("utf-16")),
    (TR, TR.encode("cp1254")),
    (RU, RU.encode("cp1251")),
    (RU, RU.encode("koi8_r")),
    (EN, EN.encode("cp1252")),
    (FR, FR.encode("cp1252")),
], ids=["az-utf8", "az-utf8-bom", "az-utf16le", "az-utf16be", "az-utf32", "ru-utf16",
        "tr-cp1254", "ru-cp1251", "ru-koi8r", "en-cp1252", "fr-cp1252"])
def test_encodings_are_decoded(tmp_path, text, data):
    article = read_article(write(tmp_path, "x.txt", data))
    assert article.text == text
    assert "\ufeff" not in article.text


def test_turkish_text_is_not_read_as_western_european(tmp_path):
    # charset-normalizer alone prefers cp1252 here, giving "Dýþiþleri"
    article = read_article(write(tmp_path, "x.txt", TR.encode("cp1254")))
    assert "Dışişleri" in article.text and "ý" not in article.text


@pytest.mark.parametrize("text, codec", [(TR, "cp1254"), (RU, "cp1251"), (RU, "koi8_r"), (FR, "cp1252")])
def test_legacy_encodings_never_give_mojibake(tmp_path, text, codec):
    """Any prefix decodes to itself or is rejected; from ~50 characters on it decodes.

    This is the documented minimum: a non-UTF-8 file needs about one sentence.
    """
    for length in range(4, len(text) + 1, 3):
        prefix = text[:length]
        path = write(tmp_path, "x.txt", prefix.encode(codec))
        try:
            assert read_article(path).text == prefix.strip(), (codec, length)
        except InputError as err:
            assert "cannot tell the encoding" in str(err) or "not valid text" in str(err)
            assert length < 50, f"{codec}: {length} characters should be enough"


def test_short_legacy_text_is_rejected_not_guessed(tmp_path):
    path = write(tmp_path, "x.txt", "Dışişleri".encode("cp1254"))
    assert reason(path).startswith("cannot tell the encoding")


def test_random_high_bytes_are_rejected(tmp_path):
    data = bytes((i * 7919 + 13) % 224 + 32 for i in range(2000))
    assert reason(write(tmp_path, "x.txt", data)).startswith(
        ("cannot tell the encoding", "not valid text", "binary file"))


def test_utf8_cut_in_the_middle_of_the_last_character(tmp_path):
    data = AZ.encode() + "ə".encode()[:1]
    assert read_article(write(tmp_path, "x.txt", data)).text == AZ


def test_a_stray_byte_in_long_utf8_text_becomes_a_replacement_character(tmp_path):
    text = " ".join([AZ] * 4)  # rule: at least 50 good non-ASCII characters per bad byte
    data = text.encode() + b" \x93quoted\x94 " + text.encode()
    assert read_article(write(tmp_path, "x.txt", data)).text == f"{text} \ufffdquoted\ufffd {text}"


def test_much_damaged_utf8_is_rejected(tmp_path):
    data = AZ.encode() + b" \x93quoted\x94 " + AZ.encode()
    assert reason(write(tmp_path, "x.txt", data)).startswith("not valid text in any supported encoding")


def test_utf16_bom_with_garbage_is_rejected(tmp_path):
    data = b"\xff\xfe" + bytes(range(0xD8, 0xE0)) * 50  # private-use and surrogate code units
    assert reason(write(tmp_path, "x.txt", data)).startswith(("not valid", "binary file"))


# ---------------------------------------------------------------- normalisation


def test_line_endings_are_normalised(tmp_path):
    path = write(tmp_path, "x.txt", b"one\r\ntwo\rthree\nfour\r\n\r\nfive\r")
    assert read_article(path).text == "one\ntwo\nthree\nfour\n\nfive"


def test_other_line_breaks_become_newlines(tmp_path):
    path = write(tmp_path, "x.txt", "page one\fpage two\u2028three")
    assert read_article(path).text == "page one\npage two\nthree"


def test_text_is_nfc(tmp_path):
    decomposed = "Go\u0308ru\u0308s\u0327du\u0308 I\u0307lham"
    article = read_article(write(tmp_path, "x.txt", decomposed))
    assert article.text == "Görüşdü İlham" == unicodedata.normalize("NFC", decomposed)


def test_bom_is_not_part_of_the_text(tmp_path):
    path = write(tmp_path, "x.txt", "\ufeffBakı\ufeff şəhəri".encode("utf-8"))
    assert read_article(path).text == "Bakı şəhəri"


def test_surrounding_whitespace_is_stripped(tmp_path):
    path = write(tmp_path, "x.txt", "\n\n  Bakı şəhəri.\n\nİkinci abzas.  \n\n")
    assert read_article(path).text == "Bakı şəhəri.\n\nİkinci abzas."
