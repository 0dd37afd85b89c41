"""The raw form every reader of a target table gives: rows of cell texts with their places
(:class:`RawTable`), or why a file could not be read (:class:`ReadFailure`); and the decoding of
a text file. Kept apart so that the file readers (:mod:`.sources`, :mod:`.markup`) and the
layout readers share them without importing each other."""

from __future__ import annotations

import io
from dataclasses import dataclass, field

__all__ = ["RawTable", "ReadFailure", "decode_text", "mixed_line", "utf8_evidence", "utf8_text"]


@dataclass
class RawTable:
    """Rows of cell texts with the place of each row. ``merged`` says whether merged cells were
    already filled (spreadsheets, Word); in text, a merged cell is a blank."""

    fmt: str
    rows: list[list[str]]
    refs: list[str]
    sheet: str | None = None
    merged: bool = False
    sheets: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # a text's lines as written (blanks kept), for text-lines
    pictures: int = 0  # pictures in the file (a table pasted as a screenshot or scan, when no table is found)
    ocr: bool = False  # its text read from pictures by OCR (a scan): to be checked
    left_out: tuple[int, int] = (0, 0)  # rows and columns with text the sheet hides, left out (read as shown)
    hidden_read: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())  # or read (1-based), when not read as shown


@dataclass
class ReadFailure:
    code: str  # unreadable | empty | xls_reader_missing | bad_excel | bad_docx | bad_markup | no_sheet | bad_encoding | not_as_named
    # | mixed_encoding | cell_too_long | …
    detail: str = ""


def decode_text(data: bytes) -> str | None:
    """UTF-8, GB18030 (a GBK file saved by Excel or Notepad), or UTF-16 with its byte-order mark
    (Excel's 另存为 Unicode 文本)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    text = utf8_text(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
    if text is not None:
        return text
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return None


def utf8_text(body: bytes) -> str | None:
    """``body`` as UTF-8, its last character dropped when only that one was cut off (a download
    stopped mid-character); ``None`` when it is not UTF-8. Decoding such a text as GB18030 instead
    turned every Chinese line into other characters."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(body) - 3 and "end of data" in str(exc.reason):
            return body[: exc.start].decode("utf-8", errors="replace")
        return None


def utf8_evidence(body: bytes) -> tuple[int, list[int]]:
    """(bytes of multi-byte UTF-8 characters on lines that are valid UTF-8, numbers of the lines
    that are not). A GBK line is rarely valid UTF-8 by chance, and then only for a character or two;
    eight bytes (four Chinese characters) of valid UTF-8 beside an invalid line is a mixed file."""
    evidence, bad = 0, []
    for number, line in enumerate(io.BytesIO(body), start=1):
        if line.isascii():
            continue
        try:
            evidence += len(line) - len(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad.append(number)
    return evidence, bad


def mixed_line(data: bytes) -> int | None:
    """The first line that is not UTF-8 in a text whose other lines are UTF-8 Chinese (lines typed
    or pasted in GBK into a UTF-8 file), or ``None``. Such a text decodes as GB18030 whole, and its
    UTF-8 lines come out as other characters (备注 as 澶囨敞)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    if utf8_text(body) is not None:
        return None
    evidence, bad = utf8_evidence(body)
    return bad[0] if evidence >= 8 and bad else None
