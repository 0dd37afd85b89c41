"""The raw form every reader of a target table gives: rows of cell texts with their places
(:class:`RawTable`), or why a file could not be read (:class:`ReadFailure`); and the decoding of
a text file. Kept apart so that the file readers (:mod:`.sources`, :mod:`.markup`) and the
layout readers share them without importing each other."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["RawTable", "ReadFailure", "decode_text"]


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
    detail: str = ""


def decode_text(data: bytes) -> str | None:
    """UTF-8, GB18030 (a GBK file saved by Excel or Notepad), or UTF-16 with its byte-order mark
    (Excel's 另存为 Unicode 文本)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return None
