"""Reading an old-format Word document (``.doc``, Word 97–2003, also what WPS 文字 saves by that
name): its text is taken from the ``WordDocument`` stream through the piece table, and its table
rows from the paragraph marks: a cell ends with a cell mark (``\\x07``), a row with a paragraph
flagged as a table row's end (``sprmPFTtp``). Paragraphs outside tables are rows of one cell,
as in a ``.docx``; of a field (a page number, a hyperlink) only the text it shows is kept. A
merged cell is a blank in the cells it covers; a cell merged across columns leaves its row
shorter (the reader realigns such rows as it does a web copy).

Untrusted input: every offset and count is checked against the stream it points into, the text
is bounded by ``max_table_unpacked_bytes`` and a malformed file is a :class:`DocError`, never a
traceback (the caller reports it).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

__all__ = ["DocError", "doc_rows"]

_CELL = "\x07"
_FIELD = "\x13\x14\x15"  # a field's begin, separator (code | shown result) and end
_TTP = (0x2417, 0x6649)  # sprmPFTtp, sprmPFInnerTtp: the paragraph that ends a table row
_IN_TABLE = (0x2416, 0x6649)  # sprmPFInTable (and an inner table's row end): a paragraph in a table
_HUGE = 0x6646  # sprmPHugePapx: the paragraph's properties stand in the Data stream, at this offset
_FC_CLX, _FC_BTE_PAPX = 0x01A2, 0x0102  # FIB offsets of (fc, lcb) of the piece table and the PAPX bin table


class DocError(ValueError):
    """The file is not a Word 97–2003 document this reader can follow."""


def _u16(b: bytes, at: int) -> int:
    if at < 0 or at + 2 > len(b):
        raise DocError("short")
    return int(struct.unpack_from("<H", b, at)[0])


def _u32(b: bytes, at: int) -> int:
    if at < 0 or at + 4 > len(b):
        raise DocError("short")
    return int(struct.unpack_from("<I", b, at)[0])


def _pieces(word: bytes, table: bytes) -> list[tuple[int, int, int, bool]]:
    """(first cp, last cp, fc, compressed) of each piece of the text."""
    fc, lcb = _u32(word, _FC_CLX), _u32(word, _FC_CLX + 4)
    if fc + lcb > len(table) or lcb < 5:
        raise DocError("clx")
    clx = table[fc:fc + lcb]
    i = 0
    while i < len(clx) and clx[i] == 1:  # Prc entries before the piece table
        i += 3 + _u16(clx, i + 1)
    if i >= len(clx) or clx[i] != 2:
        raise DocError("pcdt")
    size = _u32(clx, i + 1)
    plc = clx[i + 5:i + 5 + size]
    if len(plc) < size or (size - 4) % 12:
        raise DocError("plcpcd")
    n = (size - 4) // 12
    cps = [_u32(plc, 4 * k) for k in range(n + 1)]
    out = []
    for k in range(n):
        raw = _u32(plc, 4 * (n + 1) + 8 * k + 2)
        compressed = bool(raw & 0x40000000)
        out.append((cps[k], cps[k + 1], (raw & 0x3FFFFFFF) // 2 if compressed else raw & 0x3FFFFFFF, compressed))
    return out


def _paragraphs(word: bytes, table: bytes, extra: bytes) -> tuple[set[int], set[int]]:
    """The file offsets just past the paragraph marks of paragraphs in a table, and of those that
    end a table row (from the paragraph properties of each FKP page; properties too large for
    the page, such as a row's cell widths, stand in the ``Data`` stream: ``extra``)."""
    fc, lcb = _u32(word, _FC_BTE_PAPX), _u32(word, _FC_BTE_PAPX + 4)
    if fc + lcb > len(table) or lcb < 4 or (lcb - 4) % 8:
        return set(), set()
    n = (lcb - 4) // 8
    in_table: set[int] = set()
    ends: set[int] = set()
    for k in range(n):
        page_at = (_u32(table, fc + 4 * (n + 1) + 4 * k) & 0x3FFFFF) * 512
        page = word[page_at:page_at + 512]
        if len(page) < 512:
            continue
        crun = page[511]
        if 4 * (crun + 1) + 13 * crun > 511:
            continue  # not an FKP page
        for j in range(crun):
            end = _u32(page, 4 * (j + 1))
            b = page[4 * (crun + 1) + 13 * j] * 2
            if not b or b >= 510:
                continue
            cb = page[b]
            start, size = (b + 2, 2 * page[b + 1]) if cb == 0 else (b + 1, 2 * cb - 1)
            sprms = _sprms(page[start + 2:start + size])  # after the style index
            huge = sprms.get(_HUGE)
            if huge is not None and huge + 2 <= len(extra):
                sprms.update(_sprms(extra[huge + 2:huge + 2 + _u16(extra, huge)]))
            if any(sprms.get(x) for x in _IN_TABLE):
                in_table.add(end)
            if any(sprms.get(x) for x in _TTP):
                ends.add(end)
    return in_table, ends


def _sprms(grpprl: bytes) -> dict[int, int]:
    """The one-byte operands of a property list's toggles, by sprm, and the offset of
    sprmPHugePapx (the others are skipped)."""
    out: dict[int, int] = {}
    i = 0
    while i + 2 <= len(grpprl):
        sprm = _u16(grpprl, i)
        i += 2
        spra = sprm >> 13
        if spra in (0, 1) and i < len(grpprl):
            out[sprm] = grpprl[i]
            i += 1
        elif spra in (2, 4, 5):
            i += 2
        elif spra == 3:
            if sprm == _HUGE and i + 4 <= len(grpprl):
                out[sprm] = _u32(grpprl, i)
            i += 4
        elif spra == 7:
            i += 3
        elif sprm == 0xD608 and i + 2 <= len(grpprl):  # sprmTDefTable: a two-byte size
            i += 2 + _u16(grpprl, i) - 1
        elif i < len(grpprl):
            i += 1 + grpprl[i]
        else:
            break
    return out


def _chars(word: bytes, pieces: list[tuple[int, int, int, bool]]) -> Iterator[tuple[str, int]]:
    """Each character of the text with the file offset just past it."""
    for first, last, fc, compressed in pieces:
        count, width = max(0, last - first), 1 if compressed else 2
        blob = word[fc:fc + width * count]
        if len(blob) < width * count:
            raise DocError("piece")
        text = blob.decode("cp1252" if compressed else "utf-16-le", errors="replace")
        for k, ch in enumerate(text):
            yield ch, fc + width * (k + 1)


def doc_rows(data: bytes, max_chars: int) -> tuple[list[list[str]], list[str]]:
    """The rows of the document, a table row as its cells (``T1:3``: row 3 of the first table),
    any other paragraph as one cell (``¶5``), as a ``.docx`` is read."""
    import xlrd.compdoc as compdoc  # type: ignore[import-not-found]  # the OLE2 reader xlrd ships

    try:
        ole = compdoc.CompDoc(data, logfile=open("/dev/null", "w", encoding="utf-8"))  # noqa: SIM115
        word = bytes(ole.get_named_stream("WordDocument") or b"")
        if len(word) < 0x1AA:
            raise DocError("fib")
        if _u16(word, 0) != 0xA5EC:
            raise DocError("not_word")
        if _u16(word, 2) < 0xC1:
            raise DocError("word95")  # Word 6 / 95: another layout of the file's header
        flags = _u16(word, 0x0A)
        if flags & 0x0100:
            raise DocError("encrypted")
        table = bytes(ole.get_named_stream("1Table" if flags & 0x0200 else "0Table") or b"")
        try:
            extra = bytes(ole.get_named_stream("Data") or b"")
        except Exception:  # noqa: BLE001 - a document without a Data stream
            extra = b""
    except DocError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken container is a problem to report
        raise DocError(type(exc).__name__) from exc
    pieces = _pieces(word, table)
    if sum(max(0, last - first) for first, last, _, _ in pieces) > max_chars:
        raise DocError("too_long")
    in_table, ttp = _paragraphs(word, table, extra)
    rows: list[list[str]] = []
    refs: list[str] = []
    tables = 0
    in_rows = 0  # rows of the current table so far (0: outside a table)
    cells: list[str] = []
    current = ""
    fields: list[bool] = []  # open fields, innermost last: True while in its code (HYPERLINK …)
    for ch, end in _chars(word, pieces):
        if ch in _FIELD:
            if ch == "\x13":
                fields.append(True)
            elif fields and ch == "\x14":
                fields[-1] = False  # the field's result follows: it is the text shown
            elif fields:
                fields.pop()
            continue
        if fields and fields[-1] and ch not in (_CELL, "\r"):
            continue
        if ch == _CELL:
            if end in ttp:  # the row's end mark: its cells so far are the row
                tables += not in_rows
                in_rows += 1
                rows.append(cells)
                refs.append(f"T{tables}:{in_rows}")
                cells = []
            else:
                cells.append(current.strip())
            current = ""
        elif ch == "\r" and end in in_table:
            current += "\n"  # a paragraph inside a cell
        elif ch == "\r":
            if current.strip():
                rows.append([current.strip()])
                refs.append(f"¶{len(rows)}")
                in_rows = 0
            current = ""
        elif ch >= " " or ch == "\t":
            current += ch
    if cells:
        rows.append(cells)
        refs.append(f"T{tables + (not in_rows)}:{in_rows + 1}")
    if current.strip():
        rows.append([current.strip()])
        refs.append(f"¶{len(rows)}")
    return rows, refs
