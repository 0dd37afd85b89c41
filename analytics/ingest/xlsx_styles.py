"""What an .xlsx's cell styles say about its numbers: each style's number format (a percent,
words shown with the number, a date, a duration), read from ``xl/styles.xml``.

openpyxl's reading of the styles part builds an object for every font, fill, border and cell
style, so a workbook carrying 200,000 cell styles (some tools pile them up, copying between
workbooks) took 10 s a read, and a check reads a workbook up to three times. Here one
streaming pass of lxml keeps only what a number needs — each ``<xf>`` of ``<cellXfs>`` and the
custom formats of ``<numFmts>`` — and gives the same formats as openpyxl (its renumbering of
custom formats included). The reading of a styles part is kept for the next read of the same
part (by its SHA-256), so the later reads of one check cost a hash.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from analytics.ingest.limits import Deadline

__all__ = ["XML_OPTIONS", "Styles"]

#: How every XML part of a workbook is parsed: no entities, no DTD, no network, libxml2's bounds.
XML_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)

_STYLES_PART = "xl/styles.xml"  # where openpyxl reads it (never through the relationships)
_KEPT = 4  # styles readings kept for the next read of the same part
_kept: dict[bytes, tuple[tuple[str | None, ...], frozenset[int], frozenset[int]]] = {}
_lock = threading.Lock()


class Styles:
    """A workbook's cell styles as its numbers need them; :meth:`read` reads them."""

    __slots__ = ("formats", "dates", "durations", "epoch")

    def __init__(self, formats: tuple[str | None, ...], dates: frozenset[int], durations: frozenset[int],
                 epoch: Any) -> None:
        self.formats = formats
        self.dates = dates
        self.durations = durations
        self.epoch = epoch

    def number_format(self, style_id: int) -> str | None:
        try:
            return self.formats[style_id]
        except (IndexError, TypeError):
            return None

    @classmethod
    def read(cls, reader: Any, deadline: Deadline) -> "Styles":
        """The styles of an openpyxl ``ExcelReader``'s workbook (the date epoch from its workbook part)."""
        epoch = getattr(reader.wb, "epoch", None)
        archive = reader.archive
        if _STYLES_PART not in archive.namelist():
            return cls(("General",), frozenset(), frozenset(), epoch)  # openpyxl's one default style
        digest = hashlib.sha256()
        with archive.open(_STYLES_PART) as src:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
        key = digest.digest()
        with _lock:
            kept = _kept.get(key)
        if kept is None:
            with archive.open(_STYLES_PART) as src:
                kept = _formats(*_number_ids(src, deadline))
            with _lock:
                _kept[key] = kept
                while len(_kept) > _KEPT:
                    del _kept[next(iter(_kept))]
        return cls(*kept, epoch)


def _formats(ids: list[int], custom: dict[int, str]) -> tuple[tuple[str | None, ...], frozenset[int], frozenset[int]]:
    """(number format of each cell style, the date styles, the duration styles), as openpyxl's
    ``Stylesheet`` and ``Workbook`` give them."""
    from openpyxl.styles.numbers import (BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE, BUILTIN_FORMATS_REVERSE,
                                         is_date_format, is_timedelta_format)

    if not ids:  # a styles part without cell styles: openpyxl's one default style
        return ("General",), frozenset(), frozenset()
    renumbered: dict[str, int] = {}  # custom formats by first use: openpyxl numbers them from 164
    formats: list[str | None] = []
    dates, durations, later = set(), set(), []
    for i, fmt_id in enumerate(ids):
        if fmt_id in custom:
            fmt: str | None = custom[fmt_id]
            if fmt not in BUILTIN_FORMATS_REVERSE:
                renumbered.setdefault(fmt, len(renumbered))
            formats.append(fmt)
        else:
            fmt = BUILTIN_FORMATS.get(fmt_id)
            formats.append(BUILTIN_FORMATS.get(fmt_id, "General") if fmt_id < BUILTIN_FORMATS_MAX_SIZE else None)
            if fmt_id >= BUILTIN_FORMATS_MAX_SIZE:
                later.append(i)
        if is_date_format(fmt):
            dates.add(i)
        if is_timedelta_format(fmt):
            durations.add(i)
    in_order = list(renumbered)
    for i in later:  # an undeclared id past the built-in ones reads the renumbered list, as openpyxl's does
        at = ids[i] - BUILTIN_FORMATS_MAX_SIZE
        formats[i] = in_order[at] if at < len(in_order) else None
    return tuple(formats), frozenset(dates), frozenset(durations)


class _NumberIds:
    """lxml parser target: the ``numFmtId`` of each ``<xf>`` of ``<cellXfs>`` and the
    ``<numFmts>`` by id, found by local names as openpyxl finds them; no tree is built."""

    def __init__(self, deadline: Deadline) -> None:
        self.deadline, self.depth, self.section, self.seen = deadline, 0, "", 0
        self.ids: list[int] = []
        self.custom: dict[int, str] = {}

    def start(self, tag: str, attrib: Any) -> None:
        self.depth += 1
        if self.depth == 2:
            self.section = tag.rpartition("}")[2]
            if self.section == "cellXfs":  # a second one replaces the first, as in openpyxl
                self.ids = []
            elif self.section == "numFmts":
                self.custom = {}
        elif self.depth == 3:
            if self.section == "cellXfs" and tag.rpartition("}")[2] == "xf":
                self.ids.append(int(attrib.get("numFmtId", "0")))
            elif self.section == "numFmts" and tag.rpartition("}")[2] == "numFmt":
                self.custom[int(attrib.get("numFmtId", ""))] = str(attrib["formatCode"])  # openpyxl needs both
            self.seen += 1
            if not self.seen & 4095:
                self.deadline.check()

    def end(self, tag: str) -> None:
        self.depth -= 1

    def close(self) -> None:
        return None


def _number_ids(src: Any, deadline: Deadline) -> tuple[list[int], dict[int, str]]:
    from lxml import etree

    target = _NumberIds(deadline)
    parser = etree.XMLParser(target=target, **XML_OPTIONS)
    while chunk := src.read(1 << 20):
        parser.feed(chunk)
    parser.close()
    return target.ids, target.custom
