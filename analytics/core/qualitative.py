"""Qualitative (定性) indicators: tracked as check-ins 达成 / 部分达成 / 未达成 with a note, never
as an invented number.

A check-in is stored in the actuals like a yes/no milestone is (是 → 1): as the code of its
level — 达成 1.0, 部分达成 0.5, 未达成 0.0 — which is never shown as a number: pages, forms
and reports show the word (:func:`level_word`), the status comes from the level, and the
self-evaluation scores it by bands (``qualitative_levels`` in data/scoring_rules.yaml). The
note goes in the actuals' note column. The year's target of a qualitative indicator is
"达成" (code 1.0) whatever its text says (the text is kept as written).
"""

from __future__ import annotations

from analytics.core.values import ValueParseError, normalize_text

__all__ = ["LEVELS", "CODES", "WORDS", "parse_checkin", "level_of", "level_word"]

#: The levels, best first.
LEVELS: tuple[str, ...] = ("achieved", "partial", "not_achieved")
#: level → the code stored in the actuals.
CODES: dict[str, float] = {"achieved": 1.0, "partial": 0.5, "not_achieved": 0.0}
#: level → (Chinese, English) word.
WORDS: dict[str, tuple[str, str]] = {"achieved": ("达成", "Achieved"), "partial": ("部分达成", "Partly achieved"),
                                     "not_achieved": ("未达成", "Not achieved")}
_ALIASES: dict[str, str] = {
    "达成": "achieved", "已达成": "achieved", "完全达成": "achieved", "achieved": "achieved",
    "部分达成": "partial", "基本达成": "partial", "partial": "partial", "partlyachieved": "partial", "partiallyachieved": "partial",
    "未达成": "not_achieved", "没有达成": "not_achieved", "notachieved": "not_achieved",
}


def parse_checkin(value: object) -> float:
    """The stored code of a check-in written as 达成 / 部分达成 / 未达成 (or an English word, or a
    code 1 / 0.5 / 0). ``ValueParseError("not_a_checkin")`` otherwise."""
    text = normalize_text(value).lower().replace("_", "").replace("-", "")
    if text in _ALIASES:
        return CODES[_ALIASES[text]]
    try:
        number = float(text)
    except ValueError:
        raise ValueParseError("not_a_checkin", value) from None
    if number in CODES.values():
        return number
    raise ValueParseError("not_a_checkin", value)


def level_of(code: float | None) -> str | None:
    """The level of a stored code (the nearest one), None for no check-in."""
    if code is None:
        return None
    return min(LEVELS, key=lambda k: abs(CODES[k] - float(code)))


def level_word(code: float | None, lang: str = "zh") -> str | None:
    """达成 / 部分达成 / 未达成 (or the English word) of a stored code."""
    level = level_of(code)
    if level is None:
        return None
    zh, en = WORDS[level]
    return en if lang == "en" else zh
