"""The score columns of a target table's row: the indicator's weight in a 分值 / 权重 column (its
``points``) and, in a 自评表, the score it was given (得分), from which a qualitative row whose
result was left blank gets its check-in."""

from __future__ import annotations

import re
from typing import Any

from analytics.core.qualitative import CODES as CHECKIN_CODES, WORDS as CHECKIN_WORDS
from analytics.core.values import normalize_text, number_text
from analytics.ingest.tables.layout import Column, Layout
from analytics.ingest.tables.lexicon import Lexicon
from analytics.ingest.tables.realign import cell as _cell

__all__ = ["points_of", "checkin_from_score"]

_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(分|%)?")


def _number_in(row: list[str], layout: Layout, wanted: re.Pattern[str] | None, other: re.Pattern[str] | None) -> float | None:
    """The number (``8``, ``8分``, ``20%``) of the row's first unread column whose header matches
    ``wanted`` and not ``other``; None without such a column or number."""
    if wanted is None:
        return None
    for c in layout.columns:
        if c.role in ("ignore", "") and wanted.search(c.header) and not (other is not None and other.search(c.header)):
            m = _NUMBER.fullmatch(normalize_text(_cell(row, c.index)))
            return float(m.group(1)) if m else None
    return None


def points_of(row: list[str], layout: Layout, lex: Lexicon) -> float | None:
    """The indicator's weight in the table's 分值 / 权重 column (lexicon ``headers.points``), never
    a score given (得分)."""
    return _number_in(row, layout, lex.points_header, lex.scored_header)


def checkin_from_score(row: list[str], layout: Layout, raws: list[tuple[Column, str, str, str]],
                       sections: dict[str, dict[str, Any]], points: float | None, lex: Lexicon) -> dict[str, Any] | None:
    """A qualitative row of a 自评表 whose result (实际完成值) is blank but which was given a score out
    of its points (工程质量合格 | | 10 | 10): its check-in by the share 得分 ÷ 分值
    (:meth:`Lexicon.checkin_from_score`), written into ``sections``; the inference (low confidence,
    for review), or None."""
    keys = [k for c, s, k, _ in raws if s == "actuals" and not c.month]
    if points is None or not keys or sections["actuals"]:
        return None
    given = _number_in(row, layout, lex.scored_header, lex.points_header)  # the 得分 column, never the 分值
    level = lex.checkin_from_score(given, points) if given is not None else None
    if level is None:
        return None
    raw = f"得分{number_text(given)}（分值{number_text(points)}）"
    sections["actuals"][keys[-1]] = {"raw": raw, "value": CHECKIN_CODES[level], "checkin": level}
    word, word_en = CHECKIN_WORDS[level]
    return {"value": word, "rule": "checkin_from_score", "confidence": "low",
            "reason": f"实际完成值空白，{raw}：按得分比例视为“{word}”",
            "reason_en": f"Result blank; scored {number_text(given)} of {number_text(points)}: read as {word_en.lower()}"}
