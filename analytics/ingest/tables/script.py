"""Copies of a target table in traditional characters, as mirror sites republish them, sometimes
with the pinyin of a character in brackets after it (``項(xiàng)目``): the reader's lexicon is
written in simplified characters, so such a copy is read in simplified characters, with the pinyin
notes taken out. The source shown beside the reading stays as held.

A text is taken as traditional only when common traditional-only characters make up a clear share
of its Chinese characters (``_MIN_SHARE``), so a simplified table is never changed; the conversion
(OpenCC's ``t2s`` tables, shipped with the package) is done only then and only for texts up to
``MAX_CHARS`` characters.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from analytics.ingest.tables.sources import RawTable

__all__ = ["MAX_CHARS", "simplified", "strip_pinyin", "to_simplified"]

MAX_CHARS = 600_000
_MIN_SHARE = 0.02
_MIN_COUNT = 4
# Traditional-only forms of characters common in target tables (項目, 資金, 經費, 標準, 執行, 績效 …);
# none of them is used in simplified text.
_MARKERS = frozenset("項標資經費發國為與這們時實際對單預執績評價區級門設備業務產質數當後會來開關總計劃體現環護還進"
                     "運過達選鄉縣農醫療衛義學習員說據將變條機構應從點氣電網驗證責權聯繫補貼滿億萬")
_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A pinyin note after a character (or after the ? a mirror left for a character it could not show):
# lower-case letters in brackets with at least one tone mark.
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff?？])[(（]?([a-zü" + _TONES + r"]{1,7})[)）]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def strip_pinyin(text: str) -> str:
    """``text`` without pinyin notes such as ``(xiàng)``; other bracketed Latin text is kept."""
    return _PINYIN.sub(lambda m: "" if any(ch in _TONES for ch in m.group(1)) else m.group(0), text)


def _pinyin_notes(text: str) -> int:
    return sum(1 for m in _PINYIN.finditer(text) if any(ch in _TONES for ch in m.group(1)))


def _is_traditional(text: str) -> bool:
    cjk = len(_CJK.findall(text))
    marked = sum(1 for ch in text if ch in _MARKERS)
    return marked >= _MIN_COUNT and marked >= _MIN_SHARE * cjk


@lru_cache(maxsize=1)
def _converter() -> Any:
    from opencc import OpenCC  # only loaded for a traditional copy

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """One text in simplified characters without pinyin notes, whatever its script."""
    return _converter().convert(strip_pinyin(text))


def simplified(table: RawTable) -> tuple[RawTable, list[str]]:
    """``table`` with its cells in simplified characters and without pinyin notes, and what was
    done (``traditional``, ``pinyin_notes``); the table itself when neither applies."""
    text = "\n".join("\t".join(row) for row in table.rows)
    if len(text) > MAX_CHARS:
        return table, []
    done: list[str] = []
    if _pinyin_notes(text) >= 2:
        done.append("pinyin_notes")
    if _is_traditional(text):
        done.append("traditional")
    if not done:
        return table, []
    convert = _converter().convert if "traditional" in done else None
    rows = []
    for row in table.rows:
        cells = []
        for cell in row:
            if cell:
                cell = strip_pinyin(cell) if "pinyin_notes" in done else cell
                cell = convert(cell) if convert else cell
            cells.append(cell)
        rows.append(cells)
    return replace(table, rows=rows), done
