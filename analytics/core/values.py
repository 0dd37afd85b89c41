"""Parsing of the value forms found in official tables and users' spreadsheets.

Pure functions, no I/O. Every parser either returns a value or raises
:class:`ValueParseError` with a machine ``code`` so that the validator can turn
it into a located, translated message.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "ValueParseError",
    "ParsedTarget",
    "normalize_text",
    "number_text",
    "parse_number",
    "parse_period",
    "parse_quantity",
    "parse_target",
    "parse_bool",
    "unit_scale",
    "COUNT_UNITS",
    "counts_things",
]


class ValueParseError(ValueError):
    """A cell could not be read. ``code`` names the problem for the message catalogue."""

    def __init__(self, code: str, value: object, detail: str = "") -> None:
        super().__init__(f"{code}: {value!r} {detail}".strip())
        self.code = code
        self.value = value
        self.detail = detail


_DASHES = {"—", "–", "-", "－", "——", "/", "无", "n/a", "na", "N/A", ""}
_YES = {"是", "yes", "y", "true", "1", "已完成", "完成", "√", "✓"}
_NO = {"否", "no", "n", "false", "0", "未完成", "×", "✗"}


_SPACES_RE = re.compile(r"\s+")


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def printable(text: str) -> str:
    """``text`` without the control characters no document may hold (a bell, an escape, NUL: an
    .xlsx, a .docx or a .pptx refuses them and the export fails); tabs and line breaks kept."""
    return _CONTROL_RE.sub("", text) if _CONTROL_RE.search(text) else text


def normalize_text(value: object) -> str:
    """NFKC-normalise (full-width digits/letters → ASCII), strip spaces of every kind."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if isinstance(value, str) and len(value) <= 200:  # the table readers ask again and again for the same cells
        return _normalized(value)
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", str(value)))


@lru_cache(maxsize=1 << 16)
def _normalized(text: str) -> str:
    return _SPACES_RE.sub("", unicodedata.normalize("NFKC", text))


_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")


_INNER_SPACE_RE = re.compile(r"[0-9.,]\s+[0-9.,]")


def number_text(value: float) -> str:
    """A number as written to a data file: every digit it has (25388.04, 1234567 — never
    ``25388`` or ``1.23457e+06``), no float noise (0.1 + 0.2 → 0.3), no exponent below 1e15."""
    if abs(value) >= 1e15:
        return repr(value)
    text = f"{value:.15g}"
    if "e" in text:  # a small share (0.00001): in full
        text = f"{value:.15f}".rstrip("0").rstrip(".")
    return text


def _check_digits(value: object) -> None:
    """Refuse what NFKC would silently turn into other digits: superscripts and subscripts
    (``10²`` → 102), circled and other number signs (``①`` → 1), digits of other scripts, and a
    space inside a number (``12 5`` → 125). Full-width digits (``１２``) are ordinary digits."""
    raw = str(value)
    for ch in raw:
        if ch.isascii():
            continue
        category = unicodedata.category(ch)
        if category in ("No", "Nl") or (category == "Nd" and not unicodedata.normalize("NFKC", ch).isascii()):
            raise ValueParseError("odd_digits", value, ch)
    if _INNER_SPACE_RE.search(unicodedata.normalize("NFKC", raw).strip()):
        raise ValueParseError("inner_space", value)


def parse_number(value: object, *, allow_percent: bool = True) -> float:
    """Read a numeric cell.

    Accepts ints/floats, ``"1,234"``, ``"12.5%"`` (→ 12.5, the number of percent),
    full-width digits ``"１２"``, a trailing ``"以上"``/``"以下"`` is *not* accepted here
    (targets only, see :func:`parse_target`). Raises ``ValueParseError('not_a_number')``
    for text, ``('formula')`` for spreadsheet formulas, ``('empty')`` for blanks,
    ``('odd_digits')`` for superscripts, circled numbers and other scripts' digits (``10²``,
    ``①``), ``('inner_space')`` for a space inside a number (``12 5``).
    """
    if isinstance(value, bool):
        raise ValueParseError("not_a_number", value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            raise ValueParseError("empty", value)
        return float(value)
    _check_digits(value)
    text = normalize_text(value)
    if text == "":
        raise ValueParseError("empty", value)
    if text[0] in "=@" or (text[0] in "+-" and len(text) > 1 and not re.match(r"^[+-][\d.]", text)):
        raise ValueParseError("formula", value)
    if text.startswith("="):
        raise ValueParseError("formula", value)
    percent = False
    if text.endswith("%"):
        if not allow_percent:
            raise ValueParseError("not_a_number", value)
        percent = True
        text = text[:-1]
    if _THOUSANDS_RE.match(text):
        text = text.replace(",", "")
    if not _NUM_RE.match(text):
        raise ValueParseError("not_a_number", value)
    number = float(text)
    if math.isinf(number) or math.isnan(number):
        raise ValueParseError("not_a_number", value)
    del percent  # the number of percent is kept as written: "12.5%" → 12.5
    return number


_PERIOD_PATTERNS = [
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(T|\d{2}:)"),
]
_COMBINED_RE = re.compile(
    r"^(?P<y>\d{4})(年(?P<m1>\d{1,2})月?(~|-|—|–|至|到)|[-/.](?P<m1b>\d{1,2})(~|至|到))(?P<m2>\d{1,2})月?$"
)


@dataclass(frozen=True)
class Period:
    year: int
    month: int
    first_month: int  # == month unless a combined period such as 2024年1-2月

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def combined(self) -> bool:
        return self.first_month != self.month


def parse_period(value: object) -> Period:
    """Read a month: ``2024-06``, ``2024/6``, ``2024年6月``, ``202406``, a date or datetime
    (the day must exist), or a combined span ``2024年1-2月`` / ``2024-01~02`` (kept as the
    last month, with ``first_month`` set). Raises ``ValueParseError('bad_period')``.
    """
    if isinstance(value, (_dt.datetime, _dt.date)):
        return Period(value.year, value.month, value.month)
    if hasattr(value, "to_pydatetime"):
        dt = value.to_pydatetime()  # pandas Timestamp
        return Period(dt.year, dt.month, dt.month)
    text = normalize_text(value)
    if text.endswith(".0") and text[:-2].isdigit():  # 202406.0 read from Excel as float
        text = text[:-2]
    if not text:
        raise ValueParseError("empty", value)
    m = _COMBINED_RE.match(text)
    if m:
        year, m1, m2 = int(m["y"]), int(m["m1"] or m["m1b"]), int(m["m2"])
        if not (1 <= m1 < m2 <= 12):
            raise ValueParseError("bad_period", value)
        return Period(year, m2, m1)
    for pattern in _PERIOD_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        year, month = int(m["y"]), int(m["m"])
        if not (1900 <= year <= 2100) or not (1 <= month <= 12):
            raise ValueParseError("bad_period", value)
        day = m.groupdict().get("d")
        if day is not None:
            try:
                _dt.date(year, month, int(day))
            except ValueError as exc:
                raise ValueParseError("bad_period", value) from exc
        return Period(year, month, month)
    raise ValueParseError("bad_period", value)


def parse_bool(value: object) -> bool:
    text = normalize_text(value).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueParseError("not_a_bool", value)


# Units as written in official tables → (multiplier to base unit, base unit)
_UNIT_SCALES: dict[str, tuple[float, str]] = {
    "万人": (1e4, "人"),
    "万人次": (1e4, "人次"),
    "万": (1e4, ""),
    "万份": (1e4, "份"),
    "万个": (1e4, "个"),
    "万元": (1e4, "元"),
    "亿元": (1e8, "元"),
    "%": (1.0, "%"),
    "百分比": (1.0, "%"),
    "百分点": (1.0, "%"),
    "个": (1.0, "个"),
    "人": (1.0, "人"),
    "人次": (1.0, "人次"),
    "家": (1.0, "家"),
    "场次": (1.0, "场次"),
    "件": (1.0, "件"),
    "起": (1.0, "起"),
    "份": (1.0, "份"),
    "": (1.0, ""),
}


#: Scale words a unit may begin with (万亩 = 10,000 亩, 千元 = 1,000 元), longest first.
_SCALE_WORDS: tuple[tuple[str, float], ...] = (("千万", 1e7), ("百万", 1e6), ("十万", 1e5), ("亿", 1e8), ("万", 1e4), ("千", 1e3))


#: Units of things counted one by one: a value in them is a whole number, also a forecast's (the
#: formatter shows them without decimals, :data:`analytics.present.format.PRECISION`; the year-end
#: forecast counts a flow of few of them by whole events).
COUNT_UNITS: tuple[str, ...] = (
    "个", "家", "场次", "人", "件", "次", "户", "项", "名", "所", "期", "批", "份", "条", "天",
    "人次", "批次", "场", "座", "门", "台", "辆", "套", "处", "组", "株", "棵", "头", "只", "张",
    "本", "册", "篇", "部", "间", "栋", "起", "例", "宗", "轮", "班", "个次", "户次",
    "村", "种", "支", "位", "节", "堂", "艘", "架", "幢", "盏", "镇", "乡", "站", "辆次", "车次", "架次")


def counts_things(unit: str | None) -> bool:
    """Whether values in ``unit`` count whole things one by one (个, 件, 人次; not 万人, %, 亩)."""
    return (unit or "").strip() in COUNT_UNITS


def unit_scale(unit: str) -> tuple[float, str]:
    """``"万人" → (10000.0, "人")``, ``"万亩" → (10000.0, "亩")`` (a scale word before a unit);
    other units scale 1 and keep their name."""
    unit = normalize_text(unit)
    if unit in _UNIT_SCALES:
        return _UNIT_SCALES[unit]
    for word, scale in _SCALE_WORDS:
        if unit.startswith(word) and len(unit) > len(word):
            return scale, unit[len(word):]
    return 1.0, unit


_QUANTITY_RE = re.compile(r"^(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>[^\d%,.\s][^\d%]*)$")


def parse_quantity(value: object, unit: str) -> tuple[float, str]:
    """A value written with its unit after the number (``12.5万人``, or ``125000人`` for an
    indicator counted in 万人): (the number in ``unit``, the unit as written). The unit written
    must be ``unit`` or the same unit with another scale word (万 / 亿 / 千 …), or a bare scale
    word (``12.5万``). ``ValueParseError('not_a_number')`` when the text is no number followed by
    a unit, ``("value_unit_mismatch", value, written)`` for a number in another unit (``12家`` for 个)."""
    text = normalize_text(value)
    m = _QUANTITY_RE.match(text)
    if not m:
        raise ValueParseError("not_a_number", value)
    number, written = parse_number(m["num"]), m["unit"].strip()
    (k_written, base_written), (k_unit, base_unit) = unit_scale(written), unit_scale(unit)
    if base_written not in (base_unit, ""):
        raise ValueParseError("value_unit_mismatch", value, written)
    return number * k_written / k_unit, written


@dataclass(frozen=True)
class ParsedTarget:
    """Meaning of a raw target cell such as ``90%以上``, ``是``, ``—`` or ``4.1``."""

    raw: str
    comparator: str | None  # ">=", "<=", ">", "<" (strict: written > / 大于), "=" or None when there is no value
    value: float | None  # numeric value in the indicator's unit (percent as 0–100); 1.0 for 是
    is_bool: bool = False
    no_value: bool = False  # "—": nothing was set for that year

    def as_dict(self) -> dict[str, object]:
        return {
            "raw": self.raw,
            "comparator": self.comparator,
            "value": self.value,
            "is_bool": self.is_bool,
            "no_value": self.no_value,
        }


#: Words that set a target's comparator, as written in official tables. Matched longest first, so
#: ``及以上`` is not read as ``以上`` plus a stray ``及``, nor ``不超过`` as ``超过``.
_GE_WORDS = ("≥", "≧", ">=", "以上", "及以上", "不低于", "不少于", "达到", "达", "至少", "最少", "超过", "大于等于", "大于或等于",
             "不小于")
_LE_WORDS = ("≤", "≦", "<=", "以下", "及以下", "以内", "不超过", "不高于", "低于", "不多于", "至多", "最多", "小于等于",
             "小于或等于", "不大于")
#: Strict comparators, kept as written: ``>92%`` and ``大于90%`` are met only above the number.
_GT_WORDS = (">", "大于")
_LT_WORDS = ("<", "小于")
_COMPARATOR_WORDS = {**{w: ">=" for w in _GE_WORDS}, **{w: "<=" for w in _LE_WORDS},
                     **{w: ">" for w in _GT_WORDS}, **{w: "<" for w in _LT_WORDS}}
#: How each comparator is shown (pages, forms, slides and a target file's rewritten cell).
COMPARATOR_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}
#: Each comparator as the non-strict one of its side (for direction and the expected path).
AT_LEAST_OR_MOST = {">=": ">=", ">": ">=", "<=": "<=", "<": "<=", "=": "="}
_COMPARATOR_RE = re.compile("|".join(re.escape(w) for w in sorted(_COMPARATOR_WORDS, key=len, reverse=True)))
#: A unit written after a target's number (人次, 万亩, 平方米, 元/人, km): letters of a unit only — never a
#: digit, and never a word of time or place that changes the target's sense (5天内, 10日前, 年底).
_UNIT_SUFFIX_RE = re.compile(r"(?<=[\d.])\s*(?:[^\W\d_内前后底末]|[/·²³])(?:[^\W\d_内前后底末]|[/·²³]){0,7}$")


_ONE_NUMBER_RE = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*([^\d\s]*)")


def compared_number(raw: object) -> tuple[str, str, str] | None:
    """A target cell that is one comparator word and one number with at most a unit — ``不少于800人次``,
    ``10及以下``, ``≤1544元/亩`` — as (comparator, the number as written, the unit as written: ``""``
    when none); None for anything else (a bare number, a range, words). For saying the target in
    another language without changing what it says."""
    text = normalize_text("" if raw is None else raw)
    found = {_COMPARATOR_WORDS[m.group(0)] for m in _COMPARATOR_RE.finditer(text)}
    if len(found) != 1:
        return None
    body = _COMPARATOR_RE.sub("", text).strip()
    m = _ONE_NUMBER_RE.fullmatch(body)
    return (found.pop(), m.group(1), m.group(2)) if m else None


def written_unit(raw: object) -> str:
    """The unit written after a target's number (``次`` of ``≥48次``, ``万亩`` of ``2.5万亩以上``); ``""``
    for none (``≥48``, ``95%``: a percent sign is the number's own)."""
    body = _COMPARATOR_RE.sub("", normalize_text("" if raw is None else str(raw)))
    found = _UNIT_SUFFIX_RE.search(body)
    return found.group(0).strip() if found else ""


def parse_target(raw: object, direction: str = "higher") -> ParsedTarget:
    """Parse a target cell. A bare number takes its comparator from the direction
    (higher is better → ``>=``, lower is better → ``<=``, so ``0`` events means "no more
    than 0"); explicit words win over the direction: ``≥ ≧ >= 以上 及以上 不低于 不少于 达到``
    (and ``达 至少 最少 超过 大于等于 不小于``) → ``>=``; ``≤ ≦ <= 以下 及以下 以内 不超过 不高于 低于`` (and
    ``不多于 至多 最多 小于等于 不大于``) → ``<=``; the strict ``> 大于`` → ``>`` and ``< 小于`` → ``<``.
    Words of both kinds in one cell, superscripts or circled digits are refused."""
    text_raw = "" if raw is None else str(raw).strip()
    if isinstance(raw, float) and math.isnan(raw):
        text_raw = ""
    text = normalize_text(text_raw)
    if text in _DASHES:
        return ParsedTarget(text_raw or "—", None, None, no_value=True)
    low = text.lower()
    if low in _YES and not low.isdigit():
        return ParsedTarget(text_raw, "=", 1.0, is_bool=True)
    if low in _NO and not low.isdigit():
        return ParsedTarget(text_raw, "=", 0.0, is_bool=True)
    _check_digits(text_raw)
    found = {_COMPARATOR_WORDS[m.group(0)] for m in _COMPARATOR_RE.finditer(text)}
    if len(found) > 1:
        raise ValueParseError("bad_target", raw)
    comparator: str | None = found.pop() if found else None
    body = _COMPARATOR_RE.sub("", text)
    body = _UNIT_SUFFIX_RE.sub("", body)
    value = parse_number(body)
    if comparator is None:
        comparator = "<=" if direction == "lower" else ">="
    return ParsedTarget(text_raw, comparator, value)
