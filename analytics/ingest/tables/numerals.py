"""A count written in Chinese numerals before its unit (不少于三次, 两期, 一百人, 十二月底前), or a share in
words (百分之九十五, 九成), read in digits,
for the one value reader (:func:`analytics.ingest.tables.cells.read_value`)."""

from __future__ import annotations

import re

from analytics.ingest.tables.lexicon import Lexicon

__all__ = ["arabic"]

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
#: a short cell whose number is written in Chinese numerals before its unit (不少于三次, ≥二次, 两期, 一百人)
_CN_VALUE = re.compile(r"^(?P<cmp>[≥≤<>=]{0,2}|不少于|不低于|不超过|不高于|达到|至少)(?P<num>[零〇一二两三四五六七八九十百千]{1,6})"
                       r"(?P<rest>[^\d零〇一二两三四五六七八九十百千万亿]{1,4}(?:以上|以下|以内)?)$")


def _cn_number(word: str) -> int | None:
    """``三`` → 3, ``十二`` → 12, ``一百二十`` → 120, ``两千`` → 2000; ``None`` when not a number."""
    total, digit = 0, None
    for ch in word:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # 一二: not a number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


#: a share in words: 百分之九十五 (百分之95), 九成 / 九成五 (tenths), after any comparator word
_CN_SHARE = re.compile(r"^(?P<cmp>[≥≤<>=]{0,2}|不少于|不低于|不超过|不高于|达到|至少)(?:百分之(?P<pct>[零〇一二两三四五六七八九十百]{1,4}|\d+(?:\.\d+)?)"
                       r"|(?P<tenths>[一二三四五六七八九])成(?P<half>[一二三四五六七八九])?)(?P<rest>以上|以下|以内)?$")
_ABOUT = re.compile(r"(?<=\d)[余多](?=[^\W\d_])")  # 1200余人, 300多个: that many and some, read as the number


def arabic(text: str, lex: Lexicon) -> str:
    """``text`` with a count written in Chinese numerals before a known unit (see ``_CN_VALUE``:
    不少于三次, 一百人, 十二月底前) in digits, a share in words as a percent (百分之九十五 → 95%,
    不低于九成 → 不低于90%) and the 余 / 多 of ``1200余人`` left out; other words (一般, 一次性,
    十佳) as they are."""
    text = _ABOUT.sub("", text)
    share = _CN_SHARE.match(text)
    if share:
        if share["tenths"]:
            pct: int | float | None = _CN_DIGITS[share["tenths"]] * 10 + (_CN_DIGITS[share["half"]] if share["half"] else 0)
        else:
            pct = float(share["pct"]) if share["pct"][0].isdigit() else _cn_number(share["pct"])
        if pct is not None:
            return f"{share['cmp']}{pct:g}%{share['rest'] or ''}"
    m = _CN_VALUE.match(text)
    unit = re.sub("(以上|以下|以内|底前|底|前)$", "", m.group("rest")) if m else ""
    if not m or not (unit in lex.units or lex.unit_aliases.get(unit, "") in lex.units):
        return text
    number = _cn_number(m.group("num"))
    return text if number is None else f"{m.group('cmp')}{number}{m.group('rest')}"
